/** The local SES mailbox (aws-ses-v2-local): `GET /store` lists what was sent. */
export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export class Mailbox {
  constructor(private readonly baseUrl: string) {}

  async all(): Promise<SentEmail[]> {
    const response = await fetch(`${this.baseUrl}/store`);
    if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
    const { emails } = (await response.json()) as { emails: SentEmail[] };
    return emails;
  }

  async to(address: string): Promise<SentEmail[]> {
    return (await this.all()).filter(
      (email) => email.destination.to.includes(address) || email.destination.cc.includes(address),
    );
  }

  /** Waits for an email to `address` whose text has a `/portal/` or `/review/` link, newest first; returns the link. */
  async waitForLink(
    address: string,
    kind: 'portal' | 'review',
    options: { after?: number; timeoutMs?: number; exclude?: string[] } = {},
  ): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const pattern = new RegExp(`https?://[^\\s"'<>]+/${kind}/[A-Za-z0-9_-]{43}`, 'g');
    while (Date.now() < deadline) {
      const emails = (await this.to(address)).filter((email) => email.at >= (options.after ?? 0));
      for (const email of emails.reverse()) {
        const link = (email.body.text ?? '').match(pattern)?.[0];
        if (link && !(options.exclude ?? []).includes(link)) return link;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${kind} link arrived for ${address}`);
  }

  async clear(): Promise<void> {
    await fetch(`${this.baseUrl}/clear-store`, { method: 'POST' });
  }
}
