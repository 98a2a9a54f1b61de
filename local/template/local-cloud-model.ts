import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CfnResource, Json, JsonObject, StackTemplate } from './cloudformation-template.js';
import { isJsonObject } from './cloudformation-template.js';
import { type EventRuleSpec, readEventBuses, readEventRules } from './event-rules.js';
import { IntrinsicResolver } from './intrinsic-resolver.js';
import { functionNameFromArnOrName, lambdaFunctionArn, stateMachineArn } from './local-aws-account.js';
import { localBucketName, localTableName } from './local-resource-attributes.js';

export interface TableSpec {
  logicalId: string;
  tableName: string;
  keySchema: Array<{ AttributeName: string; KeyType: string }>;
  attributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  globalSecondaryIndexes: Array<{
    IndexName: string;
    KeySchema: Array<{ AttributeName: string; KeyType: string }>;
    Projection: { ProjectionType?: string; NonKeyAttributes?: string[] };
  }>;
  localSecondaryIndexes: TableSpec['globalSecondaryIndexes'];
}

export interface CorsRuleSpec {
  allowedMethods: string[];
  allowedOrigins: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAgeSeconds?: number;
}

export interface BucketSpec {
  logicalId: string;
  bucketName: string;
  corsRules: CorsRuleSpec[];
}

export interface BucketNotificationSpec {
  bucketName: string;
  id: string;
  /** Event patterns as S3 spells them: `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`… */
  events: string[];
  functionName: string;
  prefix?: string;
  suffix?: string;
}

export interface FunctionSpec {
  logicalId: string;
  stackName: string;
  functionName: string;
  arn: string;
  /** The bundled module (index.mjs / index.js) and the export that is the handler. */
  entryFile: string;
  handlerExport: string;
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  environment: Record<string, string>;
}

export interface StateMachineSpec {
  logicalId: string;
  name: string;
  arn: string;
  definition: JsonObject;
  type: string;
}

export interface RouteSpec {
  routeKey: string;
  functionName: string;
  payloadFormatVersion: string;
  /** NONE, AWS_IAM, JWT or CUSTOM. Not enforced locally; AWS_IAM routes get a local caller identity. */
  authorizationType: string;
}

export interface HttpApiCorsSpec {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
  allowCredentials: boolean;
}

/** Everything the local cloud runs, read from the synthesized templates with local values. */
export interface LocalCloudModel {
  tables: TableSpec[];
  buckets: BucketSpec[];
  bucketNotifications: BucketNotificationSpec[];
  functions: FunctionSpec[];
  stateMachines: StateMachineSpec[];
  routes: RouteSpec[];
  apiCors?: HttpApiCorsSpec;
  /** The EventBridge buses: `default` and those of `AWS::Events::EventBus`. */
  eventBuses: string[];
  /** The enabled `AWS::Events::Rule`s (patterns and schedules) with their Lambda targets. */
  eventRules: EventRuleSpec[];
  /** Things found in the templates that run differently, or not at all, locally. */
  warnings: string[];
}

export interface ModelOptions {
  apiUrl: string;
  /** The local OpenID Connect provider's issuer, which a Cognito user pool's `ProviderURL` resolves to. */
  identityProviderUrl?: string;
}

const HANDLER_EXTENSIONS = ['.mjs', '.js', '.cjs'];

/** Reads tables, buckets, functions, state machines, routes and bucket notifications from the stacks. */
export function buildLocalCloudModel(stacks: StackTemplate[], options: ModelOptions): LocalCloudModel {
  const resolver = new IntrinsicResolver(stacks, options);
  const warnings: string[] = [];
  const model: LocalCloudModel = {
    tables: readTables(resolver),
    buckets: readBuckets(resolver),
    bucketNotifications: [],
    functions: readFunctions(resolver, warnings),
    stateMachines: readStateMachines(resolver),
    routes: [],
    eventBuses: readEventBuses(resolver),
    eventRules: readEventRules(resolver, warnings),
    warnings,
  };
  model.bucketNotifications = readBucketNotifications(resolver, warnings);
  const api = readHttpApi(resolver, warnings);
  model.routes = api.routes;
  if (api.cors) model.apiCors = api.cors;
  for (const type of ['AWS::Lambda::EventSourceMapping', 'AWS::Scheduler::Schedule']) {
    for (const { logicalId } of resolver.resourcesOfType(type)) {
      warnings.push(`${type} ${logicalId} is not run locally.`);
    }
  }
  return model;
}

