import type { Json, JsonObject } from '../../template/cloudformation-template.js';
import { isJsonObject } from '../../template/cloudformation-template.js';

/**
 * The largest TimeoutSeconds the runner's own task timer can take (setTimeout overflows past
 * 2^31-1 ms and fires at once). Task timeouts are enforced by our task handlers instead.
 */
export const RUNNER_TASK_TIMEOUT_SECONDS = 2_147_483;

/** The Resource of Wait states rewritten as local tasks (only when a time scale is set). */
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::local:wait';

/** Keys added to a task's Parameters so that its handler sees values read by *Path fields. */
export const INJECTED = {
  input: '__localInput',
  timeoutSeconds: '__localTimeoutSeconds',
  heartbeatSeconds: '__localHeartbeatSeconds',
  waitSeconds: '__localWaitSeconds',
  waitTimestamp: '__localWaitTimestamp',
} as const;

export type TaskKind = 'lambda-invoke' | 'lambda-callback' | 'lambda-function' | 'local-wait' | 'unsupported';

/** How the handler of one Task state (by state name) runs it. */
export interface TaskPlan {
  stateName: string;
  kind: TaskKind;
  resource: string;
  /** Static TimeoutSeconds / HeartbeatSeconds of the original state, unscaled. */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** True when the handler's input is `{__localInput, __local…}` (a *Path field was rewritten). */
  wrapped: boolean;
  /** For a rewritten Wait state: its static Seconds or Timestamp. */
  waitSeconds?: number;
  waitTimestamp?: string;
}

export interface LocalDefinition {
  /** The definition given to aws-local-stepfunctions (validated with integer values). */
  definition: JsonObject;
  /** The execution-level TimeoutSeconds divided by the time scale (enforced by the engine, not the runner). */
  scaledExecutionTimeoutSeconds?: number;
  tasks: Map<string, TaskPlan>;
  warnings: string[];
}

function taskKind(resource: string): TaskKind {
  if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) return 'lambda-invoke';
  if (/^arn:[^:]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'lambda-callback';
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource)) return 'lambda-function';
  if (resource === LOCAL_WAIT_RESOURCE) return 'local-wait';
  return 'unsupported';
}

function wrapParameters(parameters: Json | undefined, injected: Record<string, string>): JsonObject {
  const wrapped: JsonObject =
    parameters === undefined ? { [`${INJECTED.input}.$`]: '$' } : { [INJECTED.input]: parameters };
  for (const [key, path] of Object.entries(injected)) wrapped[`${key}.$`] = path;
  return wrapped;
}

function rewriteTask(stateName: string, state: JsonObject, plans: Map<string, TaskPlan>, warnings: string[]) {
  const resource = String(state.Resource);
  const kind = taskKind(resource);
  if (kind === 'unsupported')
    warnings.push(`Task ${stateName} uses ${resource}, which does not run locally.`);
  const injected: Record<string, string> = {};
  if (typeof state.TimeoutSecondsPath === 'string')
    injected[INJECTED.timeoutSeconds] = state.TimeoutSecondsPath;
  if (typeof state.HeartbeatSecondsPath === 'string') {
    injected[INJECTED.heartbeatSeconds] = state.HeartbeatSecondsPath;
  }
  const wrapped = Object.keys(injected).length > 0;
  const plan: TaskPlan = { stateName, kind, resource, wrapped };
  if (typeof state.TimeoutSeconds === 'number') plan.timeoutSeconds = state.TimeoutSeconds;
  if (typeof state.HeartbeatSeconds === 'number') plan.heartbeatSeconds = state.HeartbeatSeconds;
  plans.set(stateName, plan);
  const rewritten: JsonObject = { ...state, TimeoutSeconds: RUNNER_TASK_TIMEOUT_SECONDS };
  delete rewritten.TimeoutSecondsPath;
  delete rewritten.HeartbeatSeconds;
  delete rewritten.HeartbeatSecondsPath;
  if (wrapped) rewritten.Parameters = wrapParameters(state.Parameters, injected);
  return rewritten;
}

