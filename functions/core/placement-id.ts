/** Identifiers for placements and documents: URL-safe, lowercase, fixed length. */
import { createHash, randomBytes } from 'node:crypto';

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_CHARS = 26;
const PLACEMENT_ID_SHAPE = /^pl_[a-z2-7]{26}$/;

/** The first `chars` characters of the RFC 4648 base32 (lowercase) encoding of `bytes`. */
function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32_ALPHABET.charAt((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    if (out.length === chars) return out;
  }
  throw new RangeError(`Not enough bytes for ${chars} base32 characters`);
}

/**
 * The placement id for a student at a site from a start date: the same three values
 * always give the same id, so concurrent creates of one placement collide on one key.
 */
export function placementIdFor(studentId: string, siteId: string, startDate: string): string {
  // A JSON array keeps the boundaries: ("a-b", "c") and ("a", "b-c") hash differently.
  const digest = createHash('sha256')
    .update(JSON.stringify([studentId, siteId, startDate]), 'utf8')
    .digest();
  return `pl_${base32(digest, ID_CHARS)}`;
}

/** A new random document id (130 bits). */
export function newDocumentId(): string {
  return `doc_${base32(randomBytes(17), ID_CHARS)}`;
}

export const isPlacementId = (value: unknown): value is string =>
  typeof value === 'string' && PLACEMENT_ID_SHAPE.test(value);
