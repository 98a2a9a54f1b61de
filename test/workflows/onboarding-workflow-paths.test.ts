import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AslDefinition, renderOnboardingWorkflow } from './onboarding-definition.js';

/*
 * Runs the rendered definition with aws-local-stepfunctions (the local cloud's runner), each Lambda
 * task replaced by a scripted handler keyed by state name, to check the paths a placement takes.
 */

type JsonValue = unknown;
type LocalHandler = (input: { FunctionName: string; Payload: Record<string, unknown> }) => Promise<JsonValue>;
interface LocalRunner {
  run(
    input: JsonValue,
    options: {
      overrides: {
        taskResourceLocalHandlers: Record<string, LocalHandler>;
        retryIntervalOverrides?: Record<string, number>;
      };
      context: Record<string, unknown>;
    },
  ): { result: Promise<JsonValue>; eventLogs: AsyncGenerator<{ type: string; state?: { name: string } }> };
}
let StateMachine: new (definition: AslDefinition) => LocalRunner;
let definition: AslDefinition;

beforeAll(async () => {
  // aws-local-stepfunctions needs Promise.withResolvers, which Node 20 lacks.
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const created = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
  ({ StateMachine } = (await import('aws-local-stepfunctions')) as unknown as {
    StateMachine: typeof StateMachine;
  });
  ({ definition } = adaptTimeoutPathsToLocalRunner(renderOnboardingWorkflow().definition));
});

/**
 * aws-local-stepfunctions 3.0 resolves TimeoutSecondsPath against the task's effective input (after
 * Parameters: `{FunctionName, Payload}`), where Step Functions resolves it against the state input.
 * Our tasks pass the whole state as `Payload.input`, so `$.x` there is `$.Payload.input.x` here.
 */
function adaptTimeoutPathsToLocalRunner(deployed: AslDefinition): { definition: AslDefinition } {
  const adapted = structuredClone(deployed);
  for (const state of Object.values(adapted.States)) {
    const path = state.TimeoutSecondsPath;
    if (typeof path === 'string') state.TimeoutSecondsPath = path.replace(/^\$\./, '$.Payload.input.');
  }
  return { definition: adapted };
}

interface Decision {
  next: string;
  documentsWaitSeconds?: number;
  approvalWaitSeconds?: number;
}

/** check-compliance's answer in the shape Lambda's invoke integration wraps it in. */
function complianceResult(placementId: string, decision: Decision): JsonValue {
  return {
    Payload: {
      placementId,
      reminder: null,
      documentsWaitSeconds: 3600,
      approvalWaitSeconds: 3600,
      ...decision,
    },
  };
}

class DomainFailure extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

interface Run {
  result: JsonValue;
  error: Error | undefined;
  enteredStates: string[];
  payloads: Record<string, Array<Record<string, unknown>>>;
}

async function runPlacement(scripts: Record<string, Array<(payload: Record<string, unknown>) => JsonValue>>) {
  const payloads: Run['payloads'] = {};
  const handlers: Record<string, LocalHandler> = {};
  for (const [stateName, steps] of Object.entries(scripts)) {
    const remaining = [...steps];
    handlers[stateName] = async ({ Payload }) => {
      const received = payloads[stateName] ?? [];
      received.push(Payload);
      payloads[stateName] = received;
      const step = remaining.length > 1 ? remaining.shift() : remaining[0];
      if (!step) throw new Error(`No scripted answer for ${stateName}`);
      return step(Payload);
    };
  }
  const execution = new StateMachine(definition).run(
    { placementId: 'plc_1' },
    {
      overrides: {
        taskResourceLocalHandlers: handlers,
        retryIntervalOverrides: Object.fromEntries(Object.keys(definition.States).map((name) => [name, 0])),
      },
      context: {
        Execution: { Name: 'plc_1-retry-1' },
        Task: {
          get Token() {
            return randomUUID();
          },
        },
      },
    },
  );
  const enteredStates: string[] = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered' && event.state) enteredStates.push(event.state.name);
    }
  })();
  let result: JsonValue;
  let error: Error | undefined;
  try {
    result = await execution.result;
  } catch (caught) {
    error = caught as Error;
  }
  await collecting;
  return { result, error, enteredStates, payloads } satisfies Run;
}

