/**
 * The one concurrency limiter: at most `limit` tasks in flight, the rest queued first come first
 * served. The CLI's import maps a list through it (`mapConcurrently`); the bench feeds it tasks as
 * emails arrive (`run`). Kept hand-written: it is twenty lines, and p-limit (its npm equivalent) is
 * not among the dependencies; adding one for this would buy nothing.
 */
export class TaskLimiter {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Tasks running or waiting. */
  get busy(): number {
    return this.running + this.queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

/** Runs an async task over every item with at most `limit` in flight; results keep the items' order. */
export function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limiter = new TaskLimiter(Math.max(1, limit));
  return Promise.all(items.map((item, index) => limiter.run(() => task(item, index))));
}
