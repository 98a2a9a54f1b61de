import { latestCalendarDateOf } from '../core/calendar-date.js';
import { FILE_SIGNATURE_BYTES } from '../core/file-signature.js';
import { type Placement, type PlacementRequirement, placementVerification } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { judgeUpload, type UploadVerdict } from '../core/upload-verdict.js';
import { resumeDocumentCollectionIfComplete } from './resume-document-collection.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** `submitted`: passed the file checks at a staff-verification placement; now in the verification queue. */
export type UploadOutcome = 'accepted' | 'submitted' | 'rejected' | 'ignored' | 'duplicate';

const KEY_PATTERN = /^placements\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,64})$/;

/**
 * Handles one object-created event. Safe to repeat and to receive out of order: a document
 * is judged once (while PENDING); the placement is updated before the document, so a crash
 * in between is finished by the retry.
 */
export const processUploadedDocument = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'storage' | 'workflow' | 'clock'>,
  objectKey: string,
): Promise<UploadOutcome> => {
  const match = KEY_PATTERN.exec(objectKey);
  if (!match) return 'ignored';
  const [, placementId = '', documentId = ''] = match;
  const placement = await ports.placements.getPlacement(placementId);
  if (!placement) return 'ignored';
  const document = await ports.documents.getDocument(placement.student.id, documentId);
  if (!document || document.placementId !== placementId || placement.purge) {
    // Nobody asked for this upload (the key was not issued by the portal), or the placement's data
    // is being purged: a late upload from a form issued before the purge must not outlive it.
    await ports.storage.delete(objectKey);
    return 'ignored';
  }
  if (document.status !== 'PENDING') {
    // A repeat of an accepted upload finishes a resume that may have failed the first time.
    if (document.status === 'ACCEPTED') await resumeDocumentCollectionIfComplete(ports, placement);
    return 'duplicate';
  }
  const object = await ports.storage.inspect(objectKey, FILE_SIGNATURE_BYTES);
  if (!object) return 'ignored';

  const now = ports.clock.now();
  const verdict = judgeUpload({
    document,
    object,
    rules: placement.rules,
    rotation: placement,
    today: latestCalendarDateOf(now),
    verification: placementVerification(placement),
  });

  const updated = await updatePlacement(ports, placementId, (current, at) =>
    recordVerdict(current, document, verdict, at),
  );
  const judged = judgedDocument(document, verdict, placement, object.size, now);
  // A purge that began while the file was judged deletes the record (it lists the documents after it
  // marks the placement): the verdict is dropped, and the record is only updated where it still exists.
  if (updated.purge || !(await ports.documents.updateDocument(judged))) {
    await ports.storage.delete(objectKey);
    return 'ignored';
  }
  if (!verdict.accepted) {
    await ports.storage.delete(objectKey);
    return 'rejected';
  }
  if (verdict.status === 'SUBMITTED') return 'submitted';
  await resumeDocumentCollectionIfComplete(ports, updated);
  return 'accepted';
};

/** The document record after its file was judged; a SUBMITTED one carries what the verification queue shows. */
const judgedDocument = (
  document: StudentDocument,
  verdict: UploadVerdict,
  placement: Placement,
  size: number,
  now: Date,
): StudentDocument => {
  const base = { ...document, size, updatedAt: now.toISOString() };
  if (!verdict.accepted) return { ...base, status: 'REJECTED', reason: verdict.reason };
  if (verdict.status === 'ACCEPTED')
    return { ...base, status: 'ACCEPTED', verification: verdict.verification };
  return {
    ...base,
    status: 'SUBMITTED',
    submittedAt: now.toISOString(),
    queueEntry: { siteId: placement.siteId, startDate: placement.startDate, student: placement.student },
  };
};

const HISTORY_TYPE = {
  ACCEPTED: 'DOCUMENT_ACCEPTED',
  SUBMITTED: 'DOCUMENT_SUBMITTED',
  REJECTED: 'DOCUMENT_REJECTED',
} as const;

/** The placement after one document was judged; undefined when nothing changes (already recorded, waived, finished). */
const recordVerdict = (
  placement: Placement,
  document: StudentDocument,
  verdict: UploadVerdict,
  now: Date,
): Placement | undefined => {
  const rejection = verdict.accepted ? undefined : verdict.reason;
  const status = verdict.accepted ? verdict.status : 'REJECTED';
  // A purged placement (a FAILED one stays FAILED) takes no more reasons about the student.
  if (isTerminalStatus(placement.status) || placement.purge) return undefined;
  const current = placement.requirements.find((requirement) => requirement.code === document.requirementCode);
  if (!current || current.status === 'WAIVED') return undefined;
  if (current.documentId === document.documentId && current.status === status) return undefined;
  // A later upload may already have been accepted: an older, bad one does not undo it.
  if (rejection && current.status === 'ACCEPTED') return undefined;
  const next: PlacementRequirement = rejection
    ? {
        code: current.code,
        title: current.title,
        status: 'REJECTED',
        reason: rejection,
        documentId: document.documentId,
        rejectedAt: now.toISOString(),
      }
    : status === 'SUBMITTED'
      ? {
          code: current.code,
          title: current.title,
          status: 'SUBMITTED',
          documentId: document.documentId,
          submittedAt: now.toISOString(),
          // Kept (backend only) so evidence older than a rejection still cannot clear it.
          ...(current.rejectedAt ? { rejectedAt: current.rejectedAt } : {}),
        }
      : { code: current.code, title: current.title, status: 'ACCEPTED', documentId: document.documentId };
  const requirements = placement.requirements.map((requirement) =>
    requirement.code === document.requirementCode ? next : requirement,
  );
  return withHistory(
    { ...placement, requirements },
    now,
    HISTORY_TYPE[status],
    rejection ? `${document.requirementCode}: ${rejection}` : document.requirementCode,
  );
};
