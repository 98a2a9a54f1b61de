import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF } from '../../local/actors/student.js';
import { cloudForFile } from '../e2e/support/cloud-for-file.js';
import { newScenario } from '../e2e/support/scenario.js';
import { readOpenApiDocument } from './openapi-document.js';
import { type Answer, ContractChecker } from './support/contract-checker.js';

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

    // The fault, as an operator's bad hand edit would make it: the rules stored as one string, so the
    // compliance check after the waivers throws and the workflow records a failure.
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

  it('every (route, status) the document declares was answered above, or is listed as not reachable locally with why', () => {
    const unreachable = (pair: string) =>
      NOT_REACHABLE_LOCALLY.some(({ status, routes }) => pair.endsWith(` ${status}`) && routes.test(pair));
    expect(api.unexercised().filter((pair) => !unreachable(pair))).toEqual([]);
    // An entry of the list that a request did reach is out of date.
    expect(api.exercised().filter(unreachable)).toEqual([]);
  });
});
