import { describe, expect, it } from 'vitest';
import { parseSiteInput } from '../../../functions/core/validation/site-input.js';
import { issueMessage, issuePaths } from './issue-paths.js';

const valid = {
  name: 'St. Mary Hospital',
  adminEmails: ['admin@stmary.example.org'],
  requirements: ['MMR', 'BLS', { code: 'TB', months: 6 }],
};

describe('parseSiteInput', () => {
  it('returns trimmed, typed values with defaults from SITE_DEFAULTS', () => {
    expect(
      parseSiteInput(' site-a ', {
        name: '  St. Mary Hospital ',
        adminEmails: [' admin@stmary.example.org ', 'ADMIN@stmary.example.org', 'nurse@stmary.example.org'],
        requirements: ['MMR', { code: 'BLS' }, { code: 'TB', months: 6 }, { code: 'TDAP', years: 5 }],
        unknownField: 'ignored',
      }),
    ).toEqual({
      siteId: 'site-a',
      name: 'St. Mary Hospital',
      adminEmails: ['admin@stmary.example.org', 'nurse@stmary.example.org'],
      requirements: ['MMR', 'BLS', { code: 'TB', months: 6 }, { code: 'TDAP', years: 5 }],
      documentsDueDays: 14,
      reminderIntervalHours: 72,
      siteReminderIntervalHours: 48,
      verification: 'staff',
    });
  });

  it('keeps given numeric options, including 0 documentsDueDays', () => {
    const site = parseSiteInput('site-a', {
      ...valid,
      documentsDueDays: 0,
      reminderIntervalHours: 1,
      siteReminderIntervalHours: 720,
    });
    expect([site.documentsDueDays, site.reminderIntervalHours, site.siteReminderIntervalHours]).toEqual([
      0, 1, 720,
    ]);
  });

  it('accepts a site with no requirements', () => {
    expect(parseSiteInput('site-a', { ...valid, requirements: [] }).requirements).toEqual([]);
  });

  it.each<[string, unknown, unknown, string[]]>([
    ['a siteId with a slash', 'a/b', valid, ['siteId']],
    ['a siteId with a hash', 'a#b', valid, ['siteId']],
    ['a siteId with a control character', 'a\u0000b', valid, ['siteId']],
    ['a siteId over 200 characters', 'x'.repeat(201), valid, ['siteId']],
    ['a missing name', 'site-a', { ...valid, name: undefined }, ['name']],
    ['a blank name', 'site-a', { ...valid, name: '   ' }, ['name']],
    ['a name over 200 characters', 'site-a', { ...valid, name: 'x'.repeat(201) }, ['name']],
    ['no admin emails', 'site-a', { ...valid, adminEmails: [] }, ['adminEmails']],
    ['adminEmails not a list', 'site-a', { ...valid, adminEmails: 'admin@example.org' }, ['adminEmails']],
    [
      'a bad admin email',
      'site-a',
      { ...valid, adminEmails: ['ok@example.org', 'nope'] },
      ['adminEmails[1]'],
    ],
    ['requirements not a list', 'site-a', { ...valid, requirements: 'MMR' }, ['requirements']],
    ['an unknown code', 'site-a', { ...valid, requirements: ['MMR', 'BLS', 'XRAY'] }, ['requirements[2]']],
    ['a lower-case code', 'site-a', { ...valid, requirements: ['mmr'] }, ['requirements[0]']],
    [
      'a duplicated code',
      'site-a',
      { ...valid, requirements: ['MMR', 'TB', { code: 'TB', months: 6 }] },
      ['requirements[2]'],
    ],
    [
      'an object with an unknown code',
      'site-a',
      { ...valid, requirements: [{ code: 'XRAY' }] },
      ['requirements[0].code'],
    ],
    ['a number as a requirement', 'site-a', { ...valid, requirements: [7] }, ['requirements[0]']],
    [
      'months on a year rule',
      'site-a',
      { ...valid, requirements: [{ code: 'TDAP', months: 6 }] },
      ['requirements[0].months'],
    ],
    [
      'years on a month rule',
      'site-a',
      { ...valid, requirements: [{ code: 'TB', years: 1 }] },
      ['requirements[0].years'],
    ],
    [
      'an override on a rule with no window',
      'site-a',
      { ...valid, requirements: [{ code: 'BLS', months: 6 }] },
      ['requirements[0].months'],
    ],
    [
      'zero months',
      'site-a',
      { ...valid, requirements: [{ code: 'TB', months: 0 }] },
      ['requirements[0].months'],
    ],
    [
      'fractional months',
      'site-a',
      { ...valid, requirements: [{ code: 'TB', months: 1.5 }] },
      ['requirements[0].months'],
    ],
    [
      'months as a string',
      'site-a',
      { ...valid, requirements: [{ code: 'TB', months: '6' }] },
      ['requirements[0].months'],
    ],
    ['documentsDueDays below 0', 'site-a', { ...valid, documentsDueDays: -1 }, ['documentsDueDays']],
    ['documentsDueDays above 365', 'site-a', { ...valid, documentsDueDays: 366 }, ['documentsDueDays']],
    ['a zero reminder interval', 'site-a', { ...valid, reminderIntervalHours: 0 }, ['reminderIntervalHours']],
    [
      'a reminder interval over 720 hours',
      'site-a',
      { ...valid, siteReminderIntervalHours: 721 },
      ['siteReminderIntervalHours'],
    ],
    ['a fractional interval', 'site-a', { ...valid, reminderIntervalHours: 1.5 }, ['reminderIntervalHours']],
    ['a body that is null', 'site-a', null, ['body']],
    ['a body that is an array', 'site-a', [valid], ['body']],
    ['a body that is a string', 'site-a', 'site', ['body']],
    ['a bad siteId and no body', '', null, ['siteId', 'body']],
  ])('reports %s', (_name, siteId, body, paths) => {
    expect(issuePaths(() => parseSiteInput(siteId, body))).toEqual(paths);
  });

  it('reports every bad field at once', () => {
    const paths = issuePaths(() =>
      parseSiteInput('a/b', {
        name: '',
        adminEmails: ['x', 'ok@example.org', 'y@'],
        requirements: ['MMR', 'NOPE', { code: 'TB', months: 0 }],
        documentsDueDays: 400,
        reminderIntervalHours: 0,
        siteReminderIntervalHours: 'soon',
      }),
    );
    expect(paths).toEqual([
      'siteId',
      'name',
      'adminEmails[0]',
      'adminEmails[2]',
      'requirements[1]',
      'requirements[2].months',
      'documentsDueDays',
      'reminderIntervalHours',
      'siteReminderIntervalHours',
    ]);
  });

  it('tells the coordinator which override a code takes', () => {
    expect(
      issueMessage(
        () => parseSiteInput('s', { ...valid, requirements: [{ code: 'TDAP', months: 6 }] }),
        'requirements[0].months',
      ),
    ).toBe('TDAP is counted in years: give "years" instead.');
  });
});
