/**
 * Document verification (docs/design.md, "Document verification"): who checks that an uploaded file
 * is the right record for this student with those dates.
 */

/**
 * `staff`: an upload that passes the file checks waits `SUBMITTED` for a person at the school.
 * `automatic`: it is `ACCEPTED` on the file checks alone (file type and dates).
 */
export const VERIFICATION_MODES = ['staff', 'automatic'] as const;
export type VerificationMode = (typeof VERIFICATION_MODES)[number];

/** The mode of a new site that does not say. */
export const DEFAULT_VERIFICATION: VerificationMode = 'staff';

/**
 * The mode of a site or placement stored before sites had a `verification` setting: they were
 * created when every upload was accepted automatically, and keep that behaviour until edited.
 */
export const STORED_WITHOUT_VERIFICATION: VerificationMode = 'automatic';

/** Who made a verification decision, as the edge knows them (console session or IAM caller). */
export interface Verifier {
  /** The console user's subject (OIDC `sub`). */
  readonly sub?: string;
  /** The console user's email address. */
  readonly email?: string;
  /** The IAM caller's ARN (coordinator API and CLI). */
  readonly iam?: string;
}

/**
 * The name recorded as `verifiedBy` and in history: the email when known (a person the school can
 * ask), else the IAM caller, else the subject. Undefined when the verifier names nobody.
 */
export const verifierName = (verifier: Verifier): string | undefined =>
  [verifier.email, verifier.iam, verifier.sub]
    .map((value) => value?.trim())
    .find((value): value is string => value !== undefined && value !== '');
