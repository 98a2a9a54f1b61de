/**
 * A local cloud in its own process, for the bench: `node --import tsx bench/cloud/cloud-host.ts '<HostOptions JSON>'`
 * (started by CloudHost). Its memory is the local cloud's alone, and it counts what the cloud does:
 * function invocations, API and S3 requests and, when asked, DynamoDB capacity units.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalCloud } from '../../local/local-cloud.js';
import { DynamoDbCapacityModel } from './dynamodb-capacity.js';
import type { HostOptions, HostReady, HostReply, HostRequest, InvokeTimings } from './host-messages.js';
import { HttpTrafficMeter } from './http-traffic-meter.js';
import { InvocationMeter } from './invocation-meter.js';
import type { MeterSnapshot } from './meter-snapshot.js';

const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions;
const send = (message: HostReady | HostReply) => process.send?.(message);

const invocations = new InvocationMeter();
invocations.install();
const traffic = new HttpTrafficMeter();
traffic.listen();

const startedAt = performance.now();
const cloud = await startLocalCloud({
  projectDir: options.projectDir,
  dataDir: options.dataDir,
  synth: 'never',
  quiet: true,
  reset: true,
  ports: { api: 0, mailbox: 0, s3: 0, dynamodb: 0, stepfunctions: 0, idp: 0, events: 0 },
});
const dynamodb = options.meterDynamoDb ? new DynamoDbCapacityModel(cloud.model.tables) : undefined;
traffic.start(cloud.endpoints, dynamodb);
await cloud.warm();

const stateMachine = cloud.model.stateMachines[0];
const documentsBucket = cloud.model.bucketNotifications[0]?.bucketName;
if (!stateMachine || !documentsBucket)
  throw new Error('The template has no state machine or no documents bucket.');
send({
  type: 'ready',
  endpoints: cloud.endpoints,
  stateMachineArn: stateMachine.arn,
  documentsBucket,
  functions: cloud.model.functions.map((fn) => ({
    functionName: fn.functionName,
    logicalId: fn.logicalId,
    memoryMb: fn.memoryMb,
  })),
  workflowFunctions: [
    ...new Set(
      [...JSON.stringify(stateMachine.definition).matchAll(/:lambda:[^:"]*:[^:"]*:function:([^:"]+)/g)].map(
        (match) => match[1] ?? '',
      ),
    ),
  ],
  startMs: performance.now() - startedAt,
});

const snapshot = (): MeterSnapshot =>
  structuredClone({
    functions: invocations.usage,
    traffic: traffic.totals,
    ...(dynamodb ? { dynamodb: dynamodb.totals } : {}),
  });

/** Waits until no invocation has been running for `quietMs` (S3 events and callbacks included). */
const waitIdle = async (quietMs: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (invocations.inFlight === 0 && Date.now() - invocations.lastActivityAt >= quietMs)
      return { idle: true };
    await sleep(25);
  }
  return { idle: false };
};

const timedInvokes = async (functionName: string, event: unknown, times: number): Promise<InvokeTimings> => {
  const timings: InvokeTimings = { durationsMs: [], errors: [] };
  for (let index = 0; index < times; index++) {
    const started = performance.now();
    const result = await cloud.invoke(functionName, event);
    timings.durationsMs.push(performance.now() - started);
    if (!result.ok) timings.errors.push(`${result.error.errorType}: ${result.error.errorMessage}`);
  }
  return timings;
};

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cloud.stop();
};

process.on('message', (message: HostRequest) => {
  const answer = async (): Promise<unknown> => {
    switch (message.type) {
      case 'snapshot':
        return snapshot();
      case 'invoke':
        return timedInvokes(message.functionName, message.event, message.times);
      case 'idle':
        return waitIdle(message.quietMs, message.timeoutMs);
      case 'stop':
        await stop();
        return { stopped: true };
    }
  };
  answer().then(
    (value) => send({ type: 'reply', id: message.id, ok: true, value }),
    (error: unknown) =>
      send({
        type: 'reply',
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});

// The bench went away without stopping us: stop the services and leave.
process.on('disconnect', () => {
  void stop().finally(() => process.exit(0));
});