function properties(resource: CfnResource): JsonObject {
  return resource.Properties ?? {};
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function asStrings(value: Json | undefined): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

function resourceView(
  resolver: IntrinsicResolver,
  stackName: string,
  logicalId: string,
  resource: CfnResource,
) {
  return {
    logicalId,
    type: resource.Type,
    apiUrl: '',
    property: (name: string) => {
      const raw = resource.Properties?.[name];
      return raw === undefined ? undefined : resolver.resolve(stackName, raw);
    },
  };
}

function readTables(resolver: IntrinsicResolver): TableSpec[] {
  return resolver.resourcesOfType('AWS::DynamoDB::Table').map(({ stackName, logicalId, resource }) => {
    const raw = properties(resource);
    const resolve = (name: string) =>
      raw[name] === undefined ? undefined : resolver.resolve(stackName, raw[name]);
    const indexes = (value: Json | undefined) =>
      asArray(value)
        .filter(isJsonObject)
        .map((index) => ({
          IndexName: String(index.IndexName),
          KeySchema: index.KeySchema as TableSpec['keySchema'],
          Projection: (index.Projection ?? {
            ProjectionType: 'ALL',
          }) as TableSpec['globalSecondaryIndexes'][0]['Projection'],
        }));
    return {
      logicalId,
      tableName: localTableName(resourceView(resolver, stackName, logicalId, resource)),
      keySchema: resolve('KeySchema') as TableSpec['keySchema'],
      attributeDefinitions: resolve('AttributeDefinitions') as TableSpec['attributeDefinitions'],
      globalSecondaryIndexes: indexes(resolve('GlobalSecondaryIndexes')),
      localSecondaryIndexes: indexes(resolve('LocalSecondaryIndexes')),
    };
  });
}

function readBuckets(resolver: IntrinsicResolver): BucketSpec[] {
  return resolver.resourcesOfType('AWS::S3::Bucket').map(({ stackName, logicalId, resource }) => {
    const cors = resolver.resolve(stackName, properties(resource).CorsConfiguration ?? null);
    const rules = isJsonObject(cors) ? asArray(cors.CorsRules).filter(isJsonObject) : [];
    return {
      logicalId,
      bucketName: localBucketName(resourceView(resolver, stackName, logicalId, resource)),
      corsRules: rules.map((rule) => ({
        allowedMethods: asStrings(rule.AllowedMethods),
        allowedOrigins: asStrings(rule.AllowedOrigins),
        allowedHeaders: asStrings(rule.AllowedHeaders),
        exposedHeaders: asStrings(rule.ExposedHeaders),
        ...(typeof rule.MaxAge === 'number' ? { maxAgeSeconds: rule.MaxAge } : {}),
      })),
    };
  });
}

function filterValue(filter: Json | undefined, name: 'prefix' | 'suffix'): string | undefined {
  if (!isJsonObject(filter)) return undefined;
  // Custom::S3BucketNotifications uses the S3 API shape (Key.FilterRules), AWS::S3::Bucket uses S3Key.Rules.
  const key = isJsonObject(filter.Key) ? filter.Key : isJsonObject(filter.S3Key) ? filter.S3Key : undefined;
  const rules = key ? asArray(key.FilterRules ?? key.Rules).filter(isJsonObject) : [];
  const rule = rules.find((candidate) => String(candidate.Name).toLowerCase() === name);
  return rule && typeof rule.Value === 'string' ? rule.Value : undefined;
}

function readBucketNotifications(resolver: IntrinsicResolver, warnings: string[]): BucketNotificationSpec[] {
  const notifications: BucketNotificationSpec[] = [];
  const add = (
    bucketName: string,
    id: string,
    events: string[],
    functionArn: Json,
    filter: Json | undefined,
  ) => {
    if (typeof functionArn !== 'string') return;
    const prefix = filterValue(filter, 'prefix');
    const suffix = filterValue(filter, 'suffix');
    notifications.push({
      bucketName,
      id,
      events,
      functionName: functionNameFromArnOrName(functionArn),
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
    });
  };
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType(
    'Custom::S3BucketNotifications',
  )) {
    const props = resolver.resolve(stackName, properties(resource)) as JsonObject;
    const config = isJsonObject(props.NotificationConfiguration) ? props.NotificationConfiguration : {};
    const bucketName = String(props.BucketName);
    asArray(config.LambdaFunctionConfigurations)
      .filter(isJsonObject)
      .forEach((entry, index) => {
        add(
          bucketName,
          typeof entry.Id === 'string' ? entry.Id : `${logicalId}-${index}`,
          asStrings(entry.Events),
          entry.LambdaFunctionArn ?? null,
          entry.Filter,
        );
      });
    for (const kind of ['QueueConfigurations', 'TopicConfigurations'] as const) {
      if (asArray(config[kind]).length > 0)
        warnings.push(`${kind} of ${logicalId} are not delivered locally.`);
    }
  }
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType('AWS::S3::Bucket')) {
    const raw = properties(resource).NotificationConfiguration;
    if (raw === undefined) continue;
    const config = resolver.resolve(stackName, raw);
    if (!isJsonObject(config)) continue;
    const bucketName = localBucketName(resourceView(resolver, stackName, logicalId, resource));
    asArray(config.LambdaConfigurations)
      .filter(isJsonObject)
      .forEach((entry, index) => {
        add(
          bucketName,
          `${logicalId}-${index}`,
          asStrings([entry.Event ?? null]),
          entry.Function ?? null,
          entry.Filter,
        );
      });
  }
  return notifications;
}

