import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What is kept of an execution across restarts. Dates are epoch milliseconds. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
}

interface StoreFile {
  version: 1;
  executions: ExecutionRecord[];
}

/**
 * Executions, kept in memory and written to one JSON file (atomically: a temporary file renamed
 * over it). Writes are coalesced; `flush` resolves once everything recorded so far is on disk.
 */
export class ExecutionStore {
  private readonly executions = new Map<string, ExecutionRecord>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    if (!existsSync(this.file)) return;
    const parsed = JSON.parse(await readFile(this.file, 'utf8')) as StoreFile;
    for (const record of parsed.executions ?? []) this.executions.set(record.executionArn, record);
  }

  get(executionArn: string): ExecutionRecord | undefined {
    return this.executions.get(executionArn);
  }

  all(): ExecutionRecord[] {
    return [...this.executions.values()];
  }

  /** Records a new or changed execution; it reaches the disk within a few milliseconds (or on `flush`). */
  put(record: ExecutionRecord): void {
    this.executions.set(record.executionArn, record);
    this.dirty = true;
    this.flushTimer ??= setTimeout(() => void this.flush(), 25);
  }

  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        const content: StoreFile = { version: 1, executions: this.all() };
        await mkdir(dirname(this.file), { recursive: true });
        const temporary = `${this.file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(content));
        await rename(temporary, this.file);
      });
    return this.writing;
  }
}
