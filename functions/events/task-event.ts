import { ValidationError } from '../core/errors.js';

/** What the state machine passes every task: `{placementId, input: <state>, taskToken?, executionName?}`. */
export interface TaskEvent {
  placementId: string;
  input: Record<string, unknown>;
  taskToken?: string;
  /** The execution that runs the task (`$$.Execution.Name`); RecordFailure gets it. */
  executionName?: string;
  error?: string;
  cause?: string;
}

/** Validates a task event; a malformed one fails the task (Catch → RecordFailure) instead of doing anything. */
export const parseTaskEvent = (event: unknown, options: { needsToken?: boolean } = {}): TaskEvent => {
  const value = (event ?? {}) as Record<string, unknown>;
  const issues = [];
  if (
    typeof value.placementId !== 'string' ||
    value.placementId.length === 0 ||
    value.placementId.length > 200
  ) {
    issues.push({ path: 'placementId', message: 'is required' });
  }
  if (options.needsToken && (typeof value.taskToken !== 'string' || value.taskToken.length === 0)) {
    issues.push({ path: 'taskToken', message: 'is required' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const input =
    value.input && typeof value.input === 'object' ? (value.input as Record<string, unknown>) : {};
  return {
    placementId: value.placementId as string,
    input,
    ...(typeof value.taskToken === 'string' ? { taskToken: value.taskToken } : {}),
    ...(typeof value.executionName === 'string' ? { executionName: value.executionName } : {}),
    ...(typeof value.error === 'string' ? { error: value.error } : {}),
    ...(typeof value.cause === 'string' ? { cause: value.cause } : {}),
  };
};
