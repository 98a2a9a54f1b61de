import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { SESServiceException } from '@aws-sdk/client-ses';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SFNServiceException,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';

/** Service errors as the AWS SDK v3 clients throw them. */
const metadata = { httpStatusCode: 400, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 };

export const conditionalCheckFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: metadata });

export const dynamoThrottled = () =>
  new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    $metadata: metadata,
  });

export const dynamoThrottlingException = () =>
  new ThrottlingException({
    message: 'Rate of requests exceeds the allowed throughput.',
    $metadata: metadata,
  });

export const tableNotFound = (tableName: string) =>
  new ResourceNotFoundException({
    message: `Requested resource not found: Table: ${tableName} not found`,
    $metadata: metadata,
  });

/** SES (query protocol) answers `Throttling` when the sending rate is exceeded. */
export const sesThrottling = () =>
  new SESServiceException({
    name: 'Throttling',
    $fault: 'client',
    $metadata: metadata,
    message: 'Maximum sending rate exceeded.',
  });

export const sesMessageRejected = () =>
  new SESServiceException({
    name: 'MessageRejected',
    $fault: 'client',
    $metadata: metadata,
    message: 'Email address is not verified.',
  });

export const taskTimedOut = () => new TaskTimedOut({ message: 'Task Timed Out', $metadata: metadata });
export const invalidToken = () => new InvalidToken({ message: 'Invalid Token', $metadata: metadata });
export const taskDoesNotExist = () =>
  new TaskDoesNotExist({ message: 'Task does not exist', $metadata: metadata });
export const executionAlreadyExists = () =>
  new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: metadata });
export const executionDoesNotExist = () =>
  new ExecutionDoesNotExist({ message: 'Execution Does Not Exist', $metadata: metadata });
export const sfnThrottling = () =>
  new SFNServiceException({
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: metadata,
    message: 'Rate exceeded',
  });
