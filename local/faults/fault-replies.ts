/** An HTTP answer a faulty service gives instead of handling the request. */
export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const sesV1Error = (
  status: number,
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
): FaultReply => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body:
    `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${type}</Type>` +
    `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-injected</RequestId></ErrorResponse>`,
});

const dynamoDbError = (type: string, message: string): FaultReply => ({
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }),
});

/** What SES (v1, Query protocol) and DynamoDB answer when they throttle or are down. */
export const FAULT_REPLIES = {
  sesThrottling: sesV1Error(400, 'Sender', 'Throttling', 'Maximum sending rate exceeded.'),
  sesOutage: sesV1Error(503, 'Receiver', 'ServiceUnavailable', 'Service is unable to handle request.'),
  dynamoDbThroughputExceeded: dynamoDbError(
    'ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded.',
  ),
  dynamoDbThrottling: dynamoDbError(
    'ThrottlingException',
    'Rate of requests exceeds the allowed throughput.',
  ),
} as const;
