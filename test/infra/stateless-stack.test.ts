import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES, EMAIL_LEASE_SECONDS } from '../../functions/contract/index.js';
import type { HandlerName } from '../../infra/constructs/onboarding-function.js';
import type { StatelessStack } from '../../infra/stacks/stateless-stack.js';
import { type Json, resolveIntrinsics } from '../support/resolve-intrinsics.js';
import { onboardingStacks, testStageContext } from './onboarding-app-fixture.js';

const HANDLERS: HandlerName[] = [
  'coordinator-api',
  'portal',
  'review',
  'console',
  'process-upload',
  'check-compliance',
  'collect-documents',
  'request-site-approval',
  'notify-outcome',
  'record-failure',
  'apply-retention',
];
const API_HANDLERS = new Set<HandlerName>(['coordinator-api', 'portal', 'review', 'console']);

const STATE_MACHINE_NAME = 'PlacementOnboarding-test-onboarding';
const STATE_MACHINE_ARN = `arn:aws:states:us-east-1:000000000000:stateMachine:${STATE_MACHINE_NAME}`;
const DOCUMENTS_BUCKET = 'onboarding-test-docs-000000000000-us-east-1';
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/PlacementOnboarding-test';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: Json;
  Condition?: Json;
}

let stack: StatelessStack;
let template: Template;
let stateMachineId: string;
/** The CloudFormation parameter (an SSM parameter type) through which the stack gets the key's ARN. */
let dataKeyParameterId: string;

beforeAll(() => {
  ({ stateless: stack } = onboardingStacks(testStageContext({ apiRateLimit: 40, apiBurstLimit: 80 })));
  template = Template.fromStack(stack);
  stateMachineId = logicalId(stack.workflow.stateMachine.node.defaultChild);
  const parameters = template.toJSON().Parameters as Record<string, { Type: string; Default?: string }>;
  dataKeyParameterId =
    Object.keys(parameters).find(
      (id) => parameters[id]?.Default === '/placement-onboarding/test/data-key-arn',
    ) ?? '';
});

function logicalId(element: unknown): string {
  return stack.getLogicalId(element as CfnElement);
}

/** Resolves a template value, giving the state machine a realistic ARN (its name is read from it). */
function resolved(value: unknown): Json {
  return resolveIntrinsics(value, {
    ref: (id) => (id === stateMachineId ? STATE_MACHINE_ARN : id),
  });
}

function functionId(handler: HandlerName): string {
  return logicalId(stack.functions[handler].node.defaultChild);
}

function functionProperties(handler: HandlerName): Record<string, unknown> {
  return template.findResources('AWS::Lambda::Function')[functionId(handler)]?.Properties;
}

/** Every Allow statement of the policies attached to a function's role, resolved. */
function statementsOf(handler: HandlerName): Statement[] {
  const role = stack.functions[handler].role;
  const roleId = logicalId(role?.node.defaultChild);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => resolved(policy.Properties.PolicyDocument.Statement) as unknown as Statement[]);
}

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

