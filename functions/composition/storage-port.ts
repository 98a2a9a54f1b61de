import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStorage } from '../adapters/s3-document-storage.js';
import { readEnvironment } from '../config/environment.js';

export const storagePort = (client = new S3Client({})) =>
  new S3DocumentStorage(client, readEnvironment(['DOCUMENTS_BUCKET']).DOCUMENTS_BUCKET);
