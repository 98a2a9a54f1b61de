import { isDeepStrictEqual } from 'node:util';
import type { CfnResource, Json, JsonObject, StackTemplate } from './cloudformation-template.js';
import { isJsonObject } from './cloudformation-template.js';
import { LOCAL_ACCOUNT_ID, LOCAL_PARTITION, LOCAL_REGION, LOCAL_URL_SUFFIX } from './local-aws-account.js';
import { type LocalResource, localAttribute, localRef } from './local-resource-attributes.js';

/** An intrinsic function that cannot be given a local value (an unknown export, a missing resource…). */
export class UnresolvableError extends Error {
  override readonly name = 'UnresolvableError';
}

/** Marks `AWS::NoValue` while resolving; removed from objects and arrays before a value is returned. */
const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = Json | typeof NO_VALUE;

export interface ResolverOptions {
  /** The local API Gateway base URL (`Fn::GetAtt Api.ApiEndpoint`). */
  apiUrl: string;
  /** The local OpenID Connect provider's issuer (a Cognito user pool's `ProviderURL`). */
  identityProviderUrl?: string;
}

/**
 * Resolves CloudFormation intrinsic functions (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select,
 * Fn::Split, Fn::ImportValue, Fn::If and the condition functions, Fn::FindInMap, Fn::Base64,
 * Fn::GetAZs, Fn::ToJsonString, Fn::Length) across the stacks of one cloud assembly, giving every
 * resource its local physical name and ARN.
 */
export class IntrinsicResolver {
  private readonly stacks = new Map<string, StackTemplate>();
  private exportsByName: Map<string, { stackName: string; value: Json }> | undefined;
  private readonly inProgress = new Set<string>();
  private readonly conditionCache = new Map<string, boolean>();

  constructor(
    stacks: StackTemplate[],
    private readonly options: ResolverOptions,
  ) {
    for (const stack of stacks) this.stacks.set(stack.stackName, stack);
  }

  stackNames(): string[] {
    return [...this.stacks.keys()];
  }

  stack(stackName: string): StackTemplate {
    const stack = this.stacks.get(stackName);
    if (!stack) throw new UnresolvableError(`Unknown stack ${stackName}.`);
    return stack;
  }