function resourcesOf(statement: Statement): Json[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** The resources a function may call `action` on. */
function grantedResources(handler: HandlerName, action: string): Json[] {
  return statementsOf(handler)
    .filter((statement) => statement.Effect === 'Allow' && actionsOf(statement).includes(action))
    .flatMap(resourcesOf);
}

function handlersAllowed(action: string): HandlerName[] {
  return HANDLERS.filter((handler) => grantedResources(handler, action).length > 0);
}

/** The KMS actions a function may use on the data key through one service (`kms:ViaService`). */
function keyActionsThrough(handler: HandlerName, service: string): string[] {
  return statementsOf(handler)
    .filter(
      (statement) =>
        JSON.stringify(resourcesOf(statement)) === JSON.stringify([dataKeyParameterId]) &&
        JSON.stringify(statement.Condition) ===
          JSON.stringify({ StringEquals: { 'kms:ViaService': `${service}.us-east-1.amazonaws.com` } }),
    )
    .flatMap(actionsOf)
    .sort();
}

function handlersAllowedThrough(service: string, action: string): HandlerName[] {
  return HANDLERS.filter((handler) => keyActionsThrough(handler, service).includes(action));
}

function environmentOf(handler: HandlerName): Record<string, Json> {
  const environment = functionProperties(handler).Environment as { Variables: Record<string, unknown> };
  return resolved(environment.Variables) as Record<string, Json>;
}

describe('every function', () => {
  it('runs Node.js 22 on arm64 with 512 MB, X-Ray tracing and a timeout by purpose', () => {
    for (const handler of HANDLERS) {
      expect(functionProperties(handler), handler).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        Timeout: API_HANDLERS.has(handler) ? 10 : handler === 'apply-retention' ? 600 : 15,
        Handler: 'index.handler',
      });
    }
  });

  it('logs to its own log group, which has a retention and is encrypted with the data key', () => {
    const logGroupIds = HANDLERS.map((handler) => {
      const logGroup = (functionProperties(handler).LoggingConfig as { LogGroup: { Ref: string } }).LogGroup
        .Ref;
      expect(template.findResources('AWS::Logs::LogGroup')[logGroup]?.Properties, handler).toEqual({
        RetentionInDays: 30,
        KmsKeyId: { Ref: dataKeyParameterId },
      });
      return logGroup;
    });
    expect(new Set(logGroupIds).size).toBe(HANDLERS.length);
  });

  it('is configured by the variables of what it may use, and nothing more', () => {
    const common = ['POWERTOOLS_SERVICE_NAME', 'STAGE', 'TABLE_NAME'];
    const mail = ['SENDER_EMAIL', 'REPLY_TO_EMAIL', 'SES_CONFIGURATION_SET'];
    const expected: Record<HandlerName, string[]> = {
      // The sent-back email carries the student's portal link.
      'coordinator-api': [...common, ...mail, 'STATE_MACHINE_ARN', 'DOCUMENTS_BUCKET', 'PUBLIC_BASE_URL'],
      portal: [...common, 'DOCUMENTS_BUCKET', 'PUBLIC_BASE_URL'],
      review: [...common, 'DOCUMENTS_BUCKET', 'STATE_MACHINE_ARN', 'PUBLIC_BASE_URL'],
      console: [
        ...common,
        ...mail,
        'DOCUMENTS_BUCKET',
        'STATE_MACHINE_ARN',
        'PUBLIC_BASE_URL',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_SIGN_OUT_URL',
      ],
      'process-upload': [...common, 'DOCUMENTS_BUCKET', 'STATE_MACHINE_ARN'],
      'check-compliance': common,
      'collect-documents': [...common, ...mail, 'PUBLIC_BASE_URL', 'STATE_MACHINE_ARN'],
      'request-site-approval': [...common, ...mail, 'PUBLIC_BASE_URL', 'STATE_MACHINE_ARN'],
      'notify-outcome': [...common, ...mail, 'PUBLIC_BASE_URL'],
      'record-failure': [...common, ...mail],
      'apply-retention': [...common, 'DOCUMENTS_BUCKET', 'DOCUMENT_RETENTION_DAYS'],
    };
    for (const handler of HANDLERS) {
      expect(Object.keys(environmentOf(handler)).sort(), handler).toEqual([...expected[handler]].sort());
    }
  });

  it("gives the console its sign-in from the Cognito pool's SSM parameters, resolved at deploy time", () => {
    const variables = (functionProperties('console').Environment as { Variables: Record<string, unknown> })
      .Variables;
    const parameterIds = Object.fromEntries(
      Object.entries(template.toJSON().Parameters as Record<string, { Type: string; Default: string }>).map(
        ([id, parameter]) => [parameter.Default, { id, type: parameter.Type }],
      ),
    );
    for (const [variable, name] of [
      ['OIDC_ISSUER', '/placement-onboarding/test/console/oidc-issuer'],
      ['OIDC_CLIENT_ID', '/placement-onboarding/test/console/oidc-client-id'],
      ['OIDC_SIGN_OUT_URL', '/placement-onboarding/test/console/sign-out-url'],
    ] as const) {
      expect(parameterIds[name], name).toMatchObject({ type: 'AWS::SSM::Parameter::Value<String>' });
      expect(variables[variable], variable).toEqual({ Ref: parameterIds[name]?.id });
    }
    expect(environmentOf('console')).toMatchObject({
      PUBLIC_BASE_URL: expect.stringMatching(/^https:\/\//),
      STATE_MACHINE_ARN,
      DOCUMENTS_BUCKET,
    });
  });

  it('gets values that name the deployed resources', () => {
    expect(environmentOf('review')).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'placement-onboarding',
      STAGE: 'test',
      TABLE_NAME: 'PlacementOnboarding-test',
      DOCUMENTS_BUCKET: DOCUMENTS_BUCKET,
      STATE_MACHINE_ARN,
      PUBLIC_BASE_URL: 'https://onboarding.example.edu',
    });
    expect(environmentOf('notify-outcome')).toMatchObject({
      SENDER_EMAIL: 'onboarding@example.edu',
      REPLY_TO_EMAIL: 'placements@example.edu',
      SES_CONFIGURATION_SET: logicalId(
        stack.node.findChild('Mail').node.findChild('ConfigurationSet').node.defaultChild,
      ),
    });
  });

  it('reads and writes items of the one table and queries its indexes, but never scans', () => {
    for (const handler of HANDLERS) {
      expect(grantedResources(handler, 'dynamodb:Query'), handler).toEqual([
        TABLE_ARN,
        `${TABLE_ARN}/index/*`,
      ]);
      expect(grantedResources(handler, 'dynamodb:UpdateItem'), handler).toContain(TABLE_ARN);
      expect(grantedResources(handler, 'dynamodb:Scan'), handler).toEqual([]);
      expect(grantedResources(handler, 'dynamodb:TransactWriteItems'), handler).toEqual([]);
    }
  });

  it('is granted no wildcard action', () => {
    for (const handler of HANDLERS) {
      const actions = statementsOf(handler).flatMap(actionsOf);
      expect(
        actions.filter((action) => action.includes('*')),
        handler,
      ).toEqual([]);
    }
  });
});

