import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import { ValidationError } from '../../core/errors.js';
import { importFinished, type PlacementImport } from '../../core/model/placement-import.js';
import type { RouteRequest, RouteTable } from '../../http/route-table.js';
import type { FormFile } from '../../middleware/http-body.js';
import { checkAndStorePlacementImport } from '../../use-cases/check-placement-import.js';
import { getPlacementImport, runPlacementImportChunk } from '../../use-cases/run-placement-import-chunk.js';
import { consoleLinks } from '../../web/console/console-links.js';
import { type ImportView, renderImportPage } from '../../web/console/import-page.js';
import {
  afterChange,
  allow,
  CONSOLE_BASE_PATH,
  type ConsolePorts,
  changedBy,
  formText,
  pageAnswer,
} from '../console-request.js';

const links = consoleLinks(CONSOLE_BASE_PATH);

/** The largest console request body: a CSV import (its rows must also fit one table item). */
export const MAX_IMPORT_BODY_BYTES = 1024 * 1024;

const isFormFile = (value: unknown): value is FormFile =>
  typeof value === 'object' && value !== null && typeof (value as FormFile).text === 'string';

/** The CSV as posted: the `file` of a multipart form, or the `csv` text of a plain form (with `fileName`). */
const postedCsv = (body: unknown): { fileName: string; text: string } => {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  if (isFormFile(file) && file.text.trim() !== '') {
    return { fileName: file.fileName || 'the file', text: file.text };
  }
  const text = formText(body, 'csv');
  if (text !== undefined && text.trim() !== '') {
    return { fileName: formText(body, 'fileName')?.trim() || 'the pasted CSV', text };
  }
  throw new ValidationError([{ path: 'file', message: 'Choose a CSV file (or paste its text) to import.' }]);
};

/** The import's page: the confirmation until it is started, the progress after. */
const importView = (record: PlacementImport): ImportView =>
  record.done === 0
    ? {
        state: 'confirm',
        fileName: record.fileName,
        importId: record.importId,
        toCreate: record.rows.length - record.alreadyExistAtCheck,
        alreadyExist: record.alreadyExistAtCheck,
      }
    : {
        state: 'progress',
        importId: record.importId,
        fileName: record.fileName,
        total: record.rows.length,
        created: record.created,
        alreadyExisted: record.alreadyExisted,
        failed: record.failed,
        finished: importFinished(record),
      };

const chooseAgain = (request: RouteRequest, ports: ConsolePorts, error: ValidationError) =>
  pageAnswer(request, ports, { state: 'choose', errors: error.details } as ImportView, renderImportPage, {
    statusCode: 400,
  });

/**
 * The CSV import (coordinators): every row is checked before anything is created (each bad row shown
 * by number, 400); a clean file is stored and confirmed; each "Continue" creates the next rows
 * (`runPlacementImportChunk`) and shows the progress. Re-running creates nothing twice.
 */
export const importRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/import': async (request) => {
    allow(request, 'import-placements');
    return pageAnswer(request, ports, { state: 'choose' } as ImportView, renderImportPage);
  },

  'POST /console/import': async (request) => {
    const staff = allow(request, 'import-placements');
    try {
      const csv = postedCsv(request.body);
      const check = await checkAndStorePlacementImport(ports, { ...csv, by: changedBy(staff) });
      if (check.outcome === 'invalid') {
        const view: ImportView = {
          state: 'invalid',
          fileName: csv.fileName,
          rows: check.rows,
          issues: check.problems,
        };
        return pageAnswer(request, ports, view, renderImportPage, { statusCode: 400 });
      }
      return afterChange(
        request,
        ports,
        links.importRun(check.record.importId),
        { tone: 'done', text: `Every row of ${csv.fileName} is good.` },
        importView(check.record),
      );
    } catch (error) {
      if (error instanceof ValidationError && !request.headers.accept?.includes('application/json')) {
        return chooseAgain(request, ports, error);
      }
      throw error;
    }
  },

  'GET /console/import/{importId}': async (request) => {
    allow(request, 'import-placements');
    const record = await getPlacementImport(ports, request.params.importId ?? '');
    return pageAnswer(request, ports, importView(record), renderImportPage);
  },

  'POST /console/import/{importId}': async (request) => {
    allow(request, 'import-placements');
    const record = await runPlacementImportChunk(ports, request.params.importId ?? '');
    const finished = importFinished(record);
    return afterChange(
      request,
      ports,
      links.importRun(record.importId),
      {
        tone: finished ? 'done' : 'info',
        text: finished
          ? `Import finished: ${record.created} created, ${record.alreadyExisted} already existed, ${record.failed.length} failed.`
          : `${record.done} of ${record.rows.length} rows done.`,
      },
      importView(record),
    );
  },
});
