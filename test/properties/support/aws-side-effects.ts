import type { AwsStub } from 'aws-sdk-client-mock';

// biome-ignore lint/suspicious/noExplicitAny: any mocked client will do
type AnyStub = AwsStub<any, any, any>;

/** The names of the commands a mocked client received, in order. */
export const commandNames = (mock: AnyStub): string[] =>
  mock.calls().map((call) => (call.args[0] as object).constructor.name);

/**
 * S3 reads (judging an upload; listing a key's versions before deleting them) are not side effects;
 * anything else sent to S3 is.
 */
const S3_READS = new Set(['HeadObjectCommand', 'GetObjectCommand', 'ListObjectVersionsCommand']);

/**
 * Commands that change something outside the table: every SES and Step Functions command
 * (StartExecution, StopExecution, SendTask*), and S3 writes.
 */
export const externalWrites = (clients: { s3: AnyStub; sfn: AnyStub; ses: AnyStub }): string[] => [
  ...commandNames(clients.s3).filter((name) => !S3_READS.has(name)),
  ...commandNames(clients.sfn),
  ...commandNames(clients.ses),
];
