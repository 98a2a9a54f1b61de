import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStorage } from '../adapters/s3-document-storage.js';
import { S3ObjectDeletion } from '../adapters/s3-object-deletion.js';
import { S3UploadForms } from '../adapters/s3-upload-forms.js';
import { readEnvironment } from '../config/environment.js';

export const storagePort = (client = new S3Client({})) =>
  new S3DocumentStorage(client, readEnvironment(['DOCUMENTS_BUCKET']).DOCUMENTS_BUCKET);

/** For the portal: upload forms only, so its bundle carries no more of S3 than that. */
export const uploadFormsPort = (client = new S3Client({})) =>
  new S3UploadForms(client, readEnvironment(['DOCUMENTS_BUCKET']).DOCUMENTS_BUCKET);

/** For the coordinator API (a purge) and the retention sweep: deleting documents, every version, only. */
export const objectDeletionPort = (client = new S3Client({})) =>
  new S3ObjectDeletion(client, readEnvironment(['DOCUMENTS_BUCKET']).DOCUMENTS_BUCKET);
