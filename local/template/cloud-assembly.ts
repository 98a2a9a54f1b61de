import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CfnTemplate, StackTemplate } from './cloudformation-template.js';

interface ManifestArtifact {
  type: string;
  displayName?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string };
}

interface CloudAssemblyManifest {
  artifacts?: Record<string, ManifestArtifact>;
}

/**
 * Reads every CloudFormation stack of a cloud assembly (`cdk.out/manifest.json`), following nested
 * assemblies (CDK stages). `stackFilter`, when given, keeps only the stacks it accepts.
 */
export async function readCloudAssembly(
  cdkOutDir: string,
  stackFilter: (stackName: string) => boolean = () => true,
): Promise<StackTemplate[]> {
  const stacks: StackTemplate[] = [];
  await collectStacks(cdkOutDir, stackFilter, stacks);
  if (stacks.length === 0) {
    throw new Error(`No CloudFormation stack found in ${join(cdkOutDir, 'manifest.json')}.`);
  }
  return stacks;
}

async function collectStacks(
  assemblyDir: string,
  stackFilter: (stackName: string) => boolean,
  stacks: StackTemplate[],
): Promise<void> {
  const manifest = JSON.parse(
    await readFile(join(assemblyDir, 'manifest.json'), 'utf8'),
  ) as CloudAssemblyManifest;
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      await collectStacks(join(assemblyDir, artifact.properties.directoryName), stackFilter, stacks);
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const stackName = artifact.properties.stackName ?? artifactId;
    if (!stackFilter(stackName)) continue;
    const template = JSON.parse(
      await readFile(join(assemblyDir, artifact.properties.templateFile), 'utf8'),
    ) as CfnTemplate;
    stacks.push({ stackName, assemblyDir, template });
  }
}
