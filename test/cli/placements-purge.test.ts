/**
 * `placements purge` against a small in-process HTTP API that answers the purge route as the
 * coordinator API does (validated with the API's own parser, the API's error shape).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PurgeResponse } from '../../cli/commands/placements-purge.js';
import { ValidationError } from '../../functions/core/errors.js';
import { parseOptionalReasonInput } from '../../functions/core/validation/optional-reason-input.js';
import { runCliCaptured } from './captured-io.js';

const PLACEMENT_ID = 'pl_purgeaaaaaaaaaaaaaaaaaaaa';

const purged = (reason?: string): PurgeResponse => ({
  placement: {
    placementId: PLACEMENT_ID,
    status: 'CANCELLED',
    student: { id: 'purged:sha256:ab12', name: '[purged]', email: '[purged]' },
    siteId: 'demo-hospital',
    program: 'BSc Nursing',
    startDate: '2027-02-01',
    endDate: '2027-03-12',
    documentsDueDate: '2027-01-18',
    coordinatorEmail: 'coordinator@example.edu',
    requirements: [{ code: 'BLS', title: 'BLS certification', status: 'ACCEPTED' }],
    history: [
      { at: '2027-01-02T09:00:00.000Z', type: 'CREATED' },
      { at: '2027-01-05T09:00:00.000Z', type: 'PURGED' },
    ],
    createdAt: '2027-01-02T09:00:00.000Z',
    updatedAt: '2027-01-05T09:00:00.000Z',
  },
  purge: {
    placementId: PLACEMENT_ID,
    purgedAt: '2027-01-05T09:00:00.000Z',
    documentsDeleted: 3,
    ...(reason ? { reason } : {}),
  },
});

let server: Server;
let url: string;
const received: Array<{ method: string; path: string; body: unknown }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      received.push({ method: request.method ?? '', path: request.url ?? '', body });
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== 'POST' || request.url !== `/placements/${PLACEMENT_ID}/purge`) {
        reply(404, { error: { code: 'NOT_FOUND', message: 'No such placement.' } });
        return;
      }
      try {
        reply(200, purged(parseOptionalReasonInput(body).reason));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        reply(400, { error: { code: 'VALIDATION_FAILED', message: error.message, details: error.details } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

const cli = (...args: string[]) => runCliCaptured([...args, '--api', url]);

describe('onboarding placements purge', () => {
  it('posts the reason and says what was deleted and what was kept', async () => {
    const run = await cli('placements', 'purge', PLACEMENT_ID, '--reason', 'Request #481');

    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(received).toEqual([
      { method: 'POST', path: `/placements/${PLACEMENT_ID}/purge`, body: { reason: 'Request #481' } },
    ]);
    expect(run.stdout.split('\n')).toEqual([
      `Placement ${PLACEMENT_ID} was purged at 2027-01-05T09:00:00.000Z.`,
      "Deleted: 3 documents (files and records), the student's name, email and id, reasons and history " +
        'details, and its portal and review links.',
      'Kept: site demo-hospital, program, dates, requirement statuses and status CANCELLED.',
      'Reason: Request #481',
      '',
    ]);
  });

  it('prints the API JSON with --json, and sends an empty body without --reason', async () => {
    const run = await cli('placements', 'purge', PLACEMENT_ID, '--json');

    expect(run.exitCode).toBe(0);
    expect(received[0]?.body).toEqual({});
    expect(JSON.parse(run.stdout)).toEqual(purged());
  });

  it('exits 1 with the API error on an unknown placement', async () => {
    const run = await cli('placements', 'purge', 'pl_unknownaaaaaaaaaaaaaaaaa');

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: NOT_FOUND (HTTP 404): No such placement.\n');
  });

  it('exits 1 naming the reason field when the API refuses it', async () => {
    const run = await cli('placements', 'purge', PLACEMENT_ID, '--reason', 'x'.repeat(2001));

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: VALIDATION_FAILED \(HTTP 400\): .*\[reason: .+\]$/m);
  });

  it('exits 2 with the usage when the placement id is missing, without calling the API', async () => {
    const run = await cli('placements', 'purge');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('error: Missing ID.');
    expect(received).toEqual([]);
  });
});
