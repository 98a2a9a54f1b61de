import {
  InvalidArn,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StepFunctionsWorkflow } from '../../functions/adapters/step-functions-workflow.js';
import { TransientDependencyError } from '../../functions/core/errors.js';
import {
  executionAlreadyExists,
  executionDoesNotExist,
  invalidToken,
  sfnThrottling,
  taskDoesNotExist,
  taskTimedOut,
} from '../handlers/support/sdk-errors.js';

const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Onboarding';
const sfn = mockClient(SFNClient);
const workflow = new StepFunctionsWorkflow(
  new SFNClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' } }),
  STATE_MACHINE_ARN,
);

beforeEach(() => {
  sfn.reset();
});

describe('StepFunctionsWorkflow.start', () => {
  it('starts an execution named after the placement with {"placementId"} as input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });

    await workflow.start('pl_abc', { placementId: 'pl_abc' });

    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: STATE_MACHINE_ARN,
      name: 'pl_abc',
      input: '{"placementId":"pl_abc"}',
    });
  });

  it('swallows ExecutionAlreadyExists: the execution exists, which is what was wanted', async () => {
    sfn.on(StartExecutionCommand).rejects(executionAlreadyExists());

    await expect(workflow.start('pl_abc', { placementId: 'pl_abc' })).resolves.toBeUndefined();
  });

  it('turns throttling into TransientDependencyError, keeping the cause', async () => {
    const throttled = sfnThrottling();
    sfn.on(StartExecutionCommand).rejects(throttled);

    const failure = await workflow
      .start('pl_abc', { placementId: 'pl_abc' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TransientDependencyError);
    expect((failure as Error).cause).toBe(throttled);
  });

  it('rethrows anything else unchanged', async () => {
    const invalid = new InvalidArn({ message: 'Invalid Arn', $metadata: {} });
    sfn.on(StartExecutionCommand).rejects(invalid);

    await expect(workflow.start('pl_abc', { placementId: 'pl_abc' })).rejects.toBe(invalid);
  });
});

describe('StepFunctionsWorkflow.resume', () => {
  it('sends the output as JSON with the token', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});

    await workflow.resume('token-1', { decision: 'approve' });

    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-1',
      output: '{"decision":"approve"}',
    });
  });

  it.each([
    ['TaskTimedOut', taskTimedOut],
    ['InvalidToken', invalidToken],
    ['TaskDoesNotExist', taskDoesNotExist],
  ])('swallows %s: the token is spent', async (_name, error) => {
    sfn.on(SendTaskSuccessCommand).rejects(error());

    await expect(workflow.resume('token-1', { event: 'DOCUMENTS_COMPLETE' })).resolves.toBeUndefined();
  });

  it('turns throttling into TransientDependencyError', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(sfnThrottling());

    await expect(workflow.resume('token-1', {})).rejects.toBeInstanceOf(TransientDependencyError);
  });
});

describe('StepFunctionsWorkflow.stop', () => {
  it('stops the execution by the ARN built from the state machine ARN, the cause cut to 256 characters', async () => {
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });

    await workflow.stop('pl_abc', 'x'.repeat(300));

    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input).toEqual({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Onboarding:pl_abc',
      cause: 'x'.repeat(256),
    });
  });

  it('swallows ExecutionDoesNotExist', async () => {
    sfn.on(StopExecutionCommand).rejects(executionDoesNotExist());

    await expect(workflow.stop('pl_abc', 'Cancelled')).resolves.toBeUndefined();
  });
});
