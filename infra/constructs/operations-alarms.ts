import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { HandlerName } from './onboarding-function.js';

/** SES reviews an account whose bounce rate passes 5% or whose complaint rate passes 0.1%. */
export const SES_BOUNCE_RATE_THRESHOLD = 0.05;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.001;

/** Where docs/operations.md explains each alarm; quoted in every alarm's description. */
const RUNBOOK = 'docs/operations.md, section "Alarms"';

export interface OperationsAlarmsProps {
  /** The stage the alarms watch: it names them. */
  readonly stage: string;
  /** Notified when an alarm fires and when it returns to OK. */
  readonly action: IAlarmAction;
  /** The onboarding workflow: failed, timed-out and throttled executions. */
  readonly stateMachine: IStateMachine;
  /** Every function: errors and throttles. */
  readonly functions: Record<HandlerName, IFunction>;
  /** Events that failed every attempt. */
  readonly deadLetterQueues: DeadLetterQueues;
  /** The HTTP API: server errors. */
  readonly httpApi: IHttpApi;
}

/** Where the asynchronous invocations go that failed every attempt. */
export interface DeadLetterQueues {
  /** Upload events (S3) that failed every attempt of process-upload. */
  readonly uploads: IQueue;
  /** Daily schedule events (EventBridge) that failed every attempt of apply-retention. */
  readonly retentionSweep: IQueue;
}

interface AlarmSpec {
  /** Appended to `PlacementOnboarding-<stage>-`: the alarm's name, as the runbook lists it. */
  name: string;
  metric: IMetric;
  threshold: number;
  comparison: ComparisonOperator;
  meaning: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Every alarm of the app, each notifying the operations topic on ALARM and on OK. An alarm whose
 * metric has no data (nothing ran) is OK: missing data never breaches. Names are
 * `PlacementOnboarding-<stage>-<Area>-<Signal>`; descriptions say what it means and point to the runbook.
 */
export class OperationsAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const sum = { statistic: 'Sum', period: FIVE_MINUTES };
    const atLeastOne = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    const { stateMachine } = props;

    const specs: AlarmSpec[] = [
      {
        name: 'Workflow-ExecutionsFailed',
        metric: stateMachine.metricFailed(sum),
        threshold: 1,
        comparison: atLeastOne,
        meaning:
          'An onboarding execution failed: a placement is FAILED (RecordFailure kept the error on it).',
      },
      {
        name: 'Workflow-ExecutionsTimedOut',
        metric: stateMachine.metricTimedOut(sum),
        threshold: 1,
        comparison: atLeastOne,
        meaning: 'An onboarding execution timed out as a whole; its placement is stuck in its last status.',
      },
      {
        name: 'Workflow-ExecutionThrottled',
        metric: stateMachine.metricThrottled(sum),
        threshold: 1,
        comparison: atLeastOne,
        meaning: 'Step Functions throttled state transitions of the onboarding state machine.',
      },
    ];

    for (const [handler, fn] of Object.entries(props.functions) as Array<[HandlerName, IFunction]>) {
      specs.push(
        {
          name: `Function-${handler}-Errors`,
          metric: fn.metricErrors(sum),
          threshold: 1,
          comparison: atLeastOne,
          meaning: `The ${handler} function ended an invocation with an error (unhandled, timeout or crash).`,
        },
        {
          name: `Function-${handler}-Throttles`,
          metric: fn.metricThrottles(sum),
          threshold: 1,
          comparison: atLeastOne,
          meaning: `Lambda throttled invocations of the ${handler} function (account concurrency exhausted).`,
        },
      );
    }

    const visible = (queue: IQueue) =>
      queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: FIVE_MINUTES });
    specs.push(
      {
        name: 'UploadDeadLetters-Visible',
        metric: visible(props.deadLetterQueues.uploads),
        threshold: 0,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        meaning:
          'An upload event failed every attempt of process-upload and waits in the dead-letter queue: a ' +
          "student's document was stored but never checked.",
      },
      {
        name: 'RetentionSweepDeadLetters-Visible',
        metric: visible(props.deadLetterQueues.retentionSweep),
        threshold: 0,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        meaning:
          'A daily retention sweep failed every attempt of apply-retention and waits in the dead-letter queue: ' +
          'documents due for deletion may still be stored.',
      },
      {
        name: 'Mail-BounceRate',
        metric: sesReputation('Reputation.BounceRate'),
        threshold: SES_BOUNCE_RATE_THRESHOLD,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        meaning:
          'The SES bounce rate of the account is over 5%: SES may pause sending (no links reach anyone).',
      },
      {
        name: 'Mail-ComplaintRate',
        metric: sesReputation('Reputation.ComplaintRate'),
        threshold: SES_COMPLAINT_RATE_THRESHOLD,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        meaning: 'The SES complaint rate of the account is over 0.1%: SES may pause sending.',
      },
      {
        name: 'Api-5xx',
        metric: props.httpApi.metricServerError(sum),
        threshold: 1,
        comparison: atLeastOne,
        meaning:
          'The HTTP API answered 5xx: a function failed or timed out behind a coordinator or link route.',
      },
    );

    for (const spec of specs) {
      const alarm = new Alarm(this, spec.name, {
        alarmName: `PlacementOnboarding-${props.stage}-${spec.name}`,
        alarmDescription: `${spec.meaning} What to do: ${RUNBOOK}, "${spec.name}".`,
        metric: spec.metric,
        threshold: spec.threshold,
        comparisonOperator: spec.comparison,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(props.action);
      alarm.addOkAction(props.action);
      this.alarms.push(alarm);
    }
  }
}

/**
 * An SES reputation metric of the account (the rate SES enforces), as a fraction: 0.05 is 5%.
 * SES recomputes it over a representative volume of recent mail, so an hour's maximum is enough.
 */
export function sesReputation(metricName: 'Reputation.BounceRate' | 'Reputation.ComplaintRate'): Metric {
  return new Metric({
    namespace: 'AWS/SES',
    metricName,
    statistic: 'Maximum',
    period: Duration.hours(1),
  });
}
