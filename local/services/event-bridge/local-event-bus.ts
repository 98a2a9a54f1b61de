import { randomUUID } from 'node:crypto';
import {
  DEFAULT_EVENT_BUS,
  type EventRuleSpec,
  type EventTargetSpec,
  eventBusNameOf,
} from '../../template/event-rules.js';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../../template/local-aws-account.js';
import { matchesEventPattern } from './event-pattern.js';
import type { EventEnvelope, EventStore, StoredEvent } from './event-store.js';

/** One entry of a PutEvents request, as the SDK sends it. */
export interface PutEventsEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  Resources?: unknown;
  Time?: unknown;
}

/** What PutEvents answers for one entry: its id, or why it was not put. */
export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface LocalEventBusOptions {
  store: EventStore;
  /** The bus names that exist (`default` and the template's). */
  buses: readonly string[];
  rules: readonly EventRuleSpec[];
  /** The local cloud's (virtual) now, epoch ms: an event's `time` when the entry has none. */
  now: () => number;
  /** Hands `payload` to a rule's Lambda target, asynchronously (Lambda retries a failure twice). */
  deliver: (functionName: string, payload: unknown, ruleId: string) => void;
}

/** EventBridge's `time`: ISO 8601 to the second, in UTC. */
export function eventTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

function entryError(code: string, message: string): PutEventsResultEntry {
  return { ErrorCode: code, ErrorMessage: message };
}

/** The local EventBridge: PutEvents keeps each event and hands it to the targets of the matching rules. */
export class LocalEventBus {
  constructor(private readonly options: LocalEventBusOptions) {}

  /** Puts one entry; an invalid one comes back as an error entry, as PutEvents answers it. */
  async put(entry: PutEventsEntry): Promise<PutEventsResultEntry> {
    const busName =
      typeof entry.EventBusName === 'string' && entry.EventBusName !== ''
        ? eventBusNameOf(entry.EventBusName)
        : DEFAULT_EVENT_BUS;
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        return entryError(
          'InvalidArgument',
          `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
        );
      }
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail as string);
    } catch {
      return entryError('MalformedDetail', 'Detail is malformed.');
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return entryError('MalformedDetail', 'Detail is malformed.');
    }
    if (!this.options.buses.includes(busName)) {
      return entryError('NotFoundException', `Event bus ${busName} does not exist.`);
    }
    const time = entryTimeMs(entry.Time) ?? this.options.now();
    const event: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: LOCAL_ACCOUNT_ID,
      time: eventTime(time),
      region: LOCAL_REGION,
      resources: Array.isArray(entry.Resources)
        ? entry.Resources.filter((item): item is string => typeof item === 'string')
        : [],
      detail,
    };
    const stored = await this.options.store.append(busName, event);
    this.route(stored);
    return { EventId: event.id };
  }

  /** Delivers a stored event to the Lambda targets of every rule on its bus whose pattern matches. */
  private route(stored: StoredEvent): void {
    for (const rule of this.options.rules) {
      if (rule.eventBusName !== stored.eventBusName || !rule.eventPattern) continue;
      if (!matchesEventPattern(rule.eventPattern, stored.event)) continue;
      for (const target of rule.targets) {
        this.options.deliver(target.functionName, targetPayload(target, stored.event), rule.logicalId);
      }
    }
  }

  /** Runs a scheduled rule once: its targets get the `Scheduled Event` envelope (or their `Input`). */
  runSchedule(rule: EventRuleSpec, atEpochMs: number): void {
    const event: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: LOCAL_ACCOUNT_ID,
      time: eventTime(atEpochMs),
      region: LOCAL_REGION,
      resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/${rule.logicalId}`],
      detail: {},
    };
    for (const target of rule.targets) {
      this.options.deliver(target.functionName, targetPayload(target, event), rule.logicalId);
    }
  }

  /** The events numbered after `seq`. */
  eventsAfter(seq: number): StoredEvent[] {
    return this.options.store.after(seq);
  }
}

/** `Time` as the SDK sends it: epoch seconds (a number) or an ISO string. */
function entryTimeMs(time: unknown): number | undefined {
  if (typeof time === 'number' && Number.isFinite(time)) return time * 1000;
  if (typeof time === 'string') {
    const parsed = Date.parse(time);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return undefined;
}

/** A target's constant `Input` (JSON text, checked by CloudFormation) replaces the event. */
function targetPayload(target: EventTargetSpec, event: EventEnvelope): unknown {
  if (target.input === undefined) return event;
  try {
    return JSON.parse(target.input) as unknown;
  } catch {
    return target.input;
  }
}
