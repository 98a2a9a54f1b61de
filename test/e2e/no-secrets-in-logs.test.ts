import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { Mailbox } from '../../local/actors/mailbox.js';
import { Student } from '../../local/actors/student.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { type LocalCloud, startLocalCloud } from '../../local/local-cloud.js';
import { newScenario } from './support/scenario.js';

/** Every line the local cloud and its functions printed during the run. */
const logLines: string[] = [];
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    dataDir: await mkdtemp(join(tmpdir(), 'onboarding-scan-')),
    synth: 'never',
    quiet: false,
    log: (line) => logLines.push(line),
    ports: { api: 0, mailbox: 0, s3: 0, dynamodb: 0, stepfunctions: 0, idp: 0, events: 0 },
  });
});

afterAll(async () => {
  await cloud?.stop();
});

/** Task tokens the workflow handed out, read from the table while placements waited on them. */
const taskTokensInTable = async (): Promise<string[]> => {
  const dynamo = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = cloud.model.tables[0]?.tableName ?? '';
  const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: table }));
  return Items.flatMap((item) => {
    const token = item.pendingTask?.M?.token?.S;
    return token ? [token] : [];
  });
};

describe('what an end-to-end run leaves in logs, pages and mail', () => {
  it('has no task token anywhere outside the table, no link token or student details in logs', async () => {
    const scenario = newScenario('scan');
    const api = cloud.endpoints.api;
    await requestJson(`${api}/sites/${scenario.siteId}`, { method: 'PUT', body: scenario.site });
    const created = await requestJson<{ placementId: string }>(`${api}/placements`, {
      method: 'POST',
      body: scenario.placement(),
    });
    const placementId = created.body.placementId;
    const mailbox = new Mailbox(cloud.endpoints.mailbox);

    const tokens = new Set<string>();
    const portalUrl = await mailbox.waitForLink(scenario.studentEmail, 'portal');
    const collectToken = async () => {
      const found = await taskTokensInTable();
      for (const token of found) tokens.add(token);
      return found.length > 0 ? found : undefined;
    };
    await waitUntil('the collection task token', collectToken);
    const student = new Student(portalUrl);
    const portalPage = await (await fetch(portalUrl)).text();
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));

    const reviewUrl = await mailbox.waitForLink(scenario.admins[0] ?? '', 'review');
    const before = tokens.size;
    await waitUntil('the approval task token', async () =>
      (await collectToken()) && tokens.size > before ? true : undefined,
    );
    const reviewPage = await (await fetch(reviewUrl)).text();
    await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } });
    await waitUntil('the outcome', async () => {
      const { body } = await requestJson<{ history: Array<{ type: string }> }>(
        `${api}/placements/${placementId}`,
      );
      return body.history.some((entry) => entry.type === 'OUTCOME_NOTIFIED') ? true : undefined;
    });
    const placementJson = JSON.stringify((await requestJson(`${api}/placements/${placementId}`)).body);
    const statusJson = JSON.stringify((await student.status()).body);

    expect(tokens.size).toBe(2);
    const mail = JSON.stringify(await mailbox.all());
    const logs = logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const token of tokens) {
      for (const [where, text] of Object.entries({
        mail,
        logs,
        portalPage,
        reviewPage,
        placementJson,
        statusJson,
      })) {
        expect(text.includes(token), `task token in ${where}`).toBe(false);
      }
    }
    const linkTokens = [portalUrl, reviewUrl].map((url) => url.split('/').at(-1) ?? '');
    for (const token of linkTokens) expect(logs.includes(token), 'link token in logs').toBe(false);
    for (const personal of [scenario.studentEmail, 'Robin Example', scenario.rotation.startDate]) {
      expect(logs.includes(personal), `${personal} in logs`).toBe(false);
    }
    // What the functions do log carries the placement's id (docs/operations.md queries by it).
    const tagged = logLines.filter((line) => line.includes(`"placementId":"${placementId}"`));
    for (const message of ['Upload processed', 'Placement outcome']) {
      expect(
        tagged.some(
          (line) => line.includes(`"message":"${message}"`) && line.includes('"function_request_id"'),
        ),
        `a "${message}" line with the placementId and the request id`,
      ).toBe(true);
    }
  }, 120_000);
});
