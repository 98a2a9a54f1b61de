import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvocationResult } from '../../../../local/runtime/function-runtime.js';
import { StepFunctionsEngine } from '../../../../local/services/step-functions/step-functions-engine.js';
import type { JsonObject } from '../../../../local/template/cloudformation-template.js';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:Flow';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:Work';

describe('StepFunctionsEngine', () => {
  let dir: string;
  let engine: StepFunctionsEngine | undefined;
  let invocations: Array<{ functionRef: string; event: unknown }>;

  const start = async (
    definition: JsonObject,
    input: unknown,
    invoke: (event: unknown) => InvocationResult = (event) => ({ ok: true, result: event }),
    timeScale = 1,
  ) => {
    engine = new StepFunctionsEngine(
      [{ logicalId: 'Flow', name: 'Flow', arn: ARN, definition, type: 'STANDARD' }],
      {
        storeFile: join(dir, 'stepfunctions.json'),
        timeScale,
        invoke: async (functionRef, event) => {
          invocations.push({ functionRef, event });
          return invoke(event);
        },
        warn: () => {},
      },
    );
    await engine.load();
    const { executionArn } = await engine.startExecution({
      stateMachineArn: ARN,
      name: 'run',
      input: JSON.stringify(input),
    });
    return executionArn;
  };

  const finished = async (executionArn: string) => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const execution = engine?.describeExecution({ executionArn });
      if (execution && execution.status !== 'RUNNING') return execution;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The execution did not end.');
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'engine-'));
    invocations = [];
  });

  afterEach(async () => {
    await engine?.shutdown();
    await rm(dir, { recursive: true, force: true });
  });

  it('invokes a function named by its ARN as Resource and passes its result on', async () => {
    const arn = await start(
      { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: FUNCTION_ARN, End: true } } },
      { n: 1 },
      () => ({ ok: true, result: { doubled: 2 } }),
    );
    expect(await finished(arn)).toMatchObject({ status: 'SUCCEEDED', output: '{"doubled":2}' });
    expect(invocations).toEqual([{ functionRef: FUNCTION_ARN, event: { n: 1 } }]);
  });

  it('shapes lambda:invoke results as { ExecutedVersion, Payload, StatusCode }', async () => {
    const arn = await start(
      {
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
            End: true,
          },
        },
      },
      { n: 1 },
    );
    const execution = await finished(arn);
    expect(JSON.parse(execution.output ?? '')).toEqual({
      ExecutedVersion: '$LATEST',
      Payload: { n: 1 },
      StatusCode: 200,
    });
  });

  it('lets Catch match a function error by its errorType, with the error payload as Cause', async () => {
    const arn = await start(
      {
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: FUNCTION_ARN,
            Catch: [{ ErrorEquals: ['ValidationError'], ResultPath: '$.failure', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Succeed' },
        },
      },
      {},
      () => ({ ok: false, error: { errorType: 'ValidationError', errorMessage: 'bad date' } }),
    );
    const output = JSON.parse((await finished(arn)).output ?? '');
    expect(output.failure.Error).toBe('ValidationError');
    expect(JSON.parse(output.failure.Cause)).toEqual({
      errorType: 'ValidationError',
      errorMessage: 'bad date',
    });
  });

  it('times out a callback task whose heartbeats stop, as States.HeartbeatTimeout', async () => {
    const arn = await start(
      {
        StartAt: 'Wait for callback',
        States: {
          'Wait for callback': {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            HeartbeatSeconds: 10,
            TimeoutSeconds: 1_000_000,
            Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'token.$': '$$.Task.Token' } },
            Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.timedOut', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Succeed' },
        },
      },
      {},
      () => ({ ok: true, result: null }),
      1000,
    );
    const output = JSON.parse((await finished(arn)).output ?? '');
    expect(output.timedOut.Error).toBe('States.HeartbeatTimeout');
    expect(invocations[0]?.event).toEqual({ token: expect.stringMatching(/^AQ/) });
  });

  it('divides a Wait state read from SecondsPath by the time scale', async () => {
    const arn = await start(
      { StartAt: 'Pause', States: { Pause: { Type: 'Wait', SecondsPath: '$.pause', End: true } } },
      { pause: 3600 },
      undefined,
      360_000,
    );
    expect(await finished(arn)).toMatchObject({ status: 'SUCCEEDED', output: '{"pause":3600}' });
  });

  it('times the execution out after its TimeoutSeconds divided by the time scale', async () => {
    const arn = await start(
      {
        StartAt: 'Wait for callback',
        TimeoutSeconds: 3600,
        States: {
          'Wait for callback': {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'token.$': '$$.Task.Token' } },
            End: true,
          },
        },
      },
      {},
      () => ({ ok: true, result: null }),
      360_000,
    );
    expect(await finished(arn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    const types = engine?.getExecutionHistory({ executionArn: arn }).events.map((event) => event.type);
    expect(types?.at(-1)).toBe('ExecutionTimedOut');
  });

  it('records a Fail state as FAILED with its error, and keeps a history', async () => {
    const arn = await start(
      { StartAt: 'No', States: { No: { Type: 'Fail', Error: 'OnboardingFailed', Cause: 'x' } } },
      {},
    );
    expect(await finished(arn)).toMatchObject({ status: 'FAILED', error: 'OnboardingFailed', cause: 'x' });
    const types = engine?.getExecutionHistory({ executionArn: arn }).events.map((event) => event.type);
    expect(types?.[0]).toBe('ExecutionStarted');
    expect(types).toContain('FailStateEntered');
    expect(types?.at(-1)).toBe('ExecutionFailed');
    expect(engine?.listExecutions({ stateMachineArn: ARN }).executions).toMatchObject([
      { name: 'run', status: 'FAILED' },
    ]);
  });
});
