import type { PlacementUsage } from './aws-prices.js';

/**
 * The design this one is compared with, modelled (not run): approval through a plain callback per
 * step, as the AWS human-approval sample does. Each requirement item and each approval is its own
 * step: one state (a waitForTaskToken Task), one Lambda invocation (it emails a link) and one email.
 * It has no evidence reuse (a returning student uploads everything again) and no outcome emails.
 * What happens outside the workflow (API requests, S3 uploads, upload processing, DynamoDB) is taken
 * to be the same as measured for this design, and each modelled Lambda runs as long as this design's
 * workflow tasks do on average.
 */
export interface BaselineModelInput {
  /** Requirement items the student provides on this path (again on a reuse: no reuse in the baseline). */
  items: number;
  approvals: number;
  /** Measured usage outside the workflow (API and S3-event invocations, DynamoDB, S3, API requests). */
  outsideWorkflow: Omit<PlacementUsage, 'stateTransitions' | 'emailRecipients'>;
  /** Mean GB-seconds of one of this design's workflow task invocations. */
  gbSecondsPerTask: number;
}

export const BASELINE_DESCRIPTION =
  'Per requirement item and per approval: 1 state transition + 1 Lambda invocation + 1 email ' +
  '(AWS human-approval sample style, one callback per step); no evidence reuse, no outcome emails; ' +
  'API, S3, upload processing and DynamoDB as measured for this design (for reuse: as on the happy path); ' +
  "each modelled Lambda as long as this design's mean workflow task.";

export const baselineUsage = (input: BaselineModelInput): PlacementUsage => {
  const steps = input.items + input.approvals;
  return {
    ...input.outsideWorkflow,
    stateTransitions: steps,
    lambdaInvocations: input.outsideWorkflow.lambdaInvocations + steps,
    lambdaGbSeconds: input.outsideWorkflow.lambdaGbSeconds + steps * input.gbSecondsPerTask,
    emailRecipients: steps,
  };
};
