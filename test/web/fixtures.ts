import type { PortalPageView } from '../../functions/web/portal-page.js';
import type { ReviewPageView } from '../../functions/web/review-page.js';

export const STORAGE_ORIGIN = 'https://placement-docs.s3.eu-west-1.amazonaws.com';

export const portalView = (overrides: Partial<PortalPageView> = {}): PortalPageView => ({
  studentName: 'Amara Okafor',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  documentsDueDate: '2026-08-24',
  status: 'AWAITING_DOCUMENTS',
  storageOrigin: STORAGE_ORIGIN,
  requirements: [
    {
      code: 'MMR',
      title: 'MMR vaccination',
      status: 'ACCEPTED',
      evidence: 'Vaccination record showing two MMR doses.',
      dateField: 'issuedOn',
    },
    {
      code: 'TB',
      title: 'Tuberculosis (TB) test',
      status: 'REJECTED',
      reason: 'The test is more than 12 months old by the end of your placement.',
      evidence: 'A negative TB skin test or blood test result.',
      dateField: 'issuedOn',
    },
    {
      code: 'BLS',
      title: 'BLS certification',
      status: 'MISSING',
      evidence: 'Both sides of your BLS Provider card.',
      dateField: 'expiresOn',
    },
    {
      code: 'HIPAA_TRAINING',
      title: 'HIPAA training',
      status: 'WAIVED',
      reason: 'Completed at orientation.',
      evidence: 'Certificate of completion.',
      dateField: 'issuedOn',
    },
  ],
  ...overrides,
});

export const reviewView = ({ decided = false } = {}): ReviewPageView => ({
  adminEmail: 'onboarding@riverside.example',
  studentName: 'Amara Okafor',
  studentEmail: 'amara@students.example.edu',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  requirements: [
    {
      code: 'MMR',
      title: 'MMR vaccination',
      status: 'ACCEPTED',
      document: {
        fileName: 'mmr-record.pdf',
        issuedOn: '2019-04-02',
        downloadUrl: 'https://docs.example.com/placements/p1/d1?X-Amz-Signature=abc&X-Amz-Expires=300',
      },
    },
    {
      code: 'BLS',
      title: 'BLS certification',
      status: 'ACCEPTED',
      document: {
        fileName: 'bls-card.jpg',
        expiresOn: '2027-05-31',
        downloadUrl: 'https://docs.example.com/d3',
      },
    },
    {
      code: 'HIPAA_TRAINING',
      title: 'HIPAA training',
      status: 'WAIVED',
      reason: 'Completed at orientation.',
    },
  ],
  ...(decided
    ? {
        decision: {
          decision: 'request-changes' as const,
          by: 'j.rivera@riverside.example',
          at: '2026-08-26T14:05:00Z',
          reason: 'The BLS card photo is blurred.',
          requirementCodes: ['BLS'],
        },
      }
    : {}),
});
