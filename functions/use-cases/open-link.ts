import { LinkExpiredError, NotFoundError } from '../core/errors.js';
import { hashLinkToken, isLinkTokenShaped, linkStatus } from '../core/link-token.js';
import type { LinkRecord } from '../core/model/link.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { correlateWithPlacement } from '../observability/logger.js';

/**
 * Resolves an emailed link: unknown → NotFoundError (404); expired → LinkExpiredError (410).
 * A review link of an earlier approval round is `superseded`: the caller decides whether
 * that is a 410 or, for a round that was decided, a 409.
 * Once the link is found, the request's log lines carry its placementId.
 */
export const openLink = async (
  ports: Pick<Ports, 'links' | 'placements' | 'clock'>,
  token: string,
  kind: LinkRecord['kind'],
): Promise<{ link: LinkRecord; placement: Placement; superseded: boolean }> => {
  if (!isLinkTokenShaped(token)) throw new NotFoundError('This link is not valid.');
  const link = await ports.links.getLink(hashLinkToken(token));
  if (!link || link.kind !== kind) throw new NotFoundError('This link is not valid.');
  // From here on the request's log lines carry the placement; the token itself is never logged.
  correlateWithPlacement(link.placementId);
  const placement = await ports.placements.getPlacement(link.placementId);
  // A purge deletes a placement's links; one it has not reached yet (or missed) is dead all the same.
  if (!placement || placement.purge) throw new NotFoundError('This link is not valid.');
  const state = linkStatus(link, ports.clock.now(), kind === 'review' ? placement.approvalRound : undefined);
  if (state === 'expired') throw new LinkExpiredError('This link has expired.');
  return { link, placement, superseded: state === 'superseded' };
};

export const supersededLinkError = () =>
  new LinkExpiredError('This link was replaced by a newer one: use the link in the most recent email.');
