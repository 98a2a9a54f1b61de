/** Any failure as one printable line: the API's code, message and each `details[].path: message`. */
import { ApiError } from './api-error.js';
import { printable } from './printable-text.js';

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details.map((detail) => ` [${detail.path}: ${detail.message}]`).join('');
    return printable(`${error.code} (HTTP ${error.status}): ${error.message}${details}`);
  }
  if (error instanceof Error) return printable(error.message);
  return printable(String(error));
}
