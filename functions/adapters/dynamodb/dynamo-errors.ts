import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConcurrentUpdateError, TransientDependencyError } from '../../core/errors.js';

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/**
 * Runs a DynamoDB call, turning a lost condition into ConcurrentUpdateError and throttling or
 * an outage into TransientDependencyError (the names Step Functions retries on).
 */
export const withDynamoErrors = async <T>(what: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    throw translateDynamoError(error, what);
  }
};

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

export const translateDynamoError = (error: unknown, what: string): unknown => {
  if (isConditionFailure(error))
    return new ConcurrentUpdateError(`${what} changed while it was being updated.`);
  if (error instanceof Error && TRANSIENT.has(error.name)) {
    return new TransientDependencyError(`DynamoDB is throttling or unavailable (${error.name}).`, {
      cause: error,
    });
  }
  return error;
};
