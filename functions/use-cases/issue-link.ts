import { startOfDayAfter } from '../core/calendar-date.js';
import { generateLinkToken, hashLinkToken } from '../core/link-token.js';
import type { LinkRecord } from '../core/model/link.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';

/** Creates a link, stores only its hash, and returns the URL to email. The token exists nowhere else. */
export const issueLink = async (
  ports: Pick<Ports, 'links' | 'clock' | 'config'>,
  link: Omit<LinkRecord, 'tokenHash' | 'createdAt'>,
): Promise<string> => {
  const token = generateLinkToken();
  await ports.links.saveLink({
    ...link,
    tokenHash: hashLinkToken(token),
    createdAt: ports.clock.now().toISOString(),
  });
  return `${ports.config.publicBaseUrl.replace(/\/+$/, '')}/${link.kind}/${token}`;
};

/** The student's portal link for a placement: it works until the end of the documents due date. */
export const issuePortalLink = (
  ports: Pick<Ports, 'links' | 'clock' | 'config'>,
  placement: Pick<Placement, 'placementId' | 'documentsDueDate'>,
): Promise<string> =>
  issueLink(ports, {
    kind: 'portal',
    placementId: placement.placementId,
    expiresAt: startOfDayAfter(placement.documentsDueDate).toISOString(),
  });