const never = (): JsonValue => new Promise(() => {});

describe('a placement going through the onboarding workflow', () => {
  it('with every document already on file, goes straight to the site and is done in six states', async () => {
    const run = await runPlacement({
      CheckCompliance: [() => complianceResult('plc_1', { next: 'REQUEST_SITE_APPROVAL' })],
      RequestSiteApproval: [() => ({ decision: 'approve' })],
      NotifyOutcome: [() => ({ Payload: null })],
    });
    expect(run.error).toBeUndefined();
    expect(run.enteredStates).toEqual([
      'CheckCompliance',
      'NextStep',
      'RequestSiteApproval',
      'SiteDecision',
      'NotifyOutcome',
      'Done',
    ]);
  });

  it('collects documents, then checks again with what was collected before asking the site', async () => {
    const run = await runPlacement({
      CheckCompliance: [
        () => complianceResult('plc_1', { next: 'COLLECT_DOCUMENTS' }),
        () => complianceResult('plc_1', { next: 'REQUEST_SITE_APPROVAL' }),
      ],
      CollectDocuments: [() => ({ event: 'DOCUMENTS_COMPLETE' })],
      RequestSiteApproval: [() => ({ decision: 'approve' })],
      NotifyOutcome: [() => ({ Payload: null })],
    });
    expect(run.error).toBeUndefined();
    expect(run.payloads.CollectDocuments?.[0]).toMatchObject({
      placementId: 'plc_1',
      taskToken: expect.any(String),
      input: { placementId: 'plc_1', next: 'COLLECT_DOCUMENTS' },
    });
    expect(run.payloads.CheckCompliance?.[1]?.input).toMatchObject({
      placementId: 'plc_1',
      collected: { event: 'DOCUMENTS_COMPLETE' },
    });
  });

  it('goes back to checking compliance when the site asks for changes', async () => {
    const run = await runPlacement({
      CheckCompliance: [
        () => complianceResult('plc_1', { next: 'REQUEST_SITE_APPROVAL' }),
        () => complianceResult('plc_1', { next: 'STOP' }),
      ],
      RequestSiteApproval: [() => ({ decision: 'request-changes' })],
    });
    expect(run.error).toBeUndefined();
    expect(run.enteredStates.slice(-3)).toEqual(['CheckCompliance', 'NextStep', 'Stopped']);
    expect(run.payloads.CheckCompliance?.[1]?.input).toMatchObject({
      approval: { decision: 'request-changes' },
    });
  });

  it('turns a documents wait that times out into another compliance check (reminder or expiry)', async () => {
    const run = await runPlacement({
      CheckCompliance: [
        () => complianceResult('plc_1', { next: 'COLLECT_DOCUMENTS', documentsWaitSeconds: 1 }),
        () => complianceResult('plc_1', { next: 'STOP' }),
      ],
      CollectDocuments: [never],
    });
    expect(run.error).toBeUndefined();
    expect(run.payloads.CheckCompliance?.[1]?.input).toMatchObject({
      timedOut: { Error: 'States.Timeout' },
    });
  });

  it('retries a transient error and carries on', async () => {
    const run = await runPlacement({
      CheckCompliance: [
        () => {
          throw new DomainFailure('TransientDependencyError', 'the table is busy');
        },
        () => complianceResult('plc_1', { next: 'STOP' }),
      ],
    });
    expect(run.error).toBeUndefined();
    expect(run.payloads.CheckCompliance).toHaveLength(2);
  });

  it('records any other failure, with its error and cause, and fails the execution', async () => {
    const run = await runPlacement({
      CheckCompliance: [
        () => {
          throw new DomainFailure(
            'IllegalTransitionError',
            'cannot collect documents of a cleared placement',
          );
        },
      ],
      RecordFailure: [() => ({ Payload: null })],
    });
    expect(run.error).toBeDefined();
    expect(run.enteredStates.slice(-2)).toEqual(['RecordFailure', 'OnboardingFailed']);
    expect(run.payloads.RecordFailure?.[0]).toMatchObject({
      placementId: 'plc_1',
      executionName: 'plc_1-retry-1',
      error: 'IllegalTransitionError',
      cause: expect.stringContaining('cannot collect documents'),
    });
  });
});
