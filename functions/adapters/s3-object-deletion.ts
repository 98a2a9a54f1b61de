import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectDeletion } from '../core/ports.js';

/** Deleting documents, and nothing else of S3: what the coordinator API needs to purge. */
export class S3ObjectDeletion implements ObjectDeletion {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
