import { setTimeout as sleep } from 'node:timers/promises';
import type { SentEmail } from '../../local/actors/mailbox.js';

const LINK = /https?:\/\/[^\s"'<>]+\/(portal|review)\/[A-Za-z0-9_-]{43}/g;

export interface MailLink {
  kind: 'portal' | 'review';
  url: string;
}

/** The portal and review links in an email's text part. */
export const linksIn = (email: SentEmail): MailLink[] =>
  [...(email.body.text ?? '').matchAll(LINK)].map((match) => ({
    kind: match[1] as MailLink['kind'],
    url: match[0],
  }));

/**
 * Follows the local mailbox as mail arrives, for many actors at once: one poller asks
 * `GET /store?since=<s>` for the recent mail only (the whole store grows to thousands of messages
 * in the load run) and hands each new email, once, to `onEmail`.
 */
export class MailboxFeed {
  private readonly seen = new Set<string>();
  private running = false;
  private loop: Promise<void> | undefined;
  received = 0;
  recipients = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly onEmail: (email: SentEmail) => void,
    private readonly intervalMs = 150,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** One more pass, so that mail sent before now has been handed on. */
  async drain(): Promise<void> {
    await this.fetchNew(0);
  }

  private async poll(): Promise<void> {
    let since = 0;
    while (this.running) {
      const pass = Math.floor(Date.now() / 1000) - 1;
      try {
        await this.fetchNew(since);
        since = pass;
      } catch {
        // The mailbox is busy or restarting: try again next round.
      }
      await sleep(this.intervalMs);
    }
  }

  private async fetchNew(since: number): Promise<void> {
    const response = await fetch(`${this.baseUrl}/store${since > 0 ? `?since=${since}` : ''}`);
    if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
    const { emails } = (await response.json()) as { emails: SentEmail[] };
    for (const email of emails) {
      if (this.seen.has(email.messageId)) continue;
      this.seen.add(email.messageId);
      this.received++;
      this.recipients +=
        email.destination.to.length + email.destination.cc.length + email.destination.bcc.length;
      this.onEmail(email);
    }
  }
}
