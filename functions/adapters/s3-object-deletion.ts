import {
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { TransientDependencyError } from '../core/errors.js';
import type { ObjectDeletion } from '../core/ports.js';

/**
 * Whether the store keeps versions of an object. The documents bucket on AWS is versioned (`kept`, the
 * default); only the local cloud's S3 (s3rver) keeps none and refuses a version listing, and it says so
 * through the one seam of the local cloud (functions/config/local-cloud.ts).
 */
export type DocumentVersions = 'kept' | 'none';
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
    private readonly versions: DocumentVersions = 'kept',
  ) {}

  async delete(key: string): Promise<void> {
    try {
      if (this.versions === 'none') {
        // A store without versions: a plain delete removes the only copy there is.
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
        return;
      }
      for (const versionId of await this.versionIdsOf(key)) await this.deleteVersion(key, versionId);
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
   * stop part way, the object never falls back to an older version, and a re-run finishes. The listing's prefix is the key itself, so other keys that start
   * with it (`…/doc_1` and `…/doc_10`) are left out, and they sort after it: the listing stops there.
   */
  private async versionIdsOf(key: string): Promise<string[]> {
    const noncurrent: string[] = [];
    const current: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await this.listPage(key, keyMarker, versionIdMarker);
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
