import { latestCalendarDateOf } from '../core/calendar-date.js';
import { FILE_SIGNATURE_BYTES } from '../core/file-signature.js';
import type { Placement, PlacementRequirement } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { judgeUpload } from '../core/upload-verdict.js';
import { resumeDocumentCollectionIfComplete } from './resume-document-collection.js';
import { updatePlacement, withHistory } from './update-placement.js';

export type UploadOutcome = 'accepted' | 'rejected' | 'ignored' | 'duplicate';

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
  });

  const updated = await updatePlacement(ports, placementId, (current, at) =>
    recordVerdict(current, document, verdict.accepted ? undefined : verdict.reason, at),
  );
  const judged: StudentDocument = {
    ...document,
    status: verdict.accepted ? 'ACCEPTED' : 'REJECTED',
    ...(verdict.accepted ? {} : { reason: verdict.reason }),
    size: object.size,
    updatedAt: now.toISOString(),
  };
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
  await resumeDocumentCollectionIfComplete(ports, updated);
  return 'accepted';
};

/** The placement after one document was judged; undefined when nothing changes (already recorded, waived, finished). */
const recordVerdict = (
  placement: Placement,
  document: StudentDocument,
  rejection: string | undefined,
  now: Date,
): Placement | undefined => {
  // A purged placement (a FAILED one stays FAILED) takes no more reasons about the student.
  if (isTerminalStatus(placement.status) || placement.purge) return undefined;
  const current = placement.requirements.find((requirement) => requirement.code === document.requirementCode);
  if (!current || current.status === 'WAIVED') return undefined;
  if (
    current.documentId === document.documentId &&
    current.status === (rejection ? 'REJECTED' : 'ACCEPTED')
  ) {
    return undefined;
  }
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
    : { code: current.code, title: current.title, status: 'ACCEPTED', documentId: document.documentId };
  const requirements = placement.requirements.map((requirement) =>
    requirement.code === document.requirementCode ? next : requirement,
  );
  return withHistory(
    { ...placement, requirements },
    now,
    rejection ? 'DOCUMENT_REJECTED' : 'DOCUMENT_ACCEPTED',
    rejection ? `${document.requirementCode}: ${rejection}` : document.requirementCode,
  );
};
