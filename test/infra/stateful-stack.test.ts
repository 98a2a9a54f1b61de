import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { StatefulStack } from '../../infra/stacks/stateful-stack.js';
import { resolveIntrinsics } from '../support/resolve-intrinsics.js';
import { testApp } from './onboarding-app-fixture.js';

let template: Template;

beforeAll(() => {
  const stateful = new StatefulStack(testApp(), 'Stateful', {
    stage: 'test',
    publicBaseUrl: 'https://onboarding.example.edu',
    documentRetentionDays: 120,
    logRetention: RetentionDays.ONE_MONTH,
  });
  template = Template.fromStack(stateful);
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

  it('has the byStatus and bySite indexes projecting all attributes', () => {
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
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ]),
    });
  });

  it('is encrypted, recoverable to a point in time, protected from deletion and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
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

  it('encrypts objects with KMS by default and keeps versions', () => {
    expect(documentsBucket()).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
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

  it('deletes student documents (and their old versions) after the retention period', () => {
    expect(documentsBucket().LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'delete-student-documents',
          Prefix: 'placements/',
          Status: 'Enabled',
          ExpirationInDays: 120,
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
