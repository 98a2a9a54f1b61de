import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from './captured-io.js';

/** A fake of the local bus's read API: `GET /events?after=SEQ` over the events it holds. */
const stored: unknown[] = [];
const askedAfter: string[] = [];
let server: Server;
let projectDir: string;

const event = (seq: number, detailType: string, detail: Record<string, unknown>) => ({
  seq,
  eventBusName: 'onboarding-local',
  event: {
    version: '0',
    id: `id-${seq}`,
    'detail-type': detailType,
    source: 'placement-onboarding',
    account: '000000000000',
    time: `2030-01-0${seq}T10:00:00Z`,
    region: 'us-east-1',
    resources: [],
    detail,
  },
});

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const after = url.searchParams.get('after') ?? '0';
    askedAfter.push(after);
    const events = stored.filter((item) => (item as { seq: number }).seq > Number(after));
    response.writeHead(url.pathname === '/events' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ events }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  projectDir = mkdtempSync(join(tmpdir(), 'events-cli-'));
  mkdirSync(join(projectDir, '.local'));
  writeFileSync(
    join(projectDir, '.local', 'endpoints.json'),
    JSON.stringify({
      api: 'http://127.0.0.1:1',
      events: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    }),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  stored.splice(0, stored.length, event(1, 'Placement Cleared', { placementId: 'P-1', status: 'CLEARED' }));
  stored.push(event(2, 'Email Bounced', { eventType: 'Bounce' }));
  askedAfter.length = 0;
});

describe('onboarding events', () => {
  it('prints one line per event from the bus in endpoints.json: time, detail-type, placement, id', async () => {
    const run = await runCliCaptured(['events'], { cwd: projectDir });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\s*1\s+2030-01-01T10:00:00Z\s+Placement Cleared\s+P-1\s+id-1$/);
    expect(lines[1]).toMatch(/^\s*2\s+2030-01-02T10:00:00Z\s+Email Bounced\s+-\s+id-2$/);
  });

  it('asks only for the events after --after, and prints them as JSON with --json', async () => {
    const run = await runCliCaptured(['events', '--after', '1', '--json'], { cwd: projectDir });
    expect(askedAfter).toEqual(['1']);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([stored[1]]);
  });

  it('with --follow keeps asking for newer events until stopped', async () => {
    const stop = new AbortController();
    const running = runCliCaptured(['events', '--follow'], { cwd: projectDir, signal: stop.signal });
    while (askedAfter.length < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    stored.push(event(3, 'Placement Cancelled', { placementId: 'P-3' }));
    while (askedAfter.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    const run = await running;
    expect(run.exitCode).toBe(0);
    expect(askedAfter.slice(0, 2)).toEqual(['0', '2']);
    expect(run.stdout).toMatch(/Placement Cancelled\s+P-3\s+id-3/);
  });

  it('refuses an --after that is not a seq, and says how to start the bus when there is none', async () => {
    const bad = await runCliCaptured(['events', '--after', 'yesterday'], { cwd: projectDir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--after');
    const none = await runCliCaptured(['events'], { cwd: tmpdir() });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/npm start/);
  });

  it('is in the usage text', async () => {
    const help = await runCliCaptured(['help']);
    expect(help.stdout).toContain('onboarding events [--after SEQ] [--follow]');
  });
});
