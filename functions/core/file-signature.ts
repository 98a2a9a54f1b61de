/** Upload limits and file-type detection by magic bytes (docs/design.md, "Security rules"). */

export const ACCEPTED_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/heic'] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How many leading bytes `detectFileType` needs. */
export const FILE_SIGNATURE_BYTES = 32;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const FTYP = [0x66, 0x74, 0x79, 0x70]; // ftyp
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

export const isAcceptedContentType = (value: unknown): value is AcceptedContentType =>
  typeof value === 'string' && (ACCEPTED_CONTENT_TYPES as readonly string[]).includes(value);

const startsWith = (head: Uint8Array, signature: number[], offset = 0): boolean =>
  head.length >= offset + signature.length && signature.every((byte, i) => head[offset + i] === byte);

/** The content type the first bytes of a file show, or undefined for anything not accepted. */
export function detectFileType(head: Uint8Array): AcceptedContentType | undefined {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, FTYP, 4) && head.length >= 12) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
  }
  return undefined;
}
