import type { Json, JsonObject } from './cloudformation-template.js';
import { isJsonObject } from './cloudformation-template.js';
import type { IntrinsicResolver } from './intrinsic-resolver.js';
import { functionNameFromArnOrName } from './local-aws-account.js';

/** The bus every account has; rules without `EventBusName` are on it. */
export const DEFAULT_EVENT_BUS = 'default';

export interface EventTargetSpec {
  id: string;
  functionName: string;
  /** The target's constant `Input` (JSON text), sent instead of the event when present. */
  input?: string;
}

export interface EventRuleSpec {
  logicalId: string;
  eventBusName: string;
  eventPattern?: JsonObject;
  scheduleExpression?: string;
  /** Lambda targets only; the others are reported in the model's warnings. */
  targets: EventTargetSpec[];
}

/** `arn:aws:events:…:event-bus/NAME` or a bare name → the bus name. */
export function eventBusNameOf(nameOrArn: string): string {
  const match = /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn;
}

/** The names of the buses the template creates (`AWS::Events::EventBus`), after `default`. */
export function readEventBuses(resolver: IntrinsicResolver): string[] {
  const names = resolver.resourcesOfType('AWS::Events::EventBus').map(({ stackName, logicalId }) => {
    const name = resolver.ref(stackName, logicalId);
    return typeof name === 'string' ? name : logicalId;
  });
  return [DEFAULT_EVENT_BUS, ...names.filter((name) => name !== DEFAULT_EVENT_BUS)];
}

function asJsonObject(value: Json): JsonObject | undefined {
  if (isJsonObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as Json;
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Every enabled `AWS::Events::Rule`: its bus, pattern or schedule, and its Lambda targets. */
export function readEventRules(resolver: IntrinsicResolver, warnings: string[]): EventRuleSpec[] {
  const rules: EventRuleSpec[] = [];
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType('AWS::Events::Rule')) {
    const props = resolver.resolve(stackName, resource.Properties ?? {});
    if (!isJsonObject(props)) continue;
    if (props.State === 'DISABLED') continue;
    const targets: EventTargetSpec[] = [];
    for (const target of Array.isArray(props.Targets) ? props.Targets.filter(isJsonObject) : []) {
      const arn = typeof target.Arn === 'string' ? target.Arn : '';
      const id = typeof target.Id === 'string' ? target.Id : arn;
      if (!/^arn:[^:]+:lambda:/.test(arn)) {
        warnings.push(`Target ${id} of rule ${logicalId} is not a Lambda function; it is not run locally.`);
        continue;
      }
      if (target.InputPath !== undefined || target.InputTransformer !== undefined) {
        warnings.push(
          `Target ${id} of rule ${logicalId}: InputPath and InputTransformer are not applied locally.`,
        );
      }
      targets.push({
        id,
        functionName: functionNameFromArnOrName(arn),
        ...(typeof target.Input === 'string' ? { input: target.Input } : {}),
      });
    }
    const pattern = props.EventPattern === undefined ? undefined : asJsonObject(props.EventPattern);
    rules.push({
      logicalId,
      eventBusName:
        typeof props.EventBusName === 'string' ? eventBusNameOf(props.EventBusName) : DEFAULT_EVENT_BUS,
      ...(pattern ? { eventPattern: pattern } : {}),
      ...(typeof props.ScheduleExpression === 'string'
        ? { scheduleExpression: props.ScheduleExpression }
        : {}),
      targets,
    });
  }
  return rules;
}
