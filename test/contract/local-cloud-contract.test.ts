import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffSessionTable } from '../../functions/adapters/dynamodb/staff-session-table.js';
import { consoleCookieNames } from '../../functions/staff-auth/console-cookies.js';
import { CSRF_FIELD } from '../../functions/staff-auth/console-request-forgery.js';
import { createCsrfSecret, csrfTokenFor } from '../../functions/staff-auth/csrf-tokens.js';
import type { StaffRole } from '../../functions/staff-auth/staff-identity.js';
import { generateSessionId, hashSessionId } from '../../functions/staff-auth/staff-session.js';
import { MINIMAL_PDF } from '../../local/actors/student.js';
import { cloudForFile } from '../e2e/support/cloud-for-file.js';
import { newScenario } from '../e2e/support/scenario.js';
import { BrowserWalk, formAction } from '../staff-auth/support/browser-walk.js';
import { readOpenApiDocument } from './openapi-document.js';
import { type Answer, ContractChecker, type Exchange } from './support/contract-checker.js';

/**
 * One local cloud driven through every route of docs/openapi.yaml, good answers and error answers;
 * each real answer (status, content type, JSON body) is held against the document.
 */
const cloud = cloudForFile();
const document = readOpenApiDocument();
const api = new ContractChecker(document, () => cloud.api);

/**
 * Answers the document declares that no request can reach on the local cloud, each with why. Every
 * other (route, status) of the document must have been seen by the end of this file.
 */
const NOT_REACHABLE_LOCALLY: ReadonlyArray<{ status: string; routes: RegExp; reason: string }> = [
  {
    status: '403',
    routes: /^(GET|PUT|POST) \/(sites|placements|verification-queue)/,
    reason: "API Gateway's IAM authorizer answers it on AWS; the local API gateway checks no signature",
  },
  {
    status: '403',
    routes: /^GET \/console\/auth\/callback /,
    reason:
      'NO_STAFF_ROLE: a provider token whose groups map to no console role; every demo account of the ' +
      'local identity provider has a role (local/services/identity-provider/staff-accounts.ts)',
  },
  {
    status: '500',
    routes: /./,
    reason: 'INTERNAL_ERROR is the answer to a bug: no request, good or bad, is meant to reach it',
  },
  {
    status: '503',
    routes: /./,
    reason:
      'a passing condition (a throttled dependency, an email lease held): it takes an injected fault, ' +
      'as test/e2e/faults-*.test.ts and test/http/error-response.test.ts do',
  },
];

const OVERSIZE_BODY = JSON.stringify({ reason: 'x'.repeat(65 * 1024) });
const TOO_LONG_REASON = 'r'.repeat(2001);
const UNKNOWN_TOKEN = 'A'.repeat(43);
const UNKNOWN_PLACEMENT = 'pl_unknownunknownunknownunk';
const CROSS_SITE = { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' };

let table: DynamoDBDocumentClient;
let tableName: string;

beforeAll(() => {
  const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.cloud.endpoints.dynamodb, ...local }),
  );
  tableName = cloud.cloud.model.tables[0]?.tableName ?? '';
});

const pathOf = (link: string) => new URL(link).pathname;

/** A console session as the sign-in callback stores it, without the browser: its cookie and form token. */
interface ConsoleSession {
  readonly cookie: string;
  readonly csrf: string;
}

const sessions = new Map<StaffRole, ConsoleSession>();

/** One session per role, put in the local table with the console's own session adapter. */
const consoleSession = async (role: StaffRole): Promise<ConsoleSession> => {
  const known = sessions.get(role);
  if (known) return known;
  const id = generateSessionId();
  const csrfSecret = createCsrfSecret();
  const now = new Date().toISOString();
  await new StaffSessionTable(table, tableName).put({
    idHash: hashSessionId(id),
    sub: `contract-${role}`,
    email: `${role}@contract.test`,
    role,
    createdAt: now,
    lastSeenAt: now,
    csrfSecret,
  });
  const session = { cookie: `${consoleCookieNames(false).session}=${id}`, csrf: csrfTokenFor(csrfSecret) };
  sessions.set(role, session);
  return session;
};

const JSON_ACCEPT = { accept: 'application/json' };
/** The console's routes open without a session (sign-in and its end). */
const PUBLIC_CONSOLE_PATHS = new Set([
  '/console/auth/sign-in',
  '/console/auth/callback',
  '/console/signed-out',
]);
const HTML_ACCEPT = { accept: 'text/html' };

/**
 * A console request as `role` (or with no session): a POST carries the session's `_csrf` field (unless
 * `csrf: false`) and the console's own origin, as the console's forms do.
 */
const consoleSend = async (
  role: StaffRole | undefined,
  exchange: Exchange & { accept?: 'json' | 'html'; csrf?: false },
): Promise<Answer> => {
  const { accept = 'json', csrf, ...rest } = exchange;
  const session = role === undefined ? undefined : await consoleSession(role);
  const isPost = exchange.routeKey.startsWith('POST ');
  const form =
    isPost && exchange.body === undefined
      ? {
          ...(exchange.form ?? {}),
          ...(session && csrf !== false ? { [CSRF_FIELD]: session.csrf } : {}),
        }
      : exchange.form;
  return api.send({
    ...rest,
    ...(form === undefined ? {} : { form }),
    ...(session ? { cookie: session.cookie } : {}),
    headers: {
      ...(accept === 'json' ? JSON_ACCEPT : HTML_ACCEPT),
      ...(isPost ? { origin: new URL(cloud.api).origin } : {}),
      ...exchange.headers,
    },
  });
};

const fieldPaths = (answer: Answer): string[] =>
  ((answer.body as { error?: { details?: Array<{ path: string }> } }).error?.details ?? []).map(
    (detail) => detail.path,
  );

const errorCode = (answer: Answer) => (answer.body as { error?: { code?: string } }).error?.code;

const placementOf = (answer: Answer) =>
  answer.body as {
    placementId: string;
    status: string;
    requirements: Array<{ code: string; status: string }>;
  };

/** A site and a placement created through the checked routes, waiting for documents; the student's portal path. */
const startPlacement = async (label: string, verification: 'staff' | 'automatic' = 'automatic') => {
  const scenario = newScenario(label, { verification });
  const site = await api.send({
    routeKey: 'PUT /sites/{siteId}',
    path: `/sites/${scenario.siteId}`,
    body: scenario.site,
  });
  expect(site.status).toBe(200);
  const created = await api.send({
    routeKey: 'POST /placements',
    path: '/placements',
    body: scenario.placement(),
  });
  expect(created.status).toBe(201);
  const { placementId } = placementOf(created);
  const portalLink = await cloud.mailbox.waitForLink(scenario.studentEmail, 'portal');
  await cloud.waitForHistory(placementId, 'DOCUMENTS_REQUESTED');
  return { scenario, placementId, portalLink, portal: pathOf(portalLink) };
};

