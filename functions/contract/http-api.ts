/**
 * The HTTP API's request and answer types under readable names. They come from one source,
 * docs/openapi.yaml, through the generated ./http-api-types.ts (`npm run contract:types`): the CLI,
 * the tests and any school's own client read the same document, and the contract tests hold the
 * local cloud's real answers against it, which hand-written types could not be.
 */
import type { components } from './http-api-types.js';

type Schemas = components['schemas'];

/** A placement as every coordinator route and the review route's JSON answer return it. */
export type Placement = Schemas['Placement'];
export type PlacementStatus = Schemas['PlacementStatus'];
/** One requirement of a placement, with its status. */
export type Requirement = Schemas['Requirement'];
export type RequirementCode = Schemas['RequirementCode'];
export type RequirementStatus = Schemas['RequirementStatus'];
export type HistoryEntry = Schemas['HistoryEntry'];
/** `GET /placements`: one page, with the cursor of the next one. */
export type PlacementPage = Schemas['PlacementPage'];
export type VerificationQueueItem = Schemas['VerificationQueueItem'];
export type VerificationQueuePage = Schemas['VerificationQueuePage'];
/** A site as `PUT` and `GET /sites/{siteId}` return it. */
export type Site = Schemas['Site'];
export type SiteRequirement = Schemas['SiteRequirement'];
/** `POST /placements/{placementId}/purge`: the redacted placement and the audit record. */
export type PurgeResult = Schemas['PurgeResult'];
export type PurgeRecord = Schemas['PurgeRecord'];
/** `GET /portal/{token}/status`. */
export type PortalStatus = Schemas['PortalStatus'];
/** `POST /portal/{token}/uploads`: the presigned POST to send the file with. */
export type UploadGrant = Schemas['UploadGrant'];
/** The body of every error answer of the API (not API Gateway's own `{"message"}`). */
export type ErrorBody = Schemas['Error'];
export type ErrorCode = Schemas['ErrorCode'];
export type FieldIssue = Schemas['FieldIssue'];

/** Request bodies. */
export type SiteInput = Schemas['SiteInput'];
export type PlacementInput = Schemas['PlacementInput'];
export type WaiverInput = Schemas['WaiverInput'];
export type VerificationDecisionInput = Schemas['VerificationDecisionInput'];
export type OptionalReasonInput = Schemas['OptionalReasonInput'];
export type UploadRequestInput = Schemas['UploadRequestInput'];
export type DecisionInput = Schemas['DecisionInput'];
