import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { onboardingStacks, testStageContext } from '../infra/onboarding-app-fixture.js';
import { documentRouteKeys, readOpenApiDocument } from './openapi-document.js';

/** The route keys (`GET /sites/{siteId}`) and their authorization, as the synthesized stateless stack deploys them. */
let templateRoutes: Array<{ routeKey: string; authorizationType: string }>;

beforeAll(() => {
  const { stateless } = onboardingStacks(testStageContext());
  const routes = Template.fromStack(stateless).findResources('AWS::ApiGatewayV2::Route');
  templateRoutes = Object.values(routes).map((route) => ({
    routeKey: String(route.Properties.RouteKey),
    authorizationType: String(route.Properties.AuthorizationType),
  }));
});

describe('the synthesized HTTP API and docs/openapi.yaml', () => {
  it('deploys routes (the template is read)', () => {
    expect(templateRoutes.length).toBeGreaterThan(0);
  });

  it('documents every route the template deploys', () => {
    const documented = new Set(documentRouteKeys(readOpenApiDocument()));
    expect(templateRoutes.map((route) => route.routeKey).filter((key) => !documented.has(key))).toEqual([]);
  });

  it('deploys every route the document describes', () => {
    const deployed = new Set(templateRoutes.map((route) => route.routeKey));
    expect(documentRouteKeys(readOpenApiDocument()).filter((key) => !deployed.has(key))).toEqual([]);
  });

  it('signs (AWS_IAM) exactly the routes the document gives the sigv4 scheme', () => {
    const document = readOpenApiDocument();
    const signedInDocument = documentRouteKeys(document)
      .filter((key) => {
        const [method = '', path = ''] = key.split(' ');
        const operation = document.paths[path]?.[method.toLowerCase()] as { security?: unknown[] };
        return (operation.security ?? []).length > 0;
      })
      .sort();
    const signedInTemplate = templateRoutes
      .filter((route) => route.authorizationType === 'AWS_IAM')
      .map((route) => route.routeKey)
      .sort();
    expect(signedInTemplate).toEqual(signedInDocument);
  });
});
