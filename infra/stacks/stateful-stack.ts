import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { documentsBucketName, tableName } from '../resource-names.js';

export interface StatefulStackProps extends StackProps {
  stage: string;
  /** Origin of the portal pages; the only origin allowed to POST uploads to the bucket from a browser. */
  publicBaseUrl: string;
  documentRetentionDays: number;
  logRetention: RetentionDays;
}

/** S3 object key prefix under which every student document lives: `placements/{placementId}/{documentId}`. */
export const DOCUMENTS_PREFIX = 'placements/';

/**
 * What outlives a code deployment: the one table and the documents bucket (with its access-log bucket),
 * all retained when the stack is deleted. They have physical names (infra/resource-names.ts) through
 * which the stateless stack refers to them, so this stack exports nothing.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly documentsBucket: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      tableName: tableName(props.stage),
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiresAtEpoch',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'byStatus',
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'bySite',
      partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
    });
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'Point-in-time recovery (continuous backups, 35 days) and deletion protection are on; long-term AWS ' +
        'Backup copies (vault, schedule, customer-managed key) are an operations decision, due with the KMS key.',
    });

    const accessLogsBucket = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access logging can deliver only to a bucket encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(props.logRetention),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    Validations.of(accessLogsBucket).acknowledge(
      {
        id: 'AwsSolutions-S1',
        reason: 'This is the server access log destination; logging it into itself would loop.',
      },
      {
        id: 'HIPAA.Security-S3BucketLoggingEnabled',
        reason: 'This is the server access log destination; logging it into itself would loop.',
      },
      {
        id: 'HIPAA.Security-S3DefaultEncryptionKMS',
        reason: 'S3 server access logging delivers only to buckets encrypted with S3-managed keys (SSE-S3).',
      },
      {
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason:
          'Access logs are operational records kept for the log retention period; no second region is needed.',
      },
    );

    this.documentsBucket = new Bucket(this, 'DocumentsBucket', {
      bucketName: documentsBucketName(props.stage),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // SSE-KMS with the AWS managed key: no key policy to manage, and presigned POST works unchanged.
      encryption: BucketEncryption.KMS_MANAGED,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'documents-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: [new URL(props.publicBaseUrl).origin],
          allowedMethods: [HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'delete-student-documents',
          prefix: DOCUMENTS_PREFIX,
          expiration: Duration.days(props.documentRetentionDays),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    Validations.of(this.documentsBucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'Student documents are short-lived copies deleted after the retention period; replicating them to a ' +
        'second region would widen where health records live without a recovery need (versioning covers deletes).',
    });
  }
}
