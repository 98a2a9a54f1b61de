import { daysFromNow, validEvidenceDates } from '../../local/actors/valid-evidence.js';

/**
 * The site every bench placement goes to: five documents (validity rules of four kinds), one site
 * administrator, the default reminder intervals (no reminder fires during a bench), and staff
 * verification (a reviewer actor verifies each document) unless a path measures `automatic`.
 */
export const BENCH_REQUIREMENTS = ['MMR', 'TB', 'BLS', 'HIPAA_TRAINING', 'BACKGROUND_CHECK'] as const;

export const benchSite = (siteId: string, verification: 'staff' | 'automatic' = 'staff') => ({
  siteId,
  adminEmail: `admin@${siteId}.bench.test`,
  body: {
    name: `Bench Hospital ${siteId}`,
    adminEmails: [`admin@${siteId}.bench.test`],
    requirements: [...BENCH_REQUIREMENTS],
    documentsDueDays: 14,
    reminderIntervalHours: 72,
    siteReminderIntervalHours: 48,
    verification,
  },
});

export const COORDINATOR_EMAIL = 'coordinator@school.bench.test';

export interface BenchStudent {
  id: string;
  name: string;
  email: string;
}

export const benchStudent = (tag: string): BenchStudent => ({
  id: `student-${tag}`,
  name: `Student ${tag}`,
  email: `student-${tag}@students.bench.test`,
});

/** A rotation 30 days out, four weeks long (documents are due 14 days before it starts). */
export const benchRotation = (startInDays = 30, lengthDays = 28) => ({
  startDate: daysFromNow(startInDays),
  endDate: daysFromNow(startInDays + lengthDays),
});

export const placementBody = (
  student: BenchStudent,
  siteId: string,
  rotation: { startDate: string; endDate: string } = benchRotation(),
) => ({
  student,
  siteId,
  program: 'BSc Nursing',
  ...rotation,
  coordinatorEmail: COORDINATOR_EMAIL,
});

export const evidenceFor = (code: string, rotation: { endDate: string }) =>
  validEvidenceDates(code, rotation);
