import { FunctionFaults } from './function-faults.js';
import { S3EventFaults } from './s3-event-faults.js';
import { ServiceFaults } from './service-faults.js';

/**
 * Test-only fault switches on the local cloud (`startLocalCloud({ faults: new LocalFaults() })`):
 * SES and DynamoDB answering with throttling or outage errors, a function crashing or hanging
 * part-way through an invocation, S3 events delivered again or out of order. Nothing is installed
 * unless a LocalFaults is passed, and nothing of it exists in the deployed code.
 */
export class LocalFaults {
  readonly mailbox = new ServiceFaults();
  readonly dynamodb = new ServiceFaults();
  readonly functions = new FunctionFaults();
  readonly s3Events = new S3EventFaults();
}
