/**
 * SUBMITTED documents nobody needs decided any more: their placement finished (expired, cancelled,
 * purged) or their requirement moved on (waived, or met by other evidence). They leave the
 * verification queue (`withdrawnAt`), so reviewers, the digest and the oldest-waiting alarm only
 * see documents a decision still matters for.
 */
import type { Placement } from './model/placement.js';
import type { StudentDocument } from './model/student-document.js';
import { hasSettled } from './placement-status.js';

export const staleSubmissions = (
  placement: Pick<Placement, 'placementId' | 'status' | 'requirements' | 'purge'>,
  documents: StudentDocument[],
): StudentDocument[] => {
  const finished = hasSettled(placement.status) && placement.status !== 'FAILED';
  return documents.filter((document) => {
    if (document.placementId !== placement.placementId || document.status !== 'SUBMITTED') return false;
    if (document.withdrawnAt !== undefined) return false;
    if (finished || placement.purge) return true;
    const requirement = placement.requirements.find((entry) => entry.code === document.requirementCode);
    return requirement?.status !== 'SUBMITTED' || requirement.documentId !== document.documentId;
  });
};
