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

export interface OnboardingApiProps {
  coordinatorApi: IFunction;
  portal: IFunction;
  review: IFunction;
  /** Requests per second on the stage, and the burst above it, shared by all routes. */
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
  /** The customer-managed key the access log group is encrypted with. */
  logEncryptionKey: IKey;
  logRemovalPolicy: RemovalPolicy;
}

/** Coordinator routes: IAM-signed requests (SigV4) only. */
export const COORDINATOR_ROUTES: ReadonlyArray<readonly [HttpMethod, string]> = [
  [HttpMethod.PUT, '/sites/{siteId}'],
  [HttpMethod.GET, '/sites/{siteId}'],
  [HttpMethod.POST, '/placements'],
  [HttpMethod.GET, '/placements'],
  [HttpMethod.GET, '/placements/{placementId}'],
  [HttpMethod.POST, '/placements/{placementId}/waivers'],
  [HttpMethod.POST, '/placements/{placementId}/cancel'],
  [HttpMethod.POST, '/placements/{placementId}/purge'],
  [HttpMethod.POST, '/placements/{placementId}/retry'],
];

/** Link routes: public; the token in the path is the only key. */
export const PORTAL_ROUTES: ReadonlyArray<readonly [HttpMethod, string]> = [
  [HttpMethod.GET, '/portal/{token}'],
  [HttpMethod.GET, '/portal/{token}/status'],
  [HttpMethod.POST, '/portal/{token}/uploads'],
];
export const REVIEW_ROUTES: ReadonlyArray<readonly [HttpMethod, string]> = [
  [HttpMethod.GET, '/review/{token}'],
  [HttpMethod.POST, '/review/{token}'],
];

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
    for (const [method, path] of COORDINATOR_ROUTES) {
      this.httpApi.addRoutes({ path, methods: [method], integration: coordinator });
    }

    const linkRoutes = [
      { routes: PORTAL_ROUTES, integration: new HttpLambdaIntegration('PortalIntegration', props.portal) },
      { routes: REVIEW_ROUTES, integration: new HttpLambdaIntegration('ReviewIntegration', props.review) },
    ];
    for (const { routes, integration } of linkRoutes) {
      for (const [method, path] of routes) {
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
  }

  /** The base URL of the API (`https://<id>.execute-api.<region>.amazonaws.com`). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
