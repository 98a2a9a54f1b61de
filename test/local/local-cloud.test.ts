import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../local/local-cloud.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const FIXTURE = fileURLToPath(new URL('./fixtures/cloud-assembly', import.meta.url));
const ANY_FREE_PORT = { api: 0, mailbox: 0, s3: 0, dynamodb: 0, stepfunctions: 0, idp: 0, events: 0 };
const TABLE = 'PlacementOnboarding-dev';
const BUCKET = 'onboarding-dev-docs-000000000000-us-east-1';
const STATE_MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:OnboardingStateMachineFC9EE32A';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
/** With this scale, the fixture's callback wait of `waitSeconds` lasts waitSeconds milliseconds. */
const TIME_SCALE = 1000;
const A_LONG_WAIT = 10 * 24 * 3600;

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Gave up waiting for ${what}.`);
}

function startFixtureCloud(dataDir: string): Promise<LocalCloud> {
  return startLocalCloud({
    cdkOutDir: FIXTURE,
    synth: 'never',
    dataDir,
    ports: ANY_FREE_PORT,
    timeScale: TIME_SCALE,
    quiet: true,
  });
}

function clientsFor(cloud: LocalCloud) {
  const common = { region: 'us-east-1', credentials: CREDENTIALS };
  return {
    sfn: new SFNClient({ ...common, endpoint: cloud.endpoints.stepfunctions }),
    dynamodb: new DynamoDBClient({ ...common, endpoint: cloud.endpoints.dynamodb }),
    s3: new S3Client({ ...common, endpoint: cloud.endpoints.s3, forcePathStyle: true }),
    ses: new SESClient({ ...common, endpoint: cloud.endpoints.mailbox }),
  };
}

async function storedAttribute(dynamodb: DynamoDBClient, pk: string, sk: string, attribute: string) {
  const { Item } = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk }, sk: { S: sk } } }),
  );
  const value = Item?.[attribute];
  return value?.S ?? value?.N;
}

async function finishedExecution(sfn: SFNClient, executionArn: string) {
  return eventually(async () => {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return execution.status === 'RUNNING' ? undefined : execution;
  }, `execution ${executionArn} to end`);
}

/** What the fixture's echo function answers. */
interface Echo {
  event: APIGatewayProxyEventV2;
  functionName: string;
  env: Record<string, string>;
}

const echoOf = async (response: Response) => (await response.json()) as Echo;

async function expectRejectedWith(promise: Promise<unknown>, name: string) {
  await expect(promise).rejects.toMatchObject({ name });
}

describe('the local cloud running the fixture template', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let clients: ReturnType<typeof clientsFor>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-cloud-'));
    cloud = await startFixtureCloud(dataDir);
    clients = clientsFor(cloud);
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes endpoints.json with the base URL of each service, the staff console, the sign-in provider and the event bus', async () => {
    const written = JSON.parse(await readFile(join(dataDir, 'endpoints.json'), 'utf8'));
    expect(Object.keys(written)).toEqual([
      'api',
      'mailbox',
      's3',
      'dynamodb',
      'stepfunctions',
      'console',
      'idp',
      'events',
    ]);
    expect(written).toEqual(cloud.endpoints);
    const { console: consoleUrl, ...services } = cloud.endpoints;
    for (const url of Object.values(services)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(consoleUrl).toBe(`${cloud.endpoints.api}/console`);
  });

  describe('sign-in provider', () => {
    it('writes staff-accounts.json with one demo account per role, as the cloud reports them', async () => {
      const accounts = JSON.parse(await readFile(join(dataDir, 'staff-accounts.json'), 'utf8'));
      expect(accounts).toEqual(cloud.staffAccounts);
      expect(accounts.map((account: { role: string }) => account.role).sort()).toEqual([
        'coordinator',
        'reviewer',
        'viewer',
      ]);
      for (const account of accounts) {
        expect(account.email).toBe(`${account.role}@demo.school.example`);
        expect(account.password).toMatch(/^[0-9a-f]{24}$/);
      }
    });

    it('serves discovery at the idp endpoint with itself as the issuer', async () => {
      const discovery = await (await fetch(`${cloud.endpoints.idp}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({
        issuer: cloud.endpoints.idp,
        code_challenge_methods_supported: ['S256'],
      });
    });

    it('registers the fallback console client with <api>/console/auth/callback when the template has no user pool', async () => {
      const authorize = (redirectUri: string) =>
        fetch(
          `${cloud.endpoints.idp}/auth?${new URLSearchParams({
            client_id: 'onboarding-console',
            redirect_uri: redirectUri,
            response_type: 'code',
            scope: 'openid email',
            state: 'state-1',
            code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
            code_challenge_method: 'S256',
          })}`,
          { redirect: 'manual' },
        );
      const accepted = await authorize(`${cloud.endpoints.console}/auth/callback`);
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get('location')).toMatch(/^\/interaction\//);
      const refused = await authorize('https://evil.example/console/auth/callback');
      expect(refused.status).toBe(400);
    });
  });

  describe('API Gateway', () => {
    it('routes METHOD /path/{param} to the integration function with a payload 2.0 event', async () => {
      const response = await fetch(`${cloud.endpoints.api}/sites/demo%20site?x=1&x=2&y=z`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'X-Custom': 'Yes', cookie: 'a=1; b=2' },
        body: JSON.stringify({ name: 'Demo' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('apigw-requestid')).toBeTruthy();
      const { event, functionName } = await echoOf(response);
      expect(functionName).toBe('ApiEchoC0FFEE01');
      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'PUT /sites/{siteId}',
        rawPath: '/sites/demo%20site',
        rawQueryString: 'x=1&x=2&y=z',
        queryStringParameters: { x: '1,2', y: 'z' },
        pathParameters: { siteId: 'demo site' },
        cookies: ['a=1', 'b=2'],
        body: '{"name":"Demo"}',
        isBase64Encoded: false,
        requestContext: {
          http: { method: 'PUT', path: '/sites/demo%20site', sourceIp: '127.0.0.1' },
          routeKey: 'PUT /sites/{siteId}',
          stage: '$default',
        },
      });
      expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
      // An AWS_IAM route: not enforced locally, but the function sees a caller as IAM would describe it.
      expect(event.requestContext).toMatchObject({
        authorizer: {
          iam: { accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/local-coordinator' },
        },
      });
      expect(event.headers['x-custom']).toBe('Yes');
      expect(event.headers.cookie).toBeUndefined();
    });

    it('base64-encodes a body that is not text', async () => {
      const response = await fetch(`${cloud.endpoints.api}/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array([0, 1, 2, 255]),
      });
      const { event } = await echoOf(response);
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body ?? '', 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
    });

    it('matches a greedy {proxy+} route whatever the method', async () => {
      const response = await fetch(`${cloud.endpoints.api}/files/a/b/c.txt`, { method: 'DELETE' });
      const { event } = await echoOf(response);
      expect(event.routeKey).toBe('ANY /files/{proxy+}');
      expect(event.pathParameters).toEqual({ proxy: 'a/b/c.txt' });
    });

    it('maps statusCode, headers, multiValueHeaders and cookies back to the HTTP response', async () => {
      const response = await fetch(`${cloud.endpoints.api}/cookies`);
      expect(response.status).toBe(201);
      expect(response.headers.get('x-one')).toBe('1');
      expect(response.headers.get('x-multi')).toBe('a, b');
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
      expect(await response.text()).toBe('created');
    });

    it('decodes a base64 response body', async () => {
      const response = await fetch(`${cloud.endpoints.api}/binary`);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
    });

    it('answers a result without statusCode as 200 JSON', async () => {
      const response = await fetch(`${cloud.endpoints.api}/plain`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ hello: 'world' });
    });

    it('answers 404 Not Found for a route the template does not have', async () => {
      const response = await fetch(`${cloud.endpoints.api}/nowhere`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    });

    it('answers 413 to a body over 10 MB without invoking the function', async () => {
      const response = await fetch(`${cloud.endpoints.api}/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(10 * 1024 * 1024 + 1),
      });
      expect(response.status).toBe(413);
    });

    it('answers 500 Internal Server Error when the function throws', async () => {
      const response = await fetch(`${cloud.endpoints.api}/boom`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    });

    it('gives the function its template environment, resolved, with the local endpoints', async () => {
      const response = await fetch(`${cloud.endpoints.api}/sites/x`);
      const { env } = await echoOf(response);
      expect(env).toEqual({
        PUBLIC_BASE_URL: cloud.endpoints.api,
        TABLE_NAME: TABLE,
        DOCUMENTS_BUCKET: BUCKET,
        STATE_MACHINE_ARN: STATE_MACHINE,
        AWS_ENDPOINT_URL_DYNAMODB: cloud.endpoints.dynamodb,
        AWS_ENDPOINT_URL_EVENTBRIDGE: cloud.endpoints.events,
        AWS_LAMBDA_FUNCTION_NAME: 'ApiEchoC0FFEE01',
        ONBOARDING_TIME_SCALE: String(TIME_SCALE),
        ONBOARDING_TIME_ORIGIN: expect.stringMatching(/^\d{13}$/),
      });
    });
  });

  describe('functions', () => {
    it('keeps the module state and globals of two functions apart, even with the same bundle', async () => {
      const first = await cloud.invoke('CounterA11111111', {});
      const second = await cloud.invoke(
        'arn:aws:lambda:us-east-1:000000000000:function:CounterA11111111',
        {},
      );
      const other = await cloud.invoke('CounterB22222222', {});
      expect(first).toMatchObject({ ok: true, result: { label: 'A', count: 1, seen: null } });
      expect(second).toMatchObject({ ok: true, result: { label: 'A', count: 2, seen: 'A' } });
      expect(other).toMatchObject({
        ok: true,
        result: { label: 'B', count: 1, seen: null, region: 'us-east-1' },
      });
    });

    it('passes a Lambda context with the function name, a request id and the time left', async () => {
      const outcome = await cloud.invoke('CounterB22222222', {});
      expect(outcome.ok).toBe(true);
      const result = (outcome as { result: { functionName: string; requestId: string; remainingMs: number } })
        .result;
      expect(result.functionName).toBe('CounterB22222222');
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.remainingMs).toBeGreaterThan(0);
      expect(result.remainingMs).toBeLessThanOrEqual(30_000);
    });

    it('returns a function error as { errorType, errorMessage }', async () => {
      const outcome = await cloud.invoke('CounterA11111111', { fail: true });
      expect(outcome).toMatchObject({
        ok: false,
        error: { errorType: 'ConcurrentUpdateError', errorMessage: 'version changed' },
      });
    });

    it('stops waiting for a function after its Timeout and runs the next invocation in a fresh sandbox', async () => {
      const [outcome, response] = await Promise.all([
        cloud.invoke('SlowFunction33333333', {}),
        fetch(`${cloud.endpoints.api}/slow`),
      ]);
      expect(outcome).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } });
      expect(response.status).toBe(503);
      // The timed-out sandbox had seen two invocations; a fresh one has seen only this one.
      expect(await cloud.invoke('SlowFunction33333333', { fast: true })).toEqual({
        ok: true,
        result: { invocations: 1 },
      });
    });

    it('reports an unknown function as ResourceNotFoundException', async () => {
      const outcome = await cloud.invoke('Nope', {});
      expect(outcome).toMatchObject({ ok: false, error: { errorType: 'ResourceNotFoundException' } });
    });
  });

  describe('Step Functions', () => {
    async function startWaiting(name: string, waitSeconds: number) {
      const { executionArn } = await clients.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: STATE_MACHINE,
          name,
          input: JSON.stringify({ id: name, waitSeconds }),
        }),
      );
      const token = await eventually(
        () => storedAttribute(clients.dynamodb, `run#${name}`, 'token', 'token'),
        `the task token of ${name}`,
      );
      return { executionArn: executionArn as string, token };
    }

    it('resumes a callback task with SendTaskSuccess from an unmodified SFN client', async () => {
      const { executionArn, token } = await startWaiting('callback-success', A_LONG_WAIT);
      await clients.sfn.send(
        new SendTaskSuccessCommand({
          taskToken: token,
          output: JSON.stringify({ event: 'DOCUMENTS_COMPLETE' }),
        }),
      );
      const execution = await finishedExecution(clients.sfn, executionArn);
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output ?? '')).toMatchObject({
        summary: 'collected:DOCUMENTS_COMPLETE',
        passes: 2,
      });
    });

    it('answers TaskTimedOut to a token whose task has already been resumed', async () => {
      const { executionArn, token } = await startWaiting('callback-reused', A_LONG_WAIT);
      await clients.sfn.send(
        new SendTaskSuccessCommand({ taskToken: token, output: '{"event":"DOCUMENTS_COMPLETE"}' }),
      );
      await finishedExecution(clients.sfn, executionArn);
      await expectRejectedWith(
        clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
        'TaskTimedOut',
      );
    });

    it('answers InvalidToken to a malformed token', async () => {
      await expectRejectedWith(
        clients.sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
        'InvalidToken',
      );
    });

    it('fails a callback task with SendTaskFailure under the given error name', async () => {
      const { executionArn, token } = await startWaiting('callback-failure', A_LONG_WAIT);
      await clients.sfn.send(
        new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'no' }),
      );
      const execution = await finishedExecution(clients.sfn, executionArn);
      expect(execution).toMatchObject({ status: 'FAILED', error: 'OnboardingFailed' });
    });

    it('times a callback task out after TimeoutSecondsPath divided by the time scale', async () => {
      // 5 seconds at a time scale of 1000: the States.Timeout catcher runs after 5 ms.
      const { executionArn, token } = await startWaiting('callback-timeout', 5);
      const execution = await finishedExecution(clients.sfn, executionArn);
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output ?? '')).toMatchObject({ summary: 'timedOut:States.Timeout' });
      await expectRejectedWith(
        clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
        'TaskTimedOut',
      );
    });

    it('treats the same name and input as the same running execution, other input as ExecutionAlreadyExists', async () => {
      const input = JSON.stringify({ id: 'idempotent', waitSeconds: A_LONG_WAIT });
      const first = await clients.sfn.send(
        new StartExecutionCommand({ stateMachineArn: STATE_MACHINE, name: 'idempotent', input }),
      );
      const again = await clients.sfn.send(
        new StartExecutionCommand({ stateMachineArn: STATE_MACHINE, name: 'idempotent', input }),
      );
      expect(again.executionArn).toBe(first.executionArn);
      expect(again.startDate).toEqual(first.startDate);
      await expectRejectedWith(
        clients.sfn.send(
          new StartExecutionCommand({
            stateMachineArn: STATE_MACHINE,
            name: 'idempotent',
            input: '{"id":"other"}',
          }),
        ),
        'ExecutionAlreadyExists',
      );
    });

    it('stops an execution: ABORTED, and its task token is no longer accepted', async () => {
      const { executionArn, token } = await startWaiting('stopped', A_LONG_WAIT);
      await clients.sfn.send(
        new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'by test' }),
      );
      const execution = await clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
      expect(execution).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'by test' });
      await expectRejectedWith(
        clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
        'TaskTimedOut',
      );
    });

    it('answers ExecutionDoesNotExist and StateMachineDoesNotExist for unknown ARNs', async () => {
      await expectRejectedWith(
        clients.sfn.send(
          new DescribeExecutionCommand({
            executionArn: `${STATE_MACHINE.replace('stateMachine', 'execution')}:nope`,
          }),
        ),
        'ExecutionDoesNotExist',
      );
      await expectRejectedWith(
        clients.sfn.send(new StartExecutionCommand({ stateMachineArn: `${STATE_MACHINE}X`, input: '{}' })),
        'StateMachineDoesNotExist',
      );
    });
  });

  describe('S3', () => {
    async function recordedEvent(encodedKey: string) {
      const record = await eventually(
        () => storedAttribute(clients.dynamodb, 's3event', encodedKey, 'record'),
        `the S3 event for ${encodedKey}`,
      );
      return JSON.parse(record);
    }

    it('invokes the notified function for a PUT under the prefix, with the key URL-encoded as S3 does', async () => {
      await clients.s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'placements/p 1/doc+1(é).pdf', Body: '%PDF-1.7' }),
      );
      const record = await recordedEvent('placements/p+1/doc%2B1%28%C3%A9%29.pdf');
      expect(record).toMatchObject({
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        awsRegion: 'us-east-1',
        s3: {
          bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
          object: { key: 'placements/p+1/doc%2B1%28%C3%A9%29.pdf', size: 8 },
        },
      });
    });

    it('invokes it for a presigned POST upload', async () => {
      const post = await createPresignedPost(clients.s3, {
        Bucket: BUCKET,
        Key: 'placements/p2/document-2',
        Conditions: [['content-length-range', 0, 10 * 1024 * 1024]],
        Fields: { 'Content-Type': 'application/pdf' },
      });
      const form = new FormData();
      for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
      form.append('file', new Blob(['%PDF-1.7 upload']), 'scan.pdf');
      const response = await fetch(post.url, { method: 'POST', body: form });
      expect(response.status).toBe(204);
      expect(await recordedEvent('placements/p2/document-2')).toMatchObject({
        eventName: 'ObjectCreated:Post',
      });
    });

    it('does not invoke it for a key outside the prefix', async () => {
      await clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'elsewhere/x', Body: 'x' }));
      await clients.s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'placements/after-elsewhere', Body: 'x' }),
      );
      await recordedEvent('placements/after-elsewhere');
      expect(await storedAttribute(clients.dynamodb, 's3event', 'elsewhere/x', 'record')).toBeUndefined();
    });

    it("allows the local API's origin in the bucket's CORS rules", async () => {
      const response = await fetch(`${cloud.endpoints.s3}/${BUCKET}`, {
        method: 'OPTIONS',
        headers: { origin: cloud.endpoints.api, 'access-control-request-method': 'POST' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    });
  });

  describe('mailbox', () => {
    it('keeps mail sent with SES and lists it at /store', async () => {
      await clients.ses.send(
        new SendEmailCommand({
          Source: 'onboarding@example.edu',
          Destination: { ToAddresses: ['student@example.edu'] },
          Message: { Subject: { Data: 'Your checklist' }, Body: { Text: { Data: 'Hello' } } },
        }),
      );
      const { emails } = (await (await fetch(`${cloud.endpoints.mailbox}/store`)).json()) as {
        emails: unknown[];
      };
      expect(emails).toContainEqual(expect.objectContaining({ subject: 'Your checklist' }));
    });

    it('keeps every address of an SES v1 email, not only the first of each list', async () => {
      await clients.ses.send(
        new SendEmailCommand({
          Source: 'onboarding@example.edu',
          ReplyToAddresses: ['placements@example.edu'],
          Destination: {
            ToAddresses: ['student@example.edu', 'coordinator@example.edu'],
            CcAddresses: ['admin-a@site.example', 'admin-b@site.example'],
          },
          Message: { Subject: { Data: 'Placement cleared' }, Body: { Html: { Data: '<p>Cleared</p>' } } },
        }),
      );
      const { emails } = (await (await fetch(`${cloud.endpoints.mailbox}/store`)).json()) as {
        emails: Array<{ subject: string; destination: unknown; replyTo: string[] }>;
      };
      expect(emails.find((email) => email.subject === 'Placement cleared')).toMatchObject({
        replyTo: ['placements@example.edu'],
        destination: {
          to: ['student@example.edu', 'coordinator@example.edu'],
          cc: ['admin-a@site.example', 'admin-b@site.example'],
          bcc: [],
        },
      });
    });

    it('answers mail to the SES simulator addresses with a bounce and a complaint on the default bus', async () => {
      const sent = await clients.ses.send(
        new SendEmailCommand({
          Source: 'onboarding@example.edu',
          Destination: {
            ToAddresses: ['bounce@simulator.amazonses.com'],
            CcAddresses: ['complaint@simulator.amazonses.com', 'coordinator@example.edu'],
          },
          Message: { Subject: { Data: 'Your checklist' }, Body: { Text: { Data: 'Hello' } } },
        }),
      );
      const events = await eventually(async () => {
        const listed = (await (await fetch(`${cloud.endpoints.events}/events?after=0`)).json()) as {
          events: Array<{
            eventBusName: string;
            event: { source: string; 'detail-type': string; detail: { mail?: { messageId?: string } } };
          }>;
        };
        const found = listed.events.filter(
          (stored) => stored.event.detail?.mail?.messageId === sent.MessageId,
        );
        return found.length === 2 ? found : undefined;
      }, 'the simulated SES events');
      const destination = [
        'bounce@simulator.amazonses.com',
        'complaint@simulator.amazonses.com',
        'coordinator@example.edu',
      ];
      expect(events.map((stored) => stored.eventBusName)).toEqual(['default', 'default']);
      expect(events[0]?.event).toMatchObject({
        source: 'aws.ses',
        'detail-type': 'Email Bounced',
        detail: {
          eventType: 'Bounce',
          mail: { messageId: sent.MessageId, destination, timestamp: expect.any(String) },
          bounce: {
            bounceType: 'Permanent',
            bouncedRecipients: [{ emailAddress: 'bounce@simulator.amazonses.com' }],
            timestamp: expect.any(String),
          },
        },
      });
      expect(events[1]?.event).toMatchObject({
        source: 'aws.ses',
        'detail-type': 'Email Complained',
        detail: {
          eventType: 'Complaint',
          mail: { messageId: sent.MessageId, destination },
          complaint: { complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }] },
        },
      });
    });
  });
});