/** `index.handler` → module `index`, export `handler`; the module file is looked up with its JS extensions. */
function findHandlerModule(
  assetDir: string,
  handler: string,
): { entryFile: string; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const modulePath = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  for (const extension of HANDLER_EXTENSIONS) {
    const candidate = join(assetDir, `${modulePath}${extension}`);
    if (existsSync(candidate)) return { entryFile: candidate, exportName };
  }
  return undefined;
}

function readFunctions(resolver: IntrinsicResolver, warnings: string[]): FunctionSpec[] {
  const functions: FunctionSpec[] = [];
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType('AWS::Lambda::Function')) {
    const props = properties(resource);
    const assetPath = resource.Metadata?.['aws:asset:path'];
    const runtime = typeof props.Runtime === 'string' ? props.Runtime : '';
    const handler = typeof props.Handler === 'string' ? props.Handler : '';
    if (typeof assetPath !== 'string' || !runtime.startsWith('nodejs') || !handler) continue;
    const assemblyDir = resolver.stack(stackName).assemblyDir;
    const candidates = [isAbsolute(assetPath) ? assetPath : join(assemblyDir, assetPath)];
    // When the asset path is not the staged bundle (e.g. bundling was skipped for this stack), the
    // staged directory is still named after the asset hash that the S3 key carries.
    const code = isJsonObject(props.Code) ? props.Code : {};
    const assetHash =
      typeof code.S3Key === 'string' ? /^([0-9a-f]{64})\.zip$/.exec(code.S3Key)?.[1] : undefined;
    if (assetHash) candidates.push(join(assemblyDir, `asset.${assetHash}`));
    const module = candidates
      .map((assetDir) => findHandlerModule(assetDir, handler))
      .find((found) => found !== undefined);
    if (!module) {
      warnings.push(
        `${logicalId} has no bundle (${handler}) in cdk.out; it cannot run. Run cdk synth again.`,
      );
      continue;
    }
    let environment: Record<string, string> = {};
    try {
      const variables = resolver.resolve(
        stackName,
        isJsonObject(props.Environment) ? (props.Environment.Variables ?? {}) : {},
      );
      environment = Object.fromEntries(
        Object.entries(isJsonObject(variables) ? variables : {}).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      );
    } catch (error) {
      warnings.push(`Environment of ${logicalId} could not be resolved: ${(error as Error).message}`);
    }
    functions.push({
      logicalId,
      stackName,
      functionName: logicalId,
      arn: lambdaFunctionArn(logicalId),
      entryFile: module.entryFile,
      handlerExport: module.exportName,
      handler,
      runtime,
      timeoutSeconds: typeof props.Timeout === 'number' ? props.Timeout : 3,
      memoryMb: typeof props.MemorySize === 'number' ? props.MemorySize : 128,
      environment,
    });
  }
  return functions;
}

