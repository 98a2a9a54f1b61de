import { describe, expect, it } from 'vitest';
import { createProgressReporter, renderProgressBar } from '../../cli/progress-reporter.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
};

describe('progress reporting', () => {
  it('renders a bar with the done count and the tally', () => {
    expect(renderProgressBar({ created: 10, existed: 5, failed: 0 }, 30)).toBe(
      `[${'█'.repeat(15)}${'░'.repeat(15)}] 15/30 (created 10, existed 5, failed 0)`,
    );
  });

  it('redraws the bar in place on a terminal and ends the line when finished', () => {
    const terminal = stream(true);
    const progress = createProgressReporter(terminal, 2);
    progress.update({ created: 1, existed: 0, failed: 0 });
    progress.update({ created: 1, existed: 0, failed: 1 });
    progress.finish();
    expect(terminal.written).toHaveLength(3);
    expect(terminal.written[0]?.startsWith('\r\u001b[2K[')).toBe(true);
    expect(terminal.written[1]).toContain('2/2 (created 1, existed 0, failed 1)');
    expect(terminal.written[2]).toBe('\n');
  });

  it('writes a plain line every tenth of the way when not on a terminal', () => {
    const log = stream(false);
    const progress = createProgressReporter(log, 25);
    for (let created = 1; created <= 25; created++) progress.update({ created, existed: 0, failed: 0 });
    progress.finish();
    expect(log.written).toEqual(
      [3, 6, 9, 12, 15, 18, 21, 24, 25].map(
        (done) => `progress: ${done}/25 (created ${done}, existed 0, failed 0)\n`,
      ),
    );
  });
});