describe('the data key', () => {
  it("is read at deploy time from the stage's SSM parameter, not imported from the stateful stack", () => {
    expect(template.toJSON().Parameters[dataKeyParameterId]).toEqual({
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: '/placement-onboarding/test/data-key-arn',
    });
  });

  it('may be used through DynamoDB by every function, since every function reads and writes the table', () => {
    for (const handler of HANDLERS) {
      expect(keyActionsThrough(handler, 'dynamodb'), handler).toEqual([
        'kms:Decrypt',
        'kms:Encrypt',
        'kms:GenerateDataKey',
      ]);
    }
  });

  it('may be used through S3 to read documents by their readers, and to encrypt uploads by the portal', () => {
    expect(handlersAllowedThrough('s3', 'kms:Decrypt')).toEqual([
      'portal',
      'review',
      'console',
      'process-upload',
    ]);
    expect(handlersAllowedThrough('s3', 'kms:GenerateDataKey')).toEqual(['portal']);
    expect(handlersAllowedThrough('s3', 'kms:Encrypt')).toEqual([]);
  });

  it('is never granted for direct use: every KMS permission names the service it goes through', () => {
    for (const handler of HANDLERS) {
      const kmsStatements = statementsOf(handler).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('kms:')),
      );
      for (const statement of kmsStatements) {
        expect(statement.Condition, handler).toEqual({
          StringEquals: {
            'kms:ViaService': expect.stringMatching(/^(dynamodb|s3|sqs)\.us-east-1\.amazonaws\.com$/),
          },
        });
        expect(resourcesOf(statement), handler).toEqual([dataKeyParameterId]);
      }
    }
  });

  it('encrypts the log groups of the workflow and of the API access logs too', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(HANDLERS.length + 2);
    for (const logGroup of logGroups) {
      expect(logGroup.Properties.KmsKeyId).toEqual({ Ref: dataKeyParameterId });
    }
  });
});

