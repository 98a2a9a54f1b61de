import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalFaults } from './faults/local-faults.js';
import {
  PORT_VARIABLES,
  resolvePorts,
  SERVICE_LABELS,
  SERVICE_NAMES,
  type ServiceName,
} from './local-ports.js';
import { FunctionRuntime, type InvocationResult } from './runtime/function-runtime.js';
import type { ServiceEndpoints } from './runtime/lambda-environment.js';
import { startApiGateway } from './services/api-gateway/api-gateway-server.js';
import { createTables, type RunningService, startDynamoDb } from './services/dynamodb-service.js';
import { startEventBridgeServer } from './services/event-bridge/event-bridge-server.js';
import { EventStore } from './services/event-bridge/event-store.js';
import { LocalEventBus } from './services/event-bridge/local-event-bus.js';
import { type RunningSchedule, startRuleScheduler } from './services/event-bridge/rule-scheduler.js';
import { simulatorEvents } from './services/event-bridge/ses-simulator-events.js';
import type { StaffAccount } from './services/identity-provider/staff-accounts.js';
import { isAddressInUse, isPortFree } from './services/listen-on-loopback.js';
import { keepMailboxIn, onEmailSaved } from './services/mailbox-store.js';
import { PortInUseError } from './services/port-in-use-error.js';
import type { StepFunctionsEngine } from './services/step-functions/step-functions-engine.js';
import { startStepFunctionsServer } from './services/step-functions/step-functions-server.js';
import { readCloudAssembly } from './template/cloud-assembly.js';
import { buildLocalCloudModel, type LocalCloudModel } from './template/local-cloud-model.js';
import { readUserPoolClients } from './template/local-user-pool-clients.js';
import { type SynthesisOutcome, synthesizeIfStale } from './template/synthesize-if-stale.js';
import { openVirtualClock } from './virtual-clock.js';

/**
 * Base URLs of the local services, as written to `.local/endpoints.json`: the functions' services, the
 * staff console (`<api>/console`) and the sign-in provider's issuer (`idp`).
 */
export type LocalEndpoints = ServiceEndpoints & { console: string; idp: string };

export interface LocalCloudOptions {
  /** The project root (cdk.json, infra/, functions/…). Default: the current directory. */
  projectDir?: string;
  /** The cloud assembly to run. Default: `<projectDir>/cdk.out`. */
  cdkOutDir?: string;
  /** 'auto' (default) synthesizes when sources are newer than cdk.out; 'never' only reads it. */
  synth?: 'auto' | 'always' | 'never';
  /** Where data lives (DynamoDB, S3, executions, endpoints.json). Default: `<projectDir>/.local`. */
  dataDir?: string;
  /** Ports by service (0 = any free port). Unset ones come from ONBOARDING_PORT_* or the defaults. */
  ports?: Partial<Record<ServiceName, number>>;
  /**
   * Speeds time up N times (default 1): divides callback-task timeouts, heartbeats, Wait states and
   * execution timeouts of the workflows, and makes the functions' clock run N times faster
   * (ONBOARDING_TIME_SCALE / ONBOARDING_TIME_ORIGIN). Synchronous Lambda task timeouts stay as they are.
   */
  timeScale?: number;
  /** Wipes the data directory first. */
  reset?: boolean;
  /** No progress lines, warnings or function logs on stdout. */
  quiet?: boolean;
  /** Only the stacks this accepts are run. Default: all stacks of the cloud assembly. */
  stackFilter?: (stackName: string) => boolean;
  log?: (line: string) => void;
  /** Test-only fault switches (local/faults/); none are installed without it. */
  faults?: LocalFaults;
}

export interface LocalCloud {
  endpoints: LocalEndpoints;
  dataDir: string;
  model: LocalCloudModel;
  synthesis: SynthesisOutcome;
  /** The fault switches passed in `options.faults`, if any. */
  faults?: LocalFaults;
  /** The demo staff accounts of the local sign-in provider (also in `<dataDir>/staff-accounts.json`). */
  staffAccounts: readonly StaffAccount[];
  /** The rules with a `ScheduleExpression` that run locally (under the virtual clock). */
  schedules: readonly RunningSchedule[];
  /** How many executions that were RUNNING at the last stop were started again. */
  resumedExecutions: number;
  /** Loads the functions that routes, workflows and buckets use, one after the other, so that first requests are fast. */
  warm(): Promise<void>;
  /** Invokes a function (logical id, name or ARN) as Lambda would; a function error comes back as `{ ok: false }`. */
  invoke(functionRef: string, event: unknown): Promise<InvocationResult>;
  /** Stops every service and function it started. RUNNING executions stay RUNNING for the next start. */
  stop(): Promise<void>;
}

/**
 * Callers that ask for any free port for every service they name (tests, benches written before
 * the event bus) get one for the bus too, rather than its fixed default.
 */
