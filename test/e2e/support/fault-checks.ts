import { GetExecutionHistoryCommand, type HistoryEvent, SFNClient } from '@aws-sdk/client-sfn';
import { expect } from 'vitest';
import type { SentEmail } from '../../../local/actors/mailbox.js';
import type { TestCloud } from './test-cloud.js';

export interface WorkflowEvent {
  type: string;
  state?: string;
  error?: string;
}

/** The placement's execution history, as GetExecutionHistory gives it: what ran, what failed and was retried. */
export const workflowEvents = async (cloud: TestCloud, placementId: string): Promise<WorkflowEvent[]> => {
  const sfn = new SFNClient({
    endpoint: cloud.cloud.endpoints.stepfunctions,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const machineArn = cloud.cloud.model.stateMachines[0]?.arn ?? '';
  const executionArn = `${machineArn.replace(':stateMachine:', ':execution:')}:${placementId}`;
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events.map((event) => ({
    type: event.type ?? '',
    ...((event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name)
      ? { state: event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name }
      : {}),
    ...(event.taskFailedEventDetails?.error ? { error: event.taskFailedEventDetails.error } : {}),
  }));
};

/** How many times a task state completed: for CollectDocuments, how many times the workflow was resumed. */
export const completions = (events: WorkflowEvent[], state: string) =>
  events.filter((event) => event.type === 'TaskStateExited' && event.state === state).length;

export const failuresNamed = (events: WorkflowEvent[]) =>
  events.filter((event) => event.type === 'TaskFailed').map((event) => event.error ?? '');

/** No recipient got the same email (same subject) twice. */
export const expectNoEmailTwice = (emails: SentEmail[]) => {
  const seen = emails.flatMap((email) =>
    [...email.destination.to, ...email.destination.cc].map((address) => `${address} ← ${email.subject}`),
  );
  const repeated = seen.filter((entry, index) => seen.indexOf(entry) !== index);
  expect(repeated, 'emails sent twice').toEqual([]);
};

export const historyCount = (placement: { history: Array<{ type: string }> }, type: string) =>
  placement.history.filter((entry) => entry.type === type).length;
