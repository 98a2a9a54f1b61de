import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { HandlerName } from './onboarding-function.js';
import {
  type DeadLetterQueues,
  SES_BOUNCE_RATE_THRESHOLD,
  SES_COMPLAINT_RATE_THRESHOLD,
  sesReputation,
} from './operations-alarms.js';
import type { PlacementMetrics } from './placement-metrics.js';

export interface OperationsDashboardProps {
  /** The stage the dashboard shows: it names it. */
  readonly stage: string;
  /** How many placements start and how they end. */
  readonly placements: PlacementMetrics;
  /** The onboarding workflow: executions and their outcomes. */
  readonly stateMachine: IStateMachine;
  /** Every function: invocations, errors, duration. */
  readonly functions: Record<HandlerName, IFunction>;
  /** The HTTP API: requests, 4xx and 5xx answers, latency. */
  readonly httpApi: IHttpApi;
  /** Events that failed every attempt. */
  readonly deadLetterQueues: DeadLetterQueues;
  /** The SES configuration set the functions send through (its own reputation metrics). */
  readonly configurationSetName: string;
  /** The alarms, shown with their state. */
  readonly alarms: Alarm[];
}

const FIVE_MINUTES = Duration.minutes(5);
const FULL = 24;
const HALF = 12;
const THIRD = 8;

/**
 * One CloudWatch dashboard per stage, `PlacementOnboarding-<stage>`, read top to bottom: alarm states,
 * placements (business), the workflow, the functions, the HTTP API, then mail and the dead-letter queues.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;
  readonly dashboardName: string;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { placements, stateMachine, httpApi } = props;
    const functions = Object.entries(props.functions) as Array<[HandlerName, IFunction]>;
    const perFunction = (metric: (fn: IFunction) => IMetric): IMetric[] =>
      functions.map(([handler, fn]) => withLabel(metric(fn), handler));

    const placementMetrics = [
      placements.started,
      placements.outcomes.CLEARED,
      placements.outcomes.DECLINED,
      placements.outcomes.EXPIRED,
      placements.cancelled,
      placements.failed,
    ];

    this.dashboardName = `PlacementOnboarding-${props.stage}`;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: this.dashboardName,
      defaultInterval: Duration.days(7),
    });

    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          `# Placement onboarding (${props.stage})\n` +
          'What each alarm means and what to do: `docs/operations.md`, section "Alarms". Placements: started, ' +
          'cancelled and failed are workflow executions; cleared, declined and expired come from notify-outcome logs.',
        width: FULL,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: FULL, height: 4 }),
    );

    this.dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Placements over the time range',
        metrics: placementMetrics,
        setPeriodToTimeRange: true,
        width: FULL,
        height: 4,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Placements per day',
        left: placementMetrics.map((metric) => metric.with({ period: Duration.days(1) })),
        width: FULL,
        height: 6,
      }),
    );

    const sum = { statistic: 'Sum', period: FIVE_MINUTES };
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Workflow executions',
        left: [
          stateMachine.metricStarted({ ...sum, label: 'Started' }),
          stateMachine.metricSucceeded({ ...sum, label: 'Succeeded' }),
          stateMachine.metricFailed({ ...sum, label: 'Failed' }),
          stateMachine.metricTimedOut({ ...sum, label: 'Timed out' }),
          stateMachine.metricAborted({ ...sum, label: 'Aborted (cancelled)' }),
          stateMachine.metricThrottled({ ...sum, label: 'Throttled' }),
        ],
        width: HALF,
      }),
      new GraphWidget({
        title: 'Workflow execution time (a placement, start to end)',
        left: [
          stateMachine.metricTime({ statistic: 'p50', period: Duration.hours(1), label: 'p50' }),
          stateMachine.metricTime({ statistic: 'p90', period: Duration.hours(1), label: 'p90' }),
        ],
        width: HALF,
      }),
    );

    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors',
        left: perFunction((fn) => fn.metricErrors(sum)),
        width: THIRD,
      }),
      new GraphWidget({
        title: 'Function throttles',
        left: perFunction((fn) => fn.metricThrottles(sum)),
        width: THIRD,
      }),
      new GraphWidget({
        title: 'Function duration (p99, ms)',
        left: perFunction((fn) => fn.metricDuration({ statistic: 'p99', period: FIVE_MINUTES })),
        width: THIRD,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function invocations',
        left: perFunction((fn) => fn.metricInvocations(sum)),
        width: FULL,
      }),
    );

    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'HTTP API requests',
        left: [
          httpApi.metricCount({ ...sum, label: 'Requests' }),
          httpApi.metricClientError({ ...sum, label: '4xx' }),
          httpApi.metricServerError({ ...sum, label: '5xx' }),
        ],
        width: HALF,
      }),
      new GraphWidget({
        title: 'HTTP API latency (ms)',
        left: [
          httpApi.metricLatency({ statistic: 'p50', period: FIVE_MINUTES, label: 'p50' }),
          httpApi.metricLatency({ statistic: 'p99', period: FIVE_MINUTES, label: 'p99' }),
          httpApi.metricIntegrationLatency({
            statistic: 'p99',
            period: FIVE_MINUTES,
            label: 'integration p99',
          }),
        ],
        width: HALF,
      }),
    );

    const configurationSet = { 'ses:configuration-set': props.configurationSetName };
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'SES bounce rate (1 = 100%)',
        left: [
          withLabel(sesReputation('Reputation.BounceRate'), 'account'),
          new Metric({
            namespace: 'AWS/SES',
            metricName: 'Reputation.BounceRate',
            dimensionsMap: configurationSet,
            statistic: 'Maximum',
            period: Duration.hours(1),
            label: 'configuration set',
          }),
        ],
        leftAnnotations: [{ value: SES_BOUNCE_RATE_THRESHOLD, label: 'alarm' }],
        width: THIRD,
      }),
      new GraphWidget({
        title: 'SES complaint rate (1 = 100%)',
        left: [
          withLabel(sesReputation('Reputation.ComplaintRate'), 'account'),
          new Metric({
            namespace: 'AWS/SES',
            metricName: 'Reputation.ComplaintRate',
            dimensionsMap: configurationSet,
            statistic: 'Maximum',
            period: Duration.hours(1),
            label: 'configuration set',
          }),
        ],
        leftAnnotations: [{ value: SES_COMPLAINT_RATE_THRESHOLD, label: 'alarm' }],
        width: THIRD,
      }),
      new GraphWidget({
        title: 'Dead-letter queues (messages visible)',
        left: [
          props.deadLetterQueues.uploads.metricApproximateNumberOfMessagesVisible({
            statistic: 'Maximum',
            period: FIVE_MINUTES,
            label: 'uploads',
          }),
          props.deadLetterQueues.retentionSweep.metricApproximateNumberOfMessagesVisible({
            statistic: 'Maximum',
            period: FIVE_MINUTES,
            label: 'retention sweep',
          }),
        ],
        width: THIRD,
      }),
    );
  }

  /** The console address of the dashboard. */
  get url(): string {
    const region = Stack.of(this).region;
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${this.dashboardName}`;
  }
}

function withLabel(metric: IMetric, label: string): IMetric {
  return metric instanceof Metric ? metric.with({ label }) : metric;
}
