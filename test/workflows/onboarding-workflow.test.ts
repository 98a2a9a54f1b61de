import { createRequire } from 'node:module';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, resolveIntrinsics } from '../support/resolve-intrinsics.js';
import { type AslDefinition, type AslState, renderOnboardingWorkflow } from './onboarding-definition.js';

type AslValidator = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
const validateAsl = createRequire(import.meta.url)('asl-validator') as AslValidator;

const RETRY = {
  ErrorEquals: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
    'Lambda.Unknown',
    'Runtime.ExitError',
    'Sandbox.Timedout',
    'ConcurrentUpdateError',
    'TransientDependencyError',
  ],
  IntervalSeconds: 2,
  BackoffRate: 2,
  MaxAttempts: 5,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};
/** Outlasts the 30 s lease of an email claim: 5 + 10 + 20 s, with no jitter to shorten it. */
const EMAIL_IN_FLIGHT_RETRY = {
  ErrorEquals: ['EmailInFlightError'],
  IntervalSeconds: 5,
  BackoffRate: 2,
  MaxAttempts: 5,
  MaxDelaySeconds: 80,
  JitterStrategy: 'NONE',
};
const CATCH_ALL_INTO_RECORD_FAILURE = {
  ErrorEquals: ['States.ALL'],
  ResultPath: '$.failure',
  Next: 'RecordFailure',
};

let template: Template;
let definition: AslDefinition;
let functionLogicalIds: Record<string, string>;

beforeAll(() => {
  ({ template, definition, functionLogicalIds } = renderOnboardingWorkflow());
});

function state(name: string): AslState {
  const found = definition.States[name];
  if (!found) throw new Error(`No state ${name}`);
  return found;
}

function tasks(): Array<[string, AslState]> {
  return Object.entries(definition.States).filter(([, s]) => s.Type === 'Task');
}

function invokedFunction(name: string): Json {
  return (state(name).Parameters as Record<string, Json>).FunctionName ?? null;
}

