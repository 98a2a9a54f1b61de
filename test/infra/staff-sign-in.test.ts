import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidDeploymentSettingsError, readDeploymentSettings } from '../../infra/deployment-settings.js';
import { consoleSignInParameterNames } from '../../infra/resource-names.js';
import { StatefulStack } from '../../infra/stacks/stateful-stack.js';
import type { StaffSignInSettings } from '../../infra/staff-sign-in-settings.js';
import { testApp, testStageContext } from './onboarding-app-fixture.js';

function statefulTemplate(staffSignIn: StaffSignInSettings): Template {
  return Template.fromStack(
    new StatefulStack(testApp(), 'Stateful', {
      stage: 'test',
      publicBaseUrl: 'https://onboarding.example.edu',
      documentRetentionDays: 120,
      logRetention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
      staffSignIn,
    }),
  );
}

const settingsOf = (values: Record<string, unknown>, stage = 'test') => {
  const context = testStageContext(values);
  const read = (key: string) => (key === 'stage' ? stage : context[key]);
  const stages = context.stages as Record<string, unknown>;
  return readDeploymentSettings((key) => (key === 'stages' ? { [stage]: stages.test } : read(key)))
    .staffSignIn;
};

describe('the staff user pool (Cognito, the default)', () => {
  const template = statefulTemplate({ kind: 'cognito', mfa: 'required', domainPrefix: 'onboarding-test' });

  it('lets nobody sign themselves up, signs in by email, and requires TOTP MFA when asked', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has one group per console role', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => (group.Properties as { GroupName: string }).GroupName,
    );
    expect(groups.sort()).toEqual(['coordinators', 'reviewers', 'viewers']);
  });

  it('serves managed login on its own domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'onboarding-test',
      ManagedLoginVersion: 2,
    });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('registers the console as a public client: code flow only, no secret, its callback and sign-out URLs', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email']),
      CallbackURLs: ['https://onboarding.example.edu/console/auth/callback'],
      LogoutURLs: ['https://onboarding.example.edu/console/signed-out'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('publishes the issuer, the client id and the sign-out URL for the stateless stack', () => {
    const names = consoleSignInParameterNames('test');
    for (const name of [names.issuer, names.clientId, names.signOutUrl]) {
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: name });
    }
  });

  it('makes MFA optional only when the stage says so', () => {
    statefulTemplate({ kind: 'cognito', mfa: 'optional', domainPrefix: 'x-test' }).hasResourceProperties(
      'AWS::Cognito::UserPool',
      { MfaConfiguration: 'OPTIONAL' },
    );
  });
});

describe("the school's own OpenID Connect provider", () => {
  it('creates no user pool', () => {
    const template = statefulTemplate({
      kind: 'oidc',
      issuer: 'https://login.example.edu',
      clientId: 'console',
      rolesClaim: 'groups',
      roleMap: { 'placement-office': 'coordinator' },
    });
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
  });
});

describe('staff sign-in settings', () => {
  it('default to a Cognito pool with optional MFA outside prod', () => {
    expect(settingsOf({})).toEqual({
      kind: 'cognito',
      mfa: 'optional',
      domainPrefix: 'placement-onboarding-test',
    });
  });

  it('require MFA in prod, and refuse to turn it off there', () => {
    expect(settingsOf({}, 'prod')).toMatchObject({ kind: 'cognito', mfa: 'required' });
    expect(() => settingsOf({ staffMfa: 'optional' }, 'prod')).toThrow(/staffMfa: prod requires MFA/);
  });

  it('point at the school provider with oidcIssuer and oidcClientId, reading the role map as JSON text', () => {
    expect(
      settingsOf({
        oidcIssuer: 'https://login.example.edu/tenant',
        oidcClientId: 'console',
        oidcRolesClaim: 'roles',
        oidcRoleMap: '{"placement-office":"coordinator","compliance":"reviewer"}',
      }),
    ).toEqual({
      kind: 'oidc',
      issuer: 'https://login.example.edu/tenant',
      clientId: 'console',
      rolesClaim: 'roles',
      roleMap: { 'placement-office': 'coordinator', compliance: 'reviewer' },
    });
  });

  it.each([
    [{ oidcIssuer: 'https://login.example.edu' }, /oidcClientId: missing/],
    [{ oidcIssuer: 'http://login.example.edu', oidcClientId: 'c' }, /oidcIssuer: .* must be an https URL/],
    [
      { oidcIssuer: 'https://login.example.edu', oidcClientId: 'c', oidcRoleMap: { staff: 'admin' } },
      /oidcRoleMap.staff: "admin" is not one of coordinator, reviewer, viewer/,
    ],
    [{ cognitoDomainPrefix: 'My_Domain' }, /cognitoDomainPrefix/],
    [{ staffMfa: 'sometimes' }, /staffMfa: must be "required" or "optional"/],
  ])('name the setting that is wrong: %o', (values, message) => {
    expect(() => settingsOf(values)).toThrow(InvalidDeploymentSettingsError);
    expect(() => settingsOf(values)).toThrow(message);
  });
});
