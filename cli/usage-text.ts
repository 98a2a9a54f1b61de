/** The help text, built from the commands' own descriptions so it cannot drift from them. */
import type { Command } from './commands/command.js';

/** Options every command takes. */
export const GLOBAL_OPTIONS = [{ name: 'api', value: 'URL' }] as const;
export const GLOBAL_SWITCHES = ['json', 'help'] as const;

/** `placements waive ID CODE --reason TEXT`. */
export function synopsis(command: Command): string {
  const options = (command.options ?? []).map((option) =>
    option.required ? `--${option.name} ${option.value}` : `[--${option.name} ${option.value}]`,
  );
  const switches = (command.switches ?? []).map((name) => `[--${name}]`);
  return [...command.words, ...command.arguments, ...options, ...switches].join(' ');
}

export function usageText(commands: readonly Command[]): string {
  const entries = commands.map((command) => `  onboarding ${synopsis(command)}\n      ${command.summary}`);
  return [
    'Usage: onboarding <command> [options]',
    '',
    'Commands:',
    ...entries,
    '  onboarding help',
    '      Show this text.',
    '',
    'Options for every command:',
    '  --api URL   the coordinator API (default: $ONBOARDING_API_URL, else the local cloud',
    '              from .local/endpoints.json, written by `npm start`). Requests to a non-local',
    '              URL are signed with SigV4 using the standard AWS credential chain.',
    '  --json      print the API JSON instead of tables (for scripts)',
    '  --help, -h  show this text',
    '',
    'CSV columns for import (header row required, any order):',
    '  studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail',
    '',
    'Exit status: 0 on success, 1 on failure, 2 on a usage error.',
  ].join('\n');
}
