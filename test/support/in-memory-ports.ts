import { ConcurrentUpdateError, ValidationError } from '../../functions/core/errors.js';
import type { LinkRecord } from '../../functions/core/model/link.js';
import type { Placement } from '../../functions/core/model/placement.js';
import type { PlacementImport } from '../../functions/core/model/placement-import.js';
import type { PurgeRecord } from '../../functions/core/model/purge-record.js';
import { type Site, siteFromStorage } from '../../functions/core/model/site.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { counterDeltas } from '../../functions/core/placement-counters.js';
import { searchTermsOf } from '../../functions/core/placement-search-terms.js';
import type { EmailMessage, ListPlacementsQuery, PlacementPage, Ports } from '../../functions/core/ports.js';

/** Plain in-memory implementations of every port: the use cases are tested against these, without mocks. */
export class InMemoryWorld {
  readonly sites = new Map<string, Site>();
  readonly placementsById = new Map<string, Placement>();
  readonly documentsById = new Map<string, StudentDocument>();
  readonly linksByHash = new Map<string, LinkRecord>();
  readonly purgeRecords = new Map<string, PurgeRecord>();
  /** The dashboard counters, moved with every placement write as the table adapter moves them. */
  readonly counters = new Map<string, number>();
  readonly importsById = new Map<string, PlacementImport>();
  /** The retention index: end date → placement ids filed under it. */
  readonly endingOn = new Map<string, Set<string>>();
  /** Ledger claims by key: pending ones have a `leaseUntil`, completed ones do not. */
  readonly claims = new Map<string, { claimId: string; leaseUntil?: Date }>();
  private nextClaimId = 1;
  readonly outbox: EmailMessage[] = [];
  readonly objects = new Map<string, Uint8Array>();
  readonly started: string[] = [];
  readonly resumed: Array<{ token: string; output: Record<string, unknown> }> = [];
  readonly stopped: string[] = [];
  readonly spentTokens = new Set<string>();
  /** Make the next N mail sends fail, as SES throttling would. */
  failNextSends = 0;
  currentTime = new Date('2026-01-05T09:00:00Z');

  /** Stores a placement as it is (a test's fixture), moving the counters as a write would. */
  seedPlacement(placement: Placement): void {
    const before = this.placementsById.get(placement.placementId);
    this.placementsById.set(placement.placementId, structuredClone(placement));
    this.moveCounters(before, placement);
  }

  private moveCounters(before: Placement | undefined, after: Placement): void {
    for (const { counter, by } of counterDeltas(before, after)) {
      this.counters.set(counter, (this.counters.get(counter) ?? 0) + by);
    }
  }

