/**
 * Splits the command line into words (the command and its arguments), value options
 * (`--site ID`, `--site=ID`) and switches (`--json`). Which names take a value is known up
 * front, so options may come anywhere, before or after the command words.
 */
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
  const line: CommandLine = { words: [], options: new Map(), switches: new Set() };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      line.words.push(...args.slice(index + 1));
      break;
    }
    if (arg === '-h') {
      line.switches.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      line.words.push(arg);
      continue;
    }

    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);

    if (kinds.switches.has(name)) {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value.`);
      line.switches.add(name);
    } else if (kinds.values.has(name)) {
      if (line.options.has(name)) throw new UsageError(`--${name} is given more than once.`);
      let value = inlineValue;
      if (value === undefined) {
        const next = args[index + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
        value = next;
        index++;
      }
      line.options.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name}.`);
    }
  }
  return line;
}
