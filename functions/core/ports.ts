/**
 * The ports the use cases talk through. Adapters in `functions/adapters/` implement
 * them over DynamoDB, S3, SES and Step Functions; tests pass in-memory fakes.
 */
import type { LinkRecord } from './model/link.js';
import type { Placement, PlacementStatus } from './model/placement.js';
import type { Site } from './model/site.js';
import type { StudentDocument } from './model/student-document.js';

export interface ListPlacementsQuery {
  siteId?: string;
  status?: PlacementStatus;
  limit: number;
  cursor?: string;
}

export interface PlacementPage {
  items: Placement[];
  cursor?: string;
}

export interface SiteRepository {
  getSite(siteId: string): Promise<Site | undefined>;
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

export interface DocumentRepository {
  getDocument(studentId: string, documentId: string): Promise<StudentDocument | undefined>;
  listStudentDocuments(studentId: string): Promise<StudentDocument[]>;
  saveDocument(document: StudentDocument): Promise<void>;
}

export interface LinkRepository {
  getLink(tokenHash: string): Promise<LinkRecord | undefined>;
  saveLink(link: LinkRecord): Promise<void>;
}

/** Remembers that a side effect (an email, a workflow resume) happened, so a retry does not repeat it. */
export interface OnceLedger {
  /** Claims `key`; true when this caller is the first, false when it was already claimed. */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back after the side effect failed, so a retry can try again. */
  release(key: string): Promise<void>;
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

export interface DocumentStorage extends UploadForms {
  /** Size and the first bytes of an object, or undefined when it does not exist. */
  inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | undefined>;
  delete(key: string): Promise<void>;
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
  links: LinkRepository;
  ledger: OnceLedger;
  mailer: Mailer;
  storage: DocumentStorage;
  workflow: WorkflowEngine;
  clock: Clock;
  config: AppConfig;
}

export interface AppConfig {
  stage: string;
  publicBaseUrl: string;
  senderEmail: string;
  replyToEmail?: string;
}
