import { brotliDecompressSync } from 'node:zlib';
import type { Context } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsolePorts } from '../../functions/console/console-request.js';
import { createConsoleHandler } from '../../functions/handlers/console.js';
import type { HttpResult } from '../../functions/http/http-response.js';
import type { StaffHttpEvent } from '../../functions/middleware/staff-session-required.js';
import { createCsrfSecret, csrfTokenFor } from '../../functions/staff-auth/csrf-tokens.js';
import type { StaffRole } from '../../functions/staff-auth/staff-identity.js';
import { generateSessionId, hashSessionId } from '../../functions/staff-auth/staff-session.js';
import {
  InMemoryPendingSignIns,
  InMemoryStaffSessions,
} from '../staff-auth/support/in-memory-staff-stores.js';
import {
  generalHospitalPlacement,
  startCollectingDocuments,
  worldWithGeneralHospital,
} from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';

const BASE = 'https://onboarding.test';
const SESSION_COOKIE = '__Host-console-session';
const STUDENT = { id: 'S-4004', name: 'Grace Student', email: 'grace@student.test' };

let world: InMemoryWorld;
let sessions: InMemoryStaffSessions;
let handler: ReturnType<typeof createConsoleHandler>;
let placementId: string;

interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
  readonly sub: string;
  readonly email: string;
}

const signIn = async (role: StaffRole): Promise<SignedIn> => {
  const id = generateSessionId();
  const csrfSecret = createCsrfSecret();
  const at = world.currentTime.toISOString();
  const person = { sub: `sub-${role}`, email: `${role}@school.test` };
  await sessions.put({
    idHash: hashSessionId(id),
    ...person,
    role,
    createdAt: at,
    lastSeenAt: at,
    csrfSecret,
  });
  return { cookie: `${SESSION_COOKIE}=${id}`, csrf: csrfTokenFor(csrfSecret), ...person };
};

const call = async (
  method: string,
  path: string,
  options: {
    staff?: SignedIn;
    accept?: string;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpResult> => {
  const [rawPath = '', rawQueryString = ''] = path.split('?');
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    queryStringParameters: rawQueryString
      ? Object.fromEntries(new URLSearchParams(rawQueryString))
      : undefined,
    cookies: options.staff ? [options.staff.cookie] : undefined,
    headers: {
      accept: options.accept ?? 'text/html',
      ...(options.form
        ? {
            'content-type': 'application/x-www-form-urlencoded',
            origin: BASE,
            'sec-fetch-site': 'same-origin',
          }
        : {}),
      ...options.headers,
    },
    requestContext: { http: { method, path: rawPath }, requestId: 'req-1' },
    body: options.form ? new URLSearchParams(options.form).toString() : undefined,
    isBase64Encoded: false,
  } as unknown as StaffHttpEvent;
  return (await handler(event, { awsRequestId: 'req-1' } as Context)) as HttpResult;
};

const post = (
  path: string,
  staff: SignedIn,
  fields: Record<string, string> = {},
  csrf: string | null = staff.csrf,
) => call('POST', path, { staff, form: csrf === null ? fields : { ...fields, _csrf: csrf } });

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', 'HIPAA_TRAINING'],
  });
  placementId = await startCollectingDocuments(world, generalHospitalPlacement(STUDENT), 'task-1');
  sessions = new InMemoryStaffSessions();
  const ports: ConsolePorts = {
    ...world.ports,
    sessions,
    pendingSignIns: new InMemoryPendingSignIns(),
    signInProvider: async () => {
      throw new Error('Signing in through a provider is tested in test/e2e/console-sign-in.test.ts');
    },
    clientId: 'console-test',
  };
  handler = createConsoleHandler(ports);
});

