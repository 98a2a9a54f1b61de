import {
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { TransientDependencyError } from '../core/errors.js';
import type { WorkflowEngine } from '../core/ports.js';

/** Errors that mean "this token is already used or gone": the resume happened (or can no longer), so it is done. */
const SPENT_TOKEN = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);
const TRANSIENT = new Set([
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
]);

export class StepFunctionsWorkflow implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(executionName: string, input: { placementId: string }): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      // Same name, already started (or finished): the execution exists, which is what we wanted.
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return;
      throw transient(error);
    }
  }

  async resume(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      if (error instanceof Error && SPENT_TOKEN.has(error.name)) return;
      throw transient(error);
    }
  }

  async stop(executionName: string, cause: string): Promise<void> {
    try {
      await this.client.send(
        new StopExecutionCommand({
          executionArn: this.executionArn(executionName),
          cause: cause.slice(0, 256),
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return;
      throw transient(error);
    }
  }

  /** arn:…:stateMachine:Name → arn:…:execution:Name:executionName */
  private executionArn(executionName: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
  }
}

const transient = (error: unknown): unknown =>
  error instanceof Error && TRANSIENT.has(error.name)
    ? new TransientDependencyError(`Step Functions is throttling or unavailable (${error.name}).`, {
        cause: error,
      })
    : error;
