import type { StoredEmail } from '../mailbox-store.js';
import type { PutEventsEntry } from './local-event-bus.js';

export const BOUNCE_SIMULATOR = 'bounce@simulator.amazonses.com';
export const COMPLAINT_SIMULATOR = 'complaint@simulator.amazonses.com';

/** The bare address of `Name <a@b>` or `a@b`, in lower case. */
function addressOf(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
}

/** What each simulator address produces, as SES names it. */
const OUTCOMES = [
  {
    simulator: BOUNCE_SIMULATOR,
    detailType: 'Email Bounced',
    eventType: 'Bounce',
    key: 'bounce',
    recipientsKey: 'bouncedRecipients',
    fields: { bounceType: 'Permanent' },
  },
  {
    simulator: COMPLAINT_SIMULATOR,
    detailType: 'Email Complained',
    eventType: 'Complaint',
    key: 'complaint',
    recipientsKey: 'complainedRecipients',
    fields: {},
  },
] as const;

/**
 * What SES publishes through a configuration set's EventBridge destination (on the `default` bus)
 * when an email reaches one of its mailbox-simulator addresses: `Email Bounced` (a permanent bounce)
 * for `bounce@simulator.amazonses.com`, `Email Complained` for `complaint@simulator.amazonses.com`.
 */
export function simulatorEvents(email: StoredEmail, nowEpochMs: number): PutEventsEntry[] {
  const destination = [...email.destination.to, ...email.destination.cc, ...email.destination.bcc];
  const timestamp = new Date(nowEpochMs).toISOString();
  const mail = { messageId: email.messageId, destination, timestamp };
  return OUTCOMES.flatMap((outcome) => {
    const reached = destination.map(addressOf).filter((address) => address === outcome.simulator);
    if (reached.length === 0) return [];
    const recipients = reached.map((emailAddress) => ({ emailAddress }));
    return [
      {
        Source: 'aws.ses',
        DetailType: outcome.detailType,
        Detail: JSON.stringify({
          eventType: outcome.eventType,
          mail,
          [outcome.key]: { ...outcome.fields, [outcome.recipientsKey]: recipients, timestamp },
        }),
      },
    ];
  });
}
