import type { Placement, SiteDecision } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import type { Ports } from '../core/ports.js';
import { openLink, supersededLinkError } from './open-link.js';

export interface ReviewPacket {
  adminEmail: string;
  placement: Placement;
  /** The decision of this link's round, if one was made (an earlier round's does not count). */
  decision?: SiteDecision;
  requirements: Array<{
    code: string;
    title: string;
    status: string;
    reason?: string;
    /** `downloadUrl` is the recorded view route (`/review/{token}/documents/{documentId}`), never a storage URL. */
    document?: { fileName: string; issuedOn?: string; expiresOn?: string; downloadUrl: string };
    /** ACCEPTED only: who checked it: a named staff verifier and when, or the file checks alone. */
    checkedBy?: CheckedBy;
  }>;
}

/** Who checked an accepted document, as the site's review page says it. */
export type CheckedBy = { kind: 'staff'; by: string; at: string } | { kind: 'automatic' };

const checkedByOf = (requirement: Placement['requirements'][number]): CheckedBy | undefined => {
  if (requirement.status !== 'ACCEPTED') return undefined;
  return requirement.verification === 'staff' && requirement.verifiedBy && requirement.verifiedAt
    ? { kind: 'staff', by: requirement.verifiedBy, at: requirement.verifiedAt }
    : { kind: 'automatic' };
};

const withCheckedBy = (checkedBy: CheckedBy | undefined) => (checkedBy ? { checkedBy } : {});

/**
 * The packet a site administrator reviews. Reading it changes nothing: each document's link goes to
 * the route that records the view first (`recordReviewDocumentDisclosure`).
 */
export const showReview = async (
  ports: Pick<Ports, 'links' | 'placements' | 'documents' | 'clock' | 'config'>,
  token: string,
): Promise<ReviewPacket> => {
  const { link, placement, superseded } = await openLink(ports, token, 'review');
  if (superseded && placement.decision?.round !== link.round) throw supersededLinkError();
  const documents = new Map(
    (await ports.documents.listStudentDocuments(placement.student.id)).map((document) => [
      document.documentId,
      document,
    ]),
  );
  const requirements = placement.requirements.map((requirement) => {
    const document = requirement.documentId ? documents.get(requirement.documentId) : undefined;
    return {
      code: requirement.code,
      title: requirement.title,
      status: requirement.status,
      ...(requirement.reason ? { reason: requirement.reason } : {}),
      ...(document?.status === 'ACCEPTED'
        ? {
            document: describe(
              reviewDocumentUrl(ports.config.publicBaseUrl, token, document.documentId),
              document,
            ),
          }
        : {}),
      ...withCheckedBy(checkedByOf(requirement)),
    };
  });
  const decision = placement.decision?.round === (link.round ?? 0) ? placement.decision : undefined;
  return { adminEmail: link.adminEmail ?? '', placement, ...(decision ? { decision } : {}), requirements };
};

/** The review page's link to one document: the route that records the view, then redirects to storage. */
export const reviewDocumentUrl = (publicBaseUrl: string, token: string, documentId: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/review/${encodeURIComponent(token)}/documents/${encodeURIComponent(documentId)}`;

const describe = (downloadUrl: string, document: StudentDocument) => ({
  fileName: document.fileName,
  ...(document.issuedOn ? { issuedOn: document.issuedOn } : {}),
  ...(document.expiresOn ? { expiresOn: document.expiresOn } : {}),
  downloadUrl,
});
