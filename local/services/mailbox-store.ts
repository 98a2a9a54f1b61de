import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** A sent email as aws-ses-v2-local stores it (its `dist/store.d.ts` `Email`). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  at: number;
  [other: string]: unknown;
}

interface StoreModule {
  saveEmail: (email: StoredEmail) => void;
  getStoreReadonly: () => { emails: StoredEmail[] };
}

const require = createRequire(import.meta.url);
const listeners = new Set<(email: StoredEmail) => void>();
let store: StoreModule | undefined;

/**
 * aws-ses-v2-local's store (one per process): its senders call `saveEmail` through the module at
 * each request, so replacing the export lets the local cloud see every email saved (to keep it on
 * disk, and to answer the mailbox-simulator addresses).
 */
export function mailboxStore(): StoreModule {
  if (store) return store;
  const module = require('aws-ses-v2-local/dist/store.js') as StoreModule;
  const save = module.saveEmail;
  module.saveEmail = (email) => {
    save(email);
    for (const listener of listeners) listener(email);
  };
  store = module;
  return module;
}

/** Calls `listener` with each email saved from now on; returns the function that stops it. */
export function onEmailSaved(listener: (email: StoredEmail) => void): () => void {
  mailboxStore();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Keeps the mailbox in a JSON-lines file: the mailbox holds the mail of that file (and nothing
 * else), and every email saved afterwards is appended. Returns the function that stops appending.
 */
export async function keepMailboxIn(file: string): Promise<() => Promise<void>> {
  const loaded: StoredEmail[] = [];
  if (existsSync(file)) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      try {
        loaded.push(JSON.parse(line) as StoredEmail);
      } catch {
        // A line cut short by a crash is dropped.
      }
    }
  }
  const { emails } = mailboxStore().getStoreReadonly();
  emails.splice(0, emails.length, ...loaded);
  let writes: Promise<void> = Promise.resolve();
  const stop = onEmailSaved((email) => {
    const line = `${JSON.stringify(email)}\n`;
    writes = writes.then(() => appendFile(file, line)).catch(() => {});
  });
  return async () => {
    stop();
    await writes;
  };
}
