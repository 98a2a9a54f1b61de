import type { LocalEndpoints } from '../../local/local-cloud.js';
import type { MeterSnapshot } from './meter-snapshot.js';

/** How the bench starts a cloud host (passed as its one argument, JSON). */
export interface HostOptions {
  projectDir: string;
  dataDir: string;
  /** Price every DynamoDB request (reads request and response bodies: some overhead). */
  meterDynamoDb: boolean;
}

export interface HostFunction {
  functionName: string;
  logicalId: string;
  memoryMb: number;
}

export interface HostReady {
  type: 'ready';
  endpoints: LocalEndpoints;
  stateMachineArn: string;
  documentsBucket: string;
  functions: HostFunction[];
  /** Names of the functions the state machine invokes (its tasks). */
  workflowFunctions: string[];
  /** startLocalCloud until warm, in ms. */
  startMs: number;
}

export type HostRequest =
  | { id: number; type: 'snapshot' }
  | { id: number; type: 'invoke'; functionName: string; event: unknown; times: number }
  | { id: number; type: 'idle'; quietMs: number; timeoutMs: number }
  | { id: number; type: 'stop' };

export interface InvokeTimings {
  durationsMs: number[];
  errors: string[];
}

export interface HostReplies {
  snapshot: MeterSnapshot;
  invoke: InvokeTimings;
  idle: { idle: boolean };
  stop: { stopped: true };
}

export type HostReply =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string };