describe('the onboarding state machine definition', () => {
  it('is valid Amazon States Language', () => {
    const result = validateAsl(structuredClone(definition));
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('has exactly the states of the design, starting at CheckCompliance', () => {
    expect(definition.StartAt).toBe('CheckCompliance');
    expect(Object.keys(definition.States).sort()).toEqual(
      [
        'CheckCompliance',
        'CollectDocuments',
        'Done',
        'NextStep',
        'NotifyOutcome',
        'OnboardingFailed',
        'RecordFailure',
        'RequestSiteApproval',
        'SiteDecision',
        'Stopped',
      ].sort(),
    );
  });

  it('uses JSONPath only: no JSONata and no workflow variables anywhere', () => {
    const text = JSON.stringify(definition);
    expect(text).not.toContain('JSONata');
    expect(text).not.toContain('"QueryLanguage"');
    expect(text).not.toContain('"Assign"');
    expect(text).not.toContain('"Arguments"');
  });

  it('gives every task a timeout, the shared retries (full jitter; none for a leased email), and a catch-all', () => {
    expect(tasks()).toHaveLength(5);
    for (const [name, task] of tasks()) {
      const hasTimeout = 'TimeoutSeconds' in task || 'TimeoutSecondsPath' in task;
      expect(hasTimeout, `${name} has a timeout`).toBe(true);
      expect(task.Retry, `${name} retries`).toEqual([EMAIL_IN_FLIGHT_RETRY, RETRY]);
      const catches = task.Catch as Array<{ ErrorEquals: string[] }>;
      expect(catches.at(-1)?.ErrorEquals, `${name} ends its catches with States.ALL`).toEqual(['States.ALL']);
    }
  });

  it('never retries a timeout', () => {
    for (const [, task] of tasks()) {
      for (const retry of task.Retry as Array<{ ErrorEquals: string[] }>) {
        expect(retry.ErrorEquals).not.toContain('States.Timeout');
        expect(retry.ErrorEquals).not.toContain('States.ALL');
      }
    }
  });

  it('invokes each task function through the Lambda integration with the shared payload', () => {
    const expected: Record<string, string | undefined> = {
      CheckCompliance: functionLogicalIds.checkCompliance,
      CollectDocuments: functionLogicalIds.collectDocuments,
      RequestSiteApproval: functionLogicalIds.requestSiteApproval,
      NotifyOutcome: functionLogicalIds.notifyOutcome,
      RecordFailure: functionLogicalIds.recordFailure,
    };
    for (const [name, task] of tasks()) {
      expect(invokedFunction(name)).toBe(`${expected[name]}.Arn`);
      expect((task.Parameters as Record<string, Json>).Payload).toMatchObject({
        'placementId.$': '$.placementId',
        'input.$': '$',
      });
    }
  });

  it('waits for a task token in exactly the two callback tasks, passing $$.Task.Token', () => {
    for (const [name, task] of tasks()) {
      const payload = (task.Parameters as Record<string, Json>).Payload as Record<string, Json>;
      if (name === 'CollectDocuments' || name === 'RequestSiteApproval') {
        expect(task.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
        expect(payload['taskToken.$']).toBe('$$.Task.Token');
      } else {
        expect(task.Resource).toBe('arn:aws:states:::lambda:invoke');
        expect(payload).not.toHaveProperty('taskToken.$');
      }
    }
  });

  it('CheckCompliance replaces the state with the decision it returns, within 30 seconds', () => {
    // ResultPath left to its default, "$" (the local runner mishandles an explicit "$").
    expect(state('CheckCompliance')).not.toHaveProperty('ResultPath');
    expect(state('CheckCompliance')).toMatchObject({
      TimeoutSeconds: 30,
      ResultSelector: {
        'placementId.$': '$.Payload.placementId',
        'next.$': '$.Payload.next',
        'reminder.$': '$.Payload.reminder',
        'documentsWaitSeconds.$': '$.Payload.documentsWaitSeconds',
        'approvalWaitSeconds.$': '$.Payload.approvalWaitSeconds',
      },
      Next: 'NextStep',
      Catch: [CATCH_ALL_INTO_RECORD_FAILURE],
    });
  });

  it('NextStep routes on $.next and stops on anything else', () => {
    expect(state('NextStep')).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.next', StringEquals: 'COLLECT_DOCUMENTS', Next: 'CollectDocuments' },
        { Variable: '$.next', StringEquals: 'REQUEST_SITE_APPROVAL', Next: 'RequestSiteApproval' },
        { Variable: '$.next', StringEquals: 'NOTIFY_OUTCOME', Next: 'NotifyOutcome' },
      ],
      Default: 'Stopped',
    });
    expect(state('Stopped')).toEqual({ Type: 'Succeed' });
  });

  it('CollectDocuments waits the time read from the state, and a timeout goes back to CheckCompliance', () => {
    const collect = state('CollectDocuments');
    expect(collect).not.toHaveProperty('TimeoutSeconds');
    expect(collect).toMatchObject({
      TimeoutSecondsPath: '$.documentsWaitSeconds',
      ResultPath: '$.collected',
      Next: 'CheckCompliance',
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'CheckCompliance' },
        CATCH_ALL_INTO_RECORD_FAILURE,
      ],
    });
  });

  it('RequestSiteApproval waits the time read from the state, and a timeout sends a reminder (itself)', () => {
    const request = state('RequestSiteApproval');
    expect(request).not.toHaveProperty('TimeoutSeconds');
    expect(request).toMatchObject({
      TimeoutSecondsPath: '$.approvalWaitSeconds',
      ResultPath: '$.approval',
      Next: 'SiteDecision',
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'RequestSiteApproval' },
        CATCH_ALL_INTO_RECORD_FAILURE,
      ],
    });
  });

  it('SiteDecision goes back to CheckCompliance on request-changes, otherwise to NotifyOutcome', () => {
    expect(state('SiteDecision')).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.approval.decision', StringEquals: 'request-changes', Next: 'CheckCompliance' },
      ],
      Default: 'NotifyOutcome',
    });
  });

  it('NotifyOutcome keeps the state unchanged and ends in Done', () => {
    expect(state('NotifyOutcome')).toMatchObject({
      TimeoutSeconds: 30,
      ResultPath: null,
      Next: 'Done',
      Catch: [CATCH_ALL_INTO_RECORD_FAILURE],
    });
    expect(state('Done')).toEqual({ Type: 'Succeed' });
  });

  it('RecordFailure receives the caught error and its execution’s name, and always ends in OnboardingFailed', () => {
    const record = state('RecordFailure');
    expect(record).toMatchObject({
      TimeoutSeconds: 30,
      ResultPath: null,
      Next: 'OnboardingFailed',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'OnboardingFailed' }],
      Parameters: {
        Payload: {
          'placementId.$': '$.placementId',
          'input.$': '$',
          'executionName.$': '$$.Execution.Name',
          'error.$': '$.failure.Error',
          'cause.$': '$.failure.Cause',
        },
      },
    });
    expect(state('OnboardingFailed')).toEqual({ Type: 'Fail', Error: 'OnboardingFailed' });
  });
});

describe('the onboarding state machine resource', () => {
  it('is a Standard state machine with X-Ray tracing', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
  });

  it('logs every event without execution data (student details) to its own log group with a retention', () => {
    const [logGroupId] = Object.keys(
      template.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 30 } }),
    );
    expect(logGroupId).toBeDefined();
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } } }],
      },
    });
  });

  it('may invoke the five task functions and nothing else', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const invokeStatements = Object.values(policies)
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>)
      .filter((statement) => statement.Action === 'lambda:InvokeFunction');
    const invokable = new Set(
      invokeStatements
        .flatMap((statement) => statement.Resource as unknown[])
        .map((resource) =>
          String(resolveIntrinsics(resource))
            .replace(/:\*$/, '')
            .replace(/\.Arn$/, ''),
        ),
    );
    expect([...invokable].sort()).toEqual(Object.values(functionLogicalIds).sort());
  });
});
