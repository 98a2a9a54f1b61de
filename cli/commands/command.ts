/** The shape every CLI command has, and what it is given to run. */
import type { ApiClient } from '../api-client.js';
import type { CliIo } from '../cli-io.js';

export interface OptionSpec {
  name: string;
  /** The value's placeholder in usage text (`ID`, `TEXT`). */
  value: string;
  required?: boolean;
}

export interface Command {
  /** The words that name it: `placements list`, or one word (`queue`). */
  words: readonly [string] | readonly [string, string];
  /** Its positional arguments' placeholders, all required: `ID`, `CODE`. */
  arguments: readonly string[];
  options?: readonly OptionSpec[];
  switches?: readonly string[];
  summary: string;
  run(input: CommandInput, context: CommandContext): Promise<number>;
}

export interface CommandInput {
  /** The positional arguments, in the order of `Command.arguments`. */
  args: readonly string[];
  options: ReadonlyMap<string, string>;
  switches: ReadonlySet<string>;
}

export interface CommandContext {
  io: CliIo;
  /** `--json`: print the API's JSON instead of tables. */
  json: boolean;
  /** The API client, resolved on first use (so file checks run without an API). */
  api(): Promise<ApiClient>;
  /** A line on stdout. */
  print(text: string): void;
  /** A line on stderr. */
  warn(text: string): void;
  printJson(value: unknown): void;
}

/** A required option's value (run-cli has already checked it is present). */
export function requiredOption(input: CommandInput, name: string): string {
  const value = input.options.get(name);
  if (value === undefined) throw new Error(`--${name} is required.`);
  return value;
}

/** A positional argument's value (run-cli has already checked the count). */
export function argument(input: CommandInput, index: number): string {
  return input.args[index] ?? '';
}
