import {
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectDeletion } from '../../functions/adapters/s3-object-deletion.js';
import { TransientDependencyError } from '../../functions/core/errors.js';

const BUCKET = 'onboarding-test-documents';
const KEY = 'placements/pl_abc/doc_1';
const s3 = mockClient(S3Client);
const deletion = new S3ObjectDeletion(
  new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' } }),
  BUCKET,
);

const s3Error = (name: string, fault: 'client' | 'server' = 'client', status = 400) =>
  new S3ServiceException({ name, $fault: fault, $metadata: { httpStatusCode: status }, message: name });

/** The inputs of every DeleteObject sent, in order. */
const deletes = () => s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input);

beforeEach(() => {
  s3.reset();
  s3.on(DeleteObjectCommand).resolves({});
});

describe('S3ObjectDeletion.delete on a versioned bucket', () => {
  it('lists the versions of the key alone and deletes each version and delete marker by its id, the current last', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      IsTruncated: false,
      Versions: [
        { Key: KEY, VersionId: 'v-new', IsLatest: false },
        { Key: KEY, VersionId: 'v-old', IsLatest: false },
      ],
      DeleteMarkers: [{ Key: KEY, VersionId: 'marker', IsLatest: true }],
    });

    await deletion.delete(KEY);

    expect(s3.commandCalls(ListObjectVersionsCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Prefix: KEY,
    });
    expect(deletes()).toEqual([
      { Bucket: BUCKET, Key: KEY, VersionId: 'v-new' },
      { Bucket: BUCKET, Key: KEY, VersionId: 'v-old' },
      { Bucket: BUCKET, Key: KEY, VersionId: 'marker' },
    ]);
  });

  it('deletes the current version after the noncurrent ones, so the object never falls back to an older one', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: KEY, VersionId: 'current', IsLatest: true },
        { Key: KEY, VersionId: 'older', IsLatest: false },
      ],
    });

    await deletion.delete(KEY);

    expect(deletes().map((input) => input.VersionId)).toEqual(['older', 'current']);
  });

  it('leaves alone other keys that start with the same characters', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: KEY, VersionId: 'mine', IsLatest: true },
        { Key: `${KEY}0`, VersionId: 'doc_10', IsLatest: true },
      ],
      DeleteMarkers: [{ Key: `${KEY}0`, VersionId: 'doc_10-marker', IsLatest: false }],
    });

    await deletion.delete(KEY);

    expect(deletes()).toEqual([{ Bucket: BUCKET, Key: KEY, VersionId: 'mine' }]);
  });

  it('follows the listing across pages until the key has no more versions', async () => {
    s3.on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        NextKeyMarker: KEY,
        NextVersionIdMarker: 'v2',
        Versions: [
          { Key: KEY, VersionId: 'v1', IsLatest: true },
          { Key: KEY, VersionId: 'v2', IsLatest: false },
        ],
      })
      .resolvesOnce({
        IsTruncated: false,
        Versions: [{ Key: KEY, VersionId: 'v3', IsLatest: false }],
        DeleteMarkers: [{ Key: KEY, VersionId: 'm1', IsLatest: false }],
      });

    await deletion.delete(KEY);

    const listings = s3.commandCalls(ListObjectVersionsCommand).map((call) => call.args[0].input);
    expect(listings).toEqual([
      { Bucket: BUCKET, Prefix: KEY },
      { Bucket: BUCKET, Prefix: KEY, KeyMarker: KEY, VersionIdMarker: 'v2' },
    ]);
    expect(deletes().map((input) => input.VersionId)).toEqual(['v2', 'v3', 'm1', 'v1']);
  });

  it('stops listing once a page reaches keys after this one', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      IsTruncated: true,
      NextKeyMarker: `${KEY}0`,
      NextVersionIdMarker: 'x',
      Versions: [
        { Key: KEY, VersionId: 'v1', IsLatest: true },
        { Key: `${KEY}0`, VersionId: 'x', IsLatest: true },
      ],
    });

    await deletion.delete(KEY);

    expect(s3.commandCalls(ListObjectVersionsCommand)).toHaveLength(1);
    expect(deletes().map((input) => input.VersionId)).toEqual(['v1']);
  });

  it('does nothing for a key with no versions left (already deleted: a re-run)', async () => {
    s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false });

    await deletion.delete(KEY);

    expect(deletes()).toEqual([]);
  });

  it('counts a version deleted meanwhile as deleted, and goes on with the others', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: KEY, VersionId: 'gone', IsLatest: false },
        { Key: KEY, VersionId: 'current', IsLatest: true },
      ],
    });
    s3.on(DeleteObjectCommand, { VersionId: 'gone' }).rejects(s3Error('NoSuchVersion', 'client', 404));

    await deletion.delete(KEY);

    expect(deletes().map((input) => input.VersionId)).toEqual(['gone', 'current']);
  });
});

describe('S3ObjectDeletion.delete on a store without versions (the local S3, told so by the local cloud)', () => {
  const unversioned = new S3ObjectDeletion(
    new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' } }),
    BUCKET,
    'none',
  );

  it.each([
    ['MethodNotAllowed', 405],
    ['NotImplemented', 501],
  ])(
    'deletes the key with a plain delete, never listing versions (the store would answer %s)',
    async (name, status) => {
      s3.on(ListObjectVersionsCommand).rejects(s3Error(name, status === 501 ? 'server' : 'client', status));

      await unversioned.delete(KEY);

      expect(deletes()).toEqual([{ Bucket: BUCKET, Key: KEY }]);
      expect(s3.commandCalls(ListObjectVersionsCommand)).toHaveLength(0);
    },
  );
});

describe('S3ObjectDeletion.delete on a bucket that should keep versions but refuses to list them', () => {
  it.each([
    ['MethodNotAllowed', 405],
    ['NotImplemented', 501],
  ])(
    'fails with %s and deletes nothing: a plain delete would leave the older versions behind',
    async (name, status) => {
      const refusal = s3Error(name, status === 501 ? 'server' : 'client', status);
      s3.on(ListObjectVersionsCommand).rejects(refusal);

      const failure = await deletion.delete(KEY).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(Error);
      expect(deletes()).toEqual([]);
    },
  );
});

describe('S3ObjectDeletion.delete failures', () => {
  it.each(['SlowDown', 'ServiceUnavailable', 'InternalError'])(
    'turns %s from the listing into a TransientDependencyError (retried), deleting nothing',
    async (name) => {
      const cause = s3Error(name, 'server', 503);
      s3.on(ListObjectVersionsCommand).rejects(cause);

      const failure = await deletion.delete(KEY).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(TransientDependencyError);
      expect((failure as Error).cause).toBe(cause);
      expect(deletes()).toEqual([]);
    },
  );

  it('turns throttling of a version delete into a TransientDependencyError', async () => {
    s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: KEY, VersionId: 'v1', IsLatest: true }] });
    s3.on(DeleteObjectCommand).rejects(s3Error('SlowDown', 'server', 503));

    await expect(deletion.delete(KEY)).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('rethrows a refusal as it is: retrying would not help', async () => {
    const denied = s3Error('AccessDenied', 'client', 403);
    s3.on(ListObjectVersionsCommand).rejects(denied);

    await expect(deletion.delete(KEY)).rejects.toBe(denied);
    expect(deletes()).toEqual([]);
  });
});
