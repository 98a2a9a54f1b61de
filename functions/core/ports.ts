/**
 * The ports the use cases talk through. Adapters in `functions/adapters/` implement
 * them over DynamoDB, S3, SES and Step Functions; tests pass in-memory fakes.
 */
import type { LinkRecord } from './model/link.js';
import type { Placement, PlacementStatus } from './model/placement.js';
import type { PlacementImport } from './model/placement-import.js';
import type { PurgeRecord } from './model/purge-record.js';
import type { RequirementCode } from './model/requirement-code.js';
import type { Site } from './model/site.js';
import type { StudentDocument } from './model/student-document.js';
import type { CounterDelta } from './placement-counters.js';

export interface ListPlacementsQuery {
  siteId?: string;
  status?: PlacementStatus;
  program?: string;
  /** Rotations starting on or after this date (YYYY-MM-DD). */
  startFrom?: string;
  /** Rotations starting on or before this date. */
  startTo?: string;
  /** A normalized search term (placement-search-terms.ts): the start of a student id, email or name. */
  search?: string;
  limit: number;
  cursor?: string;
}

export interface PlacementPage {
  items: Placement[];
  cursor?: string;
}

/** One line of the site list: what the list shows, without reading every site. */
export interface SiteSummary {
  siteId: string;
  name: string;
}

export interface VerificationQueueQuery {
  siteId?: string;
  requirementCode?: RequirementCode;
  limit: number;
  /** Opaque: a page's `cursor`; the next page starts after it. */
  cursor?: string;
}

export interface VerificationQueuePage {
  /** SUBMITTED documents (each with its `submittedAt` and `queueEntry`), oldest first. */
  items: StudentDocument[];
  cursor?: string;
}

/** The documents waiting for a staff verifier, oldest first, without a Scan (docs/data-model.md). */
export interface VerificationQueue {
  listSubmitted(query: VerificationQueueQuery): Promise<VerificationQueuePage>;
}

export interface SiteRepository {
  getSite(siteId: string): Promise<Site | undefined>;
  /** Every site, by id (the school's sites are tens or hundreds, not thousands). */
  listSites(): Promise<SiteSummary[]>;
  /** Writes the site; `expectedVersion` undefined means "must not exist yet". Throws ConcurrentUpdateError. */
  saveSite(site: Site, expectedVersion: number | undefined): Promise<void>;
}

export interface PlacementRepository {
  getPlacement(placementId: string): Promise<Placement | undefined>;
  /** Creates the placement unless one with the same id exists; returns false when it already did. */
  createPlacement(placement: Placement): Promise<boolean>;
  /** Replaces the placement if its stored version is `expectedVersion`; throws ConcurrentUpdateError otherwise. */
  savePlacement(placement: Placement, expectedVersion: number): Promise<void>;
  listPlacements(query: ListPlacementsQuery): Promise<PlacementPage>;
}

/**
 * The dashboard's counters (functions/core/placement-counters.ts). Updated after each placement
 * write; a missed update is repaired by the recount, so applying never fails its caller.
 */
export interface PlacementCounters {
  applyDeltas(placementId: string, deltas: readonly CounterDelta[]): Promise<void>;
  readCounters(): Promise<ReadonlyMap<string, number>>;
  /** Sets every counter to the given totals (the recount); counters absent from `totals` become 0. */
  replaceCounters(totals: ReadonlyMap<string, number>): Promise<void>;
}

/** Checked CSV imports (`IMPORT#{importId}`), kept while the console works through them. */
export interface PlacementImports {
  getImport(importId: string): Promise<PlacementImport | undefined>;
  /** Writes the import; `expectedVersion` undefined means "must not exist yet". Throws ConcurrentUpdateError. */
  saveImport(record: PlacementImport, expectedVersion: number | undefined): Promise<void>;
}

export interface DocumentRepository {
  getDocument(studentId: string, documentId: string): Promise<StudentDocument | undefined>;
  listStudentDocuments(studentId: string): Promise<StudentDocument[]>;
  saveDocument(document: StudentDocument): Promise<void>;
  /**
   * Writes a change to a document that exists; returns false, writing nothing, when its record is gone
   * (a purge or the retention sweep deleted it), so a late update never brings a deleted record back.
   */
  updateDocument(document: StudentDocument): Promise<boolean>;
  /** Deletes the record; deleting one that is not there is a no-op. */
  deleteDocument(studentId: string, documentId: string): Promise<void>;
}

