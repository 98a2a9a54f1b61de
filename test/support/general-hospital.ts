import { expect } from 'vitest';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { processUploadedDocument } from '../../functions/use-cases/process-uploaded-document.js';
import { putSite } from '../../functions/use-cases/put-site.js';
import { requestUpload } from '../../functions/use-cases/request-upload.js';
import { InMemoryWorld } from './in-memory-ports.js';

export const GENERAL_HOSPITAL = 'general-hospital';

/** A fresh in-memory world with one site stored: General Hospital, with the given admins, requirements and rules. */
export const worldWithGeneralHospital = async (site: Record<string, unknown>): Promise<InMemoryWorld> => {
  const world = new InMemoryWorld();
  await putSite(world.ports, GENERAL_HOSPITAL, { name: 'General Hospital', ...site });
  return world;
};

/** A create-placement body: the student's BSc Nursing rotation at General Hospital, 2026-03-02 to 2026-04-24. */
export const generalHospitalPlacement = (
  student: { id: string; name: string; email: string },
  overrides: Record<string, unknown> = {},
) => ({
  student,
  siteId: GENERAL_HOSPITAL,
  program: 'BSc Nursing',
  startDate: '2026-03-02',
  endDate: '2026-04-24',
  coordinatorEmail: 'coordinator@school.test',
  ...overrides,
});

/**
 * Runs the workflow's first steps as the state machine would for a new placement: check (which must
 * ask for documents), then collect with `taskToken`. Returns the placement id.
 */
export const startCollectingDocuments = async (
  world: InMemoryWorld,
  body: Record<string, unknown>,
  taskToken: string,
): Promise<string> => {
  const { placement } = await createPlacement(world.ports, body);
  const step = await checkCompliance(world.ports, placement.placementId, false);
  expect(step.next).toBe('COLLECT_DOCUMENTS');
  await collectDocuments(world.ports, { placementId: placement.placementId, taskToken, reminder: false });
  return placement.placementId;
};

/**
 * The student uploads `bytes` for `code` through the portal link last mailed to them, and the upload
 * processor judges it. Returns the document id, its object key and the processor's outcome.
 */
export const uploadThroughPortal = async (
  world: InMemoryWorld,
  upload: {
    studentEmail: string;
    placementId: string;
    code: string;
    dates: Record<string, string>;
    bytes: Uint8Array;
  },
) => {
  const portalToken = world.lastLinkTo(upload.studentEmail, 'portal');
  const { documentId } = await requestUpload(world.ports, portalToken, {
    requirementCode: upload.code,
    fileName: `${upload.code.toLowerCase()}.pdf`,
    contentType: 'application/pdf',
    size: upload.bytes.byteLength,
    ...upload.dates,
  });
  const key = `placements/${upload.placementId}/${documentId}`;
  world.objects.set(key, upload.bytes);
  return { documentId, key, outcome: await processUploadedDocument(world.ports, key) };
};
