import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createPortalHandler } from '../../functions/handlers/portal.js';
import { errorPaths, type HttpResponse, headerOf, invokeHttp, jsonOf } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import {
  documentKey,
  linkKey,
  PLACEMENT_ID,
  placementItem,
  requirement,
  STUDENT,
  storedLink,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createPortalHandler(
  { ...testPorts.tables(), storage: testPorts.uploadForms(), clock: testPorts.clock },
  { publicBaseUrl: TEST_CONFIG.publicBaseUrl },
);

/** The portal link of the stored placement: it works until the start of the day after the due date. */
const portalLink = (expiresAt = '2030-03-19T00:00:00.000Z') => {
  const link = storedLink({ kind: 'portal', placementId: PLACEMENT_ID, expiresAt });
  table.seed(link.item);
  return link.token;
};

const waitingPlacement = () =>
  storedPlacement({
    requirements: [
      requirement('MMR', 'ACCEPTED', { documentId: 'doc_accepted' }),
      requirement('BLS', 'REJECTED', {
        reason: 'This BLS card expires before the end of the rotation.',
        documentId: 'doc_old',
        rejectedAt: '2030-02-26T00:00:00.000Z',
      }),
    ],
    pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
  });

const uploadRequest = {
  requirementCode: 'BLS',
  fileName: 'bls-card.pdf',
  contentType: 'application/pdf',
  size: 734_003,
  expiresOn: '2031-06-30',
};

const expectSafePageHeaders = (response: HttpResponse) => {
  expect(headerOf(response, 'content-type')).toMatch(/^text\/html/);
  expect(headerOf(response, 'cache-control')).toBe('no-store');
  expect(headerOf(response, 'referrer-policy')).toBe('no-referrer');
  const csp = headerOf(response, 'content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
};

resetBeforeEachTest({ ddb, table, clients: [s3] }, () => {
  table.seed(placementItem(waitingPlacement()));
});

describe('GET /portal/{token}', () => {
  it.each(['not-a-token', 'x'.repeat(42), `${'a'.repeat(42)}!`])(
    'answers a malformed token (%s) with the 404 page and its safety headers, without a lookup',
    async (token) => {
      const response = await invokeHttp(handler, {
        method: 'GET',
        path: `/portal/${encodeURIComponent(token)}`,
      });

      expect(response.statusCode).toBe(404);
      expectSafePageHeaders(response);
      expect(response.body).toContain('We could not find this page');
      expect(ddb.calls()).toHaveLength(0);
    },
  );

  it('answers a well-formed token nobody issued with the 404 page', async () => {
    const { token } = storedLink({
      kind: 'portal',
      placementId: PLACEMENT_ID,
      expiresAt: '2030-03-19T00:00:00.000Z',
    });

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}` });

    expect(response.statusCode).toBe(404);
    expectSafePageHeaders(response);
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual(linkKey(token));
  });

  it('answers a review link used on the portal with the 404 page', async () => {
    const review = storedLink({
      kind: 'review',
      placementId: PLACEMENT_ID,
      adminEmail: 'admin@stmarys.example',
      round: 0,
      expiresAt: '2030-03-10T00:00:00.000Z',
    });
    table.seed(review.item);

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${review.token}` });

    expect(response.statusCode).toBe(404);
  });

  it('answers an expired link with the 410 page and its safety headers', async () => {
    const token = portalLink(new Date(TEST_NOW.getTime() - 1000).toISOString());

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}` });

    expect(response.statusCode).toBe(410);
    expectSafePageHeaders(response);
    expect(response.body).toContain('This link has expired');
  });

  it('shows the checklist to the student, with no task token and a CSP that allows uploads to storage only', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}` });

    expect(response.statusCode).toBe(200);
    expectSafePageHeaders(response);
    expect(response.body).toContain(STUDENT.name);
    expect(response.body).toContain('Basic Life Support (BLS) certification');
    expect(response.body).toContain('This BLS card expires before the end of the rotation.');
    expect(response.body).not.toContain(TASK_TOKEN);
    expect(headerOf(response, 'content-security-policy')).toMatch(
      /connect-src 'self' https:\/\/[^ ;]+amazonaws\.com/,
    );
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('shows a finished placement as finished', async () => {
    table.seed(placementItem(storedPlacement({ status: 'CLEARED' })));
    const token = portalLink();

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}` });

    expect(response.statusCode).toBe(200);
    expectSafePageHeaders(response);
    expect(response.body).toContain('You are cleared for your placement');
  });
});

describe('GET /portal/{token}/status', () => {
  it('answers the placement status and requirements, without backend fields', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}/status` });

    expect(response.statusCode).toBe(200);
    expect(headerOf(response, 'cache-control')).toBe('no-store');
    expect(jsonOf(response)).toEqual({
      placementId: PLACEMENT_ID,
      status: 'AWAITING_DOCUMENTS',
      requirements: [
        // Accepted on the file checks alone (a placement stored before verification modes).
        requirement('MMR', 'ACCEPTED', { documentId: 'doc_accepted', verification: 'automatic' }),
        requirement('BLS', 'REJECTED', {
          reason: 'This BLS card expires before the end of the rotation.',
          documentId: 'doc_old',
        }),
      ],
    });
  });

  it('answers 410 LINK_EXPIRED for an expired link', async () => {
    const token = portalLink('2030-02-28T00:00:00.000Z');

    const response = await invokeHttp(handler, { method: 'GET', path: `/portal/${token}/status` });

    expect(response.statusCode).toBe(410);
    expect(jsonOf(response).error.code).toBe('LINK_EXPIRED');
  });
});

