import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './captured-io.js';

describe('runCli usage handling', () => {
  it('prints the usage text for help, with every command, and exits 0', async () => {
    const run = await runCliCaptured(['help']);
    expect(run.exitCode).toBe(0);
    for (const command of [
      'sites put FILE.json',
      'sites show ID',
      'placements create --student-id ID',
      'placements import FILE.csv [--concurrency N]',
      'placements list [--site SITE_ID] [--status STATUS] [--limit N]',
      'placements show ID',
      'placements waive ID CODE --reason TEXT',
      'placements cancel ID [--reason TEXT]',
      'placements purge ID [--reason TEXT]',
      'placements retry ID',
    ]) {
      expect(run.stdout).toContain(`onboarding ${command}`);
    }
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const run = await runCliCaptured([]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Usage: onboarding <command>');
  });

  it('names every missing required flag of placements create', async () => {
    const run = await runCliCaptured(['placements', 'create', '--student-id', 'S-1', '--site', 'demo']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'error: Missing --student-name, --student-email, --program, --start, --end, --coordinator.',
    );
    expect(run.stderr).toContain('Usage: onboarding placements create');
  });

  it('rejects an option the command does not take', async () => {
    const run = await runCliCaptured(['placements', 'show', 'pl-1', '--site', 'x']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('error: placements show does not take --site.');
  });

  it('rejects a missing or extra positional argument', async () => {
    expect((await runCliCaptured(['placements', 'waive', 'pl-1', '--reason', 'x'])).stderr).toContain(
      'error: Missing CODE.',
    );
    expect((await runCliCaptured(['sites', 'show', 'a', 'b'])).stderr).toContain(
      'error: Unexpected argument "b".',
    );
  });

  it('rejects an unknown command and lists the group’s commands', async () => {
    expect((await runCliCaptured(['robots'])).stderr).toContain('error: Unknown command "robots".');
    const run = await runCliCaptured(['placements', 'delete', 'x']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'Unknown command "placements delete" (try create, import, list, show, waive, cancel, purge, retry)',
    );
  });

  it('rejects an out-of-range --concurrency', async () => {
    const run = await runCliCaptured(['placements', 'import', 'x.csv', '--concurrency', '0']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--concurrency must be a whole number from 1 to 64.');
  });

  it('fails with one line when no API URL is configured', async () => {
    const run = await runCliCaptured(['sites', 'show', 'demo-hospital'], { cwd: '/nonexistent-dir' });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: No API URL: pass --api URL, set ONBOARDING_API_URL/);
  });
});
