import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEventBridgeServer } from '../../../../local/services/event-bridge/event-bridge-server.js';
import { EventStore } from '../../../../local/services/event-bridge/event-store.js';
import { LocalEventBus } from '../../../../local/services/event-bridge/local-event-bus.js';
import type { EventRuleSpec } from '../../../../local/template/event-rules.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const RULES: EventRuleSpec[] = [
  {
    logicalId: 'PlacementEvents',
    eventBusName: 'onboarding-local',
    eventPattern: { source: ['placement-onboarding'], detail: { status: ['CLEARED'] } },
    targets: [{ id: 'Target0', functionName: 'SisExport' }],
  },
  {
    logicalId: 'Bounces',
    eventBusName: 'default',
    eventPattern: { source: ['aws.ses'], 'detail-type': [{ prefix: 'Email ' }] },
    targets: [{ id: 'Target0', functionName: 'RecordBounce', input: '{"fixed":true}' }],
  },
];

interface Delivery {
  functionName: string;
  payload: unknown;
}

async function startBus(dataDir: string, deliveries: Delivery[]) {
  const bus = new LocalEventBus({
    store: await EventStore.open(join(dataDir, 'events.jsonl')),
    buses: ['default', 'onboarding-local'],
    rules: RULES,
    now: () => Date.parse('2030-01-02T03:04:05.678Z'),
    deliver: (functionName, payload) => deliveries.push({ functionName, payload }),
  });
  const server = await startEventBridgeServer({ port: 0, bus });
  const client = new EventBridgeClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { server, client };
}

const cleared = (placementId: string, status = 'CLEARED') => ({
  EventBusName: 'onboarding-local',
  Source: 'placement-onboarding',
  DetailType: 'Placement Cleared',
  Detail: JSON.stringify({ placementId, status }),
});

describe('the local EventBridge', () => {
  let dataDir: string;
  let deliveries: Delivery[];
  let running: Awaited<ReturnType<typeof startBus>>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'event-bridge-'));
    deliveries = [];
    running = await startBus(dataDir, deliveries);
  });

  afterEach(async () => {
    await running.server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers an unmodified SDK client’s PutEvents with an id per entry and the failed count', async () => {
    const answer = await running.client.send(
      new PutEventsCommand({
        Entries: [
          cleared('p-1'),
          { Source: 'x', DetailType: 'y', Detail: 'not json' },
          { ...cleared('p-2'), EventBusName: 'no-such-bus' },
        ],
      }),
    );
    expect(answer.FailedEntryCount).toBe(2);
    expect(answer.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.Entries?.[1]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(answer.Entries?.[2]).toMatchObject({ ErrorCode: 'NotFoundException' });
  });

  it('rejects a request with more than 10 entries as AWS does', async () => {
    const entries = Array.from({ length: 11 }, (_, index) => cleared(`p-${index}`));
    await expect(running.client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('delivers the standard envelope to the targets of the rules whose pattern matches', async () => {
    const answer = await running.client.send(
      new PutEventsCommand({ Entries: [cleared('p-1'), cleared('p-2', 'CANCELLED')] }),
    );
    expect(deliveries).toEqual([
      {
        functionName: 'SisExport',
        payload: {
          version: '0',
          id: answer.Entries?.[0]?.EventId,
          'detail-type': 'Placement Cleared',
          source: 'placement-onboarding',
          account: '000000000000',
          time: '2030-01-02T03:04:05Z',
          region: 'us-east-1',
          resources: [],
          detail: { placementId: 'p-1', status: 'CLEARED' },
        },
      },
    ]);
  });

  it('sends a target’s constant Input instead of the event, and rules only see their own bus', async () => {
    await running.client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'aws.ses', DetailType: 'Email Bounced', Detail: '{"eventType":"Bounce"}' },
          { EventBusName: 'onboarding-local', Source: 'aws.ses', DetailType: 'Email Bounced', Detail: '{}' },
        ],
      }),
    );
    expect(deliveries).toEqual([{ functionName: 'RecordBounce', payload: { fixed: true } }]);
  });

  it('lists the events after a seq, and keeps them across a restart', async () => {
    await running.client.send(new PutEventsCommand({ Entries: [cleared('p-1'), cleared('p-2')] }));
    await running.server.stop();
    running = await startBus(dataDir, deliveries);
    await running.client.send(new PutEventsCommand({ Entries: [cleared('p-3')] }));

    const listed = (await (await fetch(`${running.server.url}/events?after=1`)).json()) as {
      events: Array<{ seq: number; eventBusName: string; event: { detail: { placementId: string } } }>;
    };
    expect(listed.events.map((stored) => [stored.seq, stored.event.detail.placementId])).toEqual([
      [2, 'p-2'],
      [3, 'p-3'],
    ]);
    expect(listed.events[0]?.eventBusName).toBe('onboarding-local');
    expect((await fetch(`${running.server.url}/events?after=x`)).status).toBe(400);
  });

  it('shows the events on a page with a strict content security policy and no external assets', async () => {
    await running.client.send(new PutEventsCommand({ Entries: [cleared('p-<b>1</b>')] }));
    const response = await fetch(`${running.server.url}/`);
    const page = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Placement Cleared');
    expect(page).toContain('p-&lt;b&gt;1&lt;/b&gt;');
    expect(page).not.toMatch(/(src|href)="https?:/);
  });
});
