import { DeleteObjectCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AwsClientStub } from 'aws-sdk-client-mock';

/** The version id every stored document has in a handler test's bucket. */
export const STORED_VERSION = 'v1';

/**
 * The documents bucket as S3 keeps it (versioned), with one stored version, STORED_VERSION, under
 * whatever key is asked about: a deletion lists the key's versions, then deletes each by its id.
 */
export function versionedDocuments(s3: AwsClientStub<S3Client>): void {
  s3.on(ListObjectVersionsCommand).callsFake((input: { Prefix?: string }) => ({
    IsTruncated: false,
    Versions: [{ Key: input.Prefix, VersionId: STORED_VERSION, IsLatest: true }],
  }));
  s3.on(DeleteObjectCommand).resolves({});
}

/** The DeleteObject inputs sent: `{ Bucket, Key, VersionId }` for each version deleted. */
export const deletedVersions = (s3: AwsClientStub<S3Client>) =>
  s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input);
