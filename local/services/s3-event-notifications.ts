import { randomBytes } from 'node:crypto';
import type { S3rverEvent } from 's3rver';
import { LOCAL_REGION } from '../template/local-aws-account.js';
import type { BucketNotificationSpec } from '../template/local-cloud-model.js';

/**
 * Encodes an object key as S3 does in event notifications: form-style URL encoding (a space is
 * `+`, `+` is `%2B`) that keeps `/` as it is.
 */
export function encodeS3EventKey(key: string): string {
  let encoded = '';
  for (const character of key) {
    if (/[A-Za-z0-9.\-_*/]/.test(character)) encoded += character;
    else if (character === ' ') encoded += '+';
    else {
      for (const byte of Buffer.from(character, 'utf8')) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return encoded;
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`; `s3:ObjectCreated:Post` matches only itself. */
export function matchesEventPattern(pattern: string, eventName: string): boolean {
  const wanted = pattern.replace(/^s3:/, '');
  if (wanted.endsWith(':*')) return eventName.startsWith(wanted.slice(0, -1));
  return wanted === eventName;
}

/** The notifications that S3 would deliver for this event (event type, prefix and suffix filters). */
export function matchingNotifications(
  notifications: BucketNotificationSpec[],
  bucketName: string,
  eventName: string,
  key: string,
): BucketNotificationSpec[] {
  return notifications.filter(
    (notification) =>
      notification.bucketName === bucketName &&
      notification.events.some((pattern) => matchesEventPattern(pattern, eventName)) &&
      (notification.prefix === undefined || key.startsWith(notification.prefix)) &&
      (notification.suffix === undefined || key.endsWith(notification.suffix)),
  );
}

/** The event a notified function receives: one record, shaped as S3 sends it, key URL-encoded. */
export function s3NotificationEvent(
  record: S3rverEvent['Records'][number],
  configurationId: string,
): { Records: unknown[] } {
  const { bucket, object } = record.s3;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: record.eventTime,
        eventName: record.eventName,
        userIdentity: { principalId: 'AWS:AIDALOCALS3RVER' },
        requestParameters: { sourceIPAddress: record.requestParameters.sourceIPAddress },
        responseElements: {
          'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
          'x-amz-id-2': randomBytes(32).toString('base64'),
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId,
          bucket: {
            name: bucket.name,
            ownerIdentity: { principalId: 'A3LOCALS3RVER' },
            arn: `arn:aws:s3:::${bucket.name}`,
          },
          object: {
            key: encodeS3EventKey(object.key),
            ...(object.size !== undefined ? { size: object.size } : {}),
            ...(object.eTag !== undefined ? { eTag: object.eTag } : {}),
            sequencer: object.sequencer.padStart(18, '0'),
          },
        },
      },
    ],
  };
}
