import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DocumentStorage, UploadForm } from '../core/ports.js';

export class S3DocumentStorage implements DocumentStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async createUploadForm(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<UploadForm> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: input.expiresInSeconds,
    });
    return { url, fields };
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

  private origin: Promise<string> | undefined;

  uploadOrigin(): Promise<string> {
    // Presigning is local work (no request): sign a throwaway form once to learn the endpoint.
    this.origin ??= createPresignedPost(this.client, { Bucket: this.bucket, Key: 'origin-probe' }).then(
      ({ url }) => new URL(url).origin,
    );
    return this.origin;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async createDownloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }
}
