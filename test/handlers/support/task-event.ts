import { PLACEMENT_ID } from './stored-items.js';

/**
 * The payload the state machine gives every task: `{placementId, input: <state>}`, plus
 * `taskToken` for the two callback tasks.
 */
export const taskEvent = (
  state: Record<string, unknown> = {},
  extra: { taskToken?: string; error?: string; cause?: string } = {},
) => ({
  placementId: PLACEMENT_ID,
  input: { placementId: PLACEMENT_ID, ...state },
  ...extra,
});

/** The state after CheckCompliance: what the next task receives as `input`. */
export const complianceState = (next: string, reminder = false) => ({
  placementId: PLACEMENT_ID,
  next,
  reminder,
  documentsWaitSeconds: 259_200,
  approvalWaitSeconds: 172_800,
});

/** What a Catch on States.Timeout adds to the state. */
export const TIMED_OUT = { Error: 'States.Timeout', Cause: 'Task timed out.' };
