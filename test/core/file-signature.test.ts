import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_CONTENT_TYPES,
  detectFileType,
  FILE_SIGNATURE_BYTES,
  isAcceptedContentType,
  MAX_UPLOAD_BYTES,
} from '../../functions/core/file-signature.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

/** An ISO-BMFF file start: box size, `ftyp`, the major brand, a minor version. */
const ftyp = (brand: string): Uint8Array => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'mif1heic');

describe('detectFileType', () => {
  it.each<[string, Uint8Array, string | undefined]>([
    ['a PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'image/jpeg'],
    ['a HEIC photo (heic)', ftyp('heic'), 'image/heic'],
    ['a HEIC photo (heix)', ftyp('heix'), 'image/heic'],
    ['a HEIF sequence (hevc)', ftyp('hevc'), 'image/heic'],
    ['a HEIF image (mif1)', ftyp('mif1'), 'image/heic'],
    ['a HEIF sequence (msf1)', ftyp('msf1'), 'image/heic'],
    [
      'a Windows executable (MZ) named .pdf',
      bytes('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'),
      undefined,
    ],
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0]), undefined],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n'), undefined],
    ['an HTML page', bytes('<!doctype html><script>'), undefined],
    ['a ZIP (e.g. a .docx)', bytes('PK\x03\x04\x14\x00\x06\x00'), undefined],
    ['a GIF', bytes('GIF89a\x01\x00\x01\x00'), undefined],
    ['an MP4 video (isom brand)', ftyp('isom'), undefined],
    ['a QuickTime video (qt brand)', ftyp('qt  '), undefined],
    ['a PDF header not at the start', bytes(' %PDF-1.7'), undefined],
    ['"%PDF" without the dash', bytes('%PDF1.7'), undefined],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]), undefined],
    ['two JPEG bytes', bytes([0xff, 0xd8]), undefined],
    ['ftyp with a cut-off brand', bytes([0, 0, 0, 0x18], 'ftyphe'), undefined],
    ['an empty file', new Uint8Array(0), undefined],
  ])('%s → %s', (_name, head, expected) => {
    expect(detectFileType(head)).toBe(expected);
  });

  it('needs no more than FILE_SIGNATURE_BYTES of the file', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'x'.repeat(100));
    expect(detectFileType(png.subarray(0, FILE_SIGNATURE_BYTES))).toBe('image/png');
  });
});

describe('upload limits', () => {
  it('accepts exactly PDF, PNG, JPEG and HEIC, up to 10 MB', () => {
    expect([...ACCEPTED_CONTENT_TYPES].sort()).toEqual([
      'application/pdf',
      'image/heic',
      'image/jpeg',
      'image/png',
    ]);
    expect(MAX_UPLOAD_BYTES).toBe(10_485_760);
  });

  it.each([
    ['image/png', true],
    ['application/pdf', true],
    ['image/gif', false],
    ['application/x-msdownload', false],
    ['IMAGE/PNG', false],
    [undefined, false],
  ])('isAcceptedContentType(%j) is %s', (value, expected) => {
    expect(isAcceptedContentType(value)).toBe(expected);
  });
});
