/** A command line the CLI cannot run (unknown command, missing or unknown option). Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
