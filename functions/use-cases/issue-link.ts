import { generateLinkToken, hashLinkToken } from '../core/link-token.js';
import type { LinkRecord } from '../core/model/link.js';
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
