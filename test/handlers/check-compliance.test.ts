import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import type { Placement } from '../../functions/core/model/placement.js';
import { createCheckComplianceHandler } from '../../functions/handlers/check-compliance.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { dynamoThrottled } from './support/sdk-errors.js';
import {
  documentItem,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
  storedDocument,
  storedPlacement,
} from './support/stored-items.js';
import { complianceState, TIMED_OUT, taskEvent } from './support/task-event.js';

const ddb = mockClient(DynamoDBDocumentClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const CONTEXT = lambdaContext('check-compliance');
const handler = createCheckComplianceHandler({ ...testPorts.tables(), clock: testPorts.clock });

const checking = (overrides: Partial<Placement> = {}) =>
  storedPlacement({ status: 'CHECKING', ...overrides });
/** An MMR record accepted for an earlier placement of the same student. */
const EARLIER_MMR = storedDocument({
  documentId: 'doc_earliermmr',
  placementId: 'pl_earlier',
  status: 'ACCEPTED',
});
const CURRENT_BLS = storedDocument({
  documentId: 'doc_bls',
  requirementCode: 'BLS',
  issuedOn: undefined,
  expiresOn: '2031-06-30',
  status: 'ACCEPTED',
});

const check = (state: Record<string, unknown> = {}) => handler(taskEvent(state), CONTEXT);
const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

resetBeforeEachTest({ ddb, table }, () => {
  table.seed(placementItem(checking()), documentItem(EARLIER_MMR));
});

describe('check-compliance', () => {
  it('returns exactly {placementId, next, reminder, documentsWaitSeconds, approvalWaitSeconds}', async () => {
    const step = await check();

    expect(step).toEqual({
      placementId: PLACEMENT_ID,
      next: 'COLLECT_DOCUMENTS',
      reminder: false,
      documentsWaitSeconds: 72 * 3600,
      approvalWaitSeconds: 48 * 3600,
    });
  });

  it('counts a still-valid document from an earlier placement and asks for the rest', async () => {
    await check();

    const query = ddb.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(query).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      ExpressionAttributeValues: { ':pk': `STUDENT#${STUDENT.id}`, ':doc': 'DOC#' },
    });
    const placement = storedPlacementNow();
    expect(placement.status).toBe('AWAITING_DOCUMENTS');
    expect(placement.requirements).toEqual([
      requirement('MMR', 'ACCEPTED', { documentId: 'doc_earliermmr' }),
      requirement('BLS'),
    ]);
    expect(placement.history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'COMPLIANCE_CHECKED',
      detail: '1 of 2 requirements met',
    });
  });

  it('marks the next email a reminder after a collection timeout', async () => {
    table.seed(placementItem(checking({ status: 'AWAITING_DOCUMENTS' })));

    const step = await check({ ...complianceState('COLLECT_DOCUMENTS'), timedOut: TIMED_OUT });

    expect(step).toMatchObject({ next: 'COLLECT_DOCUMENTS', reminder: true });
  });

  it('waits no longer than the documents due date', async () => {
    vi.setSystemTime(new Date('2030-03-18T23:00:00.000Z'));

    const step = await check();

    expect(step.documentsWaitSeconds).toBe(3600);
  });

  it('sends a complete packet to the site', async () => {
    table.seed(documentItem(CURRENT_BLS));

    const step = await check();

    expect(step.next).toBe('REQUEST_SITE_APPROVAL');
    expect(storedPlacementNow().status).toBe('AWAITING_SITE_APPROVAL');
  });

  it('expires a placement still missing documents after the due date', async () => {
    vi.setSystemTime(new Date('2030-03-19T00:00:00.000Z'));

    const step = await check();

    expect(step.next).toBe('NOTIFY_OUTCOME');
    expect(storedPlacementNow().status).toBe('EXPIRED');
    expect(storedPlacementNow().history.at(-1)?.type).toBe('EXPIRED');
  });

  it.each<[Placement['status'], string]>([
    ['CLEARED', 'NOTIFY_OUTCOME'],
    ['DECLINED', 'NOTIFY_OUTCOME'],
    ['CANCELLED', 'STOP'],
  ])('leaves a %s placement as it is and goes to %s', async (status, next) => {
    table.seed(placementItem(checking({ status })));

    const step = await check();

    expect(step.next).toBe(next);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('writes nothing when nothing changed', async () => {
    await check();
    const writes = ddb.commandCalls(PutCommand).length;

    await check();

    expect(ddb.commandCalls(PutCommand)).toHaveLength(writes);
  });

  it.each<[string, unknown]>([
    ['an empty event', {}],
    ['a missing placement id', { input: { placementId: PLACEMENT_ID } }],
  ])('rejects a malformed task event (%s) with ValidationError', async (_name, event) => {
    await expect(handler(event, CONTEXT)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('is not a reminder when the site asked for changes after an approval reminder', async () => {
    table.seed(placementItem(checking({ status: 'AWAITING_DOCUMENTS', approvalRound: 1 })));

    const step = await check({
      ...complianceState('REQUEST_SITE_APPROVAL'),
      timedOut: TIMED_OUT,
      approval: { decision: 'request-changes' },
    });

    expect(step.reminder).toBe(false);
  });

  it('fails a throttled write with TransientDependencyError, the name Step Functions retries on', async () => {
    ddb.on(PutCommand).rejects(dynamoThrottled());

    await expect(check()).rejects.toMatchObject({ name: 'TransientDependencyError' });
  });

  it('fails a throttled read with TransientDependencyError too', async () => {
    ddb.on(GetCommand).rejects(dynamoThrottled());

    await expect(check()).rejects.toMatchObject({ name: 'TransientDependencyError' });
  });
});
