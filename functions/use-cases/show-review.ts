import type { Placement, SiteDecision } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import type { Ports } from '../core/ports.js';
import { openLink, supersededLinkError } from './open-link.js';

const DOWNLOAD_LINK_SECONDS = 5 * 60;

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

/** The packet a site administrator reviews. Reading it changes nothing. */
const withCheckedBy = (checkedBy: CheckedBy | undefined) => (checkedBy ? { checkedBy } : {});

export const showReview = async (
  ports: Pick<Ports, 'links' | 'placements' | 'documents' | 'storage' | 'clock'>,
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
  const requirements = await Promise.all(
    placement.requirements.map(async (requirement) => {
      const document = requirement.documentId ? documents.get(requirement.documentId) : undefined;
      return {
        code: requirement.code,
        title: requirement.title,
        status: requirement.status,
        ...(requirement.reason ? { reason: requirement.reason } : {}),
        ...(document?.status === 'ACCEPTED' ? { document: await describe(ports, document) } : {}),
        ...withCheckedBy(checkedByOf(requirement)),
      };
    }),
  );
  const decision = placement.decision?.round === (link.round ?? 0) ? placement.decision : undefined;
  return { adminEmail: link.adminEmail ?? '', placement, ...(decision ? { decision } : {}), requirements };
};

const describe = async (ports: Pick<Ports, 'storage'>, document: StudentDocument) => ({
  fileName: document.fileName,
  ...(document.issuedOn ? { issuedOn: document.issuedOn } : {}),
  ...(document.expiresOn ? { expiresOn: document.expiresOn } : {}),
  downloadUrl: await ports.storage.createDownloadUrl(document.objectKey, DOWNLOAD_LINK_SECONDS),
});
