import { beforeEach, describe, expect, it } from 'vitest';
import { importRoutes } from '../../functions/console/routes/import-routes.js';
import { ForbiddenError } from '../../functions/core/errors.js';
import type { RouteHandler } from '../../functions/http/route-table.js';
import {
  IMPORT_CHUNK_ROWS,
  runPlacementImportChunk,
} from '../../functions/use-cases/run-placement-import-chunk.js';
import { GENERAL_HOSPITAL, worldWithGeneralHospital } from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';
import { consolePortsOf, staffRequest } from './console-route-support.js';

const HEADER = 'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';
const row = (n: number, overrides: Partial<Record<'siteId' | 'studentEmail' | 'startDate', string>> = {}) =>
  [
    `S-${1000 + n}`,
    `Student ${n}`,
    overrides.studentEmail ?? `student${n}@student.test`,
    overrides.siteId ?? GENERAL_HOSPITAL,
    'BSc Nursing',
    overrides.startDate ?? '2026-03-02',
    '2026-04-24',
    'coordinator@school.test',
  ].join(',');
const csvOf = (rows: string[]) => [HEADER, ...rows].join('\n');

let world: InMemoryWorld;
let routes: ReturnType<typeof importRoutes>;

const route = (key: keyof ReturnType<typeof importRoutes>): RouteHandler => {
  const handler = routes[key];
  if (!handler) throw new Error(`no route ${key}`);
  return handler;
};

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS'],
  });
  routes = importRoutes(consolePortsOf(world));
});

const upload = (text: string, asFile = true) =>
  route('POST /console/import')(
    staffRequest('coordinator', {
      method: 'POST',
      body: asFile
        ? { file: { fileName: 'term.csv', contentType: 'text/csv', text } }
        : { csv: text, fileName: 'pasted.csv' },
    }),
  );

const importIdFrom = (location: string | number | boolean | undefined) => {
  const match = /\/console\/import\/(imp_[A-Za-z0-9_-]+)$/.exec(String(location));
  if (!match?.[1]) throw new Error(`not an import page: ${location}`);
  return match[1];
};

const runChunk = (importId: string) =>
  route('POST /console/import/{importId}')(
    staffRequest('coordinator', { method: 'POST', params: { importId } }),
  );

describe('the CSV import in the console', () => {
  it('shows every bad row by number and creates nothing when one row is bad', async () => {
    const response = await upload(
      csvOf([row(1), row(2, { studentEmail: 'not-an-email' }), row(3, { siteId: 'nowhere' })]),
    );

    expect(response.statusCode).toBe(400);
    const body = String(response.body);
    expect(body).toContain('Row 3');
    expect(body).toContain('Row 4');
    expect(body).toContain('Nothing was created');
    expect(world.placementsById.size).toBe(0);
    expect(world.importsById.size).toBe(0);
  });

  it('names the file field when nothing was posted', async () => {
    const response = await route('POST /console/import')(
      staffRequest('coordinator', { method: 'POST', body: {} }),
    );
    expect(response.statusCode).toBe(400);
    expect(String(response.body)).toContain('Choose a CSV file');
  });

  it('stores a clean file, confirms the count, then creates it chunk by chunk with the staff member in history', async () => {
    const rows = Array.from({ length: IMPORT_CHUNK_ROWS + 5 }, (_, index) => row(index + 1));
    const checked = await upload(csvOf(rows), false);
    expect(checked.statusCode).toBe(303);
    const importId = importIdFrom(checked.headers?.location);
    expect(world.placementsById.size).toBe(0);

    const confirm = await route('GET /console/import/{importId}')(
      staffRequest('coordinator', { params: { importId } }),
    );
    expect(String(confirm.body)).toContain(`${IMPORT_CHUNK_ROWS + 5} placements`);

    await runChunk(importId);
    expect(world.placementsById.size).toBe(IMPORT_CHUNK_ROWS);
    const progress = await route('GET /console/import/{importId}')(
      staffRequest('coordinator', { params: { importId } }),
    );
    expect(String(progress.body)).toContain('<progress');
    expect(String(progress.body)).toContain('Continue');

    await runChunk(importId);
    expect(world.placementsById.size).toBe(IMPORT_CHUNK_ROWS + 5);
    const created = [...world.placementsById.values()][0];
    expect(created?.history[0]).toMatchObject({
      type: 'CREATED',
      by: { sub: 'sub-coordinator', email: 'coordinator@school.test' },
    });
    expect(world.importsById.get(importId)).toMatchObject({
      created: IMPORT_CHUNK_ROWS + 5,
      alreadyExisted: 0,
    });
  });

  it('creates nothing twice when the same file is imported again', async () => {
    const text = csvOf([row(1), row(2)]);
    const first = importIdFrom((await upload(text)).headers?.location);
    await runChunk(first);
    const starts = world.started.length;

    const second = importIdFrom((await upload(text)).headers?.location);
    expect(world.importsById.get(second)?.alreadyExistAtCheck).toBe(2);
    await runChunk(second);

    expect(world.placementsById.size).toBe(2);
    expect(world.importsById.get(second)).toMatchObject({ created: 0, alreadyExisted: 2, done: 2 });
    expect(world.started.length).toBe(starts);
  });

  it('counts a chunk once when two "Continue" posts run it at the same moment', async () => {
    const importId = importIdFrom((await upload(csvOf([row(1), row(2), row(3)]))).headers?.location);
    const ports = consolePortsOf(world);
    await Promise.all([runPlacementImportChunk(ports, importId), runPlacementImportChunk(ports, importId)]);

    expect(world.placementsById.size).toBe(3);
    const stored = world.importsById.get(importId);
    expect(stored).toMatchObject({ done: 3, version: 2 });
    expect((stored?.created ?? 0) + (stored?.alreadyExisted ?? 0)).toBe(3);
  });

  it('refuses a reviewer and a viewer with 403', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      await expect(route('GET /console/import')(staffRequest(role))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        route('POST /console/import')(staffRequest(role, { method: 'POST', body: { csv: csvOf([row(1)]) } })),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(world.importsById.size).toBe(0);
  });
});
