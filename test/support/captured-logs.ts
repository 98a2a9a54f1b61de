import { vi } from 'vitest';

/** One structured log line of a function, as CloudWatch would receive it. */
export type LogEntry = Record<string, unknown> & { level: string; message: string };

export interface CapturedLogs {
  /** Every line written to stdout and stderr, in order, since capture started (or the last clear). */
  readonly lines: string[];
  /** The lines parsed as JSON (throws on a line that is not: every line a function writes must be). */
  entries(): LogEntry[];
  clear(): void;
}

/**
 * Captures what a function logs. The Powertools Logger writes straight to process.stdout and
 * process.stderr (as it does in Lambda), not through `console`, so this spies on the streams' `write`
 * and keeps the output off the test report; stray `console` output is captured too. Lines go into
 * `lines` when given. Call it in beforeEach; vi.restoreAllMocks undoes it.
 */
export const captureLogs = (lines: string[] = []): CapturedLogs => {
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      lines.push(...text.split('\n').filter((line) => line !== ''));
      return true;
    }) as typeof stream.write);
  }
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  }
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as LogEntry),
    clear: () => {
      lines.length = 0;
    },
  };
};
