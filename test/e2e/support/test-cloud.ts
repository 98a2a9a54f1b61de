import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Placement } from '../../../functions/contract/http-api.js';
import { requestJson } from '../../../local/actors/http-json.js';
import { Mailbox } from '../../../local/actors/mailbox.js';
import { Student } from '../../../local/actors/student.js';
import { waitUntil } from '../../../local/actors/wait-until.js';
import type { LocalFaults } from '../../../local/faults/local-faults.js';
import { type LocalCloud, startLocalCloud } from '../../../local/local-cloud.js';

/** A placement as the API answers it (docs/openapi.yaml, `Placement`). */
export type PlacementJson = Placement;

/** A local cloud on free ports with its own data directory, and the people who use it. */
export class TestCloud {
  readonly mailbox: Mailbox;

  private constructor(
    readonly cloud: LocalCloud,
    readonly dataDir: string,
  ) {
    this.mailbox = new Mailbox(cloud.endpoints.mailbox);
  }

  static async start(
    options: { timeScale?: number; dataDir?: string; faults?: LocalFaults } = {},
  ): Promise<TestCloud> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'onboarding-e2e-')));
    const cloud = await startLocalCloud({
      dataDir,
      synth: 'never',
      quiet: true,
      timeScale: options.timeScale ?? 1,
      ports: { api: 0, mailbox: 0, s3: 0, dynamodb: 0, stepfunctions: 0, idp: 0, events: 0 },
      ...(options.faults ? { faults: options.faults } : {}),
    });
    return new TestCloud(cloud, dataDir);
  }

  get api() {
    return this.cloud.endpoints.api;
  }

  stop() {
    return this.cloud.stop();
  }

  putSite(siteId: string, body: Record<string, unknown>) {
    return requestJson(`${this.api}/sites/${siteId}`, { method: 'PUT', body });
  }

  createPlacement(body: Record<string, unknown>) {
    return requestJson<PlacementJson>(`${this.api}/placements`, { method: 'POST', body });
  }

  async placement(placementId: string): Promise<PlacementJson> {
    const { status, body } = await requestJson<PlacementJson>(`${this.api}/placements/${placementId}`);
    if (status !== 200) throw new Error(`GET placement answered ${status}`);
    return body;
  }

  waitForStatus(placementId: string, status: string, timeoutMs = 30_000): Promise<PlacementJson> {
    return waitUntil(
      `${placementId} to be ${status}`,
      async () => {
        const placement = await this.placement(placementId);
        return placement.status === status ? placement : undefined;
      },
      timeoutMs,
    );
  }

  waitForHistory(placementId: string, type: string, timeoutMs = 30_000): Promise<PlacementJson> {
    return waitUntil(
      `${placementId} history ${type}`,
      async () => {
        const placement = await this.placement(placementId);
        return placement.history.some((entry) => entry.type === type) ? placement : undefined;
      },
      timeoutMs,
    );
  }

  /** The student's portal, from the newest portal link mailed to them (rewritten to this cloud's API origin). */
  async studentFor(email: string, options: { exclude?: string[] } = {}): Promise<Student> {
    const link = await this.mailbox.waitForLink(email, 'portal', options);
    return new Student(this.onThisApi(link));
  }

  async reviewLinkFor(email: string, options: { exclude?: string[] } = {}): Promise<string> {
    return this.onThisApi(await this.mailbox.waitForLink(email, 'review', options));
  }

  /** Links keep their path across a restart; the API's port may change. */
  onThisApi(link: string): string {
    const url = new URL(link);
    return `${this.api}${url.pathname}`;
  }

  processUploadFunction(): string {
    const notification = this.cloud.model.bucketNotifications[0];
    if (!notification) throw new Error('the template has no bucket notification');
    return notification.functionName;
  }
}
