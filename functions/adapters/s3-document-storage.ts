import { GetObjectCommand, HeadObjectCommand, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DocumentStorage } from '../core/ports.js';
import { type DocumentVersions, S3ObjectDeletion } from './s3-object-deletion.js';
import { S3UploadForms } from './s3-upload-forms.js';

/** Everything the backend does with stored documents: upload forms, inspection, deletion, download links. */
export class S3DocumentStorage extends S3UploadForms implements DocumentStorage {
  private readonly deletion: S3ObjectDeletion;

  constructor(client: S3Client, bucket: string, versions: DocumentVersions = 'kept') {
    super(client, bucket);
    this.deletion = new S3ObjectDeletion(client, bucket, versions);
  }

  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const size = head.ContentLength ?? 0;
      if (size === 0) return { size, head: new Uint8Array() };
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${headBytes - 1}` }),
      );
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      return { size, head: bytes.subarray(0, headBytes) };
    } catch (error) {
      if (
        error instanceof NotFound ||
        (error instanceof Error && ['NotFound', 'NoSuchKey'].includes(error.name))
      ) {
        return undefined;
      }
      throw error;
    }
  }

  /** Every version of the key, as a purge deletes it: a rejected file may be health data. */
  async delete(key: string): Promise<void> {
    await this.deletion.delete(key);
  }

  async createDownloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }
}
