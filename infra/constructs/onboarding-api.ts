import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  CONSOLE_ROUTES,
  COORDINATOR_ROUTES,
  PORTAL_ROUTES,
  REVIEW_ROUTES,
  type RouteKey,
  routeKeyParts,
} from '../../functions/contract/index.js';

export interface OnboardingApiProps {
  /** Serves COORDINATOR_ROUTES, each behind the IAM authorizer (SigV4-signed callers only). */
  readonly coordinatorApi: IFunction;
  /** Serves PORTAL_ROUTES, open: the token in the path is the key. */
  readonly portal: IFunction;
  /** Serves REVIEW_ROUTES, open: the token in the path is the key. */
  readonly review: IFunction;
  /** Serves CONSOLE_ROUTES, open on the API: the console's own session cookie is the credential. */
  readonly console: IFunction;
  /** Requests per second on the stage, and the burst above it, shared by all routes. */
  readonly throttle: { rateLimit: number; burstLimit: number };
  /** How long the access logs are kept. */
  readonly logRetention: RetentionDays;
  /** The customer-managed key the access log group is encrypted with. */
  readonly logEncryptionKey: IKey;
  /** What deleting the stack does to the access log group. */
  readonly logRemovalPolicy: RemovalPolicy;
}

/** A route key's method and path as the HTTP API construct takes them. */
const routeOf = (routeKey: RouteKey): { method: HttpMethod; path: string } => {
  const { method, path } = routeKeyParts(routeKey);
  const httpMethod = Object.values(HttpMethod).find((known) => known === method);
  if (!httpMethod) throw new Error(`Route ${routeKey}: ${method} is not an HTTP method`);
  return { method: httpMethod, path };
};

/**
 * Fields of the access log. The route key (`GET /portal/{token}`) is logged, never the path: a link
 * token in a path is a credential.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  responseLatency: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  caller: '$context.identity.userArn',
});

/** The one HTTP API (API Gateway v2), its `$default` stage with throttling and access logs. */
export class OnboardingApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: OnboardingApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Placement onboarding: coordinator API (IAM) and the emailed portal and review links',
      createDefaultStage: false,
      // Anything not listed below as a link route requires a SigV4-signed caller.
      defaultAuthorizer: new HttpIamAuthorizer(),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: props.logRemovalPolicy,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    const coordinator = new HttpLambdaIntegration('CoordinatorIntegration', props.coordinatorApi);
    for (const routeKey of COORDINATOR_ROUTES) {
      const { method, path } = routeOf(routeKey);
      this.httpApi.addRoutes({ path, methods: [method], integration: coordinator });
    }

    const linkRoutes = [
      { routes: PORTAL_ROUTES, integration: new HttpLambdaIntegration('PortalIntegration', props.portal) },
      { routes: REVIEW_ROUTES, integration: new HttpLambdaIntegration('ReviewIntegration', props.review) },
    ];
    for (const { routes, integration } of linkRoutes) {
      for (const routeKey of routes) {
        const { method, path } = routeOf(routeKey);
        const [route] = this.httpApi.addRoutes({
          path,
          methods: [method],
          integration,
          authorizer: new HttpNoneAuthorizer(),
        });
        if (route) {
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              'An emailed link route: the caller is a student or site admin without AWS credentials; the ' +
              '128-bit single-purpose token in the path is the key, checked (hash, expiry, use) by the function.',
          });
        }
      }
    }

    const consoleIntegration = new HttpLambdaIntegration('ConsoleIntegration', props.console);
    for (const routeKey of CONSOLE_ROUTES) {
      const { method, path } = routeOf(routeKey);
      const [route] = this.httpApi.addRoutes({
        path,
        methods: [method],
        integration: consoleIntegration,
        authorizer: new HttpNoneAuthorizer(),
      });
      if (route) {
        const reason =
          'A staff console route: a browser cannot send SigV4 or bearer tokens on page navigations, so the ' +
          'console signs staff in itself (OpenID Connect with PKCE against Cognito or the school provider) ' +
          'and the function checks its HttpOnly server-side session, the role and, on POST, the CSRF token.';
        Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
      }
    }
  }

  /** The base URL of the API (`https://<id>.execute-api.<region>.amazonaws.com`). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
