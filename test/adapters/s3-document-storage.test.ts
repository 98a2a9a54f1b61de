import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3DocumentStorage } from '../../functions/adapters/s3-document-storage.js';
import { objectBody } from '../handlers/support/s3-event.js';

const BUCKET = 'onboarding-test-documents';
const KEY = 'placements/pl_abc/doc_def';
const s3 = mockClient(S3Client);
const storage = new S3DocumentStorage(
  new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' } }),
  BUCKET,
);

beforeEach(() => {
  s3.reset();
});

describe('S3DocumentStorage.createUploadForm', () => {
  it('signs a POST policy for exactly this key, 1 byte to the limit, and the declared content type', async () => {
    const form = await storage.createUploadForm({
      key: KEY,
      contentType: 'image/png',
      maxBytes: 10_485_760,
      expiresInSeconds: 900,
    });

    expect(form.fields).toMatchObject({ key: KEY, bucket: BUCKET, 'Content-Type': 'image/png' });
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 10_485_760],
        ['eq', '$Content-Type', 'image/png'],
        { bucket: BUCKET },
        { key: KEY },
      ]),
    );
    expect(s3.calls()).toHaveLength(0);
  });
});

describe('S3DocumentStorage.inspect', () => {
  it('reads the size and only the first bytes', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 5000 });
    s3.on(GetObjectCommand).resolves({ Body: objectBody(new Uint8Array(40).fill(7)) });

    const object = await storage.inspect(KEY, 32);

    expect(object?.size).toBe(5000);
    expect(object?.head).toHaveLength(32);
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: KEY,
      Range: 'bytes=0-31',
    });
  });

  it('does not read an empty object', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 0 });

    await expect(storage.inspect(KEY, 32)).resolves.toEqual({ size: 0, head: new Uint8Array() });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('answers undefined for an object that is gone', async () => {
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: 'Not Found', $metadata: {} }));

    await expect(storage.inspect(KEY, 32)).resolves.toBeUndefined();
  });

  it('answers undefined when the object goes between HEAD and GET', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 10 });
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'No such key', $metadata: {} }));

    await expect(storage.inspect(KEY, 32)).resolves.toBeUndefined();
  });

  it('rethrows any other failure', async () => {
    const denied = new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: {},
      message: 'Access Denied',
    });
    s3.on(HeadObjectCommand).rejects(denied);

    await expect(storage.inspect(KEY, 32)).rejects.toBe(denied);
  });
});

describe('S3DocumentStorage links and deletion', () => {
  it('deletes every stored version of the key (a rejected file may be health data), not only the current one', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: KEY, VersionId: 'v2', IsLatest: true },
        { Key: KEY, VersionId: 'v1', IsLatest: false },
      ],
    });
    s3.on(DeleteObjectCommand).resolves({});

    await storage.delete(KEY);

    expect(s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: BUCKET, Key: KEY, VersionId: 'v1' },
      { Bucket: BUCKET, Key: KEY, VersionId: 'v2' },
    ]);
  });

  it('presigns a short-lived GET without a request', async () => {
    const url = new URL(await storage.createDownloadUrl(KEY, 300));

    expect(url.pathname).toContain(KEY);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(s3.calls()).toHaveLength(0);
  });

  it('knows the origin uploads go to, without a request', async () => {
    await expect(storage.uploadOrigin()).resolves.toMatch(/^https:\/\/[a-z0-9.-]+\.amazonaws\.com$/);
    expect(s3.calls()).toHaveLength(0);
  });
});