describe('POST /portal/{token}/uploads', () => {
  it('records a pending document and answers 201 with a presigned POST for the server-chosen key', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      body: uploadRequest,
    });

    expect(response.statusCode).toBe(201);
    const { documentId, upload } = jsonOf(response);
    expect(documentId).toMatch(/^doc_[a-z2-7]{26}$/);
    const key = `placements/${PLACEMENT_ID}/${documentId}`;
    expect(upload.url).toContain(TEST_CONFIG.documentsBucket);
    expect(upload.fields).toMatchObject({
      key,
      bucket: TEST_CONFIG.documentsBucket,
      'Content-Type': 'application/pdf',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy, 'base64').toString('utf8'));
    expect(policy.expiration).toBe(
      new Date(TEST_NOW.getTime() + 15 * 60_000).toISOString().replace('.000', ''),
    );
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 10_485_760],
        ['eq', '$Content-Type', 'application/pdf'],
        { bucket: TEST_CONFIG.documentsBucket },
        { key },
      ]),
    );

    expect(table.item(documentKey(STUDENT.id, documentId).pk, `DOC#${documentId}`)).toEqual({
      ...documentKey(STUDENT.id, documentId),
      documentId,
      studentId: STUDENT.id,
      placementId: PLACEMENT_ID,
      requirementCode: 'BLS',
      fileName: 'bls-card.pdf',
      contentType: 'application/pdf',
      size: 734_003,
      expiresOn: '2031-06-30',
      objectKey: key,
      status: 'PENDING',
      createdAt: TEST_NOW.toISOString(),
      updatedAt: TEST_NOW.toISOString(),
    });
    expect(s3.calls()).toHaveLength(0);
  });

  it('answers 400 naming requirementCode for a requirement that is not outstanding, and records nothing', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      body: { ...uploadRequest, requirementCode: 'MMR', issuedOn: '2019-09-01' },
    });

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(response)).toEqual(['requirementCode']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 400 naming each bad field: a content type it does not take, a size over 10 MB, a missing date', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      body: {
        requirementCode: 'BLS',
        fileName: 'card.exe',
        contentType: 'application/x-msdownload',
        size: 10_485_761,
      },
    });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response).sort()).toEqual(['contentType', 'expiresOn', 'size']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 410 LINK_EXPIRED after the due date, and records nothing', async () => {
    const token = portalLink('2030-03-01T08:59:59.000Z');

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      body: uploadRequest,
    });

    expect(response.statusCode).toBe(410);
    expect(jsonOf(response).error.code).toBe('LINK_EXPIRED');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 409 CONFLICT when the placement no longer collects documents', async () => {
    table.seed(placementItem(storedPlacement({ status: 'AWAITING_SITE_APPROVAL' })));
    const token = portalLink();

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      body: uploadRequest,
    });

    expect(response.statusCode).toBe(409);
    expect(jsonOf(response).error.code).toBe('CONFLICT');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each([
    ['another origin', { origin: 'https://attacker.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])(
    'answers a request from %s with 403 FORBIDDEN, recording nothing and signing no upload',
    async (_l, headers) => {
      const token = portalLink();

      const response = await invokeHttp(handler, {
        method: 'POST',
        path: `/portal/${token}/uploads`,
        headers,
        body: uploadRequest,
      });

      expect(response.statusCode).toBe(403);
      expect(jsonOf(response).error).toMatchObject({ code: 'FORBIDDEN' });
      expect(ddb.calls()).toHaveLength(0);
    },
  );

  it('takes a request from the portal page’s own origin, as its script sends it', async () => {
    const token = portalLink();

    const response = await invokeHttp(handler, {
      method: 'POST',
      path: `/portal/${token}/uploads`,
      headers: { origin: TEST_CONFIG.publicBaseUrl, 'sec-fetch-site': 'same-origin' },
      body: uploadRequest,
    });

    expect(response.statusCode).toBe(201);
  });
});