describe('the console without a session', () => {
  it('sends a browser asking for a page to sign in, returning to the page after', async () => {
    const response = await call('GET', '/console/placements?status=CLEARED');
    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(
      `/console/auth/sign-in?${new URLSearchParams({ returnTo: '/console/placements?status=CLEARED' })}`,
    );
  });

  it('refuses a JSON request with 401 UNAUTHORIZED', async () => {
    const response = await call('GET', '/console', { accept: 'application/json' });
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(String(response.body)).error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a POST, changing nothing', async () => {
    const response = await call('POST', `/console/placements/${placementId}/cancel`, {
      form: { _csrf: 'x' },
    });
    expect(response.statusCode).toBe(401);
    expect(world.placementsById.get(placementId)?.status).toBe('AWAITING_DOCUMENTS');
  });
});

describe('console JSON answers', () => {
  it('answers the dashboard as its view model, from the counters', async () => {
    const viewer = await signIn('viewer');
    const response = await call('GET', '/console', { staff: viewer, accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    const dashboard = JSON.parse(String(response.body));
    expect(dashboard.byStatus.AWAITING_DOCUMENTS).toBe(1);
    expect(dashboard.waitingOn.student).toBe(1);
    expect(dashboard.bySite).toEqual([
      { siteId: 'general-hospital', siteName: 'General Hospital', open: 1, cleared: 0 },
    ]);
    expect(dashboard.queue).toEqual({ size: 0 });
  });

  it('answers the placements list and a placement as JSON', async () => {
    const viewer = await signIn('viewer');
    const list = JSON.parse(
      String(
        (
          await call('GET', '/console/placements?status=AWAITING_DOCUMENTS', {
            staff: viewer,
            accept: 'application/json',
          })
        ).body,
      ),
    );
    expect(list.items.map((item: { placementId: string }) => item.placementId)).toEqual([placementId]);
    expect(list.programs).toEqual(['BSc Nursing']);
    const detail = await call('GET', `/console/placements/${placementId}`, {
      staff: viewer,
      accept: 'application/json',
    });
    expect(JSON.parse(String(detail.body))).toMatchObject({
      placementId,
      student: STUDENT,
      status: 'AWAITING_DOCUMENTS',
    });
  });

  it('names a bad filter: 400 with the field', async () => {
    const viewer = await signIn('viewer');
    const response = await call('GET', '/console/placements?startFrom=tomorrow', {
      staff: viewer,
      accept: 'application/json',
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(String(response.body)).error.details[0].path).toBe('startFrom');
  });

  it('compresses an answer over 1 KB when the client accepts br', async () => {
    const viewer = await signIn('viewer');
    const response = await call('GET', `/console/placements/${placementId}`, {
      staff: viewer,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers?.['content-encoding']).toBe('br');
    expect(response.isBase64Encoded).toBe(true);
    const page = brotliDecompressSync(Buffer.from(String(response.body), 'base64')).toString('utf8');
    expect(page).toContain(STUDENT.name);
  });
});

describe('roles on the server', () => {
  it('refuses a viewer’s waiver with 403 and changes nothing', async () => {
    const viewer = await signIn('viewer');
    const response = await post(`/console/placements/${placementId}/waivers`, viewer, {
      requirementCode: 'BLS',
      reason: 'Done at orientation',
    });
    expect(response.statusCode).toBe(403);
    expect(String(response.body)).toContain('cannot do this');
    expect(
      world.placementsById.get(placementId)?.requirements.find((r) => r.code === 'BLS')?.status,
    ).not.toBe('WAIVED');
  });

  it('refuses a reviewer’s purge with 403 FORBIDDEN (JSON)', async () => {
    const reviewer = await signIn('reviewer');
    const response = await call('POST', `/console/placements/${placementId}/purge`, {
      staff: reviewer,
      accept: 'application/json',
      form: { _csrf: reviewer.csrf, confirm: 'yes' },
    });
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(String(response.body)).error.code).toBe('FORBIDDEN');
    expect(world.placementsById.get(placementId)?.purge).toBeUndefined();
  });

  it('refuses the new-site form to a reviewer, and shows sites to a viewer', async () => {
    expect((await call('GET', '/console/sites/new', { staff: await signIn('reviewer') })).statusCode).toBe(
      403,
    );
    const sites = await call('GET', '/console/sites', { staff: await signIn('viewer') });
    expect(sites.statusCode).toBe(200);
    expect(String(sites.body)).toContain('General Hospital');
  });

  it('lets a coordinator waive: 303 back to the placement, and the history records who', async () => {
    const coordinator = await signIn('coordinator');
    const response = await post(`/console/placements/${placementId}/waivers`, coordinator, {
      requirementCode: 'BLS',
      reason: 'Done at orientation',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(`/console/placements/${placementId}`);
    const placement = world.placementsById.get(placementId);
    expect(placement?.requirements.find((r) => r.code === 'BLS')?.status).toBe('WAIVED');
    expect(placement?.history.at(-1)).toMatchObject({
      type: 'REQUIREMENT_WAIVED',
      by: { sub: coordinator.sub, email: coordinator.email },
    });
    // The next page shows the message once.
    const flash = response.cookies?.[0]?.split(';')[0] ?? '';
    const page = await call('GET', `/console/placements/${placementId}`, {
      staff: { ...coordinator, cookie: `${coordinator.cookie}; ${flash}` },
    });
    expect(String(page.body)).toContain('The requirement was waived.');
  });

  it('shows a coordinator’s form again with the field named when it is wrong (400)', async () => {
    const coordinator = await signIn('coordinator');
    const response = await post(`/console/placements/${placementId}/purge`, coordinator, { reason: 'asked' });
    expect(response.statusCode).toBe(400);
    expect(String(response.body)).toContain('Tick the box to confirm the purge');
    expect(world.placementsById.get(placementId)?.purge).toBeUndefined();
  });

  it('lets a coordinator cancel and resend the link, each recorded with who did it', async () => {
    const coordinator = await signIn('coordinator');
    const sentBefore = world.outbox.length;
    expect((await post(`/console/placements/${placementId}/resend-link`, coordinator)).statusCode).toBe(303);
    expect(world.outbox.length).toBe(sentBefore + 1);
    expect(world.outbox.at(-1)?.to).toEqual([STUDENT.email]);
    expect(
      (await post(`/console/placements/${placementId}/cancel`, coordinator, { reason: 'Withdrew' }))
        .statusCode,
    ).toBe(303);
    const history = world.placementsById.get(placementId)?.history ?? [];
    expect(
      history.filter((entry) => entry.by?.email === coordinator.email).map((entry) => entry.type),
    ).toEqual(['LINK_RESENT', 'CANCELLED']);
    expect(world.stopped.length).toBeGreaterThan(0);
  });

  it('maps a site form’s errors back to its fields', async () => {
    const coordinator = await signIn('coordinator');
    const response = await post('/console/sites', coordinator, {
      siteId: 'riverside',
      name: 'Riverside Clinic',
      adminEmails: 'not-an-email',
      requirements: 'BLS',
      documentsDueDays: '14',
    });
    expect(response.statusCode).toBe(400);
    expect(String(response.body)).toContain('site-adminEmails');
    expect(world.sites.has('riverside')).toBe(false);
    const created = await post('/console/sites', coordinator, {
      siteId: 'riverside',
      name: 'Riverside Clinic',
      adminEmails: 'admin@riverside.test',
      requirements: 'BLS',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers?.location).toBe('/console/sites/riverside');
    expect(world.sites.get('riverside')?.adminEmails).toEqual(['admin@riverside.test']);
  });
});

describe('forgery protection', () => {
  it('refuses a coordinator’s POST without the form token (403)', async () => {
    const coordinator = await signIn('coordinator');
    const response = await post(`/console/placements/${placementId}/cancel`, coordinator, {}, null);
    expect(response.statusCode).toBe(403);
    expect(world.placementsById.get(placementId)?.status).toBe('AWAITING_DOCUMENTS');
  });

  it('refuses a POST with another session’s token (403)', async () => {
    const coordinator = await signIn('coordinator');
    const other = await signIn('coordinator');
    const response = await post(`/console/placements/${placementId}/cancel`, coordinator, {}, other.csrf);
    expect(response.statusCode).toBe(403);
    expect(world.placementsById.get(placementId)?.status).toBe('AWAITING_DOCUMENTS');
  });
});
