import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StudentDocument } from '../../core/model/student-document.js';
import type { DocumentRepository } from '../../core/ports.js';
import { isConditionFailure, translateDynamoError, withDynamoErrors } from './dynamo-errors.js';
import { queryAllItems } from './query-pages.js';
import {
  documentKey,
  queueIndexKey,
  queueSortKey,
  shardOf,
  studentDocumentsPartition,
} from './table-keys.js';

export class DocumentTable implements DocumentRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getDocument(studentId: string, documentId: string): Promise<StudentDocument | undefined> {
    const { Item } = await withDynamoErrors('The document', () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: documentKey(studentId, documentId),
          ConsistentRead: true,
        }),
      ),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async listStudentDocuments(studentId: string): Promise<StudentDocument[]> {
    const items = await queryAllItems(this.client, 'The document', {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      ExpressionAttributeValues: { ':pk': studentDocumentsPartition(studentId), ':doc': 'DOC#' },
      ConsistentRead: true,
    });
    return items.map(fromItem);
  }

  async saveDocument(document: StudentDocument): Promise<void> {
    await withDynamoErrors('The document', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(document),
        }),
      ),
    );
  }

  async updateDocument(document: StudentDocument): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(document),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw translateDynamoError(error, 'The document');
    }
  }

  async deleteDocument(studentId: string, documentId: string): Promise<void> {
    await withDynamoErrors('The document', () =>
      this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: documentKey(studentId, documentId) }),
      ),
    );
  }
}

/** The item; a SUBMITTED document also joins the verification queue (`queueIndexKey`, docs/data-model.md). */
export const toItem = (document: StudentDocument): Record<string, unknown> => ({
  ...documentKey(document.studentId, document.documentId),
  ...(document.status === 'SUBMITTED' &&
  document.submittedAt !== undefined &&
  document.withdrawnAt === undefined
    ? {
        gsi1pk: queueIndexKey(shardOf(document.documentId)),
        gsi1sk: queueSortKey(document.submittedAt, document.documentId),
      }
    : {}),
  ...document,
});

export const fromItem = (item: Record<string, unknown>): StudentDocument => {
  const { pk: _pk, sk: _sk, gsi1pk: _queue, gsi1sk: _order, ...document } = item;
  return document as unknown as StudentDocument;
};
