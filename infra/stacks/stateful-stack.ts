import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { DataKey } from '../constructs/data-key.js';
import { StaffUserPool } from '../constructs/staff-user-pool.js';
import { documentsBucketName, tableName } from '../resource-names.js';
import type { StaffSignInSettings } from '../staff-sign-in-settings.js';

export interface StatefulStackProps extends StackProps {
  stage: string;
  /** Origin of the portal pages; the only origin allowed to POST uploads to the bucket from a browser. */
  publicBaseUrl: string;
  documentRetentionDays: number;
  logRetention: RetentionDays;
  /** RETAIN (with deletion protection on the table) or DESTROY: the table and both buckets. */
  removalPolicy: RemovalPolicy;
  /** How staff sign in to the console: a Cognito pool made here, or the school's own provider (none made). */
  staffSignIn: StaffSignInSettings;
}

/**
 * Days the documents bucket's lifecycle rule waits, after an upload and beyond the retention period,
 * before deleting a document the daily retention sweep has not (a backstop: the sweep deletes it the
 * retention period after its rotation ends, functions/use-cases/apply-retention.ts).
 */
export const DOCUMENT_BACKSTOP_EXTRA_DAYS = 365;

/** S3 object key prefix under which every student document lives: `placements/{placementId}/{documentId}`. */
export const DOCUMENTS_PREFIX = 'placements/';

/**
 * What outlives a code deployment: the data key, the one table and the documents bucket (with its
 * access-log bucket). The key is always retained; the stage's removal policy decides for the rest. They
 * have physical names (infra/resource-names.ts) through which the stateless stack refers to them, so
 * this stack exports nothing.
 */
export class StatefulStack extends Stack {
  readonly dataKey: IKey;
  readonly table: Table;
  readonly documentsBucket: Bucket;
  /** The staff directory, when the console signs in through Cognito (not the school's own provider). */
  readonly staffUserPool: StaffUserPool | undefined;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const retain = props.removalPolicy === RemovalPolicy.RETAIN;

    this.dataKey = new DataKey(this, 'DataKey', { stage: props.stage }).key;

    this.table = new Table(this, 'Table', {
      tableName: tableName(props.stage),
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retain,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      timeToLiveAttribute: 'expiresAtEpoch',
      removalPolicy: props.removalPolicy,
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
    // Placements by rotation start date (sharded): the console's date filter and "starting soon".
    this.table.addGlobalSecondaryIndex({
      indexName: 'byStart',
      partitionKey: { name: 'gsi3pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi3sk', type: AttributeType.STRING },
    });
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'Point-in-time recovery (continuous backups, 35 days) is on, and deletion protection in retained stages; ' +
        'long-term AWS Backup copies (vault, schedule, retention) are an operations decision not yet taken.',
    });

    const accessLogsBucket = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access logging can deliver only to a bucket encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(props.logRetention),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    // cdk-nag recognizes a server access log destination: no S1 / S3BucketLoggingEnabled finding here.
    Validations.of(accessLogsBucket).acknowledge(
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
      // SSE-KMS with the data key; the bucket key cuts KMS calls (and their cost) to a few per object batch.
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'documents-bucket/',
      removalPolicy: props.removalPolicy,
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
          // The backstop; the retention sweep deletes documents `documentRetentionDays` after the rotation ends.
          expiration: Duration.days(props.documentRetentionDays + DOCUMENT_BACKSTOP_EXTRA_DAYS),
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

    this.staffUserPool =
      props.staffSignIn.kind === 'cognito'
        ? new StaffUserPool(this, 'StaffSignIn', {
            stage: props.stage,
            publicBaseUrl: props.publicBaseUrl,
            mfa: props.staffSignIn.mfa,
            domainPrefix: props.staffSignIn.domainPrefix,
            removalPolicy: props.removalPolicy,
          })
        : undefined;
  }
}
