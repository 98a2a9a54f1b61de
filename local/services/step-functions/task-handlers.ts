import type { InvocationResult, LambdaError } from '../../runtime/function-runtime.js';
import { isJsonObject, type Json, type JsonObject } from '../../template/cloudformation-template.js';
import { INJECTED, type TaskPlan } from './local-definition.js';
import { setLongTimeout } from './long-timeout.js';
import type { TaskTokenRegistry } from './task-tokens.js';

/** What a task handler needs from the execution it runs in. */
export interface TaskScope {
  /** Aborted when the execution is stopped or ends. */
  signal: AbortSignal;
  /** The task tokens handed out (through `$$.Task.Token`) since the last task started. */
  takeIssuedTokens(): string[];
  tokens: TaskTokenRegistry;
  invoke(functionRef: string, event: unknown): Promise<InvocationResult>;
  /** Callback-task timeouts, heartbeats and waits are divided by this. */
  timeScale: number;
  /** Virtual now (epoch ms), against which Wait timestamps are measured. */
  now(): number;
}

export type TaskHandler = (input: Json) => Promise<Json>;

/** An error the runner matches against Retry/Catch by `name`. */
function stateError(
  name: string,
  message: string,
  options: { retryable?: boolean; catchable?: boolean } = {},
) {
  return Object.assign(new Error(message), {
    name,
    isRetryable: options.retryable ?? true,
    isCatchable: options.catchable ?? true,
  });
}

/** A Lambda function error as Step Functions surfaces it: Error = errorType, Cause = the error payload. */
function lambdaFailure(error: LambdaError): Error {
  return stateError(error.errorType, JSON.stringify(error));
}

function positiveSeconds(value: Json | undefined, field: string, stateName: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw stateError(
    'States.Runtime',
    `${field} of ${stateName} must be a positive integer, got ${JSON.stringify(value ?? null)}`,
    { retryable: false, catchable: false },
  );
}

async function invokeFunction(scope: TaskScope, functionRef: unknown, event: unknown): Promise<unknown> {
  if (typeof functionRef !== 'string') {
    throw stateError('States.Runtime', 'The task has no FunctionName.', {
      retryable: false,
      catchable: false,
    });
  }
  const outcome = await scope.invoke(functionRef, event);
  if (!outcome.ok) {
    if (outcome.error.errorType === 'ResourceNotFoundException') {
      throw stateError('Lambda.ResourceNotFoundException', outcome.error.errorMessage);
    }
    throw lambdaFailure(outcome.error);
  }
  return outcome.result;
}

/** Resolves with `work`, or rejects with States.Timeout after `timeoutMs`, or when the execution ends. */
function withTaskTimeout<T>(
  work: (fail: (error: Error) => void) => Promise<T>,
  timeoutMs: number | undefined,
  signal: AbortSignal,
  onSettled: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const cancels: Array<() => void> = [];
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      for (const cancel of cancels) cancel();
      onSettled();
      settle();
    };
    const fail = (error: Error) => finish(() => reject(error));
    if (timeoutMs !== undefined) {
      cancels.push(setLongTimeout(() => fail(stateError('States.Timeout', 'States.Timeout')), timeoutMs));
    }
    const onAbort = () =>
      fail(
        stateError('States.Runtime', 'The execution was stopped.', { retryable: false, catchable: false }),
      );
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    cancels.push(() => signal.removeEventListener('abort', onAbort));
    work(fail).then(
      (value) => finish(() => resolve(value)),
      (error: Error) => fail(error),
    );
  });
}

function unwrap(plan: TaskPlan, input: Json): { input: Json; injected: JsonObject } {
  if (!plan.wrapped || !isJsonObject(input)) return { input, injected: {} };
  return { input: input[INJECTED.input] ?? null, injected: input };
}

/** The local handler of one Task state (aws-local-stepfunctions calls it with the state's effective input). */
export function createTaskHandler(plan: TaskPlan, scope: TaskScope): TaskHandler {
  return async (rawInput) => {
    const tokens = scope.takeIssuedTokens();
    const { input, injected } = unwrap(plan, rawInput);
    const scaled = (seconds: number) => (seconds * 1000) / scope.timeScale;
    let timeoutSeconds = plan.timeoutSeconds;
    if (INJECTED.timeoutSeconds in injected) {
      timeoutSeconds = positiveSeconds(
        injected[INJECTED.timeoutSeconds],
        'TimeoutSecondsPath',
        plan.stateName,
      );
    }
    let heartbeatSeconds = plan.heartbeatSeconds;
    if (INJECTED.heartbeatSeconds in injected) {
      heartbeatSeconds = positiveSeconds(
        injected[INJECTED.heartbeatSeconds],
        'HeartbeatSecondsPath',
        plan.stateName,
      );
    }
    // The time scale shortens waiting (callbacks, heartbeats, Wait states). A synchronous Lambda task's
    // timeout guards work that takes real time, so it is kept as it is.
    const waits = plan.kind === 'lambda-callback';
    const timeoutMs =
      timeoutSeconds === undefined ? undefined : waits ? scaled(timeoutSeconds) : timeoutSeconds * 1000;
    const parameters = isJsonObject(input) ? input : {};

    switch (plan.kind) {
      case 'lambda-invoke':
        return withTaskTimeout(
          async () => {
            const payload = await invokeFunction(scope, parameters.FunctionName, parameters.Payload ?? {});
            return { ExecutedVersion: '$LATEST', Payload: (payload ?? null) as Json, StatusCode: 200 };
          },
          timeoutMs,
          scope.signal,
          () => {},
        );
      case 'lambda-function':
        return withTaskTimeout(
          async () => ((await invokeFunction(scope, plan.resource, input)) ?? null) as Json,
          timeoutMs,
          scope.signal,
          () => {},
        );
      case 'lambda-callback': {
        let release = () => {};
        let cancelHeartbeat = () => {};
        return withTaskTimeout(
          (fail) =>
            new Promise<Json>((resolve, reject) => {
              const armHeartbeat = () => {
                cancelHeartbeat();
                if (heartbeatSeconds === undefined) return;
                cancelHeartbeat = setLongTimeout(
                  () => fail(stateError('States.HeartbeatTimeout', 'States.HeartbeatTimeout')),
                  scaled(heartbeatSeconds),
                );
              };
              release = scope.tokens.register(tokens, {
                succeed: (output) => resolve(output as Json),
                fail: (error, cause) => reject(stateError(error, cause)),
                heartbeat: armHeartbeat,
              });
              armHeartbeat();
              invokeFunction(scope, parameters.FunctionName, parameters.Payload ?? {}).catch(reject);
            }),
          timeoutMs,
          scope.signal,
          () => {
            release();
            cancelHeartbeat();
          },
        );
      }
      case 'local-wait': {
        let delayMs = 0;
        const seconds = injected[INJECTED.waitSeconds] ?? plan.waitSeconds;
        const timestamp = injected[INJECTED.waitTimestamp] ?? plan.waitTimestamp;
        if (typeof seconds === 'number') delayMs = scaled(seconds);
        else if (typeof timestamp === 'string')
          delayMs = Math.max(0, Date.parse(timestamp) - scope.now()) / scope.timeScale;
        return withTaskTimeout(
          () =>
            new Promise<Json>((resolve) => {
              const cancel = setLongTimeout(() => resolve(input), delayMs);
              scope.signal.addEventListener('abort', cancel, { once: true });
            }),
          undefined,
          scope.signal,
          () => {},
        );
      }
      default:
        throw stateError('States.TaskFailed', `${plan.resource} is not supported by the local cloud.`);
    }
  };
}