describe('restarting the local cloud', () => {
  let dataDir: string;
  let cloud: LocalCloud | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-cloud-restart-'));
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-runs a RUNNING execution from its start with its original input, keeping the data', async () => {
    cloud = await startFixtureCloud(dataDir);
    let { sfn, dynamodb } = clientsFor(cloud);
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: STATE_MACHINE,
        name: 'survives-restart',
        input: JSON.stringify({ id: 'survives-restart', waitSeconds: A_LONG_WAIT }),
      }),
    );
    const firstToken = await eventually(
      () => storedAttribute(dynamodb, 'run#survives-restart', 'token', 'token'),
      'the first task token',
    );
    const staffAccounts = cloud.staffAccounts;
    await cloud.stop();

    cloud = await startFixtureCloud(dataDir);
    expect(cloud.resumedExecutions).toBe(1);
    expect(cloud.staffAccounts).toEqual(staffAccounts);
    ({ sfn, dynamodb } = clientsFor(cloud));
    const secondToken = await eventually(async () => {
      const token = await storedAttribute(dynamodb, 'run#survives-restart', 'token', 'token');
      return token !== firstToken ? token : undefined;
    }, 'the task token of the re-run');
    expect(await storedAttribute(dynamodb, 'run#survives-restart', 'check', 'passes')).toBe('2');
    await expectRejectedWith(
      sfn.send(new SendTaskSuccessCommand({ taskToken: firstToken, output: '{}' })),
      'TaskTimedOut',
    );
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: secondToken ?? '', output: '{"event":"DOCUMENTS_COMPLETE"}' }),
    );
    const execution = await finishedExecution(sfn, executionArn ?? '');
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({ passes: 3 });
  });

  it('keeps the mailbox and the events across a restart; another data directory has neither', async () => {
    await cloud?.stop();
    cloud = await startFixtureCloud(dataDir);
    const sent = await clientsFor(cloud).ses.send(
      new SendEmailCommand({
        Source: 'onboarding@example.edu',
        Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
        Message: { Subject: { Data: 'Kept across restarts' }, Body: { Text: { Data: 'Hello' } } },
      }),
    );
    const mailOf = async (running: LocalCloud) =>
      (
        (await (await fetch(`${running.endpoints.mailbox}/store`)).json()) as {
          emails: Array<{ messageId: string }>;
        }
      ).emails.map((email) => email.messageId);
    const eventsOf = async (running: LocalCloud) =>
      (
        (await (await fetch(`${running.endpoints.events}/events`)).json()) as {
          events: Array<{ event: { detail: { mail?: { messageId?: string } } } }>;
        }
      ).events.map((stored) => stored.event.detail?.mail?.messageId);
    await eventually(
      async () => ((await eventsOf(cloud as LocalCloud)).includes(sent.MessageId) ? true : undefined),
      'the bounce',
    );
    await cloud.stop();

    const otherDir = await mkdtemp(join(tmpdir(), 'local-cloud-other-'));
    cloud = await startFixtureCloud(otherDir);
    expect(await mailOf(cloud)).not.toContain(sent.MessageId);
    expect(await eventsOf(cloud)).not.toContain(sent.MessageId);
    await cloud.stop();
    await rm(otherDir, { recursive: true, force: true });

    cloud = await startFixtureCloud(dataDir);
    expect(await mailOf(cloud)).toContain(sent.MessageId);
    expect(await eventsOf(cloud)).toContain(sent.MessageId);
  });
});

describe('starting on a port that is taken', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('fails with one line naming the port, the service and the variable to set', async () => {
    await expect(
      startLocalCloud({
        cdkOutDir: FIXTURE,
        synth: 'never',
        dataDir: join(tmpdir(), 'local-cloud-never-started'),
        ports: { ...ANY_FREE_PORT, api: port },
        quiet: true,
      }),
    ).rejects.toThrow(`port ${port} (API) is in use; set ONBOARDING_PORT_API`);
  });
});
