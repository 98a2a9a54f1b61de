import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * A document client for the adapter under test (`client`, with fake credentials) and the mock that
 * answers its calls (`ddb`): the test arranges the answers and reads the calls on `ddb`.
 */
export const mockedDocumentClient = () => ({
  ddb: mockClient(DynamoDBDocumentClient),
  client: DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    }),
  ),
});
