import type { ExecutionRecord } from './execution-store.js';

/** The fields of an aws-local-stepfunctions event log entry that the history uses. */
export interface RunnerEvent {
  type: string;
  timestamp: number;
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
}

/** A GetExecutionHistory event (timestamp in epoch seconds, as the JSON protocol sends it). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

const TERMINAL_TYPES = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut',
]);

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

function details(event: RunnerEvent, roleArn: string): [string, Record<string, unknown>] | undefined {
  const error = { error: event.Error ?? '', cause: text(event.Cause) };
  switch (event.type) {
    case 'ExecutionStarted':
      return ['ExecutionStarted', { executionStartedEventDetails: { input: text(event.input), roleArn } }];
    case 'ExecutionSucceeded':
      return ['ExecutionSucceeded', { executionSucceededEventDetails: { output: text(event.output) } }];
    case 'ExecutionFailed':
      return ['ExecutionFailed', { executionFailedEventDetails: error }];
    case 'ExecutionAborted':
      return ['ExecutionAborted', { executionAbortedEventDetails: {} }];
    case 'ExecutionTimeout':
      return ['ExecutionTimedOut', { executionTimedOutEventDetails: {} }];
    case 'StateEntered':
      return [
        `${event.state?.type ?? 'Task'}StateEntered`,
        { stateEnteredEventDetails: { name: event.state?.name, input: text(event.state?.input) } },
      ];
    case 'StateExited':
      return [
        `${event.state?.type ?? 'Task'}StateExited`,
        { stateExitedEventDetails: { name: event.state?.name, output: text(event.state?.output) } },
      ];
    case 'StateFailed':
      if (event.state?.type !== 'Task') return undefined;
      return [
        'TaskFailed',
        { taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', ...error } },
      ];
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return [event.type, {}];
    default:
      return undefined;
  }
}

/** Builds the history of one execution from the runner's event log, in AWS's event shapes. */
export class ExecutionHistory {
  private readonly events: HistoryEvent[] = [];
  private ended = false;

  constructor(private readonly roleArn: string) {}

  /** Adds an event; events after the execution's end (e.g. from a run that was stopped) are ignored. */
  add(event: RunnerEvent): void {
    if (this.ended) return;
    const mapped = details(event, this.roleArn);
    if (!mapped) return;
    const [type, fields] = mapped;
    this.ended = TERMINAL_TYPES.has(type);
    const id = this.events.length + 1;
    this.events.push({ id, previousEventId: id - 1, timestamp: event.timestamp / 1000, type, ...fields });
  }

  list(): HistoryEvent[] {
    return this.events;
  }

  /** The minimal history of an execution that ran before a restart: its start and its end. */
  static fromRecord(record: ExecutionRecord, roleArn: string): ExecutionHistory {
    const history = new ExecutionHistory(roleArn);
    history.add({ type: 'ExecutionStarted', timestamp: record.startDate, input: record.input });
    const end = record.stopDate ?? record.startDate;
    if (record.status === 'SUCCEEDED')
      history.add({ type: 'ExecutionSucceeded', timestamp: end, output: record.output });
    if (record.status === 'FAILED') {
      history.add({
        type: 'ExecutionFailed',
        timestamp: end,
        Error: record.error ?? '',
        Cause: record.cause ?? '',
      });
    }
    if (record.status === 'ABORTED') history.add({ type: 'ExecutionAborted', timestamp: end });
    if (record.status === 'TIMED_OUT') history.add({ type: 'ExecutionTimeout', timestamp: end });
    return history;
  }
}
