import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { TestCloud } from './test-cloud.js';

/** The local cloud's documents bucket, through the S3 API: a client for it and its name. */
export const documentsBucket = (cloud: TestCloud) => ({
  s3: new S3Client({
    endpoint: cloud.cloud.endpoints.s3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  }),
  bucket: cloud.cloud.model.bucketNotifications[0]?.bucketName ?? '',
});

/** The keys stored under one placement's prefix in the documents bucket. */
export const storedKeys = async (cloud: TestCloud, placementId: string): Promise<string[]> => {
  const { s3, bucket } = documentsBucket(cloud);
  const listing = await s3.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: `placements/${placementId}/` }),
  );
  return (listing.Contents ?? []).map((object) => object.Key ?? '');
};
