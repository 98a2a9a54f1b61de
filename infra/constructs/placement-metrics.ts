import { Duration } from 'aws-cdk-lib';
import { type Metric, Unit } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PLACEMENT_OUTCOME_MESSAGE } from '../../functions/contract/index.js';

/** Namespace of the business metrics drawn from the functions' logs. */
export const PLACEMENT_METRICS_NAMESPACE = 'PlacementOnboarding';

/** Outcome (the line's `outcome` field) → metric name, in PLACEMENT_METRICS_NAMESPACE, no dimensions. */
export const PLACEMENT_OUTCOME_METRICS = {
  CLEARED: 'PlacementsCleared',
  DECLINED: 'PlacementsDeclined',
  EXPIRED: 'PlacementsExpired',
} as const;

export type CountedOutcome = keyof typeof PLACEMENT_OUTCOME_METRICS;

export interface PlacementMetricsProps {
  /** The onboarding workflow: started, cancelled and failed placements are its own metrics. */
  readonly stateMachine: IStateMachine;
  /** The log group of the notify-outcome function, which writes the outcome lines. */
  readonly notifyOutcomeLogs: ILogGroup;
}

/**
 * How many placements start and how they end, with no code of their own: started, cancelled and failed
 * are the onboarding state machine's own metrics (an execution per placement, stopped on cancel,
 * failed through RecordFailure); cleared, declined and expired are counted by metric filters on
 * notify-outcome's structured log lines (`"Placement outcome"` and the outcome, e.g. `CLEARED`, in one
 * line). Every metric here is a Sum over the period asked for.
 */
export class PlacementMetrics extends Construct {
  readonly started: Metric;
  readonly cancelled: Metric;
  readonly failed: Metric;
  readonly outcomes: Record<CountedOutcome, Metric>;

  constructor(scope: Construct, id: string, props: PlacementMetricsProps) {
    super(scope, id);
    const { stateMachine } = props;

    this.started = stateMachine.metricStarted({ label: 'Started', statistic: 'Sum' });
    this.cancelled = stateMachine.metricAborted({ label: 'Cancelled', statistic: 'Sum' });
    this.failed = stateMachine.metricFailed({ label: 'Failed', statistic: 'Sum' });

    const outcomes = {} as Record<CountedOutcome, Metric>;
    for (const [outcome, metricName] of Object.entries(PLACEMENT_OUTCOME_METRICS) as Array<
      [CountedOutcome, string]
    >) {
      const filter = new MetricFilter(this, `${metricName}Filter`, {
        logGroup: props.notifyOutcomeLogs,
        // Terms, not a JSON pattern: they match the line whether it is the Powertools Logger's bare JSON
        // or a console line that Lambda's text format prefixes (`<time>\t<request id>\tINFO\t{…}`).
        // Placement ids and the service name are lowercase, so the uppercase outcome can only come from
        // the line's `outcome` field (or, improbably, a generated function name in `function_name`).
        filterPattern: FilterPattern.allTerms(PLACEMENT_OUTCOME_MESSAGE, outcome),
        metricNamespace: PLACEMENT_METRICS_NAMESPACE,
        metricName,
        metricValue: '1',
        unit: Unit.COUNT,
      });
      outcomes[outcome] = filter.metric({
        label: outcome.charAt(0) + outcome.slice(1).toLowerCase(),
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    }
    this.outcomes = outcomes;
  }
}
