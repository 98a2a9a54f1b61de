/**
 * Runs one CLI invocation: finds the command, checks its arguments and options, runs it, and
 * turns any failure into one line on stderr and an exit code (0 success, 1 failure, 2 usage).
 */
import type { ApiClient } from './api-client.js';
import { connectToApi } from './api-connection.js';
import type { CliIo } from './cli-io.js';
import { type CommandLine, parseCommandLine } from './command-line.js';
import type { Command, CommandContext } from './commands/command.js';
import { COMMANDS } from './commands/command-list.js';
import { describeError } from './error-line.js';
import { UsageError } from './usage-error.js';
import { GLOBAL_OPTIONS, GLOBAL_SWITCHES, synopsis, usageText } from './usage-text.js';

export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const OPTION_KINDS = {
  values: new Set([
    ...GLOBAL_OPTIONS.map((option) => option.name),
    ...COMMANDS.flatMap((command) => (command.options ?? []).map((option) => option.name)),
  ]),
  switches: new Set<string>([...GLOBAL_SWITCHES, ...COMMANDS.flatMap((command) => command.switches ?? [])]),
};

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const warn = (text: string) => io.stderr.write(`${text}\n`);
  let command: Command | undefined;
  try {
    const line = parseCommandLine(args, OPTION_KINDS);
    if (line.words[0] === 'help' || (line.switches.has('help') && line.words.length === 0)) {
      print(usageText(COMMANDS));
      return EXIT_SUCCESS;
    }
    if (line.words.length === 0) {
      warn(usageText(COMMANDS));
      return EXIT_USAGE;
    }
    command = findCommand(line.words);
    if (line.switches.has('help')) {
      print(`Usage: onboarding ${synopsis(command)}\n  ${command.summary}`);
      return EXIT_SUCCESS;
    }
    const input = checkInput(command, line);

    let api: Promise<ApiClient> | undefined;
    const context: CommandContext = {
      io,
      json: line.switches.has('json'),
      api: () => {
        api ??= connectToApi(io, line.options.get('api'));
        return api;
      },
      print,
      warn,
      printJson: (value) => print(JSON.stringify(value, null, 2)),
    };
    return await command.run(input, context);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`error: ${error.message}`);
      warn(
        command ? `Usage: onboarding ${synopsis(command)}` : 'Run "onboarding help" to see every command.',
      );
      return EXIT_USAGE;
    }
    warn(`error: ${describeError(error)}`);
    return EXIT_FAILURE;
  }
}

function findCommand(words: readonly string[]): Command {
  const [group = '', name = ''] = words;
  const command =
    COMMANDS.find((candidate) => candidate.words[0] === group && candidate.words[1] === name) ??
    COMMANDS.find((candidate) => candidate.words.length === 1 && candidate.words[0] === group);
  if (command) return command;
  const groups = [...new Set(COMMANDS.map((candidate) => candidate.words[0]))];
  if (!groups.includes(group)) throw new UsageError(`Unknown command "${group}".`);
  const names = COMMANDS.filter((candidate) => candidate.words[0] === group).map(
    (candidate) => candidate.words[1],
  );
  throw new UsageError(
    name === ''
      ? `"${group}" needs one of: ${names.join(', ')}.`
      : `Unknown command "${group} ${name}" (try ${names.join(', ')}).`,
  );
}

function checkInput(command: Command, line: CommandLine) {
  const args = line.words.slice(command.words.length);
  if (args.length < command.arguments.length) {
    throw new UsageError(`Missing ${command.arguments.slice(args.length).join(' ')}.`);
  }
  if (args.length > command.arguments.length) {
    throw new UsageError(`Unexpected argument "${args[command.arguments.length]}".`);
  }

  const allowedOptions = new Set<string>([
    ...GLOBAL_OPTIONS.map((option) => option.name),
    ...(command.options ?? []).map((option) => option.name),
  ]);
  const allowedSwitches = new Set<string>([...GLOBAL_SWITCHES, ...(command.switches ?? [])]);
  const commandName = command.words.join(' ');
  for (const name of line.options.keys()) {
    if (!allowedOptions.has(name)) throw new UsageError(`${commandName} does not take --${name}.`);
  }
  for (const name of line.switches) {
    if (!allowedSwitches.has(name)) throw new UsageError(`${commandName} does not take --${name}.`);
  }

  const missing = (command.options ?? []).filter(
    (option) => option.required && !line.options.has(option.name),
  );
  if (missing.length > 0) {
    throw new UsageError(`Missing ${missing.map((option) => `--${option.name}`).join(', ')}.`);
  }
  const blank = [...line.options].filter(([, value]) => value.trim() === '').map(([name]) => `--${name}`);
  if (blank.length > 0) throw new UsageError(`${blank.join(', ')} must not be empty.`);
  return { args, options: line.options, switches: line.switches };
}
