import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

/** The generated module the CLI and the tests import their HTTP types from (through `http-api.ts`). */
export const HTTP_API_TYPES_PATH = 'functions/contract/http-api-types.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const HEADER = `/**
 * Generated from docs/openapi.yaml by openapi-typescript: do not edit. After changing the document,
 * run \`npm run contract:types\`; test/contract/http-api-types.test.ts fails while this file differs
 * from a fresh generation. Readable names for these types are in ./http-api.ts.
 */

`;

/** The TypeScript types of docs/openapi.yaml, formatted as the repository's Biome settings format them. */
export async function generateHttpApiTypes(): Promise<string> {
  const document = parse(readFileSync(`${ROOT}docs/openapi.yaml`, 'utf8'));
  const source = `${HEADER}${astToString(await openapiTS(document, { alphabetize: false }))}`;
  return execFileSync(
    `${ROOT}node_modules/.bin/biome`,
    ['format', `--stdin-file-path=${HTTP_API_TYPES_PATH}`],
    {
      cwd: ROOT,
      input: source,
      encoding: 'utf8',
    },
  );
}

export const committedHttpApiTypes = (): string => readFileSync(`${ROOT}${HTTP_API_TYPES_PATH}`, 'utf8');

// `npm run contract:types`: write the file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${ROOT}${HTTP_API_TYPES_PATH}`, await generateHttpApiTypes());
  console.log(`wrote ${HTTP_API_TYPES_PATH}`);
}
