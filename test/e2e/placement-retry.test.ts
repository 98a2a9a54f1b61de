import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { newScenario } from './support/scenario.js';
import { createScenarioPlacement } from './support/scenario-placement.js';
import { type PlacementJson, TestCloud } from './support/test-cloud.js';

let cloud: TestCloud;
let table: DynamoDBDocumentClient;
let tableName: string;
let sfn: SFNClient;

beforeAll(async () => {
  cloud = await TestCloud.start();
  const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.cloud.endpoints.dynamodb, ...local }),
  );
  tableName = cloud.cloud.model.tables[0]?.tableName ?? '';
  sfn = new SFNClient({ endpoint: cloud.cloud.endpoints.stepfunctions, ...local });
});

afterAll(async () => {
  await cloud?.stop();
});

const placementKey = (placementId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: 'PLACEMENT' });

/** Writes the placement's `rules` attribute as an operator's hand edit would, bumping the version. */
const setRules = (placementId: string, rules: unknown) =>
  table.send(
    new UpdateCommand({
      TableName: tableName,
      Key: placementKey(placementId),
      UpdateExpression: 'SET #rules = :rules, #version = #version + :one',
      ExpressionAttributeNames: { '#rules': 'rules', '#version': 'version' },
      ExpressionAttributeValues: { ':rules': rules, ':one': 1 },
    }),
  );

const executionStatus = async (executionName: string) => {
  const arn = cloud.cloud.model.stateMachines[0]?.arn ?? '';
  const execution = await sfn.send(
    new DescribeExecutionCommand({
      executionArn: `${arn.replace(':stateMachine:', ':execution:')}:${executionName}`,
    }),
  );
  return execution.status;
};

const waive = (placementId: string, requirementCode: string) =>
  requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/waivers`, {
    method: 'POST',
    body: { requirementCode, reason: 'Completed at the site orientation' },
  });

const retry = (placementId: string) =>
  requestJson<PlacementJson & { error?: { code: string; message: string } }>(
    `${cloud.api}/placements/${placementId}/retry`,
    { method: 'POST', body: {} },
  );

describe('retrying a FAILED placement through the local cloud', () => {
  it('a placement whose check failed is fixed, retried once under a double call, and runs on to CLEARED', async () => {
    const scenario = newScenario('retry');
    const placementId = await createScenarioPlacement(cloud, scenario);
    await cloud.waitForHistory(placementId, 'DOCUMENTS_REQUESTED');

    // The fault: a hand edit stored the placement's rules as one string instead of a list, so the
    // next CheckCompliance throws a TypeError (not retry-able) and the workflow records a failure.
    const { Item } = await table.send(
      new GetCommand({ TableName: tableName, Key: placementKey(placementId) }),
    );
    const rules = Item?.rules as unknown[];
    expect(rules).toHaveLength(3);
    await setRules(placementId, 'BLS,TB,HIPAA_TRAINING');
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING'])
      expect((await waive(placementId, code)).status).toBe(200);

    const failed = await cloud.waitForStatus(placementId, 'FAILED');
    expect(failed).toMatchObject({ failure: { error: 'TypeError' } });
    // RecordFailure writes FAILED, then mails the coordinator; the execution ends just after.
    await expect.poll(() => executionStatus(placementId), { timeout: 10_000 }).toBe('FAILED');
    const failureMails = await cloud.mailbox.to(scenario.coordinatorEmail);
    expect(failureMails.filter((email) => /fail|problem|stopped/i.test(email.subject))).toHaveLength(1);

    // Fix the cause, then retry twice at once: one retry happens, in a new execution.
    await setRules(placementId, rules);
    const answers = await Promise.all([retry(placementId), retry(placementId)]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 409]).toContain(status);
    const accepted = answers.find((answer) => answer.status === 200);
    expect(accepted?.body.history.at(-1)).toMatchObject({
      type: 'RETRIED',
      detail: `After TypeError; new execution ${placementId}-retry-1.`,
    });

    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    const review = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    expect((await requestJson(review, { method: 'POST', body: { decision: 'approve' } })).status).toBe(200);
    const cleared = await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED');
    expect(cleared.status).toBe('CLEARED');
    expect(cleared.history.filter((entry) => entry.type === 'RETRIED')).toHaveLength(1);
    expect(await executionStatus(`${placementId}-retry-1`)).toBe('SUCCEEDED');

    const again = await retry(placementId);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT' });
    expect(again.body.error?.message).toContain('CLEARED');
  });
});
