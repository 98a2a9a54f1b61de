import type { StaffRole as ConsoleRole } from '../../../functions/staff-auth/staff-identity.js';
import type { ConsoleContext } from '../../../functions/web/console/console-layout.js';
import type { DashboardView } from '../../../functions/web/console/dashboard-page.js';
import type { ImportView } from '../../../functions/web/console/import-page.js';
import type { PlacementDetailView } from '../../../functions/web/console/placement-page.js';
import type { PlacementsListView } from '../../../functions/web/console/placements-page.js';
import type { ReportsView } from '../../../functions/web/console/reports-page.js';
import type { SiteView } from '../../../functions/web/console/site-page.js';
import type { SitesListView } from '../../../functions/web/console/sites-page.js';
import type { VerificationItemView } from '../../../functions/web/console/verification-item-page.js';
import type { VerificationQueueView } from '../../../functions/web/console/verification-queue-page.js';

/** Sample view data for the console pages: what a handler would fill in. */

export const CSRF_TOKEN = 'csrf-token-7f3a9c';
export const STORAGE_ORIGIN = 'https://placement-docs.s3.eu-west-1.amazonaws.com';

export const contextFor = (role: ConsoleRole, overrides: Partial<ConsoleContext> = {}): ConsoleContext => ({
  staff: { email: `${role}@school.example.edu`, role },
  csrfToken: CSRF_TOKEN,
  basePath: '/console',
  ...overrides,
});

export const dashboardView = (overrides: Partial<DashboardView> = {}): DashboardView => ({
  byStatus: {
    CHECKING: 2,
    AWAITING_DOCUMENTS: 41,
    AWAITING_SITE_APPROVAL: 9,
    CLEARED: 118,
    DECLINED: 3,
    CANCELLED: 4,
    FAILED: 1,
  },
  bySite: [
    { siteId: 'riverside', siteName: 'Riverside General Hospital', open: 31, cleared: 70 },
    { siteId: 'northgate', siteName: 'Northgate Community Clinic', open: 21, cleared: 48 },
  ],
  waitingOn: { student: 29, school: 12, site: 9 },
  startingSoon: [
    {
      placementId: 'p-100',
      studentName: 'Amara Okafor',
      siteName: 'Riverside General Hospital',
      startDate: '2026-12-14',
      status: 'AWAITING_DOCUMENTS',
      waitingOn: 'student',
    },
    {
      placementId: 'p-101',
      studentName: 'Luis Ortega',
      siteName: 'Northgate Community Clinic',
      startDate: '2026-12-16',
      status: 'AWAITING_SITE_APPROVAL',
      waitingOn: 'site',
    },
  ],
  queue: { size: 12, oldestAgeHours: 30 },
  timeToClearanceDays: { median: 9.5, p90: 21, count: 118 },
  timeToVerificationHours: { median: 6, p90: 40, count: 342 },
  agreementsExpiring: [
    {
      siteId: 'northgate',
      siteName: 'Northgate Community Clinic',
      reference: 'AA-2023-17',
      expiresOn: '2027-02-01',
    },
  ],
  ...overrides,
});

export const emptyDashboardView = (): DashboardView => ({
  byStatus: {},
  bySite: [],
  waitingOn: { student: 0, school: 0, site: 0 },
  startingSoon: [],
  queue: { size: 0 },
  timeToClearanceDays: { count: 0 },
  timeToVerificationHours: { count: 0 },
});

export const placementsView = (overrides: Partial<PlacementsListView> = {}): PlacementsListView => ({
  filters: { status: 'AWAITING_DOCUMENTS', siteId: 'riverside' },
  sites: [
    { siteId: 'riverside', name: 'Riverside General Hospital' },
    { siteId: 'northgate', name: 'Northgate Community Clinic' },
  ],
  programs: ['BSN Nursing', 'Physical Therapy DPT'],
  items: [
    {
      placementId: 'p-100',
      studentId: 'S-1001',
      studentName: 'Amara Okafor',
      studentEmail: 'amara@students.example.edu',
      siteName: 'Riverside General Hospital',
      program: 'BSN Nursing',
      startDate: '2026-12-14',
      endDate: '2027-03-12',
      status: 'AWAITING_DOCUMENTS',
      waitingOn: 'student',
    },
    {
      placementId: 'p-102',
      studentId: 'S-1002',
      studentName: 'Mei Chen',
      studentEmail: 'mei@students.example.edu',
      siteName: 'Riverside General Hospital',
      program: 'BSN Nursing',
      startDate: '2027-01-11',
      endDate: '2027-04-09',
      status: 'AWAITING_DOCUMENTS',
      waitingOn: 'school',
    },
  ],
  nextCursor: 'eyJwayI6IlBMQUNFTUVOVCNwLTEwMiJ9',
  paged: false,
  ...overrides,
});