describe('access to the workflow', () => {
  it('lets only the coordinator API and the console (retry, import) start executions, of the onboarding state machine', () => {
    expect(handlersAllowed('states:StartExecution')).toEqual(['coordinator-api', 'console']);
    expect(grantedResources('coordinator-api', 'states:StartExecution')).toEqual([STATE_MACHINE_ARN]);
    expect(grantedResources('console', 'states:StartExecution')).toEqual([STATE_MACHINE_ARN]);
  });

  it('lets only the coordinator API and the console (cancel, purge) stop executions, and only executions of that state machine', () => {
    expect(handlersAllowed('states:StopExecution')).toEqual(['coordinator-api', 'console']);
    for (const handler of ['coordinator-api', 'console'] as const) {
      expect(grantedResources(handler, 'states:StopExecution'), handler).toEqual([
        `arn:aws:states:us-east-1:000000000000:execution:${STATE_MACHINE_NAME}:*`,
      ]);
    }
  });

  it('lets the functions that resume a waiting placement send task results, for that state machine', () => {
    const resuming = [
      'coordinator-api',
      'review',
      'console',
      'process-upload',
      'collect-documents',
      'request-site-approval',
    ] as const;
    expect(handlersAllowed('states:SendTaskSuccess')).toEqual(resuming);
    for (const handler of resuming) {
      expect(grantedResources(handler, 'states:SendTaskSuccess')).toEqual([STATE_MACHINE_ARN]);
      expect(grantedResources(handler, 'states:SendTaskFailure')).toEqual([STATE_MACHINE_ARN]);
    }
  });
});

describe('access to the documents bucket', () => {
  const objects = `arn:aws:s3:::${DOCUMENTS_BUCKET}/placements/*`;

  it('lets only the portal put objects, under placements/', () => {
    expect(handlersAllowed('s3:PutObject')).toEqual(['portal']);
    expect(grantedResources('portal', 's3:PutObject')).toEqual([objects]);
  });

  it('gives the portal nothing else in S3 and no access to the workflow', () => {
    const portalActions = statementsOf('portal').flatMap(actionsOf);
    expect(portalActions.filter((action) => action.startsWith('s3:'))).toEqual(['s3:PutObject']);
    expect(portalActions.filter((action) => action.startsWith('states:'))).toEqual([]);
  });

  it('lets the review and upload processor read objects under placements/', () => {
    expect(handlersAllowed('s3:GetObject')).toEqual(['review', 'console', 'process-upload']);
    expect(grantedResources('review', 's3:GetObject')).toEqual([objects]);
    expect(grantedResources('console', 's3:GetObject')).toEqual([objects]);
    const listing = statementsOf('review').find((statement) =>
      actionsOf(statement).includes('s3:ListBucket'),
    );
    expect(listing).toMatchObject({
      Resource: `arn:aws:s3:::${DOCUMENTS_BUCKET}`,
      Condition: { StringLike: { 's3:prefix': ['placements/*'] } },
    });
  });

  const deleting = ['coordinator-api', 'console', 'process-upload', 'apply-retention'] as const;

  it('lets only the upload processor, the coordinator API (purge) and the retention sweep delete objects and their versions, only under placements/', () => {
    for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion']) {
      expect(handlersAllowed(action), action).toEqual(deleting);
      for (const handler of deleting) expect(grantedResources(handler, action), handler).toEqual([objects]);
    }
  });

  it('lets those that delete list versions of keys under placements/ only (to delete every version of a document)', () => {
    expect(handlersAllowed('s3:ListBucketVersions')).toEqual(deleting);
    for (const handler of deleting) {
      const listing = statementsOf(handler).filter((statement) =>
        actionsOf(statement).includes('s3:ListBucketVersions'),
      );
      expect(listing.length, handler).toBeGreaterThan(0);
      for (const statement of listing) {
        expect(statement, handler).toMatchObject({
          Resource: `arn:aws:s3:::${DOCUMENTS_BUCKET}`,
          Condition: { StringLike: { 's3:prefix': ['placements/*'] } },
        });
      }
    }
  });

  it('gives the coordinator API and the retention sweep no other access to documents: no read, listing or upload', () => {
    for (const handler of ['coordinator-api', 'apply-retention'] as const) {
      const s3Actions = statementsOf(handler)
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('s3:'));
      expect(s3Actions.sort(), handler).toEqual([
        's3:DeleteObject',
        's3:DeleteObjectVersion',
        's3:ListBucketVersions',
      ]);
      expect(keyActionsThrough(handler, 's3'), handler).toEqual([]);
    }
  });

  it('runs the retention sweep once a day, with the stage’s retention days, retrying a failed run', () => {
    expect(environmentOf('apply-retention').DOCUMENT_RETENTION_DAYS).toBe('120');
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(15 3 * * ? *)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [functionId('apply-retention'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        },
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId('apply-retention'), 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });

  it('invokes the upload processor for every object created under placements/', () => {
    template.resourceCountIs('Custom::S3BucketNotifications', 1);
    const [notification] = Object.values(template.findResources('Custom::S3BucketNotifications'));
    expect(resolved(notification?.Properties.BucketName)).toBe(DOCUMENTS_BUCKET);
    expect(notification?.Properties.Managed).toBe(false);
    expect(notification?.Properties.NotificationConfiguration).toEqual({
      LambdaFunctionConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'placements/' }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [functionId('process-upload'), 'Arn'] },
        },
      ],
    });
    const s3Permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties.Principal === 's3.amazonaws.com',
    );
    expect(s3Permissions.map((permission) => resolved(permission.Properties))).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        FunctionName: `${functionId('process-upload')}.Arn`,
        SourceArn: `arn:aws:s3:::${DOCUMENTS_BUCKET}`,
        SourceAccount: '000000000000',
      }),
    ]);
  });

  it('keeps upload events that failed every attempt in a dead-letter queue encrypted with the data key', () => {
    const dlq = functionProperties('process-upload').DeadLetterConfig as { TargetArn: Json };
    expect(resolved(dlq.TargetArn)).toMatch(/^ProcessUploadDeadLetters.*\.Arn$/);
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: { Ref: dataKeyParameterId } });
  });

  it('keeps retention sweeps that failed every attempt in their own dead-letter queue, encrypted with the data key', () => {
    const dlq = functionProperties('apply-retention').DeadLetterConfig as { TargetArn: Json };
    expect(resolved(dlq.TargetArn)).toMatch(/^RetentionSweepDeadLetters.*\.Arn$/);
    const queues = template.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues)).toHaveLength(2);
    for (const queue of Object.values(queues)) {
      expect(queue.Properties).toMatchObject({
        KmsMasterKeyId: { Ref: dataKeyParameterId },
        MessageRetentionPeriod: 1_209_600,
      });
    }
  });

  it('gives only the asynchronously invoked functions a dead-letter queue, each its own', () => {
    const withQueue = HANDLERS.filter((handler) => functionProperties(handler).DeadLetterConfig);
    expect(withQueue).toEqual(['process-upload', 'apply-retention']);
    const queueOf = (handler: HandlerName) =>
      resolved((functionProperties(handler).DeadLetterConfig as { TargetArn: Json }).TargetArn);
    expect(handlersAllowed('sqs:SendMessage')).toEqual(withQueue);
    for (const handler of withQueue)
      expect(grantedResources(handler, 'sqs:SendMessage')).toEqual([queueOf(handler)]);
  });

  it('lets those two, alone, use the data key through SQS to send to their dead-letter queues', () => {
    expect(handlersAllowedThrough('sqs', 'kms:GenerateDataKey')).toEqual([
      'process-upload',
      'apply-retention',
    ]);
  });
});

