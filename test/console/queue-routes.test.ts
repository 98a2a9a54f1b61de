import { beforeEach, describe, expect, it } from 'vitest';
import { queueRoutes } from '../../functions/console/routes/queue-routes.js';
import { ForbiddenError } from '../../functions/core/errors.js';
import type { RouteHandler } from '../../functions/http/route-table.js';
import {
  generalHospitalPlacement,
  startCollectingDocuments,
  uploadThroughPortal,
  worldWithGeneralHospital,
} from '../support/general-hospital.js';
import { type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';
import { consolePortsOf, staffRequest } from './console-route-support.js';

const STUDENT = { id: 'S-3003', name: 'Ada Student', email: 'ada@student.test' };
const DATES: Record<string, Record<string, string>> = {
  BLS: { expiresOn: '2027-06-30' },
  HIPAA_TRAINING: { issuedOn: '2025-09-01' },
};

let world: InMemoryWorld;
let routes: ReturnType<typeof queueRoutes>;
let placementId: string;
const documents: Record<string, string> = {};

const route = (key: keyof ReturnType<typeof queueRoutes>): RouteHandler => {
  const handler = routes[key];
  if (!handler) throw new Error(`no route ${key}`);
  return handler;
};

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', 'HIPAA_TRAINING'],
  });
  routes = queueRoutes(consolePortsOf(world));
  placementId = await startCollectingDocuments(world, generalHospitalPlacement(STUDENT), 'task-1');
  for (const code of ['BLS', 'HIPAA_TRAINING']) {
    const { documentId } = await uploadThroughPortal(world, {
      studentEmail: STUDENT.email,
      placementId,
      code,
      dates: DATES[code] ?? {},
      bytes: PDF_BYTES,
    });
    documents[code] = documentId;
    world.advance(1);
  }
});

const decide = (role: 'reviewer' | 'viewer' | 'coordinator', code: string, body: Record<string, string>) =>
  route('POST /console/placements/{placementId}/documents/{documentId}/verification')(
    staffRequest(role, {
      method: 'POST',
      params: { placementId, documentId: documents[code] ?? '' },
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );

describe('the verification queue in the console', () => {
  it('lists the waiting documents oldest first for a reviewer, and refuses a viewer with 403', async () => {
    const response = await route('GET /console/queue')(staffRequest('reviewer', { path: '/console/queue' }));

    expect(response.statusCode).toBe(200);
    const body = String(response.body);
    expect(body.indexOf('Basic Life Support')).toBeGreaterThan(-1);
    expect(body).toContain(`/console/queue/${placementId}/${documents.BLS}`);
    await expect(route('GET /console/queue')(staffRequest('viewer'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows the item page with the document through the recorded route, the rule, and the next item in the form', async () => {
    const response = await route('GET /console/queue/{placementId}/{documentId}')(
      staffRequest('reviewer', { params: { placementId, documentId: documents.BLS ?? '' } }),
    );

    expect(response.statusCode).toBe(200);
    const body = String(response.body);
    expect(body).toContain(`/console/placements/${placementId}/documents/${documents.BLS}`);
    expect(body).toContain(`name="next" value="/console/queue/${placementId}/${documents.HIPAA_TRAINING}"`);
    expect(body).not.toContain('storage.test/documents');
  });

  it("lets a reviewer verify and goes straight to the form's next item (303), never the list", async () => {
    const next = `/console/queue/${placementId}/${documents.HIPAA_TRAINING}`;
    const response = await decide('reviewer', 'BLS', { decision: 'verify', next, issuedOn: '' });

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(next);
    const stored = world.placementsById.get(placementId);
    expect(stored?.requirements.find((r) => r.code === 'BLS')).toMatchObject({
      status: 'ACCEPTED',
      verifiedBy: 'reviewer@school.test',
    });
  });

  it("refuses a viewer's decision with 403 and changes nothing", async () => {
    await expect(decide('viewer', 'BLS', { decision: 'verify' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.placementsById.get(placementId)?.requirements.find((r) => r.code === 'BLS')?.status).toBe(
      'SUBMITTED',
    );
  });

  it('sends back with a reason, emails the student once the sitting closes, and counts the reason', async () => {
    const response = await decide('reviewer', 'BLS', { decision: 'reject', reasonCode: 'ILLEGIBLE' });

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(`/console/queue/${placementId}/${documents.HIPAA_TRAINING}`);
    expect(world.placementsById.get(placementId)?.sentBackReasons).toEqual({ ILLEGIBLE: 1 });
    expect((await world.ports.counters.readCounters()).get('sent-back#ILLEGIBLE')).toBe(1);
  });

  it('shows the item page again with 400 naming the field when a rejection has no reason', async () => {
    const response = await decide('reviewer', 'BLS', { decision: 'reject' });

    expect(response.statusCode).toBe(400);
    expect(String(response.body)).toContain('reject-reasonCode');
    expect(world.placementsById.get(placementId)?.requirements.find((r) => r.code === 'BLS')?.status).toBe(
      'SUBMITTED',
    );
  });

  it('answers a second decision on the same document with 409 on the item page', async () => {
    await decide('reviewer', 'BLS', { decision: 'verify' });
    const again = await decide('coordinator', 'BLS', { decision: 'verify' });

    expect(again.statusCode).toBe(409);
    expect(String(again.body)).toContain('already decided');
  });
});