function rewriteWait(stateName: string, state: JsonObject, plans: Map<string, TaskPlan>): JsonObject {
  const injected: Record<string, string> = {};
  if (typeof state.SecondsPath === 'string') injected[INJECTED.waitSeconds] = state.SecondsPath;
  if (typeof state.TimestampPath === 'string') injected[INJECTED.waitTimestamp] = state.TimestampPath;
  const plan: TaskPlan = { stateName, kind: 'local-wait', resource: LOCAL_WAIT_RESOURCE, wrapped: true };
  if (typeof state.Seconds === 'number') plan.waitSeconds = state.Seconds;
  if (typeof state.Timestamp === 'string') plan.waitTimestamp = state.Timestamp;
  plans.set(stateName, plan);
  const task: JsonObject = {
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    TimeoutSeconds: RUNNER_TASK_TIMEOUT_SECONDS,
    Parameters: wrapParameters(undefined, injected),
  };
  for (const field of ['Comment', 'InputPath', 'OutputPath', 'Next', 'End'] as const) {
    if (state[field] !== undefined) task[field] = state[field];
  }
  return task;
}

/**
 * `"ResultPath": "$"` (the whole result replaces the input) is the default, but the runner treats
 * "$" as a key named "$"; leaving the field out means the same and runs correctly.
 */
function withoutRootResultPaths(state: JsonObject): JsonObject {
  const fixed: JsonObject = { ...state };
  if (fixed.ResultPath === '$') delete fixed.ResultPath;
  if (Array.isArray(fixed.Catch)) {
    fixed.Catch = fixed.Catch.map((catcher) => {
      if (!isJsonObject(catcher) || catcher.ResultPath !== '$') return catcher;
      const { ResultPath: _root, ...rest } = catcher;
      return rest;
    });
  }
  return fixed;
}

function rewriteStates(
  machine: JsonObject,
  timeScale: number,
  plans: Map<string, TaskPlan>,
  warnings: string[],
) {
  const states = isJsonObject(machine.States) ? machine.States : {};
  const rewritten: JsonObject = {};
  for (const [stateName, value] of Object.entries(states)) {
    if (!isJsonObject(value)) {
      rewritten[stateName] = value;
      continue;
    }
    let state: JsonObject = withoutRootResultPaths(value);
    if (state.Type === 'Task') state = rewriteTask(stateName, state, plans, warnings);
    else if (state.Type === 'Wait' && timeScale !== 1) state = rewriteWait(stateName, state, plans);
    else if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      state = {
        ...state,
        Branches: state.Branches.map((branch) =>
          isJsonObject(branch) ? rewriteStates(branch, timeScale, plans, warnings) : branch,
        ),
      };
    } else if (state.Type === 'Map') {
      state = { ...state };
      for (const field of ['Iterator', 'ItemProcessor'] as const) {
        const inner = state[field];
        if (isJsonObject(inner)) state[field] = rewriteStates(inner, timeScale, plans, warnings);
      }
    }
    rewritten[stateName] = state;
  }
  return { ...machine, States: rewritten };
}

/**
 * Prepares a deployed definition for aws-local-stepfunctions: task timeouts and heartbeats (static
 * and *Path) move into our task handlers, which honour the time scale; with a time scale, Wait
 * states become local wait tasks so that SecondsPath and Timestamp waits shrink too.
 */
export function prepareLocalDefinition(definition: JsonObject, timeScale: number): LocalDefinition {
  const tasks = new Map<string, TaskPlan>();
  const warnings: string[] = [];
  const prepared: LocalDefinition = {
    definition: rewriteStates(definition, timeScale, tasks, warnings),
    tasks,
    warnings,
  };
  if (typeof definition.TimeoutSeconds === 'number') {
    prepared.scaledExecutionTimeoutSeconds = definition.TimeoutSeconds / timeScale;
  }
  if (definition.QueryLanguage === 'JSONata') warnings.push('JSONata definitions are not supported locally.');
  return prepared;
}
