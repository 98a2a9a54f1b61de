import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { FUNCTION_ENTRIES_DIR, handlerBundleDir } from '../bundling/handler-bundles.js';

/** The entries in functions/entries/ (`<name>.ts`), one Lambda function each. */
export type HandlerName =
  | 'coordinator-api'
  | 'portal'
  | 'review'
  | 'console'
  | 'process-upload'
  | 'check-compliance'
  | 'collect-documents'
  | 'request-site-approval'
  | 'notify-outcome'
  | 'record-failure'
  | 'apply-retention';

/**
 * `api`: behind the HTTP API (a caller is waiting). `task`: a workflow task or an event consumer.
 */
export type FunctionPurpose = 'api' | 'task';

export interface OnboardingFunctionProps {
  /** The entry it runs: functions/entries/<handler>.ts. */
  readonly handler: HandlerName;
  /** Behind the API or a task: sets its timeout. */
  readonly purpose: FunctionPurpose;
  /** The stage it belongs to (its `STAGE` variable). */
  readonly stage: string;
  /** How long its logs are kept. */
  readonly logRetention: RetentionDays;
  /** The customer-managed key the function's log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  /** What deleting the stack does to the function's log group. */
  readonly logRemovalPolicy: RemovalPolicy;
  /** What the function does, as the console shows it. */
  readonly description: string;
  /**
   * Only for a function invoked asynchronously (by S3, or an EventBridge schedule): where events go after
   * Lambda's own retries.
   * When the queue is encrypted with a KMS key, the function may use that key through SQS.
   * @default - none: a synchronous caller (the API, a workflow task) receives the error itself
   */
  readonly deadLetterQueue?: IQueue;
  /**
   * Overrides the purpose's timeout (a scheduled sweep that works through many items).
   * @default - 10 s for `api`, 15 s for `task` (TIMEOUT_BY_PURPOSE)
   */
  readonly timeout?: Duration;
}

export const SERVICE_NAME = 'placement-onboarding';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Each must stay under EMAIL_LEASE_SECONDS (30 s, functions/use-cases/send-email-once.ts) for a function
 * that sends email, or a retry could send an email a timed-out attempt is still sending (checked in
 * test/infra/stateless-stack.test.ts). A longer `timeout` override is only for a function with no SES grant.
 */
const TIMEOUT_BY_PURPOSE: Record<FunctionPurpose, Duration> = {
  api: Duration.seconds(10),
  task: Duration.seconds(15),
};

/**
 * The house Lambda function: one handler file, Node.js 22 on arm64, bundled by esbuild as minified ESM
 * with the AWS SDK v3 inside the bundle (infra/bundling/), X-Ray tracing, and its own log group
 * with a retention, encrypted with the data key. Its role starts with nothing but writing to that log
 * group (and X-Ray, and its dead-letter queue if any); the grant helpers in function-grants.ts add each
 * resource together with the variable that names it.
 */
export class OnboardingFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: OnboardingFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: props.logRemovalPolicy,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.handler} function`,
    });

    // When this stack is not being bundled (`cdk synth --exclusively` of another stack, or the CDK tests),
    // the entries' sources stand in for the bundle, as NodejsFunction does.
    const code = Stack.of(scope).bundlingRequired
      ? Code.fromAsset(handlerBundleDir(PROJECT_ROOT, props.handler))
      : Code.fromAsset(join(PROJECT_ROOT, FUNCTION_ENTRIES_DIR));

    super(scope, id, {
      description: props.description,
      code,
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? TIMEOUT_BY_PURPOSE[props.purpose],
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        STAGE: props.stage,
      },
    });

    logGroup.grantWrite(role);

    // Lambda sends failed events to the queue with this role; SQS then encrypts them with the queue's key.
    const deadLetterKey = props.deadLetterQueue?.encryptionMasterKey;
    if (deadLetterKey) {
      role.addToPolicy(
        new PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [deadLetterKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `sqs.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }

    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permissions.',
      },
      {
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'The policy is generated from per-resource grants for this one role and deploys with it; a ' +
          'customer-managed policy would hold the same statements with no extra control.',
      },
    );
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'The design fixes nodejs22.x (the bundles target node22 and local development runs Node 20+); ' +
          'moving to a newer runtime is a deliberate, tested change.',
      },
      {
        id: 'HIPAA.Security-LambdaConcurrency',
        reason:
          'Reserved concurrency would carve capacity out of the account pool for every function; ' +
          'the HTTP API stage throttle and the per-placement workflow bound the load instead.',
      },
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason:
          'The function reaches only AWS APIs (DynamoDB, S3, SES, Step Functions) over TLS with IAM; it holds ' +
          'no network-reachable resource that a VPC would protect.',
      },
    );
    if (!props.deadLetterQueue) {
      Validations.of(this).acknowledge({
        id: 'HIPAA.Security-LambdaDLQ',
        reason:
          'Invoked synchronously (by the HTTP API or a Step Functions task), so the caller receives the error: ' +
          'the API answers it, the workflow retries and catches it into RecordFailure.',
      });
    }
  }
}
