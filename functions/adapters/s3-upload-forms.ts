import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { UploadForm, UploadForms } from '../core/ports.js';

/** Presigned POST forms into the documents bucket: all the portal needs of S3 (so its bundle stays small). */
export class S3UploadForms implements UploadForms {
  private origin: Promise<string> | undefined;

  constructor(
    protected readonly client: S3Client,
    protected readonly bucket: string,
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

  uploadOrigin(): Promise<string> {
    // Presigning is local work (no request): sign a throwaway form once to learn the endpoint.
    this.origin ??= createPresignedPost(this.client, { Bucket: this.bucket, Key: 'origin-probe' }).then(
      ({ url }) => new URL(url).origin,
    );
    return this.origin;
  }
}