export const placementView = (overrides: Partial<PlacementDetailView> = {}): PlacementDetailView => ({
  placementId: 'p-100',
  status: 'AWAITING_DOCUMENTS',
  waitingOn: 'student',
  student: { id: 'S-1001', name: 'Amara Okafor', email: 'amara@students.example.edu' },
  siteId: 'riverside',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-12-14',
  endDate: '2027-03-12',
  documentsDueDate: '2026-12-07',
  coordinatorEmail: 'coordinator@school.example.edu',
  requirements: [
    {
      code: 'MMR',
      title: 'Measles, mumps and rubella (MMR) immunity',
      status: 'ACCEPTED',
      documentId: 'd-1',
      verification: 'staff',
      verifiedBy: 'reviewer@school.example.edu',
      verifiedAt: '2026-11-20T10:15:00Z',
    },
    { code: 'TB', title: 'Tuberculosis (TB) screening', status: 'SUBMITTED', documentId: 'd-2' },
    {
      code: 'BLS',
      title: 'Basic Life Support (BLS) certification',
      status: 'REJECTED',
      reason: 'Cannot be read: the photo is blurred. Take a new photo in good light.',
      documentId: 'd-3',
    },
    { code: 'HIPAA_TRAINING', title: 'HIPAA privacy training', status: 'MISSING' },
  ],
  history: [
    { at: '2026-11-16T09:00:00Z', type: 'PLACEMENT_CREATED', by: 'coordinator@school.example.edu' },
    { at: '2026-11-18T14:20:00Z', type: 'DOCUMENT_SUBMITTED', detail: 'MMR' },
    {
      at: '2026-11-20T10:15:00Z',
      type: 'DOCUMENT_VERIFIED',
      detail: 'MMR',
      by: 'reviewer@school.example.edu',
    },
  ],
  disclosures: [
    {
      at: '2026-11-20T10:14:00Z',
      by: 'reviewer@school.example.edu',
      requirementCode: 'MMR',
      documentId: 'd-1',
      via: 'console',
    },
  ],
  ...overrides,
});

export const sitesView = (): SitesListView => ({
  sites: [
    {
      siteId: 'riverside',
      name: 'Riverside General Hospital',
      adminEmails: ['onboarding@riverside.example.org'],
      requirementCount: 6,
      verification: 'staff',
      agreementExpiresOn: '2028-06-30',
    },
    {
      siteId: 'northgate',
      name: 'Northgate Community Clinic',
      adminEmails: ['clinic-admin@northgate.example.org', 'nurse-lead@northgate.example.org'],
      requirementCount: 4,
      verification: 'automatic',
    },
  ],
});

export const siteView = (overrides: Partial<SiteView> = {}): SiteView => ({
  siteId: 'riverside',
  name: 'Riverside General Hospital',
  adminEmails: ['onboarding@riverside.example.org'],
  requirements: [{ code: 'MMR' }, { code: 'TB', months: 6 }, { code: 'BLS' }, { code: 'TDAP', years: 5 }],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  verification: 'staff',
  agreement: {
    reference: 'AA-2024-03',
    expiresOn: '2028-06-30',
    contactEmails: ['agreements@school.example.edu'],
  },
  ...overrides,
});

export const importInvalidView = (): ImportView => ({
  state: 'invalid',
  fileName: 'spring-term.csv',
  rows: 120,
  issues: [
    { row: 7, field: 'startDate', message: 'Must be a date as YYYY-MM-DD; got 14/01/2027.' },
    { row: 3, field: 'student.email', message: 'Must be an email address.' },
    { row: 7, field: 'siteId', message: 'No site with this id.' },
  ],
});

