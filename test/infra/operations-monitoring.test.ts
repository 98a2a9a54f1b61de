import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HandlerName } from '../../infra/constructs/onboarding-function.js';
import type { StatelessStack } from '../../infra/stacks/stateless-stack.js';
import { resolveIntrinsics } from '../support/resolve-intrinsics.js';
import { onboardingStacks, testStageContext } from './onboarding-app-fixture.js';

const HANDLERS: HandlerName[] = [
  'coordinator-api',
  'portal',
  'review',
  'process-upload',
  'check-compliance',
  'collect-documents',
  'request-site-approval',
  'notify-outcome',
  'record-failure',
  'apply-retention',
  'console',
];

let stack: StatelessStack;
let template: Template;
let topicId: string;
let dataKeyParameterId: string;

beforeAll(() => {
  ({ stateless: stack } = onboardingStacks(testStageContext({ alarmEmail: 'ops@example.edu' })));
  template = Template.fromStack(stack);
  topicId = logicalId(stack.operationsTopic.topic.node.defaultChild);
  const parameters = template.toJSON().Parameters as Record<string, { Default?: string }>;
  dataKeyParameterId =
    Object.keys(parameters).find(
      (id) => parameters[id]?.Default === '/placement-onboarding/test/data-key-arn',
    ) ?? '';
});

function logicalId(element: unknown): string {
  return stack.getLogicalId(element as CfnElement);
}

const ref = (element: unknown) => ({ Ref: logicalId(element) });

describe('the operations topic', () => {
  it('is encrypted with the data key', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { Ref: dataKeyParameterId } });
  });

  it('refuses publishing without TLS, and lets CloudWatch alarms of this account publish', () => {
    const [policy] = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
    expect(policy?.Properties.Topics).toEqual([{ Ref: topicId }]);
    expect(resolveIntrinsics(policy?.Properties.PolicyDocument.Statement)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sns:Publish',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '000000000000' },
            ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:us-east-1:000000000000:alarm:*' },
          },
        }),
      ]),
    );
  });

  it('emails the alarm address of the stage when there is one, and no one otherwise', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.edu',
      TopicArn: { Ref: topicId },
    });
    const { stateless } = onboardingStacks(testStageContext({ alarmEmail: '' }));
    Template.fromStack(stateless).resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('the alarms', () => {
  const workflowAlarm = (signal: string, metricName: string) => ({
    name: `Workflow-${signal}`,
    properties: {
      Namespace: 'AWS/States',
      MetricName: metricName,
      Dimensions: [{ Name: 'StateMachineArn', Value: ref(stack.workflow.stateMachine.node.defaultChild) }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    },
  });
  const functionAlarm = (handler: HandlerName, metricName: 'Errors' | 'Throttles') => ({
    name: `Function-${handler}-${metricName}`,
    properties: {
      Namespace: 'AWS/Lambda',
      MetricName: metricName,
      Dimensions: [{ Name: 'FunctionName', Value: ref(stack.functions[handler].node.defaultChild) }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    },
  });

  function expectedAlarms(): Array<{ name: string; properties: Record<string, unknown> }> {
    const queueDepth = (queueId: string) => {
      const queue = stack.node.findChild(queueId).node.defaultChild;
      return {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }],
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      };
    };
    return [
      workflowAlarm('ExecutionsFailed', 'ExecutionsFailed'),
      workflowAlarm('ExecutionsTimedOut', 'ExecutionsTimedOut'),
      workflowAlarm('ExecutionThrottled', 'ExecutionThrottled'),
      ...HANDLERS.flatMap((handler) => [
        functionAlarm(handler, 'Errors'),
        functionAlarm(handler, 'Throttles'),
      ]),
      { name: 'UploadDeadLetters-Visible', properties: queueDepth('ProcessUploadDeadLetters') },
      { name: 'RetentionSweepDeadLetters-Visible', properties: queueDepth('RetentionSweepDeadLetters') },
      {
        name: 'Mail-BounceRate',
        properties: {
          Namespace: 'AWS/SES',
          MetricName: 'Reputation.BounceRate',
          Statistic: 'Maximum',
          Threshold: 0.05,
          ComparisonOperator: 'GreaterThanThreshold',
        },
      },
      {
        name: 'Mail-ComplaintRate',
        properties: {
          Namespace: 'AWS/SES',
          MetricName: 'Reputation.ComplaintRate',
          Statistic: 'Maximum',
          Threshold: 0.001,
          ComparisonOperator: 'GreaterThanThreshold',
        },
      },
      {
        name: 'Api-5xx',
        properties: {
          Namespace: 'AWS/ApiGateway',
          MetricName: '5xx',
          Dimensions: [{ Name: 'ApiId', Value: ref(stack.api.httpApi.node.defaultChild) }],
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        },
      },
    ];
  }

  it('watch the workflow, every function, both dead-letter queues, SES reputation and the API: nothing else', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties.AlarmName,
    );
    expect(names.sort()).toEqual(
      expectedAlarms()
        .map(({ name }) => `PlacementOnboarding-test-${name}`)
        .sort(),
    );
  });

  it('each fire on its metric and threshold, and notify the operations topic on alarm and on recovery', () => {
    for (const { name, properties } of expectedAlarms()) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `PlacementOnboarding-test-${name}`,
        ...properties,
        EvaluationPeriods: 1,
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    }
  });

  it('treat missing data (nothing ran) as not breaching', () => {
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.TreatMissingData, alarm.Properties.AlarmName).toBe('notBreaching');
    }
  });

  it('say in their description what they mean and where the runbook is', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'PlacementOnboarding-test-Workflow-ExecutionsFailed',
      AlarmDescription: Match.stringLikeRegexp('placement is FAILED.*docs/operations\\.md'),
    });
  });
});

