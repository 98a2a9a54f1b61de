import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';

/** The EventBridge envelope a rule's target receives. */
export interface EventEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** One event put on a local bus, numbered in the order it arrived. */
export interface StoredEvent {
  seq: number;
  eventBusName: string;
  event: EventEnvelope;
}

/**
 * The events of the local buses, one JSON line each in a file of the data directory: they survive a
 * restart (numbering goes on) and `--reset` empties them with the rest of `.local/`.
 */
export class EventStore {
  private readonly events: StoredEvent[] = [];
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(file: string): Promise<EventStore> {
    const store = new EventStore(file);
    if (existsSync(file)) {
      for (const line of (await readFile(file, 'utf8')).split('\n')) {
        if (line.trim() === '') continue;
        try {
          store.events.push(JSON.parse(line) as StoredEvent);
        } catch {
          // A line cut short by a crash is dropped; the others stay.
        }
      }
    }
    return store;
  }

  /** Numbers the event, keeps it, and resolves once it is on disk. */
  async append(eventBusName: string, event: EventEnvelope): Promise<StoredEvent> {
    const stored: StoredEvent = { seq: (this.events.at(-1)?.seq ?? 0) + 1, eventBusName, event };
    this.events.push(stored);
    const line = `${JSON.stringify(stored)}\n`;
    const written = this.writes.then(() => appendFile(this.file, line));
    this.writes = written.catch(() => {});
    await written;
    return stored;
  }

  /** The events numbered after `seq`, oldest first. */
  after(seq: number): StoredEvent[] {
    return this.events.filter((stored) => stored.seq > seq);
  }
}
