import type { CapacityTotals } from './dynamodb-capacity.js';
import type { TrafficTotals } from './http-traffic-meter.js';
import type { FunctionUsage } from './invocation-meter.js';

/** Everything the cloud host has counted since it started. */
export interface MeterSnapshot {
  functions: Record<string, FunctionUsage>;
  traffic: TrafficTotals;
  /** Absent when the host runs without the DynamoDB meter (the load run). */
  dynamodb?: CapacityTotals;
}

const EMPTY_USAGE: FunctionUsage = { invocations: 0, errors: 0, billedMs: 0, gbSeconds: 0 };

const subtract = <T extends object>(after: T, before: T | undefined): T => {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const earlier = (before as Record<string, unknown> | undefined)?.[key];
    if (typeof value === 'number') result[key] = value - (typeof earlier === 'number' ? earlier : 0);
    else if (value && typeof value === 'object') result[key] = subtract(value, earlier as object | undefined);
    else result[key] = value;
  }
  return result as T;
};

/** What happened between two snapshots. */
export const usageBetween = (before: MeterSnapshot, after: MeterSnapshot): MeterSnapshot => ({
  functions: Object.fromEntries(
    Object.entries(after.functions)
      .map(([name, usage]) => [name, subtract(usage, before.functions[name] ?? EMPTY_USAGE)] as const)
      .filter(([, usage]) => usage.invocations > 0),
  ),
  traffic: subtract(after.traffic, before.traffic),
  ...(after.dynamodb ? { dynamodb: subtract(after.dynamodb, before.dynamodb) } : {}),
});

export const totalInvocations = (snapshot: MeterSnapshot) =>
  Object.values(snapshot.functions).reduce((sum, usage) => sum + usage.invocations, 0);

export const totalGbSeconds = (snapshot: MeterSnapshot) =>
  Object.values(snapshot.functions).reduce((sum, usage) => sum + usage.gbSeconds, 0);
