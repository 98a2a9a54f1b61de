/**
 * What crosses from functions/ to the rest of the repository: the one module cli/, workflows/, infra/,
 * local/ and bench/ import from functions/ (test/architecture/folder-imports.test.ts holds them to it).
 * Everything else under functions/ is the functions' own and may change without them noticing.
 */
import { ConcurrentUpdateError, EmailInFlightError, TransientDependencyError } from '../core/errors.js';
import type { Site } from '../core/model/site.js';
import type { NextStep } from '../use-cases/check-compliance.js';

// The API's views: what a caller reads in an answer.
export type { PurgeRecord } from '../core/model/purge-record.js';
export type { Site } from '../core/model/site.js';
export type { PlacementView } from '../core/placement-view.js';
/** A site as the API answers it: the stored site without its bookkeeping version. */
export type SiteView = Omit<Site, 'version'>;

export { type FieldIssue, ValidationError } from '../core/errors.js';
// Statuses and requirement codes.
export {
  PLACEMENT_STATUSES,
  type PlacementStatus,
  REQUIREMENT_STATUSES,
  type RequirementStatus,
} from '../core/model/placement.js';
export {
  isRequirementCode,
  REQUIREMENT_CODES,
  type RequirementCode,
} from '../core/model/requirement-code.js';
export { dateFieldFor } from '../core/requirement-catalogue.js';
// Request bodies the CLI checks before it sends them (the same rules as the API).
export { type PlacementInput, parsePlacementInput } from '../core/validation/placement-input.js';

// Error codes of the API's error answers.
export { API_ERROR_CODES, type ApiErrorCode } from '../http/error-response.js';
export { EMAIL_LEASE_SECONDS } from '../use-cases/send-email-once.js';

// What the workflow and the operations alarms rely on.
export { PLACEMENT_OUTCOME_MESSAGE } from './log-messages.js';
// The routes of the HTTP API.
export {
  CONSOLE_ROUTES,
  COORDINATOR_ROUTES,
  type ConsoleRouteKey,
  type CoordinatorRouteKey,
  PORTAL_ROUTES,
  type PortalRouteKey,
  REVIEW_ROUTES,
  type ReviewRouteKey,
  type RouteKey,
  routeKeyParts,
} from './route-keys.js';
export type { NextStep };

/** CheckCompliance's `next`, as the workflow's NextStep choice reads it. */
export const NEXT_STEPS = {
  collectDocuments: 'COLLECT_DOCUMENTS',
  requestSiteApproval: 'REQUEST_SITE_APPROVAL',
  notifyOutcome: 'NOTIFY_OUTCOME',
} as const satisfies Record<string, NextStep>;

/**
 * The domain errors a workflow task is retried on (their stable `name`, what Step Functions matches):
 * a lost optimistic-concurrency race and a dependency that was busy or briefly unavailable.
 */
export const RETRYABLE_ERROR_NAMES: readonly string[] = [
  new ConcurrentUpdateError().name,
  new TransientDependencyError().name,
];

/** Another attempt still holds an email's claim: retried on a schedule longer than the lease. */
export const EMAIL_IN_FLIGHT_ERROR_NAME: string = new EmailInFlightError().name;
