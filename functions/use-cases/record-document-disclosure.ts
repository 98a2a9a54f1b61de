import { NotFoundError } from '../core/errors.js';
import type { Disclosure, DisclosureChannel } from '../core/model/disclosure.js';
import type { Placement } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';
import { checkIdentifier } from '../core/validation/field-checks.js';
import { openLink, supersededLinkError } from './open-link.js';
import { updatePlacement } from './update-placement.js';

/** How long the storage URL a document view redirects to works: long enough to load, too short to pass on. */
export const DOCUMENT_VIEW_URL_SECONDS = 60;

type DisclosurePorts = Pick<Ports, 'placements' | 'documents' | 'clock'> & {
  readonly storage: Pick<Ports['storage'], 'createDownloadUrl'>;
};

export interface DocumentViewRequest {
  readonly placementId: string;
  readonly documentId: string;
  /** Who is looking: the staff member's or the site administrator's email. */
  readonly by: string;
  readonly via: DisclosureChannel;
}

/** The document a placement holds under `documentId` (its own upload, or reused evidence it counts). */
const documentOf = async (
  ports: Pick<Ports, 'documents'>,
  placement: Placement,
  documentId: string,
): Promise<StudentDocument> => {
  const validId = checkIdentifier([], documentId, 'documentId') !== undefined;
  const document = validId ? await ports.documents.getDocument(placement.student.id, documentId) : undefined;
  const counted = placement.requirements.some((requirement) => requirement.documentId === documentId);
  if (
    !document ||
    placement.purge ||
    placement.documentsDeletedAt ||
    (document.placementId !== placement.placementId && !counted)
  ) {
    throw new NotFoundError('No such document on this placement.');
  }
  return document;
};

/**
 * Every way a student's document is shown goes through here (the console's document route and the
 * review page's links): the view is appended to the placement's `disclosures` (one entry per view,
 * also when the same person opens it again; an optimistic update, so two views at once both stay),
 * and only then is a storage URL made, valid for {@link DOCUMENT_VIEW_URL_SECONDS}. A document of
 * another placement, a purged placement or deleted documents → NotFoundError (404).
 */
export const recordDocumentDisclosure = async (
  ports: DisclosurePorts,
  request: DocumentViewRequest,
): Promise<{ url: string; disclosure: Disclosure }> => {
  const placement = isPlacementId(request.placementId)
    ? await ports.placements.getPlacement(request.placementId)
    : undefined;
  if (!placement) throw new NotFoundError('No such document on this placement.');
  const document = await documentOf(ports, placement, request.documentId);
  const disclosure: Disclosure = {
    at: ports.clock.now().toISOString(),
    by: request.by,
    requirementCode: document.requirementCode,
    documentId: document.documentId,
    via: request.via,
  };
  await updatePlacement(ports, placement.placementId, (current) => {
    if (current.purge) throw new NotFoundError('No such document on this placement.');
    return { ...current, disclosures: [...(current.disclosures ?? []), disclosure] };
  });
  return {
    url: await ports.storage.createDownloadUrl(document.objectKey, DOCUMENT_VIEW_URL_SECONDS),
    disclosure,
  };
};

/**
 * A site administrator opening a document from the review page (`GET /review/{token}/documents/{documentId}`):
 * the link must be live (as for the page), and the document one the packet shows (an accepted one);
 * the disclosure names the administrator the link was sent to.
 */
export const recordReviewDocumentDisclosure = async (
  ports: DisclosurePorts & Pick<Ports, 'links'>,
  token: string,
  documentId: string,
): Promise<{ url: string; disclosure: Disclosure }> => {
  const { link, placement, superseded } = await openLink(ports, token, 'review');
  if (superseded && placement.decision?.round !== link.round) throw supersededLinkError();
  const shown = placement.requirements.some(
    (requirement) => requirement.documentId === documentId && requirement.status === 'ACCEPTED',
  );
  if (!shown) throw new NotFoundError('No such document in this packet.');
  return recordDocumentDisclosure(ports, {
    placementId: placement.placementId,
    documentId,
    by: link.adminEmail ?? 'site administrator',
    via: 'review-link',
  });
};
