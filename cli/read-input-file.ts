/** Reads a file named on the command line, relative to the working directory, with a clear error. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export async function readInputFile(cwd: string, name: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, name), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new Error(`Cannot read ${name}: ${reason}.`);
  }
}