describe('sending email', () => {
  it('is allowed to the mailing functions only (cancel mails too), as the sender, through the configuration set', () => {
    expect(handlersAllowed('ses:SendEmail')).toEqual([
      'coordinator-api',
      'console',
      'collect-documents',
      'request-site-approval',
      'notify-outcome',
      'record-failure',
    ]);
    const configurationSet = logicalId(
      stack.node.findChild('Mail').node.findChild('ConfigurationSet').node.defaultChild,
    );
    const statement = statementsOf('notify-outcome').find((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: ['ses:SendEmail', 'ses:SendRawEmail'],
      Condition: { StringEquals: { 'ses:FromAddress': 'onboarding@example.edu' } },
    });
    expect(statement && resourcesOf(statement).sort()).toEqual([
      `arn:aws:ses:us-east-1:000000000000:configuration-set/${configurationSet}`,
      'arn:aws:ses:us-east-1:000000000000:identity/example.edu',
      'arn:aws:ses:us-east-1:000000000000:identity/onboarding@example.edu',
    ]);
  });

  it('only from functions that time out before an email claim’s lease runs out, so a running send is never doubled', () => {
    const mailing = handlersAllowed('ses:SendEmail');
    expect(mailing.length).toBeGreaterThan(0);
    for (const handler of mailing) {
      const timeout = functionProperties(handler).Timeout;
      expect(typeof timeout, handler).toBe('number');
      expect(timeout as number, `${handler} timeout vs EMAIL_LEASE_SECONDS`).toBeLessThan(
        EMAIL_LEASE_SECONDS,
      );
    }
  });

  it('goes through a configuration set with reputation metrics and TLS required', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });
});