/** Asks for an upload through the portal route and posts the file to storage as the page does. */
const upload = async (portal: string, code: string, dates: { issuedOn?: string; expiresOn?: string }) => {
  const grant = await api.send({
    routeKey: 'POST /portal/{token}/uploads',
    path: `${portal}/uploads`,
    body: {
      requirementCode: code,
      fileName: `${code.toLowerCase()}.pdf`,
      contentType: 'application/pdf',
      size: MINIMAL_PDF.byteLength,
      ...dates,
    },
  });
  expect(grant.status).toBe(201);
  const { upload: form } = grant.body as { upload: { url: string; fields: Record<string, string> } };
  const multipart = new FormData();
  for (const [name, value] of Object.entries(form.fields)) multipart.append(name, value);
  multipart.append('file', new Blob([MINIMAL_PDF], { type: 'application/pdf' }), `${code}.pdf`);
  expect((await fetch(form.url, { method: 'POST', body: multipart })).status).toBeLessThan(300);
};

const placementStatus = async (placementId: string) =>
  placementOf(
    await api.send({ routeKey: 'GET /placements/{placementId}', path: `/placements/${placementId}` }),
  ).status;

const waitForStatus = async (placementId: string, status: string) => {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await placementStatus(placementId)) === status) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${placementId} did not become ${status}`);
};

const linkKey = (path: string) => {
  const token = path.split('/')[2] ?? '';
  return { pk: `LINK#${createHash('sha256').update(token).digest('hex')}`, sk: 'LINK' };
};

/**
 * Makes a placement FAILED, as an operator's bad hand edit would: the rules stored as one string, so
 * the compliance check after the waivers throws and the workflow records a failure; the rules are put
 * back afterwards, so a retry can succeed.
 */
const failPlacement = async (placementId: string) => {
  const key = { pk: `PLACEMENT#${placementId}`, sk: 'PLACEMENT' };
  const { Item } = await table.send(new GetCommand({ TableName: tableName, Key: key }));
  const setRules = (rules: unknown) =>
    table.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #rules = :rules, #version = #version + :one',
        ExpressionAttributeNames: { '#rules': 'rules', '#version': 'version' },
        ExpressionAttributeValues: { ':rules': rules, ':one': 1 },
      }),
    );
  await setRules('BLS,TB,HIPAA_TRAINING');
  for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) {
    const waived = await api.send({
      routeKey: 'POST /placements/{placementId}/waivers',
      path: `/placements/${placementId}/waivers`,
      body: { requirementCode: code, reason: 'On file' },
    });
    expect(waived.status).toBe(200);
  }
  await waitForStatus(placementId, 'FAILED');
  await setRules(Item?.rules);
};

