import { S3Client } from '@aws-sdk/client-s3';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import type { Placement } from '../../functions/core/model/placement.js';
import { createReviewHandler } from '../../functions/handlers/review.js';
import { captureLogs } from '../support/captured-logs.js';
import {
  errorPaths,
  type HttpRequest,
  type HttpResponse,
  headerOf,
  invokeHttp,
  jsonOf,
} from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { dynamoThrottlingException, tableNotFound, taskTimedOut } from './support/sdk-errors.js';
import {
  ADMIN_EMAIL,
  documentItem,
  documentKey,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
  storedDocument,
  storedLink,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createReviewHandler(
  {
    ...testPorts.tables(),
    storage: testPorts.storage(),
    workflow: testPorts.workflow(),
    clock: testPorts.clock,
    config: { publicBaseUrl: TEST_CONFIG.publicBaseUrl },
  },
  { publicBaseUrl: TEST_CONFIG.publicBaseUrl },
);

const MMR_DOC = storedDocument({
  documentId: 'doc_mmr',
  objectKey: `placements/${PLACEMENT_ID}/doc_mmr`,
  status: 'ACCEPTED',
});
const BLS_DOC = storedDocument({
  documentId: 'doc_bls',
  requirementCode: 'BLS',
  fileName: 'bls.pdf',
  issuedOn: undefined,
  expiresOn: '2031-06-30',
  objectKey: `placements/${PLACEMENT_ID}/doc_bls`,
  status: 'ACCEPTED',
});

/** A complete packet waiting for the site, version 6, the approval task's token stored. */
const awaitingApproval = (overrides: Partial<Placement> = {}) =>
  storedPlacement({
    status: 'AWAITING_SITE_APPROVAL',
    requirements: [
      requirement('MMR', 'ACCEPTED', { documentId: 'doc_mmr' }),
      requirement('BLS', 'ACCEPTED', { documentId: 'doc_bls' }),
    ],
    pendingTask: { kind: 'SITE_APPROVAL', token: TASK_TOKEN, since: '2030-02-28T00:00:00.000Z' },
    version: 6,
    ...overrides,
  });

let token: string;

const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

const review = (request: Omit<HttpRequest, 'path'> & { path?: string }) =>
  invokeHttp(handler, { path: `/review/${token}`, ...request });

const decideAsJson = (body: unknown) =>
  review({ method: 'POST', headers: { accept: 'application/json' }, body });

const resumes = () => sfn.commandCalls(SendTaskSuccessCommand).map((call) => call.args[0].input);

const placementWrites = () =>
  ddb
    .commandCalls(PutCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Item?.pk === placementKey().pk);

const expectSafePageHeaders = (response: HttpResponse) => {
  expect(headerOf(response, 'content-type')).toMatch(/^text\/html/);
  expect(headerOf(response, 'cache-control')).toBe('no-store');
  expect(headerOf(response, 'referrer-policy')).toBe('no-referrer');
  const csp = headerOf(response, 'content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
};

resetBeforeEachTest({ ddb, table, clients: [s3, sfn] }, () => {
  sfn.on(SendTaskSuccessCommand).resolves({});
  const link = storedLink({
    kind: 'review',
    placementId: PLACEMENT_ID,
    adminEmail: ADMIN_EMAIL,
    round: 0,
    expiresAt: '2030-03-14T09:00:00.000Z',
  });
  token = link.token;
  table.seed(link.item, placementItem(awaitingApproval()), documentItem(MMR_DOC), documentItem(BLS_DOC));
});

describe('GET /review/{token}', () => {
  it('shows the packet with links to the recorded document route (no storage URL), changes nothing and never shows the task token', async () => {
    const response = await review({ method: 'GET' });

    expect(response.statusCode).toBe(200);
    expectSafePageHeaders(response);
    expect(response.body).toContain(STUDENT.name);
    expect(response.body).toContain(`${TEST_CONFIG.publicBaseUrl}/review/${token}/documents/doc_mmr`);
    expect(response.body).not.toContain('X-Amz-');
    expect(response.body).not.toContain(`placements/${PLACEMENT_ID}/doc_mmr`);
    expect(response.body).not.toContain(TASK_TOKEN);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers an expired link with the 410 page', async () => {
    vi.setSystemTime(new Date('2030-03-14T09:00:00.000Z'));

    const response = await review({ method: 'GET' });

    expect(response.statusCode).toBe(410);
    expectSafePageHeaders(response);
  });
});

describe('POST /review/{token}', () => {
  it('records an approval on the version it read, then resumes the workflow with {"decision":"approve"}', async () => {
    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response)).toMatchObject({
      placementId: PLACEMENT_ID,
      status: 'CLEARED',
      decision: { decision: 'approve', by: ADMIN_EMAIL, at: TEST_NOW.toISOString() },
    });
    expect(response.body).not.toContain(TASK_TOKEN);

    const [decided] = placementWrites();
    expect(decided?.ConditionExpression).toBe('version = :expected');
    expect(decided?.ExpressionAttributeValues).toEqual({ ':expected': 6 });
    expect(decided?.Item).toMatchObject({
      status: 'CLEARED',
      version: 7,
      decision: { decision: 'approve', round: 0 },
    });
    expect(resumes()).toEqual([{ taskToken: TASK_TOKEN, output: JSON.stringify({ decision: 'approve' }) }]);

    const stored = storedPlacementNow();
    expect(stored.status).toBe('CLEARED');
    expect(stored.pendingTask).toBeUndefined();
    expect(stored.history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'SITE_APPROVED',
      detail: `by ${ADMIN_EMAIL}`,
    });
  });

  it('still answers 200 when the task token is stale (TaskTimedOut): the decision stands and the token is spent', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(taskTimedOut());

    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(200);
    expect(resumes()).toHaveLength(1);
    const stored = storedPlacementNow();
    expect(stored.status).toBe('CLEARED');
    expect(stored.decision?.decision).toBe('approve');
    expect(stored.pendingTask).toBeUndefined();
  });

  it('answers 409 ALREADY_DECIDED (JSON) when the round was already decided, changing and resuming nothing', async () => {
    table.seed(
      placementItem(
        awaitingApproval({
          status: 'CLEARED',
          pendingTask: undefined,
          decision: {
            decision: 'approve',
            round: 0,
            by: 'other-admin@stmarys.example',
            at: '2030-02-28T12:00:00.000Z',
          },
        }),
      ),
    );

    const response = await decideAsJson({ decision: 'decline', reason: 'No capacity.' });

    expect(response.statusCode).toBe(409);
    expect(jsonOf(response).error.code).toBe('ALREADY_DECIDED');
    expect(jsonOf(response).error.message).toContain('other-admin@stmarys.example');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(resumes()).toHaveLength(0);
  });

  it('a double click: the second POST answers 409 and resumes nothing again', async () => {
    const first = await decideAsJson({ decision: 'approve' });
    const second = await decideAsJson({ decision: 'approve' });

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(jsonOf(second).error.code).toBe('ALREADY_DECIDED');
    expect(resumes()).toHaveLength(1);
  });

  it('answers a second decision from the form with the 409 page showing the recorded decision', async () => {
    table.seed(
      placementItem(
        awaitingApproval({
          status: 'CLEARED',
          pendingTask: undefined,
          decision: {
            decision: 'approve',
            round: 0,
            by: 'other-admin@stmarys.example',
            at: '2030-02-28T12:00:00.000Z',
          },
        }),
      ),
    );

    const response = await review({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve',
    });

    expect(response.statusCode).toBe(409);
    expectSafePageHeaders(response);
    expect(response.body).toContain('other-admin@stmarys.example');
  });

  it('answers 400 naming `reason` for a decline without a reason, and records nothing', async () => {
    const response = await decideAsJson({ decision: 'decline', reason: '   ' });

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(response)).toEqual(['reason']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(resumes()).toHaveLength(0);
  });

  it('shows a form decline without a reason again (400), with the message next to the field and what was chosen', async () => {
    const response = await review({
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: TEST_CONFIG.publicBaseUrl,
      },
      body: new URLSearchParams([
        ['decision', 'decline'],
        ['reason', '  '],
      ]).toString(),
    });

    expect(response.statusCode).toBe(400);
    expectSafePageHeaders(response);
    expect(response.body).toContain('<title>Error: Review');
    expect(response.body).toMatch(
      /<p class="field-error" id="reason-error">Give a reason: it is needed to decline or to ask for changes\.<\/p>\s*<textarea id="reason"[^>]*aria-describedby="reason-hint reason-error"[^>]*aria-invalid="true"/,
    );
    expect(response.body).toMatch(
      /<input type="radio" id="decision-decline" name="decision" value="decline" required checked/,
    );
    expect(response.body).toContain('<a href="#reason">Give a reason');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(resumes()).toHaveLength(0);
  });

  it('shows a form asking for changes without naming a document again, keeping the reason typed', async () => {
    const response = await review({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['decision', 'request-changes'],
        ['reason', 'The <scan> is blurry'],
      ]).toString(),
    });

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      '<p class="field-error" id="codes-error">Tick each document the student must replace.</p>',
    );
    expect(response.body).toContain('>The &lt;scan&gt; is blurry</textarea>');
    expect(response.body).toContain('<a href="#change-MMR">Tick each document');
    expect(placementWrites()).toHaveLength(0);
  });

  it('answers 400 naming `decision` for an unknown decision', async () => {
    const response = await decideAsJson({ decision: 'maybe' });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['decision']);
  });

  it('takes the form post (base64, repeated checkboxes): changes requested, items rejected, documents never reused', async () => {
    const form = new URLSearchParams([
      ['decision', 'request-changes'],
      ['reason', 'Both scans are cut off.'],
      ['requirementCodes', 'MMR'],
      ['requirementCodes', 'BLS'],
    ]).toString();

    const response = await review({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(form).toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.statusCode).toBe(200);
    expectSafePageHeaders(response);
    expect(response.body).toContain('Thank you, your decision is recorded');
    const stored = storedPlacementNow();
    expect(stored.status).toBe('AWAITING_DOCUMENTS');
    expect(stored.approvalRound).toBe(1);
    expect(stored.requirements.map((item) => [item.code, item.status, item.reason])).toEqual([
      ['MMR', 'REJECTED', 'Both scans are cut off.'],
      ['BLS', 'REJECTED', 'Both scans are cut off.'],
    ]);
    for (const documentId of ['doc_mmr', 'doc_bls']) {
      expect(table.item(documentKey(STUDENT.id, documentId).pk, `DOC#${documentId}`)?.changesRequested).toBe(
        true,
      );
    }
    expect(resumes()).toEqual([
      { taskToken: TASK_TOKEN, output: JSON.stringify({ decision: 'request-changes' }) },
    ]);
  });

  describe('from another website', () => {
    const approveForm = new URLSearchParams([['decision', 'approve']]).toString();
    const OWN_ORIGIN = TEST_CONFIG.publicBaseUrl;

    it('refuses a form posted from another origin with the 403 page, and changes nothing', async () => {
      const response = await review({
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://attacker.example',
          'sec-fetch-site': 'cross-site',
        },
        body: approveForm,
      });

      expect(response.statusCode).toBe(403);
      expectSafePageHeaders(response);
      expect(response.body).toContain('This decision was not recorded');
      expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
      expect(ddb.calls()).toHaveLength(0);
      expect(resumes()).toHaveLength(0);
    });

    it.each([
      ['another origin', { origin: 'https://onboarding.school.example.attacker.example' }],
      ['an opaque origin on another site', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
      ['the same scheme and host on another port', { origin: 'https://onboarding.school.example:8443' }],
      ['Sec-Fetch-Site: cross-site alone', { 'sec-fetch-site': 'cross-site' }],
    ])('answers a JSON decision from %s with 403 FORBIDDEN, changing nothing', async (_label, headers) => {
      const response = await review({
        method: 'POST',
        headers: { accept: 'application/json', ...headers },
        body: { decision: 'approve' },
      });

      expect(response.statusCode).toBe(403);
      expect(jsonOf(response).error).toMatchObject({ code: 'FORBIDDEN' });
      expect(ddb.calls()).toHaveLength(0);
      expect(resumes()).toHaveLength(0);
    });

    it('records a form posted from the page’s own origin (as a browser sends it)', async () => {
      const response = await review({
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: OWN_ORIGIN,
          'sec-fetch-site': 'same-origin',
        },
        body: approveForm,
      });

      expect(response.statusCode).toBe(200);
      expect(storedPlacementNow().status).toBe('CLEARED');
    });

    it('records a form posted from the page as Chromium sends it under Referrer-Policy: no-referrer (Origin: null)', async () => {
      const response = await review({
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'null',
          'sec-fetch-site': 'same-origin',
        },
        body: approveForm,
      });

      expect(response.statusCode).toBe(200);
      expect(storedPlacementNow().status).toBe('CLEARED');
    });

    it('records a decision from a page on the address the request went to (an old link, before a custom domain)', async () => {
      const response = await review({
        method: 'POST',
        headers: {
          accept: 'application/json',
          origin: 'https://api.onboarding.example',
          host: 'api.onboarding.example',
        },
        body: { decision: 'approve' },
      });

      expect(response.statusCode).toBe(200);
    });

    it('records a JSON decision that names no origin (curl, scripts): the token is the key', async () => {
      const response = await decideAsJson({ decision: 'approve' });

      expect(response.statusCode).toBe(200);
      expect(storedPlacementNow().status).toBe('CLEARED');
    });

    it('does not refuse a GET of the page whatever its origin headers', async () => {
      const response = await review({
        method: 'GET',
        headers: { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
      });

      expect(response.statusCode).toBe(200);
    });
  });

  it('answers 410 LINK_EXPIRED (JSON) for an expired link, recording nothing', async () => {
    vi.setSystemTime(new Date('2030-03-15T00:00:00.000Z'));

    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(410);
    expect(jsonOf(response).error.code).toBe('LINK_EXPIRED');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers an unexpected failure during a JSON decision with a logged, generic 500', async () => {
    const logs = captureLogs();
    ddb.on(GetCommand).rejects(tableNotFound(TEST_CONFIG.tableName));

    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain(TEST_CONFIG.tableName);
    expect(logs.entries()).toHaveLength(1);
    // The link was never resolved: the line names no placement, and never the token.
    expect(logs.entries()[0]).toMatchObject({ level: 'ERROR', message: 'Request failed' });
    expect(logs.entries()[0]).not.toHaveProperty('placementId');
    expect(logs.lines[0]).not.toContain(token);
  });

  it('tags a failure after the link resolved with its placementId, never with the token', async () => {
    const logs = captureLogs();
    ddb.on(PutCommand).rejects(tableNotFound(TEST_CONFIG.tableName));

    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(500);
    expect(logs.entries()).toHaveLength(1);
    expect(logs.entries()[0]).toMatchObject({
      level: 'ERROR',
      message: 'Request failed',
      placementId: PLACEMENT_ID,
      correlation_id: PLACEMENT_ID,
    });
    const text = logs.lines.join('\n');
    for (const secret of [token, TASK_TOKEN, ADMIN_EMAIL, STUDENT.email]) expect(text).not.toContain(secret);
  });

  it('logs an unexpected failure during a form decision like any other 5xx', async () => {
    const logs = captureLogs();
    ddb.on(GetCommand).rejects(tableNotFound(TEST_CONFIG.tableName));

    const response = await review({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve',
    });

    expect(response.statusCode).toBe(500);
    expect(logs.entries()).toHaveLength(1);
  });

  it('answers a form decision that meets DynamoDB throttling with the 503 try-again page and Retry-After, logging a warning only', async () => {
    const logs = captureLogs();
    ddb.on(PutCommand).rejects(dynamoThrottlingException());

    const response = await review({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve',
    });

    expect(response.statusCode).toBe(503);
    expectSafePageHeaders(response);
    expect(headerOf(response, 'retry-after')).toBe('2');
    expect(response.body).toContain('Please try again in a moment');
    expect(response.body).not.toContain('Throttl');
    expect(logs.entries().map((entry) => entry.level)).toEqual(['WARN']);
    expect(resumes()).toHaveLength(0);
  });

  it('answers a JSON decision that meets DynamoDB throttling with 503 SERVICE_UNAVAILABLE and Retry-After', async () => {
    captureLogs();
    ddb.on(PutCommand).rejects(dynamoThrottlingException());

    const response = await decideAsJson({ decision: 'approve' });

    expect(response.statusCode).toBe(503);
    expect(headerOf(response, 'retry-after')).toBe('2');
    expect(jsonOf(response).error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('GET /review/{token}/documents/{documentId}', () => {
  const openDocument = (documentId: string) =>
    invokeHttp(handler, { method: 'GET', path: `/review/${token}/documents/${documentId}` });

  it('records one disclosure naming the administrator per view, then redirects to a 60-second storage URL', async () => {
    const first = await openDocument('doc_mmr');
    const second = await openDocument('doc_mmr');

    for (const response of [first, second]) {
      expect(response.statusCode).toBe(303);
      const location = headerOf(response, 'location') ?? '';
      expect(location).toContain(`placements/${PLACEMENT_ID}/doc_mmr`);
      expect(location).toContain('X-Amz-Expires=60');
    }
    expect(storedPlacementNow().disclosures).toEqual([
      {
        at: TEST_NOW.toISOString(),
        by: ADMIN_EMAIL,
        requirementCode: 'MMR',
        documentId: 'doc_mmr',
        via: 'review-link',
      },
      {
        at: TEST_NOW.toISOString(),
        by: ADMIN_EMAIL,
        requirementCode: 'MMR',
        documentId: 'doc_mmr',
        via: 'review-link',
      },
    ]);
  });

  it('answers a document the packet does not show with the 404 page and records nothing', async () => {
    const response = await openDocument('doc_other');

    expect(response.statusCode).toBe(404);
    expect(headerOf(response, 'location')).toBeUndefined();
    expect(storedPlacementNow().disclosures).toBeUndefined();
  });

  it('answers an unknown link with the 404 page and no storage URL', async () => {
    const response = await invokeHttp(handler, {
      method: 'GET',
      path: `/review/${'A'.repeat(43)}/documents/doc_mmr`,
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('X-Amz-');
  });
});