describe('the HTTP API', () => {
  function routes(): Array<{ routeKey: string; authorization: string; target: string }> {
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    return Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route) => {
      const integrationId = String(resolved(route.Properties.Target)).replace(/^integrations\//, '');
      const integration = integrations[integrationId];
      return {
        routeKey: route.Properties.RouteKey,
        authorization: route.Properties.AuthorizationType,
        target: String(resolved(integration?.Properties.IntegrationUri)),
      };
    });
  }

  it('requires IAM-signed requests on every coordinator route', () => {
    const coordinator = `${functionId('coordinator-api')}.Arn`;
    expect(routes().filter((route) => route.target === coordinator)).toEqual(
      [
        'PUT /sites/{siteId}',
        'GET /sites/{siteId}',
        'POST /placements',
        'GET /placements',
        'GET /placements/{placementId}',
        'POST /placements/{placementId}/waivers',
        'POST /placements/{placementId}/cancel',
        'POST /placements/{placementId}/purge',
        'POST /placements/{placementId}/retry',
        'POST /placements/{placementId}/documents/{documentId}/verification',
        'GET /verification-queue',
      ].map((routeKey) => ({ routeKey, authorization: 'AWS_IAM', target: coordinator })),
    );
  });

  it('leaves the emailed link routes open: the token is the key', () => {
    const portal = `${functionId('portal')}.Arn`;
    const review = `${functionId('review')}.Arn`;
    const apiFunctions = [`${functionId('coordinator-api')}.Arn`, `${functionId('console')}.Arn`];
    expect(routes().filter((route) => !apiFunctions.includes(route.target))).toEqual([
      { routeKey: 'GET /portal/{token}', authorization: 'NONE', target: portal },
      { routeKey: 'GET /portal/{token}/status', authorization: 'NONE', target: portal },
      { routeKey: 'POST /portal/{token}/uploads', authorization: 'NONE', target: portal },
      { routeKey: 'GET /review/{token}', authorization: 'NONE', target: review },
      { routeKey: 'POST /review/{token}', authorization: 'NONE', target: review },
      // A document of the packet: the view is recorded, then the browser goes to a short-lived URL.
      { routeKey: 'GET /review/{token}/documents/{documentId}', authorization: 'NONE', target: review },
    ]);
  });

  it('serves every console route from the console function, open on the API: its session is the credential', () => {
    const staffConsole = `${functionId('console')}.Arn`;
    expect(routes().filter((route) => route.target === staffConsole)).toEqual(
      CONSOLE_ROUTES.map((routeKey) => ({ routeKey, authorization: 'NONE', target: staffConsole })),
    );
    expect(CONSOLE_ROUTES.every((routeKey) => !routeKey.includes('{proxy+}'))).toBe(true);
  });

  it('hands functions the version 2.0 event', () => {
    for (const integration of Object.values(template.findResources('AWS::ApiGatewayV2::Integration'))) {
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
    }
  });

  it('throttles its default stage and logs access by route, never by path (link tokens)', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 40, ThrottlingBurstLimit: 80 },
    });
    const format = String(stage?.Properties.AccessLogSettings.Format);
    expect(format).toContain('$context.routeKey');
    expect(format).toContain('$context.requestId');
    expect(format).not.toContain('$context.path');
    expect(format).not.toContain('$context.resourcePath');
  });
});

describe('the stateless stack', () => {
  it('imports nothing from the stateful stack through exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('outputs the API URL, state machine ARN, table and bucket names, operations topic and dashboard', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual([
      'ApiUrl',
      'DashboardUrl',
      'DocumentsBucketName',
      'OperationsTopicArn',
      'StateMachineArn',
      'TableName',
    ]);
    expect(resolved(outputs.TableName?.Value)).toBe('PlacementOnboarding-test');
    expect(resolved(outputs.DocumentsBucketName?.Value)).toBe(DOCUMENTS_BUCKET);
    expect(resolved(outputs.StateMachineArn?.Value)).toBe(STATE_MACHINE_ARN);
  });
});