export interface LinkRepository {
  getLink(tokenHash: string): Promise<LinkRecord | undefined>;
  saveLink(link: LinkRecord): Promise<void>;
  /** Deletes every link issued for the placement (they then answer 404); returns how many there were. */
  deletePlacementLinks(placementId: string): Promise<number>;
}

/** Which placements' rotations end on a day: how the retention sweep finds documents that are due. */
export interface RetentionIndex {
  /** Files the placement under its end date; filing it again is a no-op. */
  fileForRetention(placement: { placementId: string; endDate: string }): Promise<void>;
  placementsEndingOn(endDate: string): Promise<string[]>;
}

/** The audit records of purges, one per placement. */
export interface PurgeRecords {
  getPurgeRecord(placementId: string): Promise<PurgeRecord | undefined>;
  /** Writes the record unless one exists for the placement; returns the record as stored. */
  savePurgeRecord(record: PurgeRecord): Promise<PurgeRecord>;
}

/** What claiming a ledger key found. */
export type OnceClaim =
  /** This caller holds the key until `leaseUntil`: do the side effect, then `complete` (or `release`). */
  | { outcome: 'claimed'; claimId: string }
  /** The side effect was done (or was claimed before leases existed): do nothing. */
  | { outcome: 'done' }
  /** Another attempt holds the key and may still be doing it; its lease ends at `leaseUntil` (ISO). */
  | { outcome: 'in-flight'; leaseUntil: string };

/**
 * Remembers that a side effect (an email) happened, so a retry does not repeat it. A claim is
 * pending with a lease until `complete` marks it done; a claim whose lease ran out (its holder
 * crashed or timed out before completing) can be claimed again, so the side effect is not lost.
 */
export interface OnceLedger {
  claim(key: string, leaseSeconds: number): Promise<OnceClaim>;
  /** Marks the side effect done; a no-op when the claim is no longer this caller's. */
  complete(key: string, claimId: string): Promise<void>;
  /** Gives a claim back after the side effect failed, so a retry can try again at once. */
  release(key: string, claimId: string): Promise<void>;
}

export interface EmailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/** The part of storage a browser uploads through: presigned POST forms. */
export interface UploadForms {
  createUploadForm(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<UploadForm>;
  /** The origin browsers upload to (for the portal page's Content-Security-Policy). */
  uploadOrigin(): Promise<string>;
}

/**
 * The part of storage a purge needs: deleting objects for good (every stored version, not only a
 * delete marker). Deleting one that is not there is a no-op.
 */
export interface ObjectDeletion {
  delete(key: string): Promise<void>;
}

export interface DocumentStorage extends UploadForms, ObjectDeletion {
  /** Size and the first bytes of an object, or undefined when it does not exist. */
  inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | undefined>;
  createDownloadUrl(key: string, expiresInSeconds: number): Promise<string>;
}

export interface WorkflowEngine {
  /** Starts the onboarding execution named after the placement; starting it again is a no-op. */
  start(executionName: string, input: { placementId: string }): Promise<void>;
  resume(taskToken: string, output: Record<string, unknown>): Promise<void>;
  stop(executionName: string, cause: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Everything a use case may need. Each handler builds the subset it is granted. */
export interface Ports {
  sites: SiteRepository;
  placements: PlacementRepository;
  documents: DocumentRepository;
  verificationQueue: VerificationQueue;
  counters: PlacementCounters;
  imports: PlacementImports;
  links: LinkRepository;
  purges: PurgeRecords;
  retention: RetentionIndex;
  ledger: OnceLedger;
  mailer: Mailer;
  storage: DocumentStorage;
  workflow: WorkflowEngine;
  clock: Clock;
  config: AppConfig;
}

/** The repositories over the one table (functions/composition/table-ports.ts builds them). */
export type TablePorts = Pick<
  Ports,
  'sites' | 'placements' | 'documents' | 'links' | 'purges' | 'retention' | 'ledger'
>;

/** What the use cases that build links for emails and pages need to know. */
export interface AppConfig {
  /** The origin the emailed portal and review links start with. */
  publicBaseUrl: string;
}
