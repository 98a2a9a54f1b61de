import { daysFromNow, validEvidenceDates } from '../../../local/actors/valid-evidence.js';

export const SITE_REQUIREMENTS = ['BLS', { code: 'TB', months: 12 }, 'HIPAA_TRAINING'] as const;

let counter = 0;

/**
 * A fresh site and a placement body for one test: unique ids so tests sharing a cloud never meet.
 * `verification` is the site's mode: `automatic` unless a test asks for `staff` (the API's default for
 * a new site), because the scenarios written before staff verification check what the file checks
 * alone decide; the staff scenarios (test/e2e/verification.test.ts) ask for `staff`.
 */
export const newScenario = (
  label: string,
  options: { startInDays?: number; lengthDays?: number; verification?: 'staff' | 'automatic' } = {},
) => {
  counter++;
  const tag = `${label}-${process.pid}-${counter}`;
  const startDate = daysFromNow(options.startInDays ?? 30);
  const endDate = daysFromNow((options.startInDays ?? 30) + (options.lengthDays ?? 28));
  const studentEmail = `student-${tag}@students.test`;
  const admins = [`admin-a-${tag}@site.test`, `admin-b-${tag}@site.test`];
  const coordinatorEmail = `coordinator-${tag}@school.test`;
  return {
    siteId: `site-${tag}`,
    site: {
      name: `Hospital ${tag}`,
      adminEmails: admins,
      requirements: SITE_REQUIREMENTS,
      documentsDueDays: 14,
      reminderIntervalHours: 72,
      siteReminderIntervalHours: 48,
      verification: options.verification ?? 'automatic',
    },
    admins,
    studentEmail,
    coordinatorEmail,
    rotation: { startDate, endDate },
    placement: (overrides: Record<string, unknown> = {}) => ({
      student: { id: `student-${tag}`, name: 'Robin Example', email: studentEmail },
      siteId: `site-${tag}`,
      program: 'BSc Nursing',
      startDate,
      endDate,
      coordinatorEmail,
      ...overrides,
    }),
    validDates: (code: string) => validEvidenceDates(code, { endDate }),
  };
};
