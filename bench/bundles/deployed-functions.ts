import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { FUNCTION_ENTRIES_DIR } from '../../infra/bundling/handler-bundles.js';
import { readCloudAssembly } from '../../local/template/cloud-assembly.js';

/** A Lambda function of the synthesized templates whose code is a bundle of functions/entries/<handler>.ts. */
export interface DeployedFunction {
  logicalId: string;
  /** The entry file's name: `portal` for functions/entries/portal.ts. */
  handler: string;
  /** The bundled module in cdk.out (from the function's `aws:asset:path` metadata). */
  bundleFile: string;
  entryFile: string;
  memoryMb: number;
  /** The variables the template gives the function; values that are intrinsics are left out. */
  literalEnvironment: Record<string, string>;
  environmentNames: string[];
}

const kebabCase = (constructId: string) =>
  constructId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** The construct id a logical id was made from: `CheckComplianceA01B4A8D` → `CheckCompliance`. */
export const constructIdOf = (logicalId: string) => logicalId.replace(/[0-9A-F]{8}$/, '');

export const handlerNameOf = (logicalId: string) => kebabCase(constructIdOf(logicalId));

const BUNDLE_NAMES = ['index.mjs', 'index.js', 'index.cjs'];

/** The functions of every stack in the cloud assembly that bundle one of the project's handler files. */
export async function deployedFunctions(projectDir: string, cdkOutDir: string): Promise<DeployedFunction[]> {
  const found: DeployedFunction[] = [];
  for (const stack of await readCloudAssembly(cdkOutDir)) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (typeof assetPath !== 'string') continue;
      const handler = handlerNameOf(logicalId);
      const entryFile = join(projectDir, FUNCTION_ENTRIES_DIR, `${handler}.ts`);
      if (!existsSync(entryFile)) continue;
      const assetDir = isAbsolute(assetPath) ? assetPath : join(stack.assemblyDir, assetPath);
      const bundleName = BUNDLE_NAMES.find((name) => existsSync(join(assetDir, name)));
      if (!bundleName) throw new Error(`No bundle in ${assetDir} (function ${logicalId}).`);
      const properties = (resource.Properties ?? {}) as unknown as {
        MemorySize?: number;
        Environment?: { Variables?: Record<string, unknown> };
      };
      const variables = properties.Environment?.Variables ?? {};
      found.push({
        logicalId,
        handler,
        bundleFile: join(assetDir, bundleName),
        entryFile,
        memoryMb: properties.MemorySize ?? 128,
        literalEnvironment: Object.fromEntries(
          Object.entries(variables).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
        environmentNames: Object.keys(variables),
      });
    }
  }
  if (found.length === 0) throw new Error(`No function bundles found in ${cdkOutDir}.`);
  return found.sort((a, b) => a.handler.localeCompare(b.handler));
}

/** Values for the variables a template fills with intrinsics (ARNs, generated names). */
const DUMMY_VALUES: Record<string, string> = {
  TABLE_NAME: 'bench-table',
  DOCUMENTS_BUCKET: 'bench-documents',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:bench',
  SES_CONFIGURATION_SET: 'bench',
  PUBLIC_BASE_URL: 'https://onboarding.example.test',
};

/**
 * The environment a cold start sees: the function's variables (dummy values where the template has
 * intrinsics) and what Lambda itself sets. Nothing from the developer's shell but PATH.
 */
export const coldStartEnvironment = (fn: DeployedFunction): Record<string, string> => {
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_SESSION_TOKEN: 'bench-session',
    AWS_LAMBDA_FUNCTION_NAME: fn.logicalId,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  for (const name of fn.environmentNames) {
    environment[name] = fn.literalEnvironment[name] ?? DUMMY_VALUES[name] ?? `bench-${name.toLowerCase()}`;
  }
  return environment;
};
