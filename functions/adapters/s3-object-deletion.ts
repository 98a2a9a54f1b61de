import {
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { TransientDependencyError } from '../core/errors.js';
import type { ObjectDeletion } from '../core/ports.js';

/** How a store that keeps no versions answers a version listing: s3rver (the local S3) 405, others 501. */
const NO_VERSIONING = new Set(['MethodNotAllowed', 'NotImplemented']);
/** A version deleted meanwhile (a concurrent run): what was to be deleted is gone. */
const ALREADY_GONE = new Set(['NoSuchVersion', 'NoSuchKey']);
const TRANSIENT = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'TimeoutError',
]);

/**
 * Deleting documents for good, and nothing else of S3: what a purge, the retention sweep and the upload
 * processor (a rejected file) need. The documents bucket is versioned, so a plain DeleteObject would
 * only add a delete marker and leave the file's bytes as a noncurrent version; this deletes every
 * version of the key and every delete marker by its VersionId, so nothing of the file remains
 * (s3:ListBucketVersions and s3:DeleteObjectVersion, granted by grantDocumentsDelete).
 */
export class S3ObjectDeletion implements ObjectDeletion {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async delete(key: string): Promise<void> {
    try {
      const versionIds = await this.versionIdsOf(key);
      if (!versionIds) {
        // A store without versions (the local S3): a plain delete removes the only copy there is.
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
        return;
      }
      for (const versionId of versionIds) await this.deleteVersion(key, versionId);
    } catch (error) {
      throw transient(error);
    }
  }

  private async deleteVersion(key: string, versionId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }),
      );
    } catch (error) {
      if (error instanceof Error && ALREADY_GONE.has(error.name)) return;
      throw error;
    }
  }

  /**
   * The VersionIds of this exact key (versions and delete markers), the current one last: should a run
   * stop part way, the object never falls back to an older version, and a re-run finishes. Undefined
   * when the store keeps no versions. The listing's prefix is the key itself, so other keys that start
   * with it (`…/doc_1` and `…/doc_10`) are left out, and they sort after it: the listing stops there.
   */
  private async versionIdsOf(key: string): Promise<string[] | undefined> {
    const noncurrent: string[] = [];
    const current: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      let page: ListObjectVersionsCommandOutput;
      try {
        page = await this.listPage(key, keyMarker, versionIdMarker);
      } catch (error) {
        if (error instanceof Error && NO_VERSIONING.has(error.name)) return undefined;
        throw error;
      }
      let pastKey = false;
      for (const entry of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
        if (entry.Key !== key) pastKey = true;
        else if (entry.VersionId) (entry.IsLatest ? current : noncurrent).push(entry.VersionId);
      }
      if (!page.IsTruncated || pastKey || !page.NextKeyMarker) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
    return [...noncurrent, ...current];
  }

  private listPage(
    key: string,
    keyMarker: string | undefined,
    versionIdMarker: string | undefined,
  ): Promise<ListObjectVersionsCommandOutput> {
    return this.client.send(
      new ListObjectVersionsCommand({
        Bucket: this.bucket,
        Prefix: key,
        ...(keyMarker ? { KeyMarker: keyMarker } : {}),
        ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
      }),
    );
  }
}

/** Throttling or an outage → TransientDependencyError (retried); anything else (AccessDenied) as it is. */
const transient = (error: unknown): unknown =>
  error instanceof Error && (TRANSIENT.has(error.name) || (error as { $fault?: string }).$fault === 'server')
    ? new TransientDependencyError(`S3 is throttling or unavailable (${error.name}).`, { cause: error })
    : error;