describe('the business metrics', () => {
  it('count cleared, declined and expired placements from the outcome lines notify-outcome logs', () => {
    const notifyOutcomeLogs = stack.node.findChild('NotifyOutcomeLogs').node.defaultChild;
    for (const [outcome, metricName] of [
      ['CLEARED', 'PlacementsCleared'],
      ['DECLINED', 'PlacementsDeclined'],
      ['EXPIRED', 'PlacementsExpired'],
    ]) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: ref(notifyOutcomeLogs),
        // Both terms in one event: matches the JSON line with or without Lambda's text-format prefix.
        FilterPattern: `"Placement outcome" "${outcome}"`,
        MetricTransformations: [
          { MetricNamespace: 'PlacementOnboarding', MetricName: metricName, MetricValue: '1', Unit: 'Count' },
        ],
      });
    }
    template.resourceCountIs('AWS::Logs::MetricFilter', 3);
  });

  it('publish metrics without dimensions', () => {
    for (const filter of Object.values(template.findResources('AWS::Logs::MetricFilter'))) {
      expect(filter.Properties.MetricTransformations[0].Dimensions).toBeUndefined();
    }
  });
});

describe('the dashboard', () => {
  interface Widget {
    type: string;
    properties: { title?: string; markdown?: string; metrics?: unknown[][]; alarms?: string[] };
  }
  let widgets: Widget[];

  beforeAll(() => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard?.Properties.DashboardName).toBe('PlacementOnboarding-test');
    const body = resolveIntrinsics(dashboard?.Properties.DashboardBody, {
      ref: (id) => `ref:${id}`,
      getAtt: (id, attribute) => `${id}.${attribute}`,
    });
    widgets = (JSON.parse(String(body)) as { widgets: Widget[] }).widgets;
  });

  /** Every `[namespace, metricName, …]` drawn by the widget with that title. */
  function metricsOf(title: string): string[] {
    const widget = widgets.find((candidate) => candidate.properties.title === title);
    if (!widget) throw new Error(`No widget titled ${title}`);
    return (widget.properties.metrics ?? []).map((metric) => `${metric[0]} ${metric[1]}`);
  }

  it('shows the state of every alarm', () => {
    const alarmWidget = widgets.find((widget) => widget.type === 'alarm');
    expect(alarmWidget?.properties.alarms).toHaveLength(
      Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length,
    );
  });

  it('counts placements: started, cleared, declined, expired, cancelled and failed', () => {
    expect(metricsOf('Placements over the time range')).toEqual([
      'AWS/States ExecutionsStarted',
      'PlacementOnboarding PlacementsCleared',
      'PlacementOnboarding PlacementsDeclined',
      'PlacementOnboarding PlacementsExpired',
      'AWS/States ExecutionsAborted',
      'AWS/States ExecutionsFailed',
    ]);
  });

  it('has widgets for the workflow, the functions, the API and SES', () => {
    expect(metricsOf('Workflow executions')).toContain('AWS/States ExecutionsFailed');
    expect(metricsOf('Function errors')).toHaveLength(HANDLERS.length);
    expect(metricsOf('Function errors')).toContain('AWS/Lambda Errors');
    expect(metricsOf('Function throttles')).toContain('AWS/Lambda Throttles');
    expect(metricsOf('HTTP API requests')).toEqual([
      'AWS/ApiGateway Count',
      'AWS/ApiGateway 4xx',
      'AWS/ApiGateway 5xx',
    ]);
    expect(metricsOf('SES bounce rate (1 = 100%)')).toContain('AWS/SES Reputation.BounceRate');
    expect(metricsOf('SES complaint rate (1 = 100%)')).toContain('AWS/SES Reputation.ComplaintRate');
    expect(metricsOf('Dead-letter queues (messages visible)')).toEqual([
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateNumberOfMessagesVisible',
    ]);
  });

  it('draws the depth of both dead-letter queues: uploads and the retention sweep', () => {
    const widget = widgets.find(
      (candidate) => candidate.properties.title === 'Dead-letter queues (messages visible)',
    );
    const queueNames = (widget?.properties.metrics ?? []).map((metric) => metric[3]);
    expect(queueNames).toEqual(
      ['ProcessUploadDeadLetters', 'RetentionSweepDeadLetters'].map(
        (queueId) => `${logicalId(stack.node.findChild(queueId).node.defaultChild)}.QueueName`,
      ),
    );
  });
});
