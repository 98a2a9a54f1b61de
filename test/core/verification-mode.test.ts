import { describe, expect, it } from 'vitest';
import { placementVerification } from '../../functions/core/model/placement.js';
import { type Site, siteFromStorage, siteVerification } from '../../functions/core/model/site.js';
import { verifierName } from '../../functions/core/model/verification.js';
import { parseSiteInput } from '../../functions/core/validation/site-input.js';
import { issuePaths } from './validation/issue-paths.js';

const body = { name: 'General Hospital', adminEmails: ['admin@hospital.test'], requirements: ['TB'] };

const storedBeforeVerification: Site = {
  siteId: 'old-site',
  ...body,
  requirements: ['TB'],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 3,
};

describe('a site’s verification mode', () => {
  it.each<[string, unknown, string]>([
    ['a new site that does not say', undefined, 'staff'],
    ['a new site asking for staff verification', 'staff', 'staff'],
    ['a new site keeping automatic acceptance', 'automatic', 'automatic'],
  ])('%s is %s', (_name, verification, expected) => {
    expect(parseSiteInput('site-a', { ...body, verification }).verification).toBe(expected);
  });

  it('refuses any other mode, naming the field', () => {
    expect(issuePaths(() => parseSiteInput('site-a', { ...body, verification: 'manual' }))).toEqual([
      'verification',
    ]);
  });

  it('reads a site stored before the setting existed as automatic, and a stored mode as stored', () => {
    expect(siteVerification(storedBeforeVerification)).toBe('automatic');
    expect(siteFromStorage(storedBeforeVerification)).toEqual({
      ...storedBeforeVerification,
      verification: 'automatic',
    });
    expect(siteFromStorage({ ...storedBeforeVerification, verification: 'staff' }).verification).toBe(
      'staff',
    );
  });

  it('reads a placement stored before the setting existed as automatic', () => {
    expect(placementVerification({})).toBe('automatic');
    expect(placementVerification({ verification: 'staff' })).toBe('staff');
  });
});

describe('verifierName', () => {
  it.each<[string, Parameters<typeof verifierName>[0], string | undefined]>([
    [
      'the email first',
      { sub: 'abc', email: 'rev@school.test', iam: 'arn:aws:iam::1:user/x' },
      'rev@school.test',
    ],
    [
      'the IAM caller without an email',
      { sub: 'abc', iam: 'arn:aws:iam::1:user/x' },
      'arn:aws:iam::1:user/x',
    ],
    ['the subject alone', { sub: 'abc' }, 'abc'],
    ['nobody when all are blank', { email: ' ' }, undefined],
  ])('names %s', (_name, verifier, expected) => {
    expect(verifierName(verifier)).toBe(expected);
  });
});
