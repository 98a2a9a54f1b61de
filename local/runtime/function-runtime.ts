import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { FunctionFault } from '../faults/function-faults.js';
import { functionNameFromArnOrName } from '../template/local-aws-account.js';
import type { FunctionSpec } from '../template/local-cloud-model.js';
import { lambdaEnvironment, type ServiceEndpoints } from './lambda-environment.js';

/** A function error as Lambda reports it (the Payload of a failed invocation). */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type InvocationResult = { ok: true; result: unknown } | { ok: false; error: LambdaError };

export type FunctionLogMode = 'prefix' | 'silent';

export interface FunctionRuntimeOptions {
  endpoints: ServiceEndpoints;
  /** 'prefix' copies each function's console output to `writeLog` as `[name] line`. */
  logs: FunctionLogMode;
  writeLog?: (line: string) => void;
  /** Under a time scale, the functions' clock (ONBOARDING_TIME_SCALE / ONBOARDING_TIME_ORIGIN). */
  virtualTime?: { scale: number; originEpochMs: number };
  /** Test-only: a fault to run an invocation with (local/faults/function-faults.ts). */
  faults?: { take(spec: FunctionSpec): FunctionFault | undefined };
}

const WORKER_URL = new URL('./lambda-worker.mjs', import.meta.url);

interface PendingInvocation {
  resolve: (result: InvocationResult) => void;
  timer: NodeJS.Timeout;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaError }
  | { type: 'result'; id: number; ok: true; resultJson: string }
  | { type: 'result'; id: number; ok: false; error: LambdaError };

/**
 * One execution environment of a function: a worker thread with its own module graph, globals and
 * process.env. Like a Lambda sandbox, it is thrown away after a timeout or a crash; invocations
 * already running in it are allowed to finish first.
 */
class FunctionSandbox {
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingInvocation>();
  private nextId = 1;
  private retired = false;
  private exited = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly spec: FunctionSpec,
    environment: Record<string, string>,
    options: FunctionRuntimeOptions,
    private readonly onGone: (sandbox: FunctionSandbox) => void,
  ) {
    this.worker = new Worker(WORKER_URL, {
      workerData: {
        entryFile: spec.entryFile,
        handlerExport: spec.handlerExport,
        functionName: spec.functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn: spec.arn,
        memoryMb: spec.memoryMb,
        logGroupName: `/aws/lambda/${spec.functionName}`,
      },
      env: environment,
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    pipeLogs(this.worker.stdout, spec.functionName, options);
    pipeLogs(this.worker.stderr, spec.functionName, options);
    this.ready = new Promise((resolve) => {
      const settle = (message: WorkerMessage) => {
        if (message.type === 'ready' || message.type === 'init-error') {
          this.worker.off('message', settle);
          if (message.type === 'init-error') this.retire();
          resolve();
        }
      };
      this.worker.on('message', settle);
      this.worker.once('exit', () => resolve());
    });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error) =>
      this.failAll({ errorType: 'Runtime.ExitError', errorMessage: error.message }),
    );
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.failAll({
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: Error: Runtime exited with ${code}`,
      });
      this.onGone(this);
    });
  }

  get acceptsInvocations(): boolean {
    return !this.retired && !this.exited;
  }

  invoke(event: unknown, fault?: FunctionFault): Promise<InvocationResult> {
    const id = this.nextId++;
    const requestId = randomUUID();
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: `RequestId: ${requestId} Error: Task timed out after ${this.spec.timeoutSeconds.toFixed(2)} seconds`,
          },
        });
        // The handler is still running in there: start the next invocation in a fresh sandbox.
        this.retire();
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      let eventJson: string;
      try {
        eventJson = JSON.stringify(event ?? null);
      } catch (error) {
        this.settle(id, {
          ok: false,
          error: { errorType: 'InvalidRequestContentException', errorMessage: (error as Error).message },
        });
        return;
      }
      this.worker.postMessage({
        type: 'invoke',
        id,
        eventJson,
        requestId,
        deadline: Date.now() + timeoutMs,
        ...(fault ? { fault } : {}),
      });
    });
  }

  retire(): void {
    this.retired = true;
    if (this.pending.size === 0) void this.worker.terminate();
  }

  async terminate(): Promise<void> {
    this.retired = true;
    this.failAll({ errorType: 'Runtime.ExitError', errorMessage: 'The local cloud is stopping.' });
    await this.worker.terminate();
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type !== 'result') return;
    if (message.ok) {
      this.settle(message.id, { ok: true, result: JSON.parse(message.resultJson) as unknown });
    } else {
      this.settle(message.id, { ok: false, error: message.error });
    }
  }

  private settle(id: number, result: InvocationResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.resolve(result);
    if (this.retired && this.pending.size === 0) void this.worker.terminate();
  }

  private failAll(error: LambdaError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error });
  }
}

function pipeLogs(stream: Readable, functionName: string, options: FunctionRuntimeOptions): void {
  if (options.logs === 'silent') {
    stream.resume();
    return;
  }
  const write = options.writeLog ?? ((line: string) => process.stdout.write(`${line}\n`));
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
    write(`[${functionName}] ${line}`),
  );
}

/**
 * Runs the template's Lambda functions, each in its own worker thread, from the bundles in cdk.out.
 * Sandboxes start on first use (or on `warm`).
 */
export class FunctionRuntime {
  private readonly byName = new Map<string, FunctionSpec>();
  private readonly current = new Map<string, FunctionSandbox>();
  private readonly live = new Set<FunctionSandbox>();
  private stopped = false;

  constructor(
    functions: FunctionSpec[],
    private readonly options: FunctionRuntimeOptions,
  ) {
    for (const spec of functions) this.byName.set(spec.functionName, spec);
  }

  get functions(): FunctionSpec[] {
    return [...this.byName.values()];
  }

  /** Finds a function by logical id / function name or by ARN (a qualifier such as `:$LATEST` is ignored). */
  find(functionRef: string): FunctionSpec | undefined {
    return this.byName.get(functionNameFromArnOrName(functionRef));
  }

  async invoke(functionRef: string, event: unknown): Promise<InvocationResult> {
    const spec = this.find(functionRef);
    if (!spec) {
      return {
        ok: false,
        error: { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionRef}` },
      };
    }
    if (this.stopped) {
      return {
        ok: false,
        error: { errorType: 'Runtime.ExitError', errorMessage: 'The local cloud is stopping.' },
      };
    }
    return this.sandboxFor(spec).invoke(event, this.options.faults?.take(spec));
  }

  /** Starts the sandboxes of the named functions (all when omitted) and waits until their modules are loaded. */
  async warm(functionRefs?: string[]): Promise<void> {
    const specs = functionRefs
      ? functionRefs.map((ref) => this.find(ref)).filter((spec): spec is FunctionSpec => spec !== undefined)
      : this.functions;
    await Promise.all(specs.map((spec) => this.sandboxFor(spec).ready));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.live].map((sandbox) => sandbox.terminate()));
    this.live.clear();
    this.current.clear();
  }

  private sandboxFor(spec: FunctionSpec): FunctionSandbox {
    const existing = this.current.get(spec.functionName);
    if (existing?.acceptsInvocations) return existing;
    const sandbox = new FunctionSandbox(
      spec,
      lambdaEnvironment(spec, this.options.endpoints, this.options.virtualTime),
      this.options,
      (gone) => {
        this.live.delete(gone);
        if (this.current.get(spec.functionName) === gone) this.current.delete(spec.functionName);
      },
    );
    this.current.set(spec.functionName, sandbox);
    this.live.add(sandbox);
    return sandbox;
  }
}
