/** A link record. Only the SHA-256 of the token is stored; the token itself lives in the email. */
export interface LinkRecord {
  tokenHash: string;
  kind: 'portal' | 'review';
  placementId: string;
  /** ISO-8601 instant after which the link answers 410. */
  expiresAt: string;
  /** Review links: the site admin the link was sent to (decisions record who made them). */
  adminEmail?: string;
  /** Review links: the approval round the link belongs to; older rounds are superseded. */
  round?: number;
  createdAt: string;
}
