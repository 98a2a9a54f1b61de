import { describe, expect, it } from 'vitest';
import type { CfnTemplate, StackTemplate } from '../../../local/template/cloudformation-template.js';
import { IntrinsicResolver } from '../../../local/template/intrinsic-resolver.js';
import { readUserPoolClients } from '../../../local/template/local-user-pool-clients.js';

const API = 'http://127.0.0.1:4000';
const IDP = 'http://127.0.0.1:4010';

/** A stateful stack with a pool and the console's app client, and a function reading both. */
const template: CfnTemplate = {
  Resources: {
    StaffPoolA1B2: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'staff' } },
    ConsoleClientC3D4: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        UserPoolId: { Ref: 'StaffPoolA1B2' },
        CallbackURLs: [
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] }, '/console/auth/callback']] },
          'https://onboarding.school.example/console/auth/callback',
        ],
        LogoutURLs: ['https://onboarding.school.example/console'],
      },
    },
    HttpApi: { Type: 'AWS::ApiGatewayV2::Api' },
  },
};
const stacks: StackTemplate[] = [{ stackName: 'Stateful', assemblyDir: '/tmp', template }];

describe('Cognito user pools served by the local sign-in provider', () => {
  const resolver = new IntrinsicResolver(stacks, { apiUrl: API, identityProviderUrl: IDP });

  it('resolves a pool’s ProviderURL (the console’s issuer) to the local provider’s issuer', () => {
    expect(resolver.resolve('Stateful', { 'Fn::GetAtt': ['StaffPoolA1B2', 'ProviderURL'] })).toBe(IDP);
    expect(resolver.resolve('Stateful', { 'Fn::GetAtt': ['StaffPoolA1B2', 'ProviderName'] })).toBe(
      '127.0.0.1:4010',
    );
  });

  it('keeps a pool’s Ref a pool id and gives the app client’s Ref the client id the provider registers', () => {
    expect(resolver.resolve('Stateful', { Ref: 'StaffPoolA1B2' })).toBe('us-east-1_StaffPoolA1B2');
    expect(resolver.resolve('Stateful', { Ref: 'ConsoleClientC3D4' })).toBe('ConsoleClientC3D4');
    const [client] = readUserPoolClients(stacks, { apiUrl: API, identityProviderUrl: IDP });
    expect(client?.clientId).toBe(resolver.resolve('Stateful', { Ref: 'ConsoleClientC3D4' }));
  });

  it('registers the app client with its CallbackURLs and LogoutURLs, and the same paths on the local API', () => {
    expect(readUserPoolClients(stacks, { apiUrl: API, identityProviderUrl: IDP })).toEqual([
      {
        clientId: 'ConsoleClientC3D4',
        redirectUris: [
          `${API}/console/auth/callback`,
          'http://localhost:4000/console/auth/callback',
          'https://onboarding.school.example/console/auth/callback',
        ],
        postLogoutRedirectUris: [
          'https://onboarding.school.example/console',
          `${API}/console`,
          'http://localhost:4000/console',
        ],
      },
    ]);
  });

  it('registers the onboarding-console client on <api>/console when the template has no pool', () => {
    const withoutPool: StackTemplate[] = [
      {
        stackName: 'Stateless',
        assemblyDir: '/tmp',
        template: { Resources: { HttpApi: { Type: 'AWS::ApiGatewayV2::Api' } } },
      },
    ];
    expect(readUserPoolClients(withoutPool, { apiUrl: API })).toEqual([
      {
        clientId: 'onboarding-console',
        redirectUris: [`${API}/console/auth/callback`, 'http://localhost:4000/console/auth/callback'],
        postLogoutRedirectUris: [`${API}/console/signed-out`, 'http://localhost:4000/console/signed-out'],
      },
    ]);
  });
});
