import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm start` writes to `.local/endpoints.json`. */
export interface LocalEndpoints {
  api: string;
  mailbox: string;
  s3: string;
  dynamodb: string;
  stepfunctions: string;
}

export const readEndpoints = (directory = process.cwd()): LocalEndpoints => {
  const file = join(directory, '.local', 'endpoints.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalEndpoints;
  } catch {
    throw new Error(`No local cloud found (${file} is missing). Start it first with: npm start`);
  }
};