describe('the local cloud answers as docs/openapi.yaml says', () => {
  /** The placement that goes through the site's review, shared by the tests below in order. */
  let reviewed: Awaited<ReturnType<typeof startPlacement>>;

  it('sites: stored and read back; a bad body names its fields, an oversize one is 413, an unknown site 404', async () => {
    const scenario = newScenario('contract-site');
    const stored = await api.send({
      routeKey: 'PUT /sites/{siteId}',
      path: `/sites/${scenario.siteId}`,
      body: scenario.site,
    });
    expect(stored.status).toBe(200);
    const read = await api.send({ routeKey: 'GET /sites/{siteId}', path: `/sites/${scenario.siteId}` });
    expect(read.body).toEqual(stored.body);

    const bad = await api.send({
      routeKey: 'PUT /sites/{siteId}',
      path: `/sites/${scenario.siteId}`,
      body: { name: '', adminEmails: ['not-an-address'], requirements: ['MMR', { code: 'TB', years: 2 }] },
    });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(
      expect.arrayContaining(['name', 'adminEmails[0]', 'requirements[1].years']),
    );
    const oversize = await api.send({
      routeKey: 'PUT /sites/{siteId}',
      path: `/sites/${scenario.siteId}`,
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect([oversize.status, errorCode(oversize)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const unknown = await api.send({ routeKey: 'GET /sites/{siteId}', path: '/sites/no-such-site-anywhere' });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('placements: created (201), the same again (200), listed, read; bad input is 400 naming the field', async () => {
    reviewed = await startPlacement('contract-review');
    const again = await api.send({
      routeKey: 'POST /placements',
      path: '/placements',
      body: reviewed.scenario.placement(),
    });
    expect(again.status).toBe(200);
    expect(placementOf(again).placementId).toBe(reviewed.placementId);

    const badEmail = await api.send({
      routeKey: 'POST /placements',
      path: '/placements',
      body: reviewed.scenario.placement({ student: { id: 's-1', name: 'Sam', email: 'nope' } }),
    });
    expect(fieldPaths(badEmail)).toEqual(['student.email']);
    const noSite = await api.send({
      routeKey: 'POST /placements',
      path: '/placements',
      body: reviewed.scenario.placement({ siteId: 'no-such-site-anywhere' }),
    });
    expect([noSite.status, fieldPaths(noSite)]).toEqual([400, ['siteId']]);
    const oversize = await api.send({
      routeKey: 'POST /placements',
      path: '/placements',
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.status).toBe(413);

    const listed = await api.send({
      routeKey: 'GET /placements',
      path: '/placements',
      query: { siteId: reviewed.scenario.siteId, limit: '10' },
    });
    expect(
      (listed.body as { items: Array<{ placementId: string }> }).items.map((item) => item.placementId),
    ).toEqual([reviewed.placementId]);
    const badLimit = await api.send({
      routeKey: 'GET /placements',
      path: '/placements',
      query: { limit: '0' },
    });
    expect(fieldPaths(badLimit)).toEqual(['limit']);

    expect(
      (
        await api.send({
          routeKey: 'GET /placements/{placementId}',
          path: `/placements/${reviewed.placementId}`,
        })
      ).status,
    ).toBe(200);
    const unknown = await api.send({
      routeKey: 'GET /placements/{placementId}',
      path: `/placements/${UNKNOWN_PLACEMENT}`,
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('the portal: page, status and uploads; bad, cross-site, oversize and unknown requests are refused', async () => {
    const { portal } = reviewed;
    const page = await api.send({ routeKey: 'GET /portal/{token}', path: portal });
    expect(page.status).toBe(200);
    expect(
      (await api.send({ routeKey: 'GET /portal/{token}', path: `/portal/${UNKNOWN_TOKEN}` })).status,
    ).toBe(404);
    const status = await api.send({ routeKey: 'GET /portal/{token}/status', path: `${portal}/status` });
    expect(placementOf(status).requirements.map((requirement) => requirement.status)).toEqual([
      'MISSING',
      'MISSING',
      'MISSING',
    ]);
    expect(
      (await api.send({ routeKey: 'GET /portal/{token}/status', path: `/portal/${UNKNOWN_TOKEN}/status` }))
        .status,
    ).toBe(404);

    const uploads = `${portal}/uploads`;
    const noName = await api.send({
      routeKey: 'POST /portal/{token}/uploads',
      path: uploads,
      body: { requirementCode: 'BLS', contentType: 'application/pdf', size: 10, expiresOn: '2100-01-01' },
    });
    expect(fieldPaths(noName)).toEqual(['fileName']);
    const crossSite = await api.send({
      routeKey: 'POST /portal/{token}/uploads',
      path: uploads,
      body: {},
      headers: CROSS_SITE,
    });
    expect(errorCode(crossSite)).toBe('FORBIDDEN');
    const oversize = await api.send({
      routeKey: 'POST /portal/{token}/uploads',
      path: uploads,
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.status).toBe(413);
    const unknown = await api.send({
      routeKey: 'POST /portal/{token}/uploads',
      path: `/portal/${UNKNOWN_TOKEN}/uploads`,
      body: {},
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');

    for (const code of ['BLS', 'TB']) await upload(portal, code, reviewed.scenario.validDates(code));
  });

  it('waivers: the last outstanding item waived moves the placement to the site; bad, unknown and oversize are refused', async () => {
    const { placementId } = reviewed;
    const path = `/placements/${placementId}/waivers`;
    const noReason = await api.send({
      routeKey: 'POST /placements/{placementId}/waivers',
      path,
      body: { requirementCode: 'HIPAA_TRAINING' },
    });
    expect(fieldPaths(noReason)).toEqual(['reason']);
    const unknown = await api.send({
      routeKey: 'POST /placements/{placementId}/waivers',
      path: `/placements/${UNKNOWN_PLACEMENT}/waivers`,
      body: { requirementCode: 'HIPAA_TRAINING', reason: 'Done at orientation' },
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const oversize = await api.send({
      routeKey: 'POST /placements/{placementId}/waivers',
      path,
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.status).toBe(413);

    // Both uploads must be judged first, so that the waiver is what completes the packet.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const status = await api.send({
        routeKey: 'GET /portal/{token}/status',
        path: `${reviewed.portal}/status`,
      });
      if (
        placementOf(status).requirements.filter((requirement) => requirement.status === 'ACCEPTED').length ===
        2
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const waived = await api.send({
      routeKey: 'POST /placements/{placementId}/waivers',
      path,
      body: { requirementCode: 'HIPAA_TRAINING', reason: 'Completed at the site orientation' },
    });
    expect(waived.status).toBe(200);
    await waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
  });

  it('review: page, decisions as JSON and as a form; bad, cross-site, oversize, unknown, decided and replaced links are refused', async () => {
    const { scenario, placementId } = reviewed;
    const [adminA = '', adminB = ''] = scenario.admins;
    const linkALink = await cloud.mailbox.waitForLink(adminA, 'review');
    const linkA = pathOf(linkALink);
    const linkB = pathOf(await cloud.mailbox.waitForLink(adminB, 'review'));

    expect((await api.send({ routeKey: 'GET /review/{token}', path: linkA })).status).toBe(200);
    expect(
      (await api.send({ routeKey: 'GET /review/{token}', path: `/review/${UNKNOWN_TOKEN}` })).status,
    ).toBe(404);
    const detail = await consoleSend('viewer', {
      routeKey: 'GET /console/placements/{placementId}',
      path: `/console/placements/${placementId}`,
    });
    const documentId =
      (detail.body as { requirements: Array<{ code: string; documentId?: string }> }).requirements.find(
        (requirement) => requirement.code === 'BLS',
      )?.documentId ?? '';
    const documentView = await api.send({
      routeKey: 'GET /review/{token}/documents/{documentId}',
      path: `${linkA}/documents/${documentId}`,
      headers: HTML_ACCEPT,
    });
    expect(documentView.status).toBe(303);
    expect(
      (
        await api.send({
          routeKey: 'GET /review/{token}/documents/{documentId}',
          path: `/review/${UNKNOWN_TOKEN}/documents/${documentId}`,
          headers: HTML_ACCEPT,
        })
      ).status,
    ).toBe(404);

    const noReason = await api.send({
      routeKey: 'POST /review/{token}',
      path: linkA,
      body: { decision: 'decline' },
    });
    expect(fieldPaths(noReason)).toEqual(['reason']);
    const crossSite = await api.send({
      routeKey: 'POST /review/{token}',
      path: linkA,
      body: { decision: 'approve' },
      headers: CROSS_SITE,
    });
    expect(errorCode(crossSite)).toBe('FORBIDDEN');
    const oversize = await api.send({
      routeKey: 'POST /review/{token}',
      path: linkA,
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.status).toBe(413);
    expect(
      errorCode(
        await api.send({
          routeKey: 'POST /review/{token}',
          path: `/review/${UNKNOWN_TOKEN}`,
          body: { decision: 'approve' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await placementStatus(placementId)).toBe('AWAITING_SITE_APPROVAL');

    const changes = await api.send({
      routeKey: 'POST /review/{token}',
      path: linkA,
      body: { decision: 'request-changes', reason: 'The BLS card is not legible', requirementCodes: ['BLS'] },
    });
    expect(placementOf(changes).requirements.find((requirement) => requirement.code === 'BLS')?.status).toBe(
      'REJECTED',
    );
    const second = await api.send({
      routeKey: 'POST /review/{token}',
      path: linkA,
      body: { decision: 'approve' },
    });
    expect(errorCode(second)).toBe('ALREADY_DECIDED');

    // The student sends the item back; the next round is approved through the page's form.
    await waitForStatus(placementId, 'AWAITING_DOCUMENTS');
    const portalLink = await cloud.mailbox.waitForLink(scenario.studentEmail, 'portal', {
      exclude: [reviewed.portalLink],
    });
    const portal = pathOf(portalLink);
    await upload(portal, 'BLS', scenario.validDates('BLS'));
    await waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    const roundTwo = pathOf(await cloud.mailbox.waitForLink(adminA, 'review', { exclude: [linkALink] }));
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const badForm = await api.send({
      routeKey: 'POST /review/{token}',
      path: roundTwo,
      body: 'decision=maybe',
      headers: form,
    });
    expect([badForm.status, badForm.contentType]).toEqual([400, 'text/html; charset=utf-8']);
    const approved = await api.send({
      routeKey: 'POST /review/{token}',
      path: roundTwo,
      body: 'decision=approve',
      headers: form,
    });
    expect([approved.status, approved.contentType]).toEqual([200, 'text/html; charset=utf-8']);
    const again = await api.send({
      routeKey: 'POST /review/{token}',
      path: roundTwo,
      body: 'decision=approve',
      headers: form,
    });
    expect([again.status, again.contentType]).toEqual([409, 'text/html; charset=utf-8']);
    // The other admin's first-round link was replaced by round two's, which is decided: 410.
    expect(
      errorCode(
        await api.send({ routeKey: 'POST /review/{token}', path: linkB, body: { decision: 'approve' } }),
      ),
    ).toBe('LINK_EXPIRED');
    expect((await api.send({ routeKey: 'GET /review/{token}', path: linkB })).status).toBe(410);
    expect(
      (
        await api.send({
          routeKey: 'GET /review/{token}/documents/{documentId}',
          path: `${linkB}/documents/${documentId}`,
          headers: HTML_ACCEPT,
        })
      ).status,
    ).toBe(410);
    await waitForStatus(placementId, 'CLEARED');
    reviewed = { ...reviewed, portalLink, portal };
  });

  it('a finished placement: waive, cancel, retry and uploads are 409 CONFLICT; its portal page says how it ended', async () => {
    const { placementId, portal } = reviewed;
    const conflicts = await Promise.all([
      api.send({
        routeKey: 'POST /placements/{placementId}/waivers',
        path: `/placements/${placementId}/waivers`,
        body: { requirementCode: 'TB', reason: 'Late' },
      }),
      api.send({
        routeKey: 'POST /placements/{placementId}/cancel',
        path: `/placements/${placementId}/cancel`,
        body: {},
      }),
      api.send({
        routeKey: 'POST /placements/{placementId}/retry',
        path: `/placements/${placementId}/retry`,
      }),
      api.send({
        routeKey: 'POST /portal/{token}/uploads',
        path: `${portal}/uploads`,
        body: {
          requirementCode: 'TB',
          fileName: 'tb.pdf',
          contentType: 'application/pdf',
          size: 10,
          issuedOn: '2026-01-01',
        },
      }),
    ]);
    expect(conflicts.map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect((await api.send({ routeKey: 'GET /portal/{token}', path: portal })).status).toBe(200);
  });

  it('cancel and purge: done once and answered again; bad, unknown and oversize are refused; purged links are 404', async () => {
    const { placementId, portal } = await startPlacement('contract-purge');
    const cancel = `/placements/${placementId}/cancel`;
    const purge = `/placements/${placementId}/purge`;
    expect(
      fieldPaths(
        await api.send({
          routeKey: 'POST /placements/{placementId}/cancel',
          path: cancel,
          body: { reason: TOO_LONG_REASON },
        }),
      ),
    ).toEqual(['reason']);
    expect(
      errorCode(
        await api.send({
          routeKey: 'POST /placements/{placementId}/cancel',
          path: `/placements/${UNKNOWN_PLACEMENT}/cancel`,
          body: {},
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      (
        await api.send({
          routeKey: 'POST /placements/{placementId}/cancel',
          path: cancel,
          body: OVERSIZE_BODY,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(413);
    const cancelled = await api.send({
      routeKey: 'POST /placements/{placementId}/cancel',
      path: cancel,
      body: { reason: 'Student withdrew' },
    });
    expect(placementOf(cancelled).status).toBe('CANCELLED');

    expect(
      fieldPaths(
        await api.send({
          routeKey: 'POST /placements/{placementId}/purge',
          path: purge,
          body: { reason: TOO_LONG_REASON },
        }),
      ),
    ).toEqual(['reason']);
    expect(
      errorCode(
        await api.send({
          routeKey: 'POST /placements/{placementId}/purge',
          path: `/placements/${UNKNOWN_PLACEMENT}/purge`,
          body: {},
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      (
        await api.send({
          routeKey: 'POST /placements/{placementId}/purge',
          path: purge,
          body: OVERSIZE_BODY,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(413);
    const purged = await api.send({
      routeKey: 'POST /placements/{placementId}/purge',
      path: purge,
      body: { reason: 'Request #481' },
    });
    const record = purged.body as { placement: { student: { name: string } }; purge: { reason?: string } };
    expect([record.placement.student.name, record.purge.reason]).toEqual(['[purged]', 'Request #481']);
    const again = await api.send({ routeKey: 'POST /placements/{placementId}/purge', path: purge });
    expect((again.body as typeof record).purge).toEqual(record.purge);
    expect(
      (await api.send({ routeKey: 'GET /portal/{token}/status', path: `${portal}/status` })).status,
    ).toBe(404);
  });

  it('retry: a FAILED placement runs again (200); unknown, bad and oversize are refused; an expired portal link is 410', async () => {
    const { placementId, portal } = await startPlacement('contract-retry');
    const retry = `/placements/${placementId}/retry`;
    expect(
      errorCode(
        await api.send({
          routeKey: 'POST /placements/{placementId}/retry',
          path: `/placements/${UNKNOWN_PLACEMENT}/retry`,
        }),
      ),
    ).toBe('NOT_FOUND');
    const notJson = await api.send({
      routeKey: 'POST /placements/{placementId}/retry',
      path: retry,
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(fieldPaths(notJson)).toEqual(['body']);
    expect(
      (
        await api.send({
          routeKey: 'POST /placements/{placementId}/retry',
          path: retry,
          body: OVERSIZE_BODY,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(413);

    await failPlacement(placementId);
    const retried = await api.send({ routeKey: 'POST /placements/{placementId}/retry', path: retry });
    expect(placementOf(retried).status).toBe('CHECKING');

    // The portal link's expiry moved into the past, as the documents due date passing would.
    await table.send(
      new UpdateCommand({
        TableName: tableName,
        Key: linkKey(portal),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': '2000-01-01T00:00:00.000Z' },
      }),
    );
    expect((await api.send({ routeKey: 'GET /portal/{token}', path: portal })).status).toBe(410);
    expect(
      errorCode(await api.send({ routeKey: 'GET /portal/{token}/status', path: `${portal}/status` })),
    ).toBe('LINK_EXPIRED');
    const expiredUpload = await api.send({
      routeKey: 'POST /portal/{token}/uploads',
      path: `${portal}/uploads`,
      body: {},
    });
    expect(errorCode(expiredUpload)).toBe('LINK_EXPIRED');
  });

  it('verification: the queue lists SUBMITTED documents; verify, reject and refusals (400, 404, 409 ALREADY_DECIDED and CONFLICT, 413)', async () => {
    const { scenario, placementId, portal } = await startPlacement('contract-verification', 'staff');
    for (const code of ['BLS', 'TB']) await upload(portal, code, scenario.validDates(code));
    type QueuePage = { items: Array<{ placementId: string; documentId: string; requirementCode: string }> };
    let items: QueuePage['items'] = [];
    const deadline = Date.now() + 30_000;
    while (items.length < 2 && Date.now() < deadline) {
      const page = await api.send({
        routeKey: 'GET /verification-queue',
        path: '/verification-queue',
        query: { siteId: scenario.siteId },
      });
      expect(page.status).toBe(200);
      items = (page.body as QueuePage).items;
      if (items.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(items.map((item) => item.requirementCode).sort()).toEqual(['BLS', 'TB']);
    const badQuery = await api.send({
      routeKey: 'GET /verification-queue',
      path: '/verification-queue',
      query: { limit: '0', requirementCode: 'NOPE' },
    });
    expect(fieldPaths(badQuery).sort()).toEqual(['limit', 'requirementCode']);

    const [bls, tb] = ['BLS', 'TB'].map((code) => items.find((item) => item.requirementCode === code));
    const decisionPath = (documentId: string, placement = placementId) =>
      `/placements/${placement}/documents/${documentId}/verification`;
    const routeKey = 'POST /placements/{placementId}/documents/{documentId}/verification' as const;
    const noReason = await api.send({
      routeKey,
      path: decisionPath(bls?.documentId ?? ''),
      body: { decision: 'reject' },
    });
    expect(fieldPaths(noReason)).toEqual(['reasonCode']);
    const unknown = await api.send({
      routeKey,
      path: decisionPath(bls?.documentId ?? '', UNKNOWN_PLACEMENT),
      body: { decision: 'verify' },
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const oversize = await api.send({
      routeKey,
      path: decisionPath(bls?.documentId ?? ''),
      body: OVERSIZE_BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.status).toBe(413);
    const verified = await api.send({
      routeKey,
      path: decisionPath(bls?.documentId ?? ''),
      body: { decision: 'verify' },
    });
    expect(verified.status).toBe(200);
    expect(
      placementOf(verified).requirements.find((requirement) => requirement.code === 'BLS'),
    ).toMatchObject({
      status: 'ACCEPTED',
      verification: 'staff',
    });
    const again = await api.send({
      routeKey,
      path: decisionPath(bls?.documentId ?? ''),
      body: { decision: 'verify' },
    });
    expect(errorCode(again)).toBe('ALREADY_DECIDED');

    const cancelled = await api.send({
      routeKey: 'POST /placements/{placementId}/cancel',
      path: `/placements/${placementId}/cancel`,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    const afterCancel = await api.send({
      routeKey,
      path: decisionPath(tb?.documentId ?? ''),
      body: { decision: 'reject', reasonCode: 'ILLEGIBLE' },
    });
    expect(errorCode(afterCancel)).toBe('CONFLICT');
  });

  it('console: without a session a JSON caller gets 401 and a browser asking for a page is sent to sign in (303)', async () => {
    const concrete = (template: string) =>
      template
        .replace('{placementId}', UNKNOWN_PLACEMENT)
        .replace('{siteId}', 'no-such-site-anywhere')
        .replace('{documentId}', 'doc_unknownunknownunknownun')
        .replace('{importId}', 'imp_unknownunknownunknownun');
    const sessionRoutes = Object.keys(document.paths)
      .filter((path) => path.startsWith('/console') && !PUBLIC_CONSOLE_PATHS.has(path))
      .flatMap((path) =>
        Object.keys(document.paths[path] ?? {})
          .filter((method) => ['get', 'post'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
    for (const routeKey of sessionRoutes) {
      const path = concrete(routeKey.split(' ')[1] ?? '');
      const refused = await consoleSend(undefined, { routeKey, path });
      expect([routeKey, refused.status, errorCode(refused)]).toEqual([routeKey, 401, 'UNAUTHORIZED']);
      if (routeKey.startsWith('GET ')) {
        const page = await consoleSend(undefined, { routeKey, path, accept: 'html' });
        expect([routeKey, page.status]).toEqual([routeKey, 303]);
        expect(page.headers.get('location')).toMatch(/^\/console\/auth\/sign-in\?returnTo=/);
      }
    }
  });

  it('console sign-in: the walk through the local provider ends in a session (303); a callback without its sign-in is 401; sign-out', async () => {
    const started = await api.send({
      routeKey: 'GET /console/auth/sign-in',
      path: '/console/auth/sign-in',
      query: { returnTo: '/console' },
      headers: HTML_ACCEPT,
    });
    expect(started.status).toBe(303);
    const signInCookie = started.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${consoleCookieNames(false).signIn}=`))
      ?.split(';')[0];
    const account = cloud.cloud.staffAccounts.find((candidate) => candidate.role === 'viewer');
    const callbackUrl = `${cloud.api}/console/auth/callback`;
    const browser = new BrowserWalk();
    const providerUrl = started.headers.get('location') ?? '';
    const toProvider = await browser.follow(await browser.request(providerUrl), providerUrl, callbackUrl);
    const posted = await browser.request(formAction(await toProvider.response.text(), toProvider.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: account?.email ?? '', password: account?.password ?? '' }),
    });
    const back = await browser.follow(posted, toProvider.url, callbackUrl);
    const callback = await api.send({
      routeKey: 'GET /console/auth/callback',
      path: '/console/auth/callback',
      query: Object.fromEntries(back.url.searchParams),
      ...(signInCookie ? { cookie: signInCookie } : {}),
      headers: HTML_ACCEPT,
    });
    expect([callback.status, callback.headers.get('location')]).toEqual([303, '/console']);
    const sessionCookie = callback.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${consoleCookieNames(false).session}=`))
      ?.split(';')[0];
    const again = await api.send({
      routeKey: 'GET /console/auth/callback',
      path: '/console/auth/callback',
      query: Object.fromEntries(back.url.searchParams),
    });
    expect(again.status).toBe(401);

    const dashboard = await api.send({
      routeKey: 'GET /console',
      path: '/console',
      cookie: sessionCookie ?? '',
    });
    expect([dashboard.status, Object.keys(dashboard.body as object)]).toEqual([
      200,
      expect.arrayContaining(['byStatus', 'queue']),
    ]);
    const origin = { origin: new URL(cloud.api).origin, accept: 'text/html' };
    const noToken = await api.send({
      routeKey: 'POST /console/auth/sign-out',
      path: '/console/auth/sign-out',
      form: {},
      cookie: sessionCookie ?? '',
      headers: origin,
    });
    expect(noToken.status).toBe(403);
    const signedOut = await consoleSend('viewer', {
      routeKey: 'POST /console/auth/sign-out',
      path: '/console/auth/sign-out',
      accept: 'html',
    });
    expect(signedOut.status).toBe(303);
    sessions.delete('viewer');
    const page = await api.send({
      routeKey: 'GET /console/signed-out',
      path: '/console/signed-out',
      headers: HTML_ACCEPT,
    });
    expect(page.status).toBe(200);
    const reports = await consoleSend('viewer', {
      routeKey: 'GET /console/reports',
      path: '/console/reports',
    });
    expect(reports.status).toBe(200);
    const reportsPage = await consoleSend('viewer', {
      routeKey: 'GET /console/reports',
      path: '/console/reports',
      accept: 'html',
    });
    expect(reportsPage.status).toBe(200);
  });

  it('console placements: list and detail; waive, cancel, retry, purge and resend-link as JSON (200) and as a form (303); 400, 403, 404 and 409 refusals', async () => {
    const [active, other, failing, failingToo] = await Promise.all([
      startPlacement('contract-console-active'),
      startPlacement('contract-console-other'),
      startPlacement('contract-console-failing'),
      startPlacement('contract-console-failing-too'),
    ]);
    const listed = await consoleSend('viewer', {
      routeKey: 'GET /console/placements',
      path: '/console/placements',
      query: { siteId: active.scenario.siteId },
    });
    expect(
      (listed.body as { items: Array<{ placementId: string }> }).items.map((item) => item.placementId),
    ).toEqual([active.placementId]);
    const listPage = await consoleSend('viewer', {
      routeKey: 'GET /console/placements',
      path: '/console/placements',
      accept: 'html',
    });
    expect(listPage.status).toBe(200);
    const badFilter = await consoleSend('viewer', {
      routeKey: 'GET /console/placements',
      path: '/console/placements',
      query: { status: 'NOT_A_STATUS' },
    });
    expect([badFilter.status, fieldPaths(badFilter)]).toEqual([400, ['status']]);
    const detailPage = await consoleSend('viewer', {
      routeKey: 'GET /console/placements/{placementId}',
      path: `/console/placements/${active.placementId}`,
      accept: 'html',
    });
    expect(detailPage.status).toBe(200);
    const unknownDetail = await consoleSend('viewer', {
      routeKey: 'GET /console/placements/{placementId}',
      path: `/console/placements/${UNKNOWN_PLACEMENT}`,
    });
    expect(errorCode(unknownDetail)).toBe('NOT_FOUND');

    const action = (name: string, placementId: string) => ({
      routeKey: `POST /console/placements/{placementId}/${name}`,
      path: `/console/placements/${placementId}/${name}`,
    });
    const finished = reviewed.placementId;
    for (const name of ['waivers', 'cancel', 'retry', 'purge', 'resend-link']) {
      const forbidden = await consoleSend('viewer', { ...action(name, active.placementId), form: {} });
      expect([name, errorCode(forbidden)]).toEqual([name, 'FORBIDDEN']);
      const noToken = await consoleSend('coordinator', {
        ...action(name, active.placementId),
        form: {},
        csrf: false,
      });
      expect([name, noToken.status]).toEqual([name, 403]);
      const unknown = await consoleSend('coordinator', {
        ...action(name, UNKNOWN_PLACEMENT),
        form: { requirementCode: 'BLS', reason: 'On file', confirm: 'yes' },
      });
      expect([name, errorCode(unknown)]).toEqual([name, 'NOT_FOUND']);
    }
    const badFields: Record<string, Record<string, string>> = {
      waivers: { requirementCode: 'BLS' },
      cancel: { reason: TOO_LONG_REASON },
      purge: { reason: 'Request #12' },
    };
    for (const [name, form] of Object.entries(badFields)) {
      const bad = await consoleSend('coordinator', { ...action(name, active.placementId), form });
      expect([name, bad.status, fieldPaths(bad)]).toEqual([
        name,
        400,
        [name === 'purge' ? 'confirm' : 'reason'],
      ]);
    }
    const badPage = await consoleSend('coordinator', {
      ...action('waivers', active.placementId),
      form: { requirementCode: 'BLS' },
      accept: 'html',
    });
    expect(badPage.status).toBe(400);
    for (const name of ['retry', 'resend-link']) {
      const notJson = await consoleSend('coordinator', {
        ...action(name, active.placementId),
        body: '{not json',
        headers: { 'content-type': 'application/json' },
      });
      expect([name, fieldPaths(notJson)]).toEqual([name, ['body']]);
    }
    for (const name of ['waivers', 'cancel', 'retry', 'resend-link']) {
      const conflict = await consoleSend('coordinator', {
        ...action(name, finished),
        form: { requirementCode: 'TB', reason: 'Late' },
      });
      expect([name, errorCode(conflict)]).toEqual([name, 'CONFLICT']);
    }
    const conflictPage = await consoleSend('coordinator', { ...action('cancel', finished), accept: 'html' });
    expect(conflictPage.status).toBe(409);

    const waived = await consoleSend('coordinator', {
      ...action('waivers', active.placementId),
      form: { requirementCode: 'BLS', reason: 'Card seen at orientation' },
    });
    expect(placementOf(waived).requirements.find((requirement) => requirement.code === 'BLS')?.status).toBe(
      'WAIVED',
    );
    const waivedByForm = await consoleSend('coordinator', {
      ...action('waivers', active.placementId),
      form: { requirementCode: 'TB', reason: 'Test seen at orientation' },
      accept: 'html',
    });
    expect([waivedByForm.status, waivedByForm.headers.get('location')]).toEqual([
      303,
      `/console/placements/${active.placementId}`,
    ]);
    const resent = await consoleSend('coordinator', action('resend-link', active.placementId));
    expect(resent.status).toBe(200);
    const resentByForm = await consoleSend('coordinator', {
      ...action('resend-link', active.placementId),
      accept: 'html',
    });
    expect(resentByForm.status).toBe(303);

    const cancelled = await consoleSend('coordinator', {
      ...action('cancel', active.placementId),
      form: { reason: 'Student withdrew' },
    });
    expect(placementOf(cancelled).status).toBe('CANCELLED');
    const cancelledByForm = await consoleSend('coordinator', {
      ...action('cancel', other.placementId),
      accept: 'html',
    });
    expect(cancelledByForm.status).toBe(303);
    const purged = await consoleSend('coordinator', {
      ...action('purge', active.placementId),
      form: { reason: 'Request #12', confirm: 'yes' },
    });
    expect([purged.status, placementOf(purged).placementId]).toEqual([200, active.placementId]);
    const purgedByForm = await consoleSend('coordinator', {
      ...action('purge', other.placementId),
      form: { confirm: 'yes' },
      accept: 'html',
    });
    expect(purgedByForm.status).toBe(303);

    await Promise.all([failPlacement(failing.placementId), failPlacement(failingToo.placementId)]);
    const retried = await consoleSend('coordinator', action('retry', failing.placementId));
    expect(placementOf(retried).status).toBe('CHECKING');
    const retriedByForm = await consoleSend('coordinator', {
      ...action('retry', failingToo.placementId),
      accept: 'html',
    });
    expect(retriedByForm.status).toBe(303);
  });

  it('console sites: list, new, read; created and saved as JSON (200) and as a form (303); 400 naming the field, 403 for a viewer, 404', async () => {
    const siteForm = (siteId: string, name: string) => ({
      siteId,
      name,
      adminEmails: 'admin@console-site.test',
      requirements: ['BLS', 'TB'],
      documentsDueDays: '14',
      reminderIntervalHours: '72',
      siteReminderIntervalHours: '48',
      verification: 'staff',
    });
    const tag = Date.now().toString(36);
    expect(
      (await consoleSend('viewer', { routeKey: 'GET /console/sites', path: '/console/sites' })).status,
    ).toBe(200);
    expect(
      (
        await consoleSend('viewer', {
          routeKey: 'GET /console/sites',
          path: '/console/sites',
          accept: 'html',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await consoleSend('coordinator', {
          routeKey: 'GET /console/sites/new',
          path: '/console/sites/new',
          accept: 'html',
        })
      ).status,
    ).toBe(200);
    expect(
      errorCode(
        await consoleSend('viewer', { routeKey: 'GET /console/sites/new', path: '/console/sites/new' }),
      ),
    ).toBe('FORBIDDEN');

    const created = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites',
      path: '/console/sites',
      form: siteForm(`console-json-${tag}`, 'Console JSON Hospital'),
    });
    expect([created.status, fieldPaths(created), (created.body as { siteId: string }).siteId]).toEqual([
      200,
      [],
      `console-json-${tag}`,
    ]);
    const createdByForm = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites',
      path: '/console/sites',
      form: siteForm(`console-form-${tag}`, 'Console Form Hospital'),
      accept: 'html',
    });
    expect([createdByForm.status, createdByForm.headers.get('location')]).toEqual([
      303,
      `/console/sites/console-form-${tag}`,
    ]);
    const badNew = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites',
      path: '/console/sites',
      form: siteForm(`console-bad-${tag}`, ''),
    });
    expect([badNew.status, fieldPaths(badNew)]).toEqual([400, ['name']]);
    const badNewPage = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites',
      path: '/console/sites',
      form: siteForm(`console-json-${tag}`, 'Taken'),
      accept: 'html',
    });
    expect(badNewPage.status).toBe(400);
    expect(
      errorCode(
        await consoleSend('viewer', {
          routeKey: 'POST /console/sites',
          path: '/console/sites',
          form: siteForm(`console-viewer-${tag}`, 'Viewer Hospital'),
        }),
      ),
    ).toBe('FORBIDDEN');

    const sitePath = `/console/sites/console-json-${tag}`;
    const read = await consoleSend('viewer', { routeKey: 'GET /console/sites/{siteId}', path: sitePath });
    expect((read.body as { site: { name: string } }).site.name).toBe('Console JSON Hospital');
    expect(
      errorCode(
        await consoleSend('viewer', {
          routeKey: 'GET /console/sites/{siteId}',
          path: '/console/sites/no-such-site-anywhere',
        }),
      ),
    ).toBe('NOT_FOUND');
    const saved = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites/{siteId}',
      path: sitePath,
      form: siteForm('', 'Console JSON Hospital, renamed'),
    });
    expect((saved.body as { name: string }).name).toBe('Console JSON Hospital, renamed');
    const savedByForm = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites/{siteId}',
      path: sitePath,
      form: siteForm('', 'Console JSON Hospital, again'),
      accept: 'html',
    });
    expect(savedByForm.status).toBe(303);
    const badSave = await consoleSend('coordinator', {
      routeKey: 'POST /console/sites/{siteId}',
      path: sitePath,
      form: { ...siteForm('', 'Console JSON Hospital'), documentsDueDays: 'soon' },
    });
    expect([badSave.status, fieldPaths(badSave)]).toEqual([400, ['documentsDueDays']]);
    expect(
      errorCode(
        await consoleSend('viewer', {
          routeKey: 'POST /console/sites/{siteId}',
          path: sitePath,
          form: siteForm('', 'Viewer rename'),
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('console verification: the queue, an item, decisions as JSON (200) and a form (303), the document view (303); 400, 403, 404, 409', async () => {
    const { scenario, placementId, portal } = await startPlacement('contract-console-queue', 'staff');
    for (const code of ['BLS', 'TB']) await upload(portal, code, scenario.validDates(code));
    type QueuePage = { items: Array<{ placementId: string; documentId: string; requirementCode: string }> };
    let items: QueuePage['items'] = [];
    const deadline = Date.now() + 30_000;
    while (items.length < 2 && Date.now() < deadline) {
      const page = await consoleSend('reviewer', {
        routeKey: 'GET /console/queue',
        path: '/console/queue',
        query: { siteId: scenario.siteId },
      });
      expect(page.status).toBe(200);
      items = (page.body as QueuePage).items;
      if (items.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [bls, tb] = ['BLS', 'TB'].map(
      (code) => items.find((item) => item.requirementCode === code)?.documentId ?? '',
    );
    expect(
      (
        await consoleSend('reviewer', {
          routeKey: 'GET /console/queue',
          path: '/console/queue',
          accept: 'html',
        })
      ).status,
    ).toBe(200);
    const badQuery = await consoleSend('reviewer', {
      routeKey: 'GET /console/queue',
      path: '/console/queue',
      query: { requirementCode: 'NOPE' },
    });
    expect([badQuery.status, fieldPaths(badQuery)]).toEqual([400, ['requirementCode']]);
    expect(
      errorCode(await consoleSend('viewer', { routeKey: 'GET /console/queue', path: '/console/queue' })),
    ).toBe('FORBIDDEN');

    const item = (documentId: string, placement = placementId) => ({
      routeKey: 'GET /console/queue/{placementId}/{documentId}',
      path: `/console/queue/${placement}/${documentId}`,
    });
    expect((await consoleSend('reviewer', { ...item(bls ?? ''), accept: 'html' })).status).toBe(200);
    expect((await consoleSend('reviewer', item(bls ?? ''))).status).toBe(200);
    expect(errorCode(await consoleSend('viewer', item(bls ?? '')))).toBe('FORBIDDEN');
    expect(errorCode(await consoleSend('reviewer', item(bls ?? '', UNKNOWN_PLACEMENT)))).toBe('NOT_FOUND');

    const decision = (documentId: string, placement = placementId) => ({
      routeKey: 'POST /console/placements/{placementId}/documents/{documentId}/verification',
      path: `/console/placements/${placement}/documents/${documentId}/verification`,
    });
    const noReason = await consoleSend('reviewer', { ...decision(tb ?? ''), form: { decision: 'reject' } });
    expect([noReason.status, fieldPaths(noReason)]).toEqual([400, ['reasonCode']]);
    expect(
      errorCode(await consoleSend('viewer', { ...decision(tb ?? ''), form: { decision: 'verify' } })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await consoleSend('reviewer', {
          ...decision(tb ?? '', UNKNOWN_PLACEMENT),
          form: { decision: 'verify' },
        }),
      ),
    ).toBe('NOT_FOUND');
    const verified = await consoleSend('reviewer', { ...decision(bls ?? ''), form: { decision: 'verify' } });
    expect(placementOf(verified).requirements.find((requirement) => requirement.code === 'BLS')?.status).toBe(
      'ACCEPTED',
    );
    const again = await consoleSend('reviewer', { ...decision(bls ?? ''), form: { decision: 'verify' } });
    expect(errorCode(again)).toBe('ALREADY_DECIDED');
    const decidedItem = await consoleSend('reviewer', { ...item(bls ?? ''), accept: 'html' });
    expect(decidedItem.status).toBe(303);
    const rejectedByForm = await consoleSend('reviewer', {
      ...decision(tb ?? ''),
      form: { decision: 'reject', reasonCode: 'ILLEGIBLE' },
      accept: 'html',
    });
    expect(rejectedByForm.status).toBe(303);

    const view = (documentId: string, placement = placementId) => ({
      routeKey: 'GET /console/placements/{placementId}/documents/{documentId}',
      path: `/console/placements/${placement}/documents/${documentId}`,
    });
    const viewed = await consoleSend('viewer', { ...view(bls ?? ''), accept: 'html' });
    expect([viewed.status, new URL(viewed.headers.get('location') ?? '').protocol]).toEqual([303, 'http:']);
    expect(errorCode(await consoleSend('viewer', view(bls ?? '', UNKNOWN_PLACEMENT)))).toBe('NOT_FOUND');
  });

  it('console import: the page, a checked CSV (303, or 200 as JSON), its run; no file 400, a reviewer 403, an unknown import 404, an oversize one 413', async () => {
    const { scenario } = await startPlacement('contract-console-import');
    const csv = [
      'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail',
      [
        'S-IMPORT-1',
        'Imported Student',
        'imported-1@students.test',
        scenario.siteId,
        'BSc Nursing',
        scenario.rotation.startDate,
        scenario.rotation.endDate,
        scenario.coordinatorEmail,
      ].join(','),
    ].join('\n');
    const importRoute = { routeKey: 'POST /console/import', path: '/console/import' };
    expect(
      (
        await consoleSend('coordinator', {
          routeKey: 'GET /console/import',
          path: '/console/import',
          accept: 'html',
        })
      ).status,
    ).toBe(200);
    expect(
      errorCode(await consoleSend('reviewer', { routeKey: 'GET /console/import', path: '/console/import' })),
    ).toBe('FORBIDDEN');
    const noFile = await consoleSend('coordinator', { ...importRoute, form: {} });
    expect([noFile.status, fieldPaths(noFile)]).toEqual([400, ['file']]);
    expect(errorCode(await consoleSend('reviewer', { ...importRoute, form: { csv } }))).toBe('FORBIDDEN');
    const oversize = await consoleSend('coordinator', {
      ...importRoute,
      form: { csv: 'x'.repeat(1100 * 1024) },
    });
    expect([oversize.status, errorCode(oversize)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const checkedAsJson = await consoleSend('coordinator', { ...importRoute, form: { csv } });
    expect([checkedAsJson.status, (checkedAsJson.body as { state: string }).state]).toEqual([200, 'confirm']);
    const checked = await consoleSend('coordinator', { ...importRoute, form: { csv }, accept: 'html' });
    expect(checked.status).toBe(303);
    const runPath = checked.headers.get('location') ?? '';
    expect(runPath).toMatch(/^\/console\/import\/[^/]+$/);

    const run = { routeKey: 'GET /console/import/{importId}', path: runPath };
    expect((await consoleSend('coordinator', run)).status).toBe(200);
    expect((await consoleSend('coordinator', { ...run, accept: 'html' })).status).toBe(200);
    expect(errorCode(await consoleSend('reviewer', run))).toBe('FORBIDDEN');
    const unknownPath = '/console/import/imp_unknownunknownunknownun';
    expect(errorCode(await consoleSend('coordinator', { ...run, path: unknownPath }))).toBe('NOT_FOUND');
    const chunk = { routeKey: 'POST /console/import/{importId}', path: runPath };
    expect(errorCode(await consoleSend('reviewer', chunk))).toBe('FORBIDDEN');
    expect(errorCode(await consoleSend('coordinator', { ...chunk, path: unknownPath }))).toBe('NOT_FOUND');
    const ran = await consoleSend('coordinator', { ...chunk, accept: 'html' });
    expect([ran.status, ran.headers.get('location')]).toEqual([303, runPath]);
    const ranAsJson = await consoleSend('coordinator', chunk);
    expect(ranAsJson.status).toBe(200);
  });

  it('console dashboard: the page and its view model', async () => {
    expect(
      (await consoleSend('viewer', { routeKey: 'GET /console', path: '/console', accept: 'html' })).status,
    ).toBe(200);
  });

  it('every (route, status) the document declares was answered above, or is listed as not reachable locally with why', () => {
    const unreachable = (pair: string) =>
      NOT_REACHABLE_LOCALLY.some(({ status, routes }) => pair.endsWith(` ${status}`) && routes.test(pair));
    expect(api.unexercised().filter((pair) => !unreachable(pair))).toEqual([]);
    // An entry of the list that a request did reach is out of date.
    expect(api.exercised().filter(unreachable)).toEqual([]);
  });
});