export const importProgressView = (): Extract<ImportView, { state: 'progress' }> => ({
  state: 'progress',
  importId: 'imp-42',
  fileName: 'spring-term.csv',
  total: 120,
  created: 70,
  alreadyExisted: 5,
  failed: [
    {
      row: 19,
      field: 'endDate',
      message: 'The site’s agreement lapses on 2027-02-01, before the rotation ends.',
    },
  ],
  finished: false,
});

export const queueView = (overrides: Partial<VerificationQueueView> = {}): VerificationQueueView => ({
  filters: {},
  sites: [{ siteId: 'riverside', name: 'Riverside General Hospital' }],
  requirements: [
    { code: 'TB', title: 'Tuberculosis (TB) screening' },
    { code: 'BLS', title: 'Basic Life Support (BLS) certification' },
  ],
  items: [
    {
      placementId: 'p-100',
      documentId: 'd-2',
      requirementCode: 'TB',
      requirementTitle: 'Tuberculosis (TB) screening',
      studentName: 'Amara Okafor',
      studentId: 'S-1001',
      siteName: 'Riverside General Hospital',
      startDate: '2026-12-14',
      submittedAt: '2026-12-02T08:00:00Z',
      ageHours: 54,
    },
    {
      placementId: 'p-102',
      documentId: 'd-9',
      requirementCode: 'BLS',
      requirementTitle: 'Basic Life Support (BLS) certification',
      studentName: 'Mei Chen',
      studentId: 'S-1002',
      siteName: 'Riverside General Hospital',
      startDate: '2027-01-11',
      submittedAt: '2026-12-03T15:30:00Z',
      ageHours: 21,
    },
  ],
  nextCursor: 'cXVldWUtY3Vyc29y',
  paged: false,
  ...overrides,
});

export const queueItemView = (overrides: Partial<VerificationItemView> = {}): VerificationItemView => ({
  placementId: 'p-100',
  documentId: 'd-2',
  requirementCode: 'TB',
  requirementTitle: 'Tuberculosis (TB) screening',
  rule: { kind: 'months-through-end', months: 12 },
  student: { id: 'S-1001', name: 'Amara Okafor', email: 'amara@students.example.edu' },
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-12-14',
  endDate: '2027-03-12',
  submittedAt: '2026-12-02T08:00:00Z',
  issuedOn: '2026-10-01',
  document: { fileName: 'tb-result.pdf', contentType: 'application/pdf' },
  storageOrigin: STORAGE_ORIGIN,
  next: { placementId: 'p-102', documentId: 'd-9' },
  remaining: 11,
  ...overrides,
});

export const reportsView = (): ReportsView => ({
  rows: [
    {
      siteName: 'Riverside General Hospital',
      program: 'BSN Nursing',
      byStatus: { AWAITING_DOCUMENTS: 20, AWAITING_SITE_APPROVAL: 5, CLEARED: 70, DECLINED: 1 },
      clearanceDays: { median: 8, p90: 19.5, count: 70 },
      verificationHours: { median: 5, p90: 36, count: 210 },
    },
    {
      siteName: 'Northgate Community Clinic',
      program: 'Physical Therapy DPT',
      byStatus: { AWAITING_DOCUMENTS: 11, CLEARED: 48, CANCELLED: 2 },
      clearanceDays: { median: 11, p90: 25, count: 48 },
      verificationHours: { count: 0 },
    },
  ],
  sentBack: [
    { reasonCode: 'DATES_DO_NOT_MATCH', count: 14 },
    { reasonCode: 'ILLEGIBLE', count: 22 },
    { reasonCode: 'NOT_SIGNED', count: 5 },
  ],
  lapsing: [
    {
      placementId: 'p-100',
      studentName: 'Amara Okafor',
      siteName: 'Riverside General Hospital',
      requirementTitle: 'Basic Life Support (BLS) certification',
      lapsesOn: '2027-01-31',
      endDate: '2027-03-12',
    },
  ],
});