  /** Every resource of the given type whose Condition (if any) holds, across all stacks. */
  resourcesOfType(type: string): Array<{ stackName: string; logicalId: string; resource: CfnResource }> {
    const found: Array<{ stackName: string; logicalId: string; resource: CfnResource }> = [];
    for (const [stackName, stack] of this.stacks) {
      for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
        if (resource.Type !== type) continue;
        if (resource.Condition && !this.condition(stackName, resource.Condition)) continue;
        found.push({ stackName, logicalId, resource });
      }
    }
    return found;
  }

  /**
   * What CloudFormation reads for an SSM parameter type (`AWS::SSM::Parameter::Value<String>`, whose
   * default is the parameter's name) at deploy time: the value another stack of this assembly writes
   * to that parameter (an `AWS::SSM::Parameter` resource). Undefined when no stack writes it, so the
   * parameter's name stands in, as before.
   */
  private ssmParameterValue(type: string | undefined, name: Json): Json | undefined {
    if (!type?.startsWith('AWS::SSM::Parameter::Value<') || typeof name !== 'string') return undefined;
    const writer = this.resourcesOfType('AWS::SSM::Parameter').find(
      ({ stackName, resource }) =>
        this.resolve(stackName, (resource.Properties as JsonObject | undefined)?.Name) === name,
    );
    if (!writer) return undefined;
    return this.resolve(writer.stackName, (writer.resource.Properties as JsonObject).Value);
  }

  /** Resolves every intrinsic function inside `value`, in the context of `stackName`. */
  resolve(stackName: string, value: Json | undefined): Json {
    if (value === undefined) return null;
    const resolved = this.resolveValue(stackName, value);
    return resolved === NO_VALUE ? null : resolved;
  }

  /** Resolves `value` and requires a string. */
  resolveString(stackName: string, value: Json | undefined, what: string): string {
    const resolved = this.resolve(stackName, value);
    if (typeof resolved === 'string') return resolved;
    if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
    throw new UnresolvableError(`${what} did not resolve to a string (got ${JSON.stringify(resolved)}).`);
  }

  /** The local value of `Ref logicalId` in a stack. */
  ref(stackName: string, name: string): Json {
    switch (name) {
      case 'AWS::Region':
        return LOCAL_REGION;
      case 'AWS::AccountId':
        return LOCAL_ACCOUNT_ID;
      case 'AWS::Partition':
        return LOCAL_PARTITION;
      case 'AWS::URLSuffix':
        return LOCAL_URL_SUFFIX;
      case 'AWS::StackName':
        return stackName;
      case 'AWS::StackId':
        return `arn:${LOCAL_PARTITION}:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stack/${stackName}/local`;
      case 'AWS::NotificationARNs':
        return [];
    }
    const template = this.stack(stackName).template;
    const parameter = template.Parameters?.[name];
    if (parameter) {
      if (parameter.Default === undefined) {
        throw new UnresolvableError(`Parameter ${name} of ${stackName} has no default value.`);
      }
      const published = this.ssmParameterValue(parameter.Type, parameter.Default);
      if (published !== undefined) return published;
      return this.resolve(stackName, parameter.Default);
    }
    const resource = template.Resources?.[name];
    if (!resource) throw new UnresolvableError(`Ref to unknown resource ${name} in ${stackName}.`);
    return localRef(this.localResource(stackName, name, resource));
  }

  /** The local value of `Fn::GetAtt [logicalId, attribute]` in a stack. */
  getAtt(stackName: string, logicalId: string, attribute: string): Json {
    const resource = this.stack(stackName).template.Resources?.[logicalId];
    if (!resource)
      throw new UnresolvableError(`Fn::GetAtt on unknown resource ${logicalId} in ${stackName}.`);
    return localAttribute(this.localResource(stackName, logicalId, resource), attribute);
  }

  /** Evaluates a named condition of a stack. */
  condition(stackName: string, name: string): boolean {
    const key = `${stackName}/${name}`;
    const cached = this.conditionCache.get(key);
    if (cached !== undefined) return cached;
    const expression = this.stack(stackName).template.Conditions?.[name];
    if (expression === undefined) throw new UnresolvableError(`Unknown condition ${name} in ${stackName}.`);
    const result = this.evaluateCondition(stackName, expression);
    this.conditionCache.set(key, result);
    return result;
  }

  private localResource(stackName: string, logicalId: string, resource: CfnResource): LocalResource {
    return {
      logicalId,
      type: resource.Type,
      apiUrl: this.options.apiUrl,
      ...(this.options.identityProviderUrl ? { identityProviderUrl: this.options.identityProviderUrl } : {}),
      property: (propertyName) => {
        const raw = resource.Properties?.[propertyName];
        if (raw === undefined) return undefined;
        const guard = `${stackName}/${logicalId}/${propertyName}`;
        if (this.inProgress.has(guard)) {
          throw new UnresolvableError(`Circular reference through ${logicalId}.${propertyName}.`);
        }
        this.inProgress.add(guard);
        try {
          return this.resolve(stackName, raw);
        } finally {
          this.inProgress.delete(guard);
        }
      },
    };
  }

  private resolveValue(stackName: string, value: Json): Resolved {
    if (Array.isArray(value)) {
      const items: Json[] = [];
      for (const item of value) {
        const resolved = this.resolveValue(stackName, item);
        if (resolved !== NO_VALUE) items.push(resolved);
      }
      return items;
    }
    if (!isJsonObject(value)) return value;
    const keys = Object.keys(value);
    const onlyKey = keys.length === 1 ? keys[0] : undefined;
    if (onlyKey === 'Ref' || onlyKey?.startsWith('Fn::')) {
      return this.resolveIntrinsic(stackName, onlyKey, value[onlyKey] as Json);
    }
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolveValue(stackName, item);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  private resolveIntrinsic(stackName: string, name: string, argument: Json): Resolved {
    switch (name) {
      case 'Ref': {
        const target = this.resolve(stackName, argument);
        if (target === 'AWS::NoValue') return NO_VALUE;
        if (typeof target !== 'string') throw new UnresolvableError('Ref needs a logical id.');
        return this.ref(stackName, target);
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = this.getAttArguments(stackName, argument);
        return this.getAtt(stackName, logicalId, attribute);
      }
      case 'Fn::Join': {
        const [delimiter, list] = this.pair(stackName, argument, 'Fn::Join');
        if (typeof delimiter !== 'string' || !Array.isArray(list)) {
          throw new UnresolvableError('Fn::Join needs [delimiter, [values]].');
        }
        return list.map((item) => this.scalarText(item, 'Fn::Join')).join(delimiter);
      }
      case 'Fn::Sub':
        return this.sub(stackName, argument);
      case 'Fn::Select': {
        const [index, list] = this.pair(stackName, argument, 'Fn::Select');
        const position = typeof index === 'string' ? Number.parseInt(index, 10) : index;
        if (typeof position !== 'number' || !Array.isArray(list) || list[position] === undefined) {
          throw new UnresolvableError(`Fn::Select index ${JSON.stringify(index)} is out of range.`);
        }
        return list[position] as Json;
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.pair(stackName, argument, 'Fn::Split');
        if (typeof delimiter !== 'string' || typeof source !== 'string') {
          throw new UnresolvableError('Fn::Split needs [delimiter, string].');
        }
        return source.split(delimiter);
      }
      case 'Fn::ImportValue':
        return this.importValue(this.resolveString(stackName, argument, 'Fn::ImportValue name'));
      case 'Fn::If': {
        if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
          throw new UnresolvableError('Fn::If needs [condition, valueIfTrue, valueIfFalse].');
        }
        const chosen = this.condition(stackName, argument[0]) ? argument[1] : argument[2];
        return this.resolveValue(stackName, chosen as Json);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.evaluateCondition(stackName, { [name]: argument });
      case 'Fn::FindInMap': {
        const [mapName, topKey, secondKey] = this.resolve(stackName, argument) as Json[];
        const value =
          this.stack(stackName).template.Mappings?.[String(mapName)]?.[String(topKey)]?.[String(secondKey)];
        if (value === undefined) throw new UnresolvableError(`Fn::FindInMap found nothing for ${mapName}.`);
        return this.resolveValue(stackName, value);
      }
      case 'Fn::Base64':
        return Buffer.from(this.resolveString(stackName, argument, 'Fn::Base64'), 'utf8').toString('base64');
      case 'Fn::GetAZs':
        return [`${LOCAL_REGION}a`, `${LOCAL_REGION}b`, `${LOCAL_REGION}c`];
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(stackName, argument));
      case 'Fn::Length': {
        const list = this.resolve(stackName, argument);
        if (!Array.isArray(list)) throw new UnresolvableError('Fn::Length needs a list.');
        return list.length;
      }
      default:
        throw new UnresolvableError(`${name} is not supported by the local cloud.`);
    }
  }

  private getAttArguments(stackName: string, argument: Json): [string, string] {
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      if (dot > 0) return [argument.slice(0, dot), argument.slice(dot + 1)];
    }
    if (Array.isArray(argument) && argument.length === 2 && typeof argument[0] === 'string') {
      const attribute = this.resolve(stackName, argument[1] as Json);
      if (typeof attribute === 'string') return [argument[0], attribute];
    }
    throw new UnresolvableError(`Fn::GetAtt needs [logicalId, attribute], got ${JSON.stringify(argument)}.`);
  }

  private pair(stackName: string, argument: Json, what: string): [Json, Json] {
    if (!Array.isArray(argument) || argument.length !== 2) {
      throw new UnresolvableError(`${what} needs two arguments.`);
    }
    return [this.resolve(stackName, argument[0] as Json), this.resolve(stackName, argument[1] as Json)];
  }

  private scalarText(value: Json, what: string): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new UnresolvableError(`${what} can only join strings, got ${JSON.stringify(value)}.`);
  }

  private sub(stackName: string, argument: Json): string {
    let text: Json | undefined = argument;
    let variables: JsonObject = {};
    if (Array.isArray(argument)) {
      text = argument[0];
      const declared = argument[1];
      if (isJsonObject(declared)) variables = declared;
    }
    if (typeof text !== 'string') throw new UnresolvableError('Fn::Sub needs a string.');
    return text.replace(/\$\{([^}]*)\}/g, (_match, expression: string) => {
      if (expression.startsWith('!')) return `\${${expression.slice(1)}}`;
      const name = expression.trim();
      if (name in variables) {
        return this.scalarText(this.resolve(stackName, variables[name] as Json), 'Fn::Sub');
      }
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::')) {
        return this.scalarText(this.getAtt(stackName, name.slice(0, dot), name.slice(dot + 1)), 'Fn::Sub');
      }
      return this.scalarText(this.ref(stackName, name), 'Fn::Sub');
    });
  }

  private importValue(exportName: string): Json {
    if (!this.exportsByName) {
      this.exportsByName = new Map();
      for (const [stackName, stack] of this.stacks) {
        for (const output of Object.values(stack.template.Outputs ?? {})) {
          if (!output.Export) continue;
          if (output.Condition && !this.condition(stackName, output.Condition)) continue;
          const name = this.resolveString(stackName, output.Export.Name, 'Export name');
          this.exportsByName.set(name, { stackName, value: output.Value });
        }
      }
    }
    const exported = this.exportsByName.get(exportName);
    if (!exported) throw new UnresolvableError(`No stack exports ${exportName}.`);
    return this.resolve(exported.stackName, exported.value);
  }

  private evaluateCondition(stackName: string, expression: Json): boolean {
    if (typeof expression === 'boolean') return expression;
    if (typeof expression === 'string') return expression === 'true';
    if (!isJsonObject(expression)) throw new UnresolvableError('A condition must be an object.');
    const [name, argument] = Object.entries(expression)[0] ?? [];
    const list = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return this.condition(stackName, String(argument));
      case 'Fn::Equals':
        return isDeepStrictEqual(
          this.resolve(stackName, list[0] as Json),
          this.resolve(stackName, list[1] as Json),
        );
      case 'Fn::And':
        return list.every((item) => this.evaluateCondition(stackName, item));
      case 'Fn::Or':
        return list.some((item) => this.evaluateCondition(stackName, item));
      case 'Fn::Not':
        return !this.evaluateCondition(stackName, list[0] as Json);
      default:
        throw new UnresolvableError(`Unsupported condition function ${name}.`);
    }
  }
}