function withEventsPort(
  ports: Partial<Record<ServiceName, number>> | undefined,
): Partial<Record<ServiceName, number>> | undefined {
  if (!ports || 'events' in ports) return ports;
  const given = Object.values(ports);
  return given.length > 0 && given.every((port) => port === 0) ? { ...ports, events: 0 } : ports;
}

/** Lambda retries a failed asynchronous invocation twice; locally after 1 s and 2 s. */
const ASYNC_RETRY_DELAYS_MS = [1000, 2000];

function referencedFunctions(model: LocalCloudModel): string[] {
  const names = new Set<string>();
  for (const route of model.routes) names.add(route.functionName);
  for (const notification of model.bucketNotifications) names.add(notification.functionName);
  for (const rule of model.eventRules) for (const target of rule.targets) names.add(target.functionName);
  for (const machine of model.stateMachines) {
    for (const match of JSON.stringify(machine.definition).matchAll(
      /:lambda:[^:"]*:[^:"]*:function:([^:"]+)/g,
    )) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names];
}

/** Starts the whole local cloud in this process: the services, the functions and the workflows of the template. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const projectDir = resolve(options.projectDir ?? process.cwd());
  const cdkOutDir = resolve(options.cdkOutDir ?? join(projectDir, 'cdk.out'));
  const dataDir = resolve(options.dataDir ?? join(projectDir, '.local'));
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`The time scale must be a positive number, got ${timeScale}.`);
  const log = options.quiet ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const ports = resolvePorts(withEventsPort(options.ports));
  const faults = options.faults;

  for (const service of SERVICE_NAMES) {
    if (!(await isPortFree(ports[service]))) {
      throw new PortInUseError(ports[service], SERVICE_LABELS[service], PORT_VARIABLES[service]);
    }
  }
  if (options.reset) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  // cdk synth runs in a child process while this one loads the emulators (their imports take seconds).
  const stopSynthesis = new AbortController();
  const synthesized = synthesizeIfStale({
    projectDir,
    cdkOutDir,
    mode: options.synth ?? 'auto',
    log,
    signal: stopSynthesis.signal,
    validateTemplates: false,
  });
  synthesized.catch(() => {});
  const s3Module = import('./services/s3-service.js');
  const engineModule = import('./services/step-functions/step-functions-engine.js');
  s3Module.catch(() => {});
  engineModule.catch(() => {});

  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) {
      try {
        await stopOne();
      } catch (error) {
        log(`Warning: ${(error as Error).message}`);
      }
    }
  };
  const startService = async <T extends RunningService>(service: ServiceName, start: () => Promise<T>) => {
    try {
      const running = await start();
      stoppers.push(running.stop);
      return running;
    } catch (error) {
      if (isAddressInUse(error)) {
        throw new PortInUseError(ports[service], SERVICE_LABELS[service], PORT_VARIABLES[service]);
      }
      throw error;
    }
  };

  try {
    let runtime: FunctionRuntime | undefined;
    let engine: StepFunctionsEngine | undefined;
    let stopping = false;
    const invoke = (functionRef: string, event: unknown): Promise<InvocationResult> =>
      runtime
        ? runtime.invoke(functionRef, event)
        : Promise.resolve({ ok: false, error: { errorType: 'Runtime.NotReady', errorMessage: 'Starting.' } });

    const dynamodb = await startService('dynamodb', () =>
      startDynamoDb({
        port: ports.dynamodb,
        directory: join(dataDir, 'dynamodb'),
        ...(faults ? { onServer: (server) => faults.dynamodb.install(server) } : {}),
      }),
    );
    const mailbox = await startService('mailbox', async () => {
      const { startMailbox } = await import('./services/mailbox-service.js');
      return startMailbox({
        port: ports.mailbox,
        ...(faults ? { onServer: (server) => faults.mailbox.install(server) } : {}),
      });
    });
    // The mail sent before a restart is in the mailbox again; `--reset` empties it with the rest.
    stoppers.push(await keepMailboxIn(join(dataDir, 'mailbox.jsonl')));
    const stepFunctions = await startService('stepfunctions', () =>
      startStepFunctionsServer({
        port: ports.stepfunctions,
        engine: () => {
          if (!engine) throw new Error('Step Functions is starting.');
          return engine;
        },
      }),
    );
    const api = await startService('api', () => startApiGateway({ port: ports.api }));
    // Listens now, so its issuer is known when the template's user pools are resolved; clients come after.
    const idp = await startService('idp', async () => {
      const { startIdentityProvider } = await import(
        './services/identity-provider/identity-provider-server.js'
      );
      return startIdentityProvider({ port: ports.idp, dataDir });
    });
    const synthesisOutcome = await synthesized;
    const stacks = await readCloudAssembly(cdkOutDir, options.stackFilter);
    const model = buildLocalCloudModel(stacks, { apiUrl: api.url, identityProviderUrl: idp.url });
    idp.configure(readUserPoolClients(stacks, { apiUrl: api.url, identityProviderUrl: idp.url }));
    for (const warning of model.warnings) log(`Note: ${warning}`);

    const deliverAsync = (functionName: string, event: unknown, what = 'an S3 event') => {
      void (async () => {
        for (let attempt = 0; attempt <= ASYNC_RETRY_DELAYS_MS.length; attempt++) {
          if (attempt > 0) await sleep(ASYNC_RETRY_DELAYS_MS[attempt - 1]);
          if (stopping) return;
          const outcome = await invoke(functionName, event);
          if (outcome.ok) return;
          log(
            `Warning: ${functionName} failed on ${what}: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
          );
        }
      })();
    };
    const { startS3 } = await s3Module;
    const s3 = await startService('s3', () =>
      startS3({
        port: ports.s3,
        directory: join(dataDir, 's3'),
        buckets: model.buckets,
        notifications: model.bucketNotifications,
        localOrigins: [api.url, api.url.replace('127.0.0.1', 'localhost')],
        deliver: faults ? faults.s3Events.wrap(deliverAsync) : deliverAsync,
      }),
    );

    const clock = await openVirtualClock(join(dataDir, 'clock.json'), timeScale);
    await clock.save();
    const clockSaver = setInterval(() => void clock.save().catch(() => {}), 5000).unref();
    stoppers.push(async () => {
      clearInterval(clockSaver);
      await clock.save();
    });
    const eventBus = new LocalEventBus({
      store: await EventStore.open(join(dataDir, 'events.jsonl')),
      buses: model.eventBuses,
      rules: model.eventRules,
      now: clock.now,
      deliver: (functionName, payload, ruleId) =>
        deliverAsync(functionName, payload, `an event of rule ${ruleId}`),
    });
    const events = await startService('events', () =>
      startEventBridgeServer({ port: ports.events, bus: eventBus }),
    );
    // Mail to SES's mailbox-simulator addresses bounces or complains, on the default bus.
    const stopSimulator = onEmailSaved((email) => {
      for (const entry of simulatorEvents(email, clock.now())) {
        eventBus
          .put(entry)
          .catch((error: Error) => log(`Warning: a simulated SES event was lost: ${error.message}`));
      }
    });
    stoppers.push(async () => {
      stopSimulator();
    });

    const endpoints: LocalEndpoints = {
      api: api.url,
      mailbox: mailbox.url,
      s3: s3.url,
      dynamodb: dynamodb.url,
      stepfunctions: stepFunctions.url,
      console: `${api.url}/console`,
      idp: idp.url,
      events: events.url,
    };
    if (model.functions.some((fn) => fn.environment.NODE_OPTIONS?.includes('--enable-source-maps'))) {
      process.setSourceMapsEnabled(true);
    }
    const functionRuntime = new FunctionRuntime(model.functions, {
      endpoints,
      logs: options.quiet ? 'silent' : 'prefix',
      writeLog: log,
      virtualTime: { scale: clock.scale, originEpochMs: clock.originEpochMs },
      ...(faults ? { faults: faults.functions } : {}),
    });
    runtime = functionRuntime;
    stoppers.push(() => functionRuntime.stop());

    const { StepFunctionsEngine } = await engineModule;
    const workflowEngine = new StepFunctionsEngine(model.stateMachines, {
      storeFile: join(dataDir, 'stepfunctions.json'),
      timeScale,
      now: clock.now,
      invoke,
      warn: (line) => log(`Note: ${line}`),
    });
    await workflowEngine.load();
    engine = workflowEngine;
    stoppers.push(() => workflowEngine.shutdown());
    // Stopped first (stoppers run in reverse): no request or S3 event reaches a stopping function.
    stoppers.push(async () => {
      stopping = true;
    });

    await createTables(dynamodb.url, model.tables, (line) => log(`Warning: ${line}`));
    api.configure({ routes: model.routes, ...(model.apiCors ? { cors: model.apiCors } : {}), invoke });
    await writeFile(join(dataDir, 'endpoints.json'), `${JSON.stringify(endpoints, null, 2)}\n`);
    const resumedExecutions = workflowEngine.resumeRunning();
    const scheduler = startRuleScheduler({
      rules: model.eventRules,
      now: clock.now,
      timeScale,
      run: (rule, at) => eventBus.runSchedule(rule, at),
      warn: (line) => log(`Note: ${line}`),
    });
    // Pushed last, so it stops first: no scheduled run reaches a stopping function.
    stoppers.push(async () => scheduler.stop());

    return {
      endpoints,
      dataDir,
      model,
      synthesis: synthesisOutcome,
      ...(faults ? { faults } : {}),
      staffAccounts: idp.accounts,
      schedules: scheduler.schedules,
      resumedExecutions,
      warm: async () => {
        for (const functionName of referencedFunctions(model)) await functionRuntime.warm([functionName]);
      },
      invoke,
      stop: stopAll,
    };
  } catch (error) {
    stopSynthesis.abort();
    await stopAll();
    throw error;
  }
}
