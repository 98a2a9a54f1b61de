import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  type ExecutionStatus,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
} from '@aws-sdk/client-sfn';

/** Reads the local Step Functions service: execution status and the states an execution entered. */
export class ExecutionWatch {
  private readonly client: SFNClient;

  constructor(
    endpoint: string,
    private readonly stateMachineArn: string,
  ) {
    this.client = new SFNClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  /** Execution name = placementId (the coordinator API starts it so). */
  executionArn(placementId: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${placementId}`;
  }

  async status(placementId: string): Promise<ExecutionStatus | undefined> {
    const { status } = await this.client.send(
      new DescribeExecutionCommand({ executionArn: this.executionArn(placementId) }),
    );
    return status;
  }

  async waitFor(
    placementId: string,
    wanted: ExecutionStatus = 'SUCCEEDED',
    timeoutMs = 60_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: ExecutionStatus | undefined;
    while (Date.now() < deadline) {
      last = await this.status(placementId).catch(() => undefined);
      if (last === wanted) return;
      if (last && last !== 'RUNNING')
        throw new Error(`execution ${placementId} ended ${last}, not ${wanted}`);
      await sleep(50);
    }
    throw new Error(`execution ${placementId} is still ${last ?? 'unknown'} after ${timeoutMs} ms`);
  }

  /** The names of the states the execution entered, in order (each one a billed state transition). */
  async statesEntered(placementId: string): Promise<string[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.client.send(
        new GetExecutionHistoryCommand({
          executionArn: this.executionArn(placementId),
          nextToken,
          maxResults: 1000,
        }),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events
      .filter((event) => event.type?.endsWith('StateEntered'))
      .map((event) => event.stateEnteredEventDetails?.name ?? '?');
  }

  close(): void {
    this.client.destroy();
  }
}
