import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import type { Ports, TablePorts } from '../core/ports.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement, describeError, logger } from '../observability/logger.js';
import { processUploadedDocument } from '../use-cases/process-uploaded-document.js';

export type ProcessUploadPorts = TablePorts & Pick<Ports, 'storage' | 'workflow' | 'clock'>;

/** S3 writes keys URL-encoded in events, with spaces as '+'. */
const objectKeyOf = (encoded: string) => {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return encoded;
  }
};

/** The placement an object key belongs to: keys are `placements/{placementId}/{documentId}`. */
const placementOfKey = (objectKey: string) => /^placements\/([^/]+)\//.exec(objectKey)?.[1];

/**
 * S3 ObjectCreated → judge each uploaded document. Records for other buckets or malformed records are
 * skipped; an unexpected failure is rethrown so the event is retried. Each record's log lines carry
 * its placementId.
 */
export const createProcessUploadHandler = (
  ports: ProcessUploadPorts,
  settings: { documentsBucket: string },
) =>
  middy<S3Event, { processed: number }>()
    .use(logContext())
    .handler(async (event) => {
      const records = Array.isArray(event?.Records) ? event.Records : [];
      let processed = 0;
      for (const record of records) {
        const bucket = record?.s3?.bucket?.name;
        const key = record?.s3?.object?.key;
        if (bucket !== settings.documentsBucket || typeof key !== 'string') {
          correlateWithPlacement(undefined);
          logger.warn('Skipped an S3 record', { reason: 'unexpected bucket or key' });
          continue;
        }
        const objectKey = objectKeyOf(key);
        correlateWithPlacement(placementOfKey(objectKey));
        try {
          const outcome = await processUploadedDocument(ports, objectKey);
          logger.info('Upload processed', { outcome });
          processed++;
        } catch (error) {
          logger.error('Upload processing failed', describeError(error));
          throw error;
        }
      }
      return { processed };
    });
