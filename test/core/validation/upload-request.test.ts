import { describe, expect, it } from 'vitest';
import type { RequirementCode } from '../../../functions/core/model/requirement-code.js';
import { parseUploadRequest } from '../../../functions/core/validation/upload-request.js';
import { issueMessage, issuePaths } from './issue-paths.js';

const codes: RequirementCode[] = ['MMR', 'TB', 'BLS'];
const valid = {
  requirementCode: 'TB',
  fileName: 'tb-test.pdf',
  contentType: 'application/pdf',
  size: 120_000,
  issuedOn: '2025-10-01',
};

describe('parseUploadRequest', () => {
  it('returns typed, trimmed values', () => {
    expect(
      parseUploadRequest({ ...valid, fileName: ' tb-test.pdf ', contentType: 'Application/PDF' }, codes),
    ).toEqual(valid);
  });

  it('asks expiry-rule requirements for expiresOn and keeps a valid issuedOn too', () => {
    expect(
      parseUploadRequest(
        {
          requirementCode: 'BLS',
          fileName: 'bls.jpg',
          contentType: 'image/jpeg',
          size: 1,
          expiresOn: '2027-01-31',
          issuedOn: '2025-01-31',
        },
        codes,
      ),
    ).toEqual({
      requirementCode: 'BLS',
      fileName: 'bls.jpg',
      contentType: 'image/jpeg',
      size: 1,
      expiresOn: '2027-01-31',
      issuedOn: '2025-01-31',
    });
  });

  it('accepts exactly 10 MB', () => {
    expect(parseUploadRequest({ ...valid, size: 10 * 1024 * 1024 }, codes).size).toBe(10_485_760);
  });

  it.each<[string, unknown, string[]]>([
    ['a code the placement does not need', { ...valid, requirementCode: 'DRUG_SCREEN' }, ['requirementCode']],
    ['an unknown code', { ...valid, requirementCode: 'XRAY' }, ['requirementCode']],
    ['no file name', { ...valid, fileName: undefined }, ['fileName']],
    ['a file name over 200 characters', { ...valid, fileName: `${'x'.repeat(197)}.pdf` }, ['fileName']],
    ['a file name with a slash', { ...valid, fileName: '../../etc/passwd' }, ['fileName']],
    ['a file name with a backslash', { ...valid, fileName: 'C:\\scan.pdf' }, ['fileName']],
    ['a file name with a control character', { ...valid, fileName: 'scan\u0000.pdf' }, ['fileName']],
    ['a file name with a newline', { ...valid, fileName: 'scan\n.pdf' }, ['fileName']],
    ['a file name of ".."', { ...valid, fileName: '..' }, ['fileName']],
    ['an executable content type', { ...valid, contentType: 'application/x-msdownload' }, ['contentType']],
    ['a GIF', { ...valid, contentType: 'image/gif' }, ['contentType']],
    ['no content type', { ...valid, contentType: undefined }, ['contentType']],
    ['a size of 0', { ...valid, size: 0 }, ['size']],
    ['a size over 10 MB', { ...valid, size: 10 * 1024 * 1024 + 1 }, ['size']],
    ['a fractional size', { ...valid, size: 10.5 }, ['size']],
    ['a size as a string', { ...valid, size: '100' }, ['size']],
    ['no issuedOn for a TB test', { ...valid, issuedOn: undefined }, ['issuedOn']],
    ['an impossible issuedOn', { ...valid, issuedOn: '2025-02-29' }, ['issuedOn']],
    [
      'an expiresOn instead of the issuedOn TB needs',
      { ...valid, issuedOn: undefined, expiresOn: '2027-01-01' },
      ['issuedOn'],
    ],
    ['no expiresOn for BLS', { ...valid, requirementCode: 'BLS', issuedOn: '2025-01-01' }, ['expiresOn']],
    ['an impossible optional expiresOn', { ...valid, expiresOn: '2027-13-01' }, ['expiresOn']],
    ['a body that is null', null, ['body']],
    ['a body that is an array', [valid], ['body']],
  ])('reports %s', (_name, body, paths) => {
    expect(issuePaths(() => parseUploadRequest(body, codes))).toEqual(paths);
  });

  it('reports every bad field at once', () => {
    expect(
      issuePaths(() =>
        parseUploadRequest(
          { requirementCode: 'MMR', fileName: 'a/b', contentType: 'text/html', size: 11 * 1024 * 1024 },
          codes,
        ),
      ),
    ).toEqual(['fileName', 'contentType', 'size', 'issuedOn']);
  });

  it('says the file is too large when size is over the limit', () => {
    expect(issueMessage(() => parseUploadRequest({ ...valid, size: 20 * 1024 * 1024 }, codes), 'size')).toBe(
      'The file is larger than 10 MB.',
    );
  });

  it('says when a requirement is not one of the placement’s', () => {
    expect(
      issueMessage(
        () => parseUploadRequest({ ...valid, requirementCode: 'HEALTH_INSURANCE' }, codes),
        'requirementCode',
      ),
    ).toBe('HEALTH_INSURANCE is not a requirement of this placement.');
  });
});
