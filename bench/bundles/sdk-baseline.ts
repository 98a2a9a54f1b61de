import { build, type Metafile } from 'esbuild';
import { lambdaBuildOptions, sdkBaselineBuildOptions } from './lambda-bundling.js';

/** What a handler's bundle is made of, from esbuild's metafile. */
export interface BundleComposition {
  /** @aws-sdk/* packages the project's own code imports (directly), e.g. `@aws-sdk/client-s3`. */
  sdkPackages: string[];
  /** Of those, the service clients (`client-*`) and the document client (`lib-dynamodb`). */
  sdkClients: string[];
  /** Packages bundled from a nested node_modules (a second copy of a package). */
  duplicatedPackages: string[];
  /** Bytes in the output by package (`functions/web` for first-party code), largest first. */
  largestParts: Array<{ part: string; bytes: number }>;
  rebuiltBytes: number;
}

const packageOf = (path: string): string | undefined => {
  const parts = path.split('node_modules/');
  const last = parts.at(-1);
  if (parts.length < 2 || !last) return undefined;
  const segments = last.split('/');
  return segments[0]?.startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
};

const partOf = (path: string) => {
  const pkg = packageOf(path);
  if (!pkg) return path.split('/').slice(0, 2).join('/');
  return path.split('node_modules/').length > 2 ? `${pkg} (nested copy)` : pkg;
};

const isSdkClient = (pkg: string) => /^@aws-sdk\/client-/.test(pkg) || pkg === '@aws-sdk/lib-dynamodb';

export function compositionOf(metafile: Metafile, outputBytes: number): BundleComposition {
  const sdkPackages = new Set<string>();
  const duplicated = new Set<string>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    const nesting = file.split('node_modules/');
    if (nesting.length > 2) {
      const holder = packageOf(`node_modules/${nesting.slice(1, -1).join('node_modules/')}`);
      duplicated.add(`${packageOf(file)} (copy inside ${holder})`);
    }
    if (file.includes('node_modules/')) continue;
    for (const imported of input.imports) {
      const pkg = packageOf(imported.path);
      if (pkg?.startsWith('@aws-sdk/')) sdkPackages.add(pkg);
    }
  }
  const bytesByPart = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      bytesByPart.set(partOf(file), (bytesByPart.get(partOf(file)) ?? 0) + input.bytesInOutput);
    }
  }
  return {
    sdkPackages: [...sdkPackages].sort(),
    sdkClients: [...sdkPackages].filter(isSdkClient).sort(),
    duplicatedPackages: [...duplicated].sort(),
    largestParts: [...bytesByPart.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([part, bytes]) => ({ part, bytes })),
    rebuiltBytes: outputBytes,
  };
}

/** Rebuilds a handler with the Lambda bundling options to see what it is made of. */
export async function analyseHandler(projectDir: string, entryFile: string): Promise<BundleComposition> {
  const result = await build({
    ...lambdaBuildOptions(projectDir),
    entryPoints: [entryFile],
    outfile: 'analysed.mjs',
    write: false,
    metafile: true,
  });
  return compositionOf(result.metafile, result.outputFiles[0]?.contents.byteLength ?? 0);
}

/** The exported service client class of an @aws-sdk/client-* package (`S3Client` for client-s3). */
async function clientClassOf(pkg: string): Promise<string> {
  const exported = (await import(pkg)) as Record<string, unknown>;
  const candidates = Object.keys(exported).filter(
    (name) =>
      /^[A-Z][A-Za-z0-9]*Client$/.test(name) &&
      typeof exported[name] === 'function' &&
      typeof (exported[name] as { prototype?: { send?: unknown } }).prototype?.send === 'function',
  );
  if (candidates.length !== 1)
    throw new Error(`Cannot tell the client class of ${pkg}: ${candidates.join(', ')}`);
  return candidates[0] as string;
}

/**
 * The "bare" entry for a set of SDK clients: it imports each client and instantiates it with its
 * defaults, nothing else (the document client wraps the one DynamoDB client, as the functions do).
 */
export async function bareClientsEntry(sdkClients: readonly string[]): Promise<string> {
  const imports: string[] = [];
  const instances: string[] = [];
  const clients = new Set(sdkClients);
  if (clients.has('@aws-sdk/lib-dynamodb')) clients.add('@aws-sdk/client-dynamodb');
  for (const pkg of [...clients].sort()) {
    if (pkg === '@aws-sdk/lib-dynamodb') continue;
    const name = await clientClassOf(pkg);
    imports.push(`import { ${name} } from '${pkg}';`);
    instances.push(
      name === 'DynamoDBClient' && clients.has('@aws-sdk/lib-dynamodb')
        ? 'DynamoDBDocumentClient.from(new DynamoDBClient({}))'
        : `new ${name}({})`,
    );
  }
  if (clients.has('@aws-sdk/lib-dynamodb')) {
    imports.push("import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';");
  }
  return `${imports.join('\n')}\nexport const clients = [${instances.join(', ')}];\n`;
}

/**
 * Builds the bare entry with the same esbuild settings as the functions; returns its bytes (and writes
 * it). With `sameCredentials`, the bare clients also get the functions' credential provider.
 */
export async function buildBareBundle(
  projectDir: string,
  source: string,
  outfile: string,
  sameCredentials = false,
): Promise<number> {
  const result = await build({
    ...sdkBaselineBuildOptions(projectDir, sameCredentials),
    stdin: { contents: source, resolveDir: projectDir, loader: 'js', sourcefile: 'bare-sdk-clients.mjs' },
    outfile,
    write: true,
    metafile: true,
  });
  return Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
}
