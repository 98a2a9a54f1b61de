import { mkdir } from 'node:fs/promises';
import S3rver, { type S3rverEvent } from 's3rver';
import type { BucketNotificationSpec, BucketSpec } from '../template/local-cloud-model.js';
import type { RunningService } from './dynamodb-service.js';
import { closeServer } from './listen-on-loopback.js';
import { corsConfigurationXml } from './s3-cors-configuration.js';
import { matchingNotifications, s3NotificationEvent } from './s3-event-notifications.js';

export interface S3ServiceOptions {
  port: number;
  directory: string;
  buckets: BucketSpec[];
  notifications: BucketNotificationSpec[];
  /** Origins added to every bucket CORS rule that lists origins (the local API's). */
  localOrigins: string[];
  /** Invokes the notified function asynchronously (as S3 does: retried by the caller). */
  deliver: (functionName: string, event: unknown) => void;
}

/** s3rver with the template's buckets and CORS rules; its object events invoke the notified functions. */
export async function startS3(options: S3ServiceOptions): Promise<RunningService> {
  await mkdir(options.directory, { recursive: true });
  const s3rver = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((bucket) => {
      const cors = corsConfigurationXml(bucket.corsRules, options.localOrigins);
      return { name: bucket.bucketName, configs: cors ? [cors] : [] };
    }),
  });
  s3rver.on('event', (event: S3rverEvent) => {
    for (const record of event.Records) {
      const targets = matchingNotifications(
        options.notifications,
        record.s3.bucket.name,
        record.eventName,
        record.s3.object.key,
      );
      for (const target of targets)
        options.deliver(target.functionName, s3NotificationEvent(record, target.id));
    }
  });
  const address = await s3rver.run();
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      if (s3rver.httpServer) await closeServer(s3rver.httpServer);
    },
  };
}
