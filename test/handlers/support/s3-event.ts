import type { S3Event } from 'aws-lambda';

/** An S3 ObjectCreated:Post notification for one object; S3 URL-encodes the key. */
export const objectCreatedEvent = (bucket: string, encodedKey: string, size = 1024): S3Event => ({
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2030-03-01T09:00:00.000Z',
      eventName: 'ObjectCreated:Post',
      userIdentity: { principalId: 'AWS:AROAEXAMPLE' },
      requestParameters: { sourceIPAddress: '203.0.113.7' },
      responseElements: { 'x-amz-request-id': 'req-1', 'x-amz-id-2': 'id-2' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'documents-uploaded',
        bucket: { name: bucket, ownerIdentity: { principalId: 'OWNER' }, arn: `arn:aws:s3:::${bucket}` },
        object: { key: encodedKey, size, eTag: 'etag', sequencer: '0A1B2C3D4E5F678901' },
      },
    },
  ],
});

/** A GetObject body as the SDK returns it, reduced to what the storage adapter reads. */
export const objectBody = (bytes: Uint8Array | string) => {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { transformToByteArray: async () => data } as never;
};
