import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { StatefulStack, type StatefulStackProps } from '../../infra/stacks/stateful-stack.js';
import { resolveIntrinsics } from '../support/resolve-intrinsics.js';
import { testApp } from './onboarding-app-fixture.js';

let template: Template;
let keyId: string;

function statefulTemplate(overrides: Partial<StatefulStackProps> = {}): Template {
  const stateful = new StatefulStack(testApp(), 'Stateful', {
    stage: 'test',
    publicBaseUrl: 'https://onboarding.example.edu',
    documentRetentionDays: 120,
    logRetention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.RETAIN,
    staffSignIn: { kind: 'cognito', mfa: 'required', domainPrefix: 'onboarding-test' },
    ...overrides,
  });
  return Template.fromStack(stateful);
}

beforeAll(() => {
  template = statefulTemplate();
  const [id] = Object.keys(template.findResources('AWS::KMS::Key'));
  keyId = id ?? '';
});

const keyArn = () => ({ 'Fn::GetAtt': [keyId, 'Arn'] });

describe('the data key', () => {
  it('is one customer-managed key, rotated automatically, and retained whatever the stage', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    statefulTemplate({ removalPolicy: RemovalPolicy.DESTROY }).hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
    });
  });

  it('has an alias named after the stage', () => {
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/placement-onboarding-test',
      TargetKeyId: keyArn(),
    });
  });

  it("lets CloudWatch Logs use it only for this account's log groups in this region", () => {
    const statements = resolveIntrinsics(
      template.findResources('AWS::KMS::Key')[keyId]?.Properties.KeyPolicy.Statement,
    ) as Array<Record<string, unknown>>;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-1.amazonaws.com' },
        Action: expect.arrayContaining(['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*']),
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:000000000000:log-group:*',
          },
        },
      }),
    );
  });

  it('lets CloudWatch alarms encrypt what they publish to the encrypted operations topic', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('publishes its ARN in an SSM parameter named after the stage, for the stateless stack', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/placement-onboarding/test/data-key-arn',
      Type: 'String',
      Value: keyArn(),
    });
  });
});

function bucketIdNamed(pattern: RegExp): string {
  const entry = Object.entries(template.findResources('AWS::S3::Bucket')).find(([, bucket]) =>
    pattern.test(String(resolveIntrinsics(bucket.Properties?.BucketName ?? ''))),
  );
  if (!entry) throw new Error(`No bucket named like ${pattern}`);
  return entry[0];
}

describe('the table', () => {
  it('is the one table, named after the stage, with string keys pk and sk, billed per request', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'PlacementOnboarding-test',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has the byStatus, bySite and byStart indexes projecting all attributes', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'bySite',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'byStart',
          KeySchema: [
            { AttributeName: 'gsi3pk', KeyType: 'HASH' },
            { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ]),
    });
  });

  it('is encrypted with the data key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn() },
    });
  });

  it('is recoverable to a point in time, and protected from deletion and retained in a retained stage', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('can be deleted with the stack in a stage whose removal policy is destroy', () => {
    statefulTemplate({ removalPolicy: RemovalPolicy.DESTROY }).hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        DeletionProtectionEnabled: false,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
      DeletionPolicy: 'Delete',
    });
  });

  it('expires cleanup items through the expiresAtEpoch attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAtEpoch', Enabled: true },
    });
  });
});

describe('the documents bucket', () => {
  let documentsId: string;
  let accessLogsId: string;
  beforeAll(() => {
    documentsId = bucketIdNamed(/^onboarding-test-docs-\d{12}-/);
    accessLogsId =
      Object.keys(template.findResources('AWS::S3::Bucket')).find((id) => id !== documentsId) ?? '';
  });

  function documentsBucket(): Record<string, unknown> {
    return template.findResources('AWS::S3::Bucket')[documentsId]?.Properties;
  }

  it('is named after the stage, account and region, and retained', () => {
    expect(resolveIntrinsics(documentsBucket().BucketName)).toBe(
      'onboarding-test-docs-000000000000-us-east-1',
    );
    expect(template.findResources('AWS::S3::Bucket')[documentsId]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('blocks every kind of public access', () => {
    expect(documentsBucket().PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('encrypts objects with the data key (SSE-KMS, with a bucket key) by default and keeps versions', () => {
    expect(documentsBucket()).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn() },
            BucketKeyEnabled: true,
          },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('is deleted with the stack, like the access log bucket, in a stage whose removal policy is destroy', () => {
    const buckets = Object.values(
      statefulTemplate({ removalPolicy: RemovalPolicy.DESTROY }).findResources('AWS::S3::Bucket'),
    );
    expect(buckets.map((bucket) => bucket.DeletionPolicy)).toEqual(['Delete', 'Delete']);
  });

  it('refuses any request not made over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: documentsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('deletes student documents (and their old versions) a year past the retention period after upload, as a backstop', () => {
    expect(documentsBucket().LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'delete-student-documents',
          Prefix: 'placements/',
          Status: 'Enabled',
          ExpirationInDays: 120 + 365,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        },
      ],
    });
  });

  it('accepts browser uploads (POST) from the public origin only', () => {
    expect(documentsBucket().CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://onboarding.example.edu'],
          AllowedMethods: ['POST'],
          AllowedHeaders: ['*'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('writes server access logs to the access log bucket', () => {
    expect(documentsBucket().LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: accessLogsId },
      LogFilePrefix: 'documents-bucket/',
    });
  });

  it('has an access log bucket that is private, SSL-only and expires its logs', () => {
    const accessLogs = template.findResources('AWS::S3::Bucket')[accessLogsId]?.Properties;
    expect(accessLogs).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' })],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: accessLogsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the stateful stack', () => {
  it('exports nothing: the stateless stack refers to the table and bucket by name', () => {
    expect(template.toJSON().Outputs ?? {}).toEqual({});
  });
});
