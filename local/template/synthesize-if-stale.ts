import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders whose sources make up the synthesized templates and bundles. */
const SOURCE_DIRS = ['infra', 'functions', 'workflows'];
const SOURCE_FILES = ['cdk.json'];

export type SynthesisOutcome = 'reused' | 'synthesized' | 'reused-after-failure';

export interface SynthesisOptions {
  projectDir: string;
  cdkOutDir: string;
  /** 'auto' synthesizes when a source is newer than cdk.out or cdk.out is missing. */
  mode: 'auto' | 'always' | 'never';
  log: (line: string) => void;
  /** Stops a running `cdk synth` (e.g. when the local cloud fails to start meanwhile). */
  signal?: AbortSignal;
  /**
   * Whether the CDK checks the templates against the CloudFormation schema (about 5 s of CPU). On by
   * default (the tests and `npm run synth` keep it); the local cloud, which never deploys, turns it off.
   */
  validateTemplates?: boolean;
}

/** Read by infra/app.ts: `off` turns the CDK's built-in CloudFormation schema validation off. */
export const TEMPLATE_VALIDATION_VARIABLE = 'ONBOARDING_TEMPLATE_VALIDATION';

async function newestModification(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestModification(join(path, entry)));
  }
  return newest;
}

/** True when cdk.out is missing or older than a file under infra/, functions/, workflows/ or cdk.json. */
export async function isCloudAssemblyStale(projectDir: string, cdkOutDir: string): Promise<boolean> {
  const manifest = join(cdkOutDir, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const synthesizedAt = (await stat(manifest)).mtimeMs;
  for (const source of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    if ((await newestModification(join(projectDir, source))) > synthesizedAt) return true;
  }
  return false;
}

function runSynth(
  projectDir: string,
  cdkOutDir: string,
  signal: AbortSignal | undefined,
  validateTemplates: boolean,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // The project's own CLI, without npx's start-up cost, when it is installed.
    const localCli = join(projectDir, 'node_modules', '.bin', 'cdk');
    const [command, prefix] = existsSync(localCli) ? [localCli, []] : ['npx', ['cdk']];
    const child = spawn(command, [...prefix, 'synth', '--quiet', '--no-notices', '--output', cdkOutDir], {
      cwd: projectDir,
      env: {
        ...process.env,
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        // No credentials are needed to synthesize; don't let the SDK wait on the EC2 metadata service.
        AWS_EC2_METADATA_DISABLED: 'true',
        ...(validateTemplates ? {} : { [TEMPLATE_VALIDATION_VARIABLE]: 'off' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Runs `cdk synth` when the cloud assembly is missing or out of date. When synthesis fails and an
 * older cloud assembly exists, that one is used (with a warning); otherwise the error is thrown.
 */
export async function synthesizeIfStale(options: SynthesisOptions): Promise<SynthesisOutcome> {
  const { projectDir, cdkOutDir, mode, log } = options;
  if (mode === 'never') return 'reused';
  if (mode === 'auto' && !(await isCloudAssemblyStale(projectDir, cdkOutDir))) return 'reused';
  log('Synthesizing the CDK app (cdk synth)…');
  const startedAt = performance.now();
  const { code, output } = await runSynth(
    projectDir,
    cdkOutDir,
    options.signal,
    options.validateTemplates ?? true,
  );
  if (code === 0) {
    log(`cdk synth took ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
    return 'synthesized';
  }
  const excerpt = output.trim().split('\n').slice(-15).join('\n');
  if (existsSync(join(cdkOutDir, 'manifest.json'))) {
    log(`Warning: cdk synth failed (exit ${code}); using the previous cdk.out.\n${excerpt}`);
    return 'reused-after-failure';
  }
  throw new Error(`cdk synth failed (exit ${code}):\n${excerpt}`);
}
