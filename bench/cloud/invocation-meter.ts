import { FunctionRuntime } from '../../local/runtime/function-runtime.js';

/** Lambda invocations of one function: count, errors and billed duration. */
export interface FunctionUsage {
  invocations: number;
  errors: number;
  /** Sum of durations rounded up to the next millisecond, as Lambda bills them. */
  billedMs: number;
  /** billed seconds × configured memory in GB. */
  gbSeconds: number;
}

/**
 * Counts every function invocation the local cloud makes (API routes, S3 events, workflow tasks,
 * direct invokes) by wrapping FunctionRuntime#invoke, the one door they all go through. The duration
 * is the invocation's wall time in its sandbox, measured around the call.
 */
export class InvocationMeter {
  readonly usage: Record<string, FunctionUsage> = {};
  inFlight = 0;
  lastActivityAt = Date.now();

  install(): void {
    const meter = this;
    const invoke = FunctionRuntime.prototype.invoke;
    FunctionRuntime.prototype.invoke = async function (this: FunctionRuntime, functionRef, event) {
      const spec = this.find(functionRef);
      meter.inFlight++;
      meter.lastActivityAt = Date.now();
      const started = performance.now();
      try {
        const result = await invoke.call(this, functionRef, event);
        meter.record(
          spec?.functionName ?? functionRef,
          spec?.memoryMb ?? 128,
          performance.now() - started,
          result.ok,
        );
        return result;
      } finally {
        meter.inFlight--;
        meter.lastActivityAt = Date.now();
      }
    };
  }

  private record(functionName: string, memoryMb: number, durationMs: number, ok: boolean): void {
    const usage = this.usage[functionName] ?? { invocations: 0, errors: 0, billedMs: 0, gbSeconds: 0 };
    this.usage[functionName] = usage;
    const billedMs = Math.max(1, Math.ceil(durationMs));
    usage.invocations++;
    if (!ok) usage.errors++;
    usage.billedMs += billedMs;
    usage.gbSeconds += (billedMs / 1000) * (memoryMb / 1024);
  }
}
