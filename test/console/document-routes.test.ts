import { beforeEach, describe, expect, it } from 'vitest';
import { documentRoutes } from '../../functions/console/routes/document-routes.js';
import { NotFoundError } from '../../functions/core/errors.js';
import { toPlacementView } from '../../functions/core/placement-view.js';
import { recordDocumentDisclosure } from '../../functions/use-cases/record-document-disclosure.js';
import {
  generalHospitalPlacement,
  startCollectingDocuments,
  uploadThroughPortal,
  worldWithGeneralHospital,
} from '../support/general-hospital.js';
import { type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';
import { consolePortsOf, staffRequest } from './console-route-support.js';

const STUDENT = { id: 'S-4004', name: 'Lin Student', email: 'lin@student.test' };

let world: InMemoryWorld;
let placementId: string;
let documentId: string;
let objectKey: string;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS'],
  });
  placementId = await startCollectingDocuments(world, generalHospitalPlacement(STUDENT), 'task-1');
  const uploaded = await uploadThroughPortal(world, {
    studentEmail: STUDENT.email,
    placementId,
    code: 'BLS',
    dates: { expiresOn: '2027-06-30' },
    bytes: PDF_BYTES,
  });
  documentId = uploaded.documentId;
  objectKey = uploaded.key;
});

const view = (role: 'viewer' | 'reviewer' | 'coordinator', id = documentId, placement = placementId) => {
  const handler = documentRoutes(consolePortsOf(world))[
    'GET /console/placements/{placementId}/documents/{documentId}'
  ];
  if (!handler) throw new Error('no document route');
  return handler(staffRequest(role, { params: { placementId: placement, documentId: id } }));
};

describe('GET /console/placements/{placementId}/documents/{documentId}', () => {
  it('records exactly one disclosure per view, also when the same person opens it twice, then 303s to storage', async () => {
    const first = await view('viewer');
    world.advance(1);
    const second = await view('viewer');

    for (const response of [first, second]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers?.location).toBe(`https://storage.test/documents/${objectKey}?signed=1`);
    }
    const disclosures = world.placementsById.get(placementId)?.disclosures;
    expect(disclosures).toEqual([
      {
        at: '2026-01-05T09:00:00.000Z',
        by: 'viewer@school.test',
        requirementCode: 'BLS',
        documentId,
        via: 'console',
      },
      {
        at: '2026-01-05T10:00:00.000Z',
        by: 'viewer@school.test',
        requirementCode: 'BLS',
        documentId,
        via: 'console',
      },
    ]);
    const stored = world.placementsById.get(placementId);
    expect(stored && toPlacementView(stored).disclosures).toHaveLength(2);
  });

  it('answers a document of another placement or an unknown one with 404 and records nothing', async () => {
    await expect(view('coordinator', 'doc_unknown')).rejects.toBeInstanceOf(NotFoundError);
    await expect(view('coordinator', documentId, 'pl_aaaaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(world.placementsById.get(placementId)?.disclosures).toBeUndefined();
  });

  it('keeps both entries when two people view at the same moment (optimistic update)', async () => {
    const ports = consolePortsOf(world);
    await Promise.all([
      recordDocumentDisclosure(ports, { placementId, documentId, by: 'a@school.test', via: 'console' }),
      recordDocumentDisclosure(ports, { placementId, documentId, by: 'b@school.test', via: 'console' }),
    ]);
    const by = world.placementsById
      .get(placementId)
      ?.disclosures?.map((entry) => entry.by)
      .sort();
    expect(by).toEqual(['a@school.test', 'b@school.test']);
  });
});
