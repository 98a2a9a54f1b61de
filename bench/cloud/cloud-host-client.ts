import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlerNameOf } from '../bundles/deployed-functions.js';
import type { HostOptions, HostReady, HostReplies, HostReply, HostRequest } from './host-messages.js';

const HOST_FILE = fileURLToPath(new URL('./cloud-host.ts', import.meta.url));

type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

/** The bench's handle on a cloud host process (bench/cloud/cloud-host.ts). */
export class CloudHost {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: HostReady,
    private readonly dataDir: string,
  ) {
    child.on('message', (message: HostReply) => {
      if (message.type !== 'reply') return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`cloud host: ${message.error}`));
    });
    child.on('exit', (code) => {
      this.exited = true;
      for (const waiting of this.pending.values()) waiting.reject(new Error(`cloud host exited (${code})`));
      this.pending.clear();
    });
  }

  static async start(options: { projectDir: string; meterDynamoDb: boolean }): Promise<CloudHost> {
    const dataDir = await mkdtemp(join(tmpdir(), 'onboarding-bench-cloud-'));
    const hostOptions: HostOptions = { ...options, dataDir };
    const child = fork(HOST_FILE, [JSON.stringify(hostOptions)], {
      cwd: options.projectDir,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<HostReady>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the cloud host did not start within 180 s')), 180_000);
      child.on('message', (message: HostReady | HostReply) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the cloud host exited (${code}) before it was ready`));
      });
    });
    return new CloudHost(child, ready, dataDir);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get endpoints() {
    return this.ready.endpoints;
  }

  request<K extends keyof HostReplies>(body: Extract<RequestBody, { type: K }>): Promise<HostReplies[K]> {
    if (this.exited) return Promise.reject(new Error('the cloud host has exited'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...body, id } as HostRequest);
    });
  }

  snapshot() {
    return this.request({ type: 'snapshot' });
  }

  /** Waits until no function has run for `quietMs`: S3 events and workflow steps have settled. */
  async settle(quietMs = 400, timeoutMs = 60_000): Promise<void> {
    const { idle } = await this.request({ type: 'idle', quietMs, timeoutMs });
    if (!idle) throw new Error(`the local cloud did not settle within ${timeoutMs} ms`);
  }

  /** Peak resident set size of the host process so far (VmHWM), in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kilobytes = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
    return kilobytes / 1024;
  }

  /** Current resident set size (VmRSS), in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
  }

  /** The local name of the function for a handler file (`check-compliance`). */
  functionFor(handler: string): string {
    const found = this.ready.functions.find((fn) => handlerNameOf(fn.logicalId) === handler);
    if (!found) throw new Error(`No function for functions/entries/${handler}.ts in the template.`);
    return found.functionName;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await this.request({ type: 'stop' }).catch(() => undefined);
      this.child.disconnect();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
