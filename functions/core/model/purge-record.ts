/**
 * The audit record of a purge (docs/data-model.md): that a placement's documents and personal data
 * were deleted, when, how many documents, why and at whose request. It holds no personal data of
 * the student; `reason` is the coordinator's own text, kept as given.
 */
export interface PurgeRecord {
  placementId: string;
  /** ISO-8601 instant the placement was redacted. */
  purgedAt: string;
  documentsDeleted: number;
  reason?: string;
  /** The IAM caller (API Gateway's `authorizer.iam.userArn`), or the local API gateway's stand-in caller. */
  requestedBy?: string;
}

/**
 * A purge in progress or done, kept on the placement item (backend only). Written before anything is
 * deleted, so a re-run after a crash knows what the first run found and counts it once.
 */
export interface PurgeProgress {
  startedAt: string;
  /** Every document of this placement the purge found: deleted, or about to be. */
  documentIds: string[];
  reason?: string;
  requestedBy?: string;
  /** Set when the placement was redacted: only the audit record may still be missing. */
  purgedAt?: string;
}
