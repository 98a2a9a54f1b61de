import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { withDynamoErrors } from './dynamo-errors.js';

/**
 * The one paging loop of the tables' queries: every page of a query, in order, following
 * LastEvaluatedKey (from the input's ExclusiveStartKey, if any); each page's call goes through
 * `withDynamoErrors`. Leave the loop to stop early.
 *
 * Not the SDK's `paginateQuery`: it writes each page's ExclusiveStartKey into the one input object
 * every page's command shares (so a command, once sent, no longer says what it asked), and its
 * failures would need translating outside the generator anyway; this loop is the few lines it saves.
 */
export async function* queryPages(
  client: DynamoDBDocumentClient,
  what: string,
  input: QueryCommandInput,
): AsyncGenerator<QueryCommandOutput> {
  let startKey: QueryCommandInput['ExclusiveStartKey'] = input.ExclusiveStartKey;
  do {
    const page = await withDynamoErrors(what, () =>
      client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey })),
    );
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item a query matches, across all its pages. */
export async function queryAllItems(
  client: DynamoDBDocumentClient,
  what: string,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(client, what, input)) items.push(...(page.Items ?? []));
  return items;
}
