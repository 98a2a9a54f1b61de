import { ArnFormat, Stack } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OperationsTopicProps {
  /** The stage whose alarms it carries: it names the topic. */
  readonly stage: string;
  /** The data key: alarm messages name resources and are encrypted at rest like everything else. */
  readonly encryptionKey: IKey;
  /** Subscribed by email when given (the address must confirm the subscription once); undefined: no one. */
  readonly alarmEmail: string | undefined;
}

/**
 * The SNS topic every alarm notifies (on alarm and back to OK). Encrypted with the data key, SSL-only,
 * and open to CloudWatch alarms of this account only. Subscribe more endpoints (chat, paging) to it by
 * hand or in code; the optional `alarmEmail` setting subscribes one address.
 */
export class OperationsTopic extends Construct {
  readonly topic: Topic;
  /** The action to add to an alarm (and its OK state). */
  readonly alarmAction: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsTopicProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.topic = new Topic(this, 'Topic', {
      displayName: `Placement onboarding (${props.stage}) operations`,
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.alarmAction = new SnsAction(this.topic);
  }
}
