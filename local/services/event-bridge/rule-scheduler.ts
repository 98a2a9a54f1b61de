import type { EventRuleSpec } from '../../template/event-rules.js';
import { setLongTimeout } from '../step-functions/long-timeout.js';
import { parseScheduleExpression } from './schedule-expression.js';

/** A rule with a `ScheduleExpression` that the local cloud runs. */
export interface RunningSchedule {
  ruleId: string;
  expression: string;
  functionNames: string[];
  /** Its next run, in the local cloud's (virtual) time, epoch ms. */
  nextRunAt(): number;
}

export interface RuleSchedulerOptions {
  rules: readonly EventRuleSpec[];
  /** The local cloud's virtual now (epoch ms) and how much faster than real time it runs. */
  now: () => number;
  timeScale: number;
  /** Runs the rule's targets for the run due at `atEpochMs`. */
  run: (rule: EventRuleSpec, atEpochMs: number) => void;
  warn: (line: string) => void;
}

/** Runs at most one run of a rule per this many real ms: under a large time scale, runs that fall closer are one. */
const MIN_REAL_GAP_MS = 20;

/**
 * Runs every rule's schedule under the local cloud's virtual clock: each run is due at the time the
 * expression names in virtual time, so `--time-scale` makes daily schedules come round quickly.
 * Runs missed while the cloud was stopped are not made up (EventBridge does not either); runs that a
 * time scale crowds together are run once.
 */
export function startRuleScheduler(options: RuleSchedulerOptions): {
  schedules: RunningSchedule[];
  stop: () => void;
} {
  const cancels = new Map<string, () => void>();
  let stopped = false;
  const schedules: RunningSchedule[] = [];
  for (const rule of options.rules) {
    const expression = rule.scheduleExpression;
    if (!expression || rule.targets.length === 0) continue;
    let schedule: ReturnType<typeof parseScheduleExpression>;
    try {
      schedule = parseScheduleExpression(expression, options.now());
    } catch (error) {
      options.warn(`The schedule of rule ${rule.logicalId} is not run locally: ${(error as Error).message}`);
      continue;
    }
    let next = schedule.nextRun(options.now());
    const arm = () => {
      if (stopped) return;
      const delay = Math.max(0, (next - options.now()) / options.timeScale);
      cancels.set(rule.logicalId, setLongTimeout(fire, Math.ceil(delay)));
    };
    const fire = () => {
      if (stopped) return;
      const now = options.now();
      if (now < next) {
        arm();
        return;
      }
      options.run(rule, next);
      next = schedule.nextRun(Math.max(now, next, now + MIN_REAL_GAP_MS * options.timeScale - 1));
      arm();
    };
    arm();
    schedules.push({
      ruleId: rule.logicalId,
      expression,
      functionNames: rule.targets.map((target) => target.functionName),
      nextRunAt: () => next,
    });
  }
  return {
    schedules,
    stop: () => {
      stopped = true;
      for (const cancel of cancels.values()) cancel();
    },
  };
}
