/**
 * Progress of a long run on stderr: a bar redrawn in place on a terminal, otherwise a plain
 * line every tenth of the way (so logs and CI output stay readable).
 */
import type { TextStream } from './cli-io.js';

export interface ImportTally {
  created: number;
  existed: number;
  failed: number;
}

export interface ProgressReporter {
  /** Called after each item with the running tally. */
  update(tally: ImportTally): void;
  /** Ends the bar's line. */
  finish(): void;
}

const BAR_WIDTH = 30;

const doneOf = (tally: ImportTally) => tally.created + tally.existed + tally.failed;
const counts = (tally: ImportTally) =>
  `created ${tally.created}, existed ${tally.existed}, failed ${tally.failed}`;

export function createProgressReporter(stream: TextStream, total: number): ProgressReporter {
  return stream.isTTY ? new TerminalProgressBar(stream, total) : new PlainProgressLines(stream, total);
}

export function renderProgressBar(tally: ImportTally, total: number): string {
  const done = doneOf(tally);
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  return `[${bar}] ${done}/${total} (${counts(tally)})`;
}

class TerminalProgressBar implements ProgressReporter {
  private drawn = false;
  constructor(
    private readonly stream: TextStream,
    private readonly total: number,
  ) {}

  update(tally: ImportTally): void {
    this.stream.write(`\r\x1b[2K${renderProgressBar(tally, this.total)}`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\n');
  }
}

class PlainProgressLines implements ProgressReporter {
  private readonly step: number;
  constructor(
    private readonly stream: TextStream,
    private readonly total: number,
  ) {
    this.step = Math.max(1, Math.ceil(total / 10));
  }

  update(tally: ImportTally): void {
    const done = doneOf(tally);
    if (done % this.step === 0 || done === this.total) {
      this.stream.write(`progress: ${done}/${this.total} (${counts(tally)})\n`);
    }
  }

  finish(): void {}
}
