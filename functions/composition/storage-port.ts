import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStorage } from '../adapters/s3-document-storage.js';
import { type DocumentVersions, S3ObjectDeletion } from '../adapters/s3-object-deletion.js';
import { S3UploadForms } from '../adapters/s3-upload-forms.js';

/** Everything of the documents bucket: reading, download links, upload forms, deleting. */
export const storagePort = (bucket: string, versions?: DocumentVersions, client = new S3Client({})) =>
  new S3DocumentStorage(client, bucket, versions);

/** For the portal: upload forms only, so its bundle carries no more of S3 than that. */
export const uploadFormsPort = (bucket: string, client = new S3Client({})) =>
  new S3UploadForms(client, bucket);

/** For the coordinator API (a purge) and the retention sweep: deleting documents, every version, only. */
export const objectDeletionPort = (bucket: string, versions?: DocumentVersions, client = new S3Client({})) =>
  new S3ObjectDeletion(client, bucket, versions);
