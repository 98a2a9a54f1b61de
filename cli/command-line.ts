/**
 * Splits the command line into words (the command and its arguments), value options
 * (`--site ID`, `--site=ID`) and switches (`--json`). Which names take a value is known up
 * front, so options may come anywhere, before or after the command words.
 *
 * Node's own `util.parseArgs` reads the line (as for `npm start` and `npm run bench`); its tokens
 * are then checked here so that every mistake is a UsageError that names the option.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export interface CommandLine {
  words: string[];
  options: Map<string, string>;
  switches: Set<string>;
}

export interface OptionKinds {
  /** Options followed by a value. */
  values: ReadonlySet<string>;
  /** Options that stand alone. */
  switches: ReadonlySet<string>;
}

export function parseCommandLine(args: readonly string[], kinds: OptionKinds): CommandLine {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const name of kinds.values) options[name] = { type: 'string' };
  for (const name of kinds.switches) options[name] = { type: 'boolean' };
  // Not strict: unknown options and missing values come back as tokens, and are refused below.
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const line: CommandLine = { words: [], options: new Map(), switches: new Set() };
  for (const token of tokens) {
    if (token.kind === 'positional') line.words.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, value } = token;
    if (token.rawName === '-h') {
      line.switches.add('help');
    } else if (!token.rawName.startsWith('--')) {
      throw new UsageError(`Unknown option ${token.rawName}.`);
    } else if (kinds.switches.has(name)) {
      if (value !== undefined) throw new UsageError(`--${name} takes no value.`);
      line.switches.add(name);
    } else if (kinds.values.has(name)) {
      if (line.options.has(name)) throw new UsageError(`--${name} is given more than once.`);
      // parseArgs takes the next argument as the value even when it is another option.
      if (value === undefined || (!token.inlineValue && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value.`);
      line.options.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name}.`);
    }
  }
  return line;
}