function readStateMachines(resolver: IntrinsicResolver): StateMachineSpec[] {
  return resolver
    .resourcesOfType('AWS::StepFunctions::StateMachine')
    .map(({ stackName, logicalId, resource }) => {
      const props = properties(resource);
      let definition: JsonObject;
      if (props.DefinitionString !== undefined) {
        let text = resolver.resolveString(stackName, props.DefinitionString, `${logicalId} DefinitionString`);
        const substitutions = resolver.resolve(stackName, props.DefinitionSubstitutions ?? {});
        if (isJsonObject(substitutions)) {
          for (const [key, value] of Object.entries(substitutions)) {
            text = text.split(`\${${key}}`).join(typeof value === 'string' ? value : JSON.stringify(value));
          }
        }
        definition = JSON.parse(text) as JsonObject;
      } else {
        definition = resolver.resolve(stackName, props.Definition ?? {}) as JsonObject;
      }
      return {
        logicalId,
        name: logicalId,
        arn: stateMachineArn(logicalId),
        definition,
        type: typeof props.StateMachineType === 'string' ? props.StateMachineType : 'STANDARD',
      };
    });
}

function readHttpApi(
  resolver: IntrinsicResolver,
  warnings: string[],
): { routes: RouteSpec[]; cors?: HttpApiCorsSpec } {
  const apis = resolver.resourcesOfType('AWS::ApiGatewayV2::Api');
  if (apis.length > 1) warnings.push(`${apis.length} HTTP APIs found; their routes are served together.`);
  let cors: HttpApiCorsSpec | undefined;
  for (const { stackName, resource } of apis) {
    const config = resolver.resolve(stackName, properties(resource).CorsConfiguration ?? null);
    if (!isJsonObject(config)) continue;
    cors = {
      allowOrigins: asStrings(config.AllowOrigins),
      allowMethods: asStrings(config.AllowMethods),
      allowHeaders: asStrings(config.AllowHeaders),
      exposeHeaders: asStrings(config.ExposeHeaders),
      ...(typeof config.MaxAge === 'number' ? { maxAgeSeconds: config.MaxAge } : {}),
      allowCredentials: config.AllowCredentials === true,
    };
  }
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType('AWS::ApiGatewayV2::Stage')) {
    const stageName = resolver.resolve(stackName, properties(resource).StageName ?? null);
    if (stageName !== '$default') {
      warnings.push(
        `Stage ${logicalId} (${String(stageName)}): routes are served locally without its path prefix.`,
      );
    }
  }
  const integrations = new Map<string, { functionName: string; payloadFormatVersion: string }>();
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType(
    'AWS::ApiGatewayV2::Integration',
  )) {
    const props = resolver.resolve(stackName, properties(resource)) as JsonObject;
    const uri = typeof props.IntegrationUri === 'string' ? props.IntegrationUri : '';
    const functionArn = /arn:[^:]+:lambda:[^:]*:[^:]*:function:[^/:]+/.exec(uri)?.[0];
    if (props.IntegrationType !== 'AWS_PROXY' || !functionArn) {
      warnings.push(
        `Integration ${logicalId} (${String(props.IntegrationType)}) is not a Lambda proxy; skipped.`,
      );
      continue;
    }
    integrations.set(`${stackName}/${logicalId}`, {
      functionName: functionNameFromArnOrName(functionArn),
      payloadFormatVersion:
        typeof props.PayloadFormatVersion === 'string' ? props.PayloadFormatVersion : '2.0',
    });
  }
  const routes: RouteSpec[] = [];
  for (const { stackName, logicalId, resource } of resolver.resourcesOfType('AWS::ApiGatewayV2::Route')) {
    const props = resolver.resolve(stackName, properties(resource)) as JsonObject;
    const target = typeof props.Target === 'string' ? props.Target : '';
    const integrationId = target.startsWith('integrations/') ? target.slice('integrations/'.length) : '';
    const integration = integrations.get(`${stackName}/${integrationId}`);
    if (!integration || typeof props.RouteKey !== 'string') {
      warnings.push(`Route ${logicalId} has no Lambda integration; skipped.`);
      continue;
    }
    if (integration.payloadFormatVersion !== '2.0') {
      warnings.push(
        `Route ${props.RouteKey} uses payload format ${integration.payloadFormatVersion}; sent 2.0.`,
      );
    }
    const authorizationType = typeof props.AuthorizationType === 'string' ? props.AuthorizationType : 'NONE';
    routes.push({ routeKey: props.RouteKey, ...integration, authorizationType });
  }
  return cors ? { routes, cors } : { routes };
}
