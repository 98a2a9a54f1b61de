/** `events [--follow] [--after SEQ]`: the events on the local cloud's buses. */
import { setTimeout as sleep } from 'node:timers/promises';
import { localEndpoint } from '../api-endpoint.js';
import { UsageError } from '../usage-error.js';
import type { Command, CommandContext } from './command.js';

/** An event as the local bus's read API lists it (`GET <events>/events?after=SEQ`). */
interface ListedEvent {
  seq: number;
  eventBusName: string;
  event: {
    id: string;
    time: string;
    'detail-type': string;
    source: string;
    detail?: { placementId?: unknown };
  };
}

/** How often `--follow` asks for newer events. */
const FOLLOW_INTERVAL_MS = 1000;

/** One line per event: seq, time, detail-type, the placement it is about (or -), and its id. */
export function eventLine(listed: ListedEvent): string {
  const placementId = listed.event.detail?.placementId;
  return [
    String(listed.seq).padStart(4),
    listed.event.time,
    listed.event['detail-type'].padEnd(24),
    (typeof placementId === 'string' ? placementId : '-').padEnd(20),
    listed.event.id,
  ].join('  ');
}

async function eventsAfter(context: CommandContext, baseUrl: string, after: number): Promise<ListedEvent[]> {
  const fetchImplementation = context.io.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImplementation(`${baseUrl}/events?after=${after}`);
  } catch {
    throw new Error(
      `The local event bus at ${baseUrl} does not answer; is the local cloud running (npm start)?`,
    );
  }
  if (!response.ok) throw new Error(`The local event bus answered ${response.status}.`);
  return ((await response.json()) as { events: ListedEvent[] }).events;
}

export const events: Command = {
  words: ['events'],
  arguments: [],
  options: [{ name: 'after', value: 'SEQ' }],
  switches: ['follow'],
  summary:
    'List the events on the local cloud’s buses (time, detail-type, placement, id); --follow waits for new ones until Ctrl-C.',
  async run(input, context) {
    const afterText = input.options.get('after') ?? '0';
    if (!/^\d+$/.test(afterText)) throw new UsageError('--after must be a whole number (an event’s seq).');
    const baseUrl =
      context.io.env.ONBOARDING_EVENTS_URL?.trim() ||
      localEndpoint(context.io.cwd, 'events', 'No event bus: set ONBOARDING_EVENTS_URL, or').url;
    const follow = input.switches.has('follow');
    let after = Number(afterText);
    for (;;) {
      for (const listed of await eventsAfter(context, baseUrl, after)) {
        context.print(context.json ? JSON.stringify(listed) : eventLine(listed));
        after = Math.max(after, listed.seq);
      }
      if (!follow || context.io.signal?.aborted) return 0;
      try {
        await sleep(FOLLOW_INTERVAL_MS, undefined, context.io.signal ? { signal: context.io.signal } : {});
      } catch {
        return 0;
      }
    }
  },
};