  readonly ports: Ports = {
    clock: { now: () => new Date(this.currentTime) },
    config: { publicBaseUrl: 'https://onboarding.test' },
    sites: {
      getSite: async (siteId) => {
        const stored = this.sites.get(siteId);
        return stored ? siteFromStorage(structuredClone(stored)) : undefined;
      },
      listSites: async () => [...this.sites.values()].map(({ siteId, name }) => ({ siteId, name })),
      saveSite: async (site, expectedVersion) => {
        const existing = this.sites.get(site.siteId);
        if ((existing?.version ?? undefined) !== expectedVersion)
          throw new ConcurrentUpdateError('site changed');
        this.sites.set(site.siteId, structuredClone(site));
      },
    },
    placements: {
      getPlacement: async (placementId) => structuredClone(this.placementsById.get(placementId)),
      createPlacement: async (placement) => {
        if (this.placementsById.has(placement.placementId)) return false;
        this.placementsById.set(placement.placementId, structuredClone(placement));
        this.moveCounters(undefined, placement);
        return true;
      },
      savePlacement: async (placement, expectedVersion) => {
        const before = this.placementsById.get(placement.placementId);
        if (before?.version !== expectedVersion) {
          throw new ConcurrentUpdateError('placement changed');
        }
        this.placementsById.set(placement.placementId, structuredClone(placement));
        this.moveCounters(before, placement);
      },
      listPlacements: async (query: ListPlacementsQuery): Promise<PlacementPage> => {
        const all = [...this.placementsById.values()]
          .filter((p) => (query.siteId ? p.siteId === query.siteId : true))
          .filter((p) => (query.status ? p.status === query.status : true))
          .filter((p) => (query.program ? p.program === query.program : true))
          .filter((p) => (query.startFrom ? p.startDate >= query.startFrom : true))
          .filter((p) => (query.startTo ? p.startDate <= query.startTo : true))
          .filter((p) => {
            const term = query.search;
            return term === undefined || searchTermsOf(p).some((candidate) => candidate.startsWith(term));
          })
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
        // The cursor is an offset here: opaque to the use cases, as the table's is.
        const offset = query.cursor ? Number(query.cursor) : 0;
        const items = all.slice(offset, offset + query.limit);
        const next = offset + query.limit;
        return { items, ...(next < all.length ? { cursor: String(next) } : {}) };
      },
    },
    counters: {
      applyDeltas: async (_placementId, deltas) => {
        for (const { counter, by } of deltas)
          this.counters.set(counter, (this.counters.get(counter) ?? 0) + by);
      },
      readCounters: async () => new Map(this.counters),
      replaceCounters: async (totals) => {
        this.counters.clear();
        for (const [counter, count] of totals) this.counters.set(counter, count);
      },
    },
    imports: {
      getImport: async (importId) => structuredClone(this.importsById.get(importId)),
      saveImport: async (record, expectedVersion) => {
        if (this.importsById.get(record.importId)?.version !== expectedVersion) {
          throw new ConcurrentUpdateError('import changed');
        }
        this.importsById.set(record.importId, structuredClone(record));
      },
    },
    documents: {
      getDocument: async (studentId, documentId) => {
        const document = this.documentsById.get(documentId);
        return document?.studentId === studentId ? structuredClone(document) : undefined;
      },
      listStudentDocuments: async (studentId) =>
        [...this.documentsById.values()]
          .filter((d) => d.studentId === studentId)
          .map((d) => structuredClone(d)),
      saveDocument: async (document) => {
        this.documentsById.set(document.documentId, structuredClone(document));
      },
      updateDocument: async (document) => {
        if (this.documentsById.get(document.documentId)?.studentId !== document.studentId) return false;
        this.documentsById.set(document.documentId, structuredClone(document));
        return true;
      },
      deleteDocument: async (studentId, documentId) => {
        if (this.documentsById.get(documentId)?.studentId === studentId)
          this.documentsById.delete(documentId);
      },
    },
    verificationQueue: {
      listSubmitted: async (query) => {
        const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
        const waiting = [...this.documentsById.values()]
          .filter(
            (d) => d.status === 'SUBMITTED' && d.submittedAt !== undefined && d.queueEntry !== undefined,
          )
          .filter((d) => (query.siteId ? d.queueEntry?.siteId === query.siteId : true))
          .filter((d) => (query.requirementCode ? d.requirementCode === query.requirementCode : true))
          .map((d) => ({ sortKey: `${d.submittedAt}#${d.documentId}`, document: structuredClone(d) }))
          .filter((entry) => after === undefined || entry.sortKey > after)
          .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
        const page = waiting.slice(0, query.limit);
        const last = page.at(-1);
        return {
          items: page.map((entry) => entry.document),
          ...(waiting.length > query.limit && last
            ? { cursor: Buffer.from(last.sortKey).toString('base64url') }
            : {}),
        };
      },
    },
    links: {
      getLink: async (hash) => structuredClone(this.linksByHash.get(hash)),
      saveLink: async (link) => {
        this.linksByHash.set(link.tokenHash, structuredClone(link));
      },
      deletePlacementLinks: async (placementId) => {
        const hashes = [...this.linksByHash.values()]
          .filter((link) => link.placementId === placementId)
          .map((link) => link.tokenHash);
        for (const hash of hashes) this.linksByHash.delete(hash);
        return hashes.length;
      },
    },
    retention: {
      fileForRetention: async ({ placementId, endDate }) => {
        this.endingOn.set(endDate, (this.endingOn.get(endDate) ?? new Set()).add(placementId));
      },
      placementsEndingOn: async (endDate) => [...(this.endingOn.get(endDate) ?? [])],
    },
    purges: {
      getPurgeRecord: async (placementId) => structuredClone(this.purgeRecords.get(placementId)),
      savePurgeRecord: async (record) => {
        const stored = this.purgeRecords.get(record.placementId) ?? structuredClone(record);
        this.purgeRecords.set(record.placementId, stored);
        return structuredClone(stored);
      },
    },
    ledger: {
      claim: async (key, leaseSeconds) => {
        const existing = this.claims.get(key);
        if (existing && !existing.leaseUntil) return { outcome: 'done' };
        if (existing?.leaseUntil && existing.leaseUntil >= this.currentTime) {
          return { outcome: 'in-flight', leaseUntil: existing.leaseUntil.toISOString() };
        }
        const claimId = `claim-${this.nextClaimId++}`;
        this.claims.set(key, {
          claimId,
          leaseUntil: new Date(this.currentTime.getTime() + leaseSeconds * 1000),
        });
        return { outcome: 'claimed', claimId };
      },
      complete: async (key, claimId) => {
        if (this.claims.get(key)?.claimId === claimId) this.claims.set(key, { claimId });
      },
      release: async (key, claimId) => {
        if (this.claims.get(key)?.claimId === claimId) this.claims.delete(key);
      },
    },
    mailer: {
      send: async (message) => {
        if (this.failNextSends > 0) {
          this.failNextSends--;
          const error = new Error('Rate exceeded');
          error.name = 'TransientDependencyError';
          throw error;
        }
        this.outbox.push(structuredClone(message));
      },
    },
    storage: {
      createUploadForm: async ({ key, contentType }) => ({
        url: 'https://storage.test/documents',
        fields: { key, 'Content-Type': contentType },
      }),
      inspect: async (key, headBytes) => {
        const bytes = this.objects.get(key);
        return bytes ? { size: bytes.byteLength, head: bytes.subarray(0, headBytes) } : undefined;
      },
      delete: async (key) => {
        this.objects.delete(key);
      },
      uploadOrigin: async () => 'https://storage.test',
      createDownloadUrl: async (key) => `https://storage.test/documents/${key}?signed=1`,
    },
    workflow: {
      start: async (name) => {
        if (!this.started.includes(name)) this.started.push(name);
      },
      resume: async (token, output) => {
        if (this.spentTokens.has(token)) return;
        this.spentTokens.add(token);
        this.resumed.push({ token, output });
      },
      stop: async (name) => {
        this.stopped.push(name);
      },
    },
  };

  advance(hours: number) {
    this.currentTime = new Date(this.currentTime.getTime() + hours * 3_600_000);
  }

  /** The link token in the last email sent to `address` (as a student or admin would click it). */
  lastLinkTo(address: string, kind: 'portal' | 'review'): string {
    const message = this.outbox.filter((m) => m.to.includes(address)).at(-1);
    const match = message ? new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(message.text) : null;
    if (!match?.[1]) throw new Error(`no ${kind} link mailed to ${address}`);
    return match[1];
  }
}

const decodeQueueCursor = (cursor: string): string => {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!sortKey.includes('#'))
    throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  return sortKey;
};

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
export const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
