import './promise-with-resolvers.js';
import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { InvocationResult } from '../../runtime/function-runtime.js';
import type { Json } from '../../template/cloudformation-template.js';
import { executionArn as buildExecutionArn, LOCAL_ACCOUNT_ID } from '../../template/local-aws-account.js';
import type { StateMachineSpec } from '../../template/local-cloud-model.js';
import { ExecutionHistory, type RunnerEvent } from './execution-history.js';
import { type ExecutionRecord, type ExecutionStatus, ExecutionStore } from './execution-store.js';
import { type LocalDefinition, prepareLocalDefinition } from './local-definition.js';
import { setLongTimeout } from './long-timeout.js';
import { StepFunctionsApiError } from './step-functions-api-error.js';
import { createTaskHandler, type TaskHandler, type TaskScope } from './task-handlers.js';
import { TaskTokenRegistry } from './task-tokens.js';

const ROLE_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/local-state-machine-role`;
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/;

/** Execution names as AWS accepts them: 1–80 characters, no whitespace, wildcards, brackets, punctuation or control characters. */
function isValidExecutionName(name: string): boolean {
  const hasControlCharacter = [...name].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
  return EXECUTION_NAME.test(name) && !hasControlCharacter;
}

export interface StepFunctionsEngineOptions {
  storeFile: string;
  timeScale: number;
  /** Virtual now (epoch ms) under the time scale; real now by default. */
  now?: () => number;
  invoke(functionRef: string, event: unknown): Promise<InvocationResult>;
  warn(line: string): void;
}

interface LoadedMachine {
  spec: StateMachineSpec;
  prepared: LocalDefinition;
  runner: StateMachine;
  createdAt: number;
}

interface LiveExecution {
  record: ExecutionRecord;
  history: ExecutionHistory;
  controller: AbortController;
  issuedTokens: string[];
  stopping: boolean;
  abortRun(): void;
}

/** Epoch seconds, as the AWS JSON protocol sends timestamps. */
const seconds = (epochMs: number) => epochMs / 1000;

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new StepFunctionsApiError('ValidationException', `${field} is required.`);
  }
  return value;
}

function failureOf(error: unknown): { status: ExecutionStatus; error: string; cause: string } {
  const failure = error as Error & { cause?: { name?: string; message?: string } };
  if (failure?.name === 'ExecutionTimeoutError') {
    return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out.' };
  }
  if (failure?.name === 'ExecutionError' && failure.cause) {
    return {
      status: 'FAILED',
      error: failure.cause.name ?? 'States.Runtime',
      cause: failure.cause.message ?? '',
    };
  }
  return { status: 'FAILED', error: 'States.Runtime', cause: failure?.message ?? String(error) };
}

/**
 * Runs Standard state machines from the template with aws-local-stepfunctions: executions (kept
 * across restarts), callback tasks with task tokens, task timeouts and heartbeats, and a time scale.
 */
export class StepFunctionsEngine {
  private readonly machines = new Map<string, LoadedMachine>();
  private readonly store: ExecutionStore;
  private readonly live = new Map<string, LiveExecution>();
  private readonly histories = new Map<string, ExecutionHistory>();
  private readonly tokens = new TaskTokenRegistry();
  private shuttingDown = false;

  constructor(
    machines: StateMachineSpec[],
    private readonly options: StepFunctionsEngineOptions,
  ) {
    this.store = new ExecutionStore(options.storeFile);
    for (const spec of machines) {
      const prepared = prepareLocalDefinition(spec.definition, options.timeScale);
      for (const warning of prepared.warnings) options.warn(`${spec.name}: ${warning}`);
      const definition = prepared.definition as unknown as StateMachineDefinition;
      let runner: StateMachine;
      try {
        runner = new StateMachine(definition, { validationOptions: { checkArn: false } });
      } catch (error) {
        options.warn(`${spec.name}: ${(error as Error).message.split('\n')[0]} (running it unvalidated)`);
        runner = new StateMachine(definition, { validationOptions: { noValidate: true } });
      }
      // The runner's execution timer overflows past 24.8 days and cannot be scaled or resumed, so the
      // engine enforces the execution timeout itself (validated above, removed from the runner now).
      delete prepared.definition.TimeoutSeconds;
      this.machines.set(spec.arn, { spec, prepared, runner, createdAt: Date.now() });
    }
  }

  /** Reads the executions of earlier runs. */
  async load(): Promise<void> {
    await this.store.load();
  }

  /** Re-runs, from the start and with its original input, every execution that was RUNNING when the cloud stopped. */
  resumeRunning(): number {
    const running = this.store
      .all()
      .filter((record) => record.status === 'RUNNING')
      .sort((a, b) => a.startDate - b.startDate);
    for (const record of running) {
      if (this.machines.has(record.stateMachineArn)) this.launch(record);
      else {
        this.options.warn(`Execution ${record.name}: its state machine is gone; marked FAILED.`);
        this.store.put({ ...record, status: 'FAILED', stopDate: Date.now(), error: 'States.Runtime' });
      }
    }
    return running.length;
  }

  async startExecution(request: Record<string, unknown>) {
    const stateMachineArn = requireString(request.stateMachineArn, 'stateMachineArn');
    const machine = this.machines.get(stateMachineArn);
    if (!machine) {
      throw new StepFunctionsApiError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    }
    const name = request.name === undefined ? randomUUID() : String(request.name);
    if (!isValidExecutionName(name))
      throw new StepFunctionsApiError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input === undefined ? '{}' : String(request.input);
    try {
      JSON.parse(input);
    } catch {
      throw new StepFunctionsApiError(
        'InvalidExecutionInput',
        'Invalid State Machine Execution Input: not JSON.',
      );
    }
    const executionArn = buildExecutionArn(machine.spec.name, name);
    const existing = this.store.get(executionArn);
    if (existing) {
      // Standard workflows: the same name and input while RUNNING is the same execution.
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: seconds(existing.startDate) };
      }
      throw new StepFunctionsApiError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name,
      input,
      status: 'RUNNING',
      startDate: Date.now(),
    };
    this.store.put(record);
    await this.store.flush();
    this.launch(record);
    return { executionArn, startDate: seconds(record.startDate) };
  }

  describeExecution(request: Record<string, unknown>) {
    const record = this.record(request.executionArn);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: seconds(record.startDate),
      ...(record.stopDate !== undefined ? { stopDate: seconds(record.stopDate) } : {}),
      input: record.input,
      inputDetails: { included: true },
      ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
      ...(record.error !== undefined ? { error: record.error } : {}),
      ...(record.cause !== undefined ? { cause: record.cause } : {}),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  }

  listExecutions(request: Record<string, unknown>) {
    const stateMachineArn = requireString(request.stateMachineArn, 'stateMachineArn');
    if (!this.machines.has(stateMachineArn)) {
      throw new StepFunctionsApiError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    }
    const matching = this.store
      .all()
      .filter((record) => record.stateMachineArn === stateMachineArn)
      .filter((record) => request.statusFilter === undefined || record.status === request.statusFilter)
      .sort((a, b) => b.startDate - a.startDate);
    const { page, nextToken } = paginate(matching, request);
    return {
      executions: page.map((record) => ({
        executionArn: record.executionArn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: seconds(record.startDate),
        ...(record.stopDate !== undefined ? { stopDate: seconds(record.stopDate) } : {}),
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  getExecutionHistory(request: Record<string, unknown>) {
    const record = this.record(request.executionArn);
    const history = this.histories.get(record.executionArn) ?? ExecutionHistory.fromRecord(record, ROLE_ARN);
    const events = [...history.list()];
    if (request.reverseOrder === true) events.reverse();
    const { page, nextToken } = paginate(events, request);
    return { events: page, ...(nextToken ? { nextToken } : {}) };
  }

  async stopExecution(request: Record<string, unknown>) {
    const record = this.record(request.executionArn);
    if (record.status !== 'RUNNING') return { stopDate: seconds(record.stopDate ?? Date.now()) };
    const stopped: ExecutionRecord = {
      ...record,
      status: 'ABORTED',
      stopDate: Date.now(),
      ...(typeof request.error === 'string' ? { error: request.error } : {}),
      ...(typeof request.cause === 'string' ? { cause: request.cause } : {}),
    };
    this.store.put(stopped);
    const live = this.live.get(record.executionArn);
    if (live) {
      live.record = stopped;
      live.history.add({ type: 'ExecutionAborted', timestamp: stopped.stopDate ?? Date.now() });
      this.halt(live);
    }
    await this.store.flush();
    return { stopDate: seconds(stopped.stopDate ?? Date.now()) };
  }

  sendTaskSuccess(request: Record<string, unknown>) {
    const output = requireString(request.output, 'output');
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new StepFunctionsApiError('InvalidOutput', 'Invalid Output: the output is not JSON.');
    }
    this.tokens.succeed(request.taskToken, parsed);
    return {};
  }

  sendTaskFailure(request: Record<string, unknown>) {
    const error = typeof request.error === 'string' ? request.error : '';
    const cause = typeof request.cause === 'string' ? request.cause : '';
    this.tokens.fail(request.taskToken, error, cause);
    return {};
  }

  sendTaskHeartbeat(request: Record<string, unknown>) {
    this.tokens.heartbeat(request.taskToken);
    return {};
  }

  describeStateMachine(request: Record<string, unknown>) {
    const arn = requireString(request.stateMachineArn, 'stateMachineArn');
    const machine = this.machines.get(arn);
    if (!machine)
      throw new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return {
      stateMachineArn: arn,
      name: machine.spec.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.spec.definition),
      roleArn: ROLE_ARN,
      type: machine.spec.type,
      creationDate: seconds(machine.createdAt),
    };
  }

  describeStateMachineForExecution(request: Record<string, unknown>) {
    const record = this.record(request.executionArn);
    const machine = this.describeStateMachine({ stateMachineArn: record.stateMachineArn });
    return { ...machine, updateDate: machine.creationDate };
  }

  listStateMachines() {
    return {
      stateMachines: [...this.machines.values()].map(({ spec, createdAt }) => ({
        stateMachineArn: spec.arn,
        name: spec.name,
        type: spec.type,
        creationDate: seconds(createdAt),
      })),
    };
  }

  /** Stops every run without recording an end: RUNNING executions stay RUNNING and re-run on the next start. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const live of this.live.values()) this.halt(live);
    this.live.clear();
    await this.store.flush();
  }

  private record(executionArn: unknown): ExecutionRecord {
    const arn = requireString(executionArn, 'executionArn');
    const record = this.store.get(arn);
    if (!record)
      throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  private halt(live: LiveExecution): void {
    live.stopping = true;
    live.abortRun();
    live.controller.abort();
  }

  private launch(record: ExecutionRecord): void {
    const machine = this.machines.get(record.stateMachineArn);
    if (!machine) return;
    const history = new ExecutionHistory(ROLE_ARN);
    this.histories.set(record.executionArn, history);
    const live: LiveExecution = {
      record,
      history,
      controller: new AbortController(),
      issuedTokens: [],
      stopping: false,
      abortRun: () => {},
    };
    this.live.set(record.executionArn, live);
    const tokens = this.tokens;
    const context = {
      Execution: { Id: record.executionArn, Name: record.name, RoleArn: ROLE_ARN },
      StateMachine: { Id: machine.spec.arn, Name: machine.spec.name },
      Task: {
        // Each task (and each retry of it) gets a fresh token; its handler takes the ones issued for it.
        get Token() {
          const token = tokens.issue();
          live.issuedTokens.push(token);
          return token;
        },
      },
    };
    const scope: TaskScope = {
      signal: live.controller.signal,
      takeIssuedTokens: () => live.issuedTokens.splice(0),
      tokens,
      invoke: (functionRef, event) => this.options.invoke(functionRef, event),
      timeScale: this.options.timeScale,
      now: this.options.now ?? Date.now,
    };
    const handlers: Record<string, TaskHandler> = {};
    for (const plan of machine.prepared.tasks.values())
      handlers[plan.stateName] = createTaskHandler(plan, scope);
    const run = machine.runner.run(JSON.parse(record.input) as Json, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context,
      noThrowOnAbort: true,
    });
    live.abortRun = run.abort;
    const timeoutSeconds = machine.prepared.scaledExecutionTimeoutSeconds;
    if (timeoutSeconds !== undefined) {
      // Counted from the original start, also for an execution re-run after a restart.
      const cancel = setLongTimeout(
        () => this.timeOut(live),
        Math.max(0, record.startDate + timeoutSeconds * 1000 - Date.now()),
      );
      live.controller.signal.addEventListener('abort', cancel, { once: true });
    }
    void this.recordHistory(run.eventLogs as AsyncGenerator<RunnerEvent>, history);
    run.result.then(
      (output) => this.finish(live, { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (error: unknown) => this.finish(live, failureOf(error)),
    );
  }

  private timeOut(live: LiveExecution): void {
    if (live.stopping || this.live.get(live.record.executionArn) !== live) return;
    const stopDate = Date.now();
    this.store.put({
      ...live.record,
      status: 'TIMED_OUT',
      stopDate,
      error: 'States.Timeout',
      cause: 'The execution timed out.',
    });
    live.history.add({ type: 'ExecutionTimeout', timestamp: stopDate });
    this.live.delete(live.record.executionArn);
    this.halt(live);
  }

  private async recordHistory(events: AsyncGenerator<RunnerEvent>, history: ExecutionHistory): Promise<void> {
    try {
      for await (const event of events) history.add(event);
    } catch {
      // The history is informational; a broken event stream must not affect the execution.
    }
  }

  private finish(live: LiveExecution, outcome: Partial<ExecutionRecord> & { status: ExecutionStatus }): void {
    live.controller.abort();
    if (this.live.get(live.record.executionArn) === live) this.live.delete(live.record.executionArn);
    if (live.stopping || this.shuttingDown) return;
    this.store.put({ ...live.record, ...outcome, stopDate: Date.now() });
  }
}

function paginate<T>(items: T[], request: Record<string, unknown>): { page: T[]; nextToken?: string } {
  const maxResults =
    typeof request.maxResults === 'number' && request.maxResults > 0 ? request.maxResults : 100;
  const offset =
    typeof request.nextToken === 'string'
      ? Number(Buffer.from(request.nextToken, 'base64url').toString()) || 0
      : 0;
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return next < items.length
    ? { page, nextToken: Buffer.from(String(next)).toString('base64url') }
    : { page };
}
