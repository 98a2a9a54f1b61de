/**
 * Domain errors. Each has a stable `name`: Step Functions `Retry`/`Catch` match on it,
 * and the HTTP edge maps it to a status code. Messages are safe to show to a caller.
 */

export interface FieldIssue {
  /** The field, as a dotted path into the request body (`student.email`, `startDate`). */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly details: FieldIssue[],
    message = details.length === 1 && details[0]
      ? `${details[0].path}: ${details[0].message}`
      : 'The request is not valid.',
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A link token that expired or was superseded by a newer one. */
export class LinkExpiredError extends Error {
  override readonly name = 'LinkExpiredError';
}

/** A site decision was already recorded for this placement. */
export class AlreadyDecidedError extends Error {
  override readonly name = 'AlreadyDecidedError';
}

/** The request conflicts with the placement's current state (e.g. waiving on a cancelled placement). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

/** A request refused whatever its content: a form posted from another site to a link route. */
export class ForbiddenError extends Error {
  /** `string`, not the literal: the console's refusals (functions/staff-auth/) are ForbiddenErrors with their own names. */
  override readonly name: string = 'ForbiddenError';
}

/** A request without valid credentials (no console session, an invalid token): 401 UNAUTHORIZED. */
export class UnauthorizedError extends Error {
  override readonly name: string = 'UnauthorizedError';
}

/** A placement status change that the workflow does not allow. */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`A placement cannot go from ${from} to ${to}.`);
  }
}

/**
 * An optimistic-concurrency write lost a race (the `version` moved). Retry-able:
 * the use case re-reads and tries again; Step Functions retries tasks on it.
 */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
}

/**
 * Another attempt holds the ledger claim on an email and may still be sending it (or crashed while
 * it did). Retry-able once the claim's lease has run out: Step Functions retries it on a schedule
 * longer than the lease.
 */
export class EmailInFlightError extends Error {
  override readonly name = 'EmailInFlightError';
}

/** The retention sweep could not clear every placement that was due; the run fails so it is retried. */
export class RetentionIncompleteError extends Error {
  override readonly name = 'RetentionIncompleteError';
}

/** A dependency (SES, DynamoDB, Step Functions) failed in a way worth retrying. */
export class TransientDependencyError extends Error {
  override readonly name = 'TransientDependencyError';
}
