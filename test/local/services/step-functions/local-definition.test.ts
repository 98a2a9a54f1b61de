import { describe, expect, it } from 'vitest';
import {
  LOCAL_WAIT_RESOURCE,
  prepareLocalDefinition,
  RUNNER_TASK_TIMEOUT_SECONDS,
} from '../../../../local/services/step-functions/local-definition.js';
import type { JsonObject } from '../../../../local/template/cloudformation-template.js';

const definition: JsonObject = {
  StartAt: 'Check',
  TimeoutSeconds: 3600,
  States: {
    Check: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      TimeoutSeconds: 30,
      ResultPath: '$',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'Done' }],
      Parameters: {
        FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:Check',
        Payload: { 'id.$': '$.id' },
      },
      Next: 'Collect',
    },
    Collect: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      TimeoutSecondsPath: '$.waitSeconds',
      HeartbeatSeconds: 60,
      Parameters: { FunctionName: 'Collect', Payload: { 'token.$': '$$.Task.Token' } },
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', SecondsPath: '$.pause', OutputPath: '$.kept', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Inner',
          States: { Inner: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } },
        },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

describe('preparing a definition for the local runner', () => {
  const prepared = prepareLocalDefinition(definition, 100);
  const states = prepared.definition.States as Record<string, JsonObject>;

  it('moves task timeouts into the task handlers, leaving the runner a timeout it can hold', () => {
    expect(states.Check?.TimeoutSeconds).toBe(RUNNER_TASK_TIMEOUT_SECONDS);
    expect(prepared.tasks.get('Check')).toMatchObject({
      kind: 'lambda-invoke',
      timeoutSeconds: 30,
      wrapped: false,
    });
    expect(prepared.tasks.get('Collect')).toMatchObject({
      kind: 'lambda-callback',
      heartbeatSeconds: 60,
      wrapped: true,
    });
    expect(states.Collect).not.toHaveProperty('TimeoutSecondsPath');
    expect(states.Collect).not.toHaveProperty('HeartbeatSeconds');
  });

  it('reads TimeoutSecondsPath through the parameters, keeping the original ones intact', () => {
    expect(states.Collect?.Parameters).toEqual({
      __localInput: { FunctionName: 'Collect', Payload: { 'token.$': '$$.Task.Token' } },
      '__localTimeoutSeconds.$': '$.waitSeconds',
    });
  });

  it('drops ResultPath "$", which means the default and which the runner mishandles', () => {
    expect(states.Check).not.toHaveProperty('ResultPath');
    expect(states.Check?.Catch).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'Done' }]);
  });

  it('turns a Wait state into a local wait task when there is a time scale', () => {
    expect(states.Pause).toEqual({
      Type: 'Task',
      Resource: LOCAL_WAIT_RESOURCE,
      TimeoutSeconds: RUNNER_TASK_TIMEOUT_SECONDS,
      Parameters: { '__localInput.$': '$', '__localWaitSeconds.$': '$.pause' },
      OutputPath: '$.kept',
      Next: 'Fan',
    });
    expect(prepareLocalDefinition(definition, 1).definition.States).toHaveProperty('Pause.Type', 'Wait');
  });

  it('scales the execution timeout', () => {
    expect(prepared.scaledExecutionTimeoutSeconds).toBe(36);
  });

  it('prepares states inside Parallel branches and warns about integrations it cannot run', () => {
    expect(prepared.tasks.get('Inner')?.kind).toBe('unsupported');
    expect(prepared.warnings).toEqual([
      'Task Inner uses arn:aws:states:::sqs:sendMessage, which does not run locally.',
    ]);
  });
});
