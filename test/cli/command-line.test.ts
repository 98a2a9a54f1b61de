import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../cli/command-line.js';
import { UsageError } from '../../cli/usage-error.js';

const kinds = { values: new Set(['site', 'reason', 'api']), switches: new Set(['json', 'all']) };

describe('parseCommandLine', () => {
  it('separates words, value options and switches wherever they appear', () => {
    const line = parseCommandLine(
      ['--api', 'http://x', 'placements', '--json', 'list', '--site', 'a'],
      kinds,
    );
    expect(line.words).toEqual(['placements', 'list']);
    expect(Object.fromEntries(line.options)).toEqual({ api: 'http://x', site: 'a' });
    expect([...line.switches]).toEqual(['json']);
  });

  it('reads --name=value, including values with spaces and equals signs', () => {
    const line = parseCommandLine(['cancel', '--reason=moved to a=b later'], kinds);
    expect(line.options.get('reason')).toBe('moved to a=b later');
  });

  it('takes a value that starts with a single dash', () => {
    expect(parseCommandLine(['--reason', '-'], kinds).options.get('reason')).toBe('-');
  });

  it('treats everything after -- as words', () => {
    expect(parseCommandLine(['show', '--', '--json'], kinds).words).toEqual(['show', '--json']);
  });

  it('maps -h to the help switch', () => {
    expect(parseCommandLine(['-h'], kinds).switches.has('help')).toBe(true);
  });

  it.each([
    [['--colour'], 'Unknown option --colour.'],
    [['-x'], 'Unknown option -x.'],
    [['--site'], '--site needs a value.'],
    [['--site', '--json'], '--site needs a value.'],
    [['--json=yes'], '--json takes no value.'],
    [['--site', 'a', '--site=b'], '--site is given more than once.'],
  ])('rejects %j with a usage error', (args, message) => {
    expect(() => parseCommandLine(args, kinds)).toThrow(new UsageError(message));
  });
});
