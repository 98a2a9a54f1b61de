import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { dataKeyAliasName, dataKeyArnParameterName } from '../resource-names.js';

export interface DataKeyProps {
  /** The stage the key serves: it names the key's alias and the SSM parameter holding its ARN. */
  readonly stage: string;
}

/**
 * The customer-managed KMS key of one stage. It encrypts the table, the documents bucket, the
 * dead-letter queue, the operations topic and every log group of the app. Rotated yearly by KMS and
 * always retained: whatever it encrypted (backups, retained tables and logs) stays readable.
 *
 * The key policy keeps the account's default statement (IAM policies decide who may use the key; the
 * grant helpers give each function only what its resources need) and lets two services in:
 * CloudWatch Logs, for this account's log groups in this region only (the encryption-context
 * condition), and CloudWatch alarms, which must encrypt what they publish to the encrypted topic.
 *
 * The key's ARN is published in an SSM parameter named after the stage, from which the stateless
 * stack reads it at deploy time.
 */
export class DataKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DataKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.key = new Key(this, 'Key', {
      description: `Placement onboarding (${props.stage}): table, documents, queue, topic and logs`,
      alias: dataKeyAliasName(props.stage),
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccountAndRegion',
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishingToEncryptedTopics',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    new StringParameter(this, 'ArnParameter', {
      parameterName: dataKeyArnParameterName(props.stage),
      stringValue: this.key.keyArn,
      description: `ARN of the placement onboarding data key (${props.stage}), read by the stateless stack`,
    });
  }
}
