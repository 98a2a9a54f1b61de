import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../functions/config/environment.js';
import { readStaffAuthSettings } from '../../functions/staff-auth/staff-auth-settings.js';

const BASE = {
  OIDC_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
  OIDC_CLIENT_ID: 'client-1',
  PUBLIC_BASE_URL: 'https://onboarding.school.example/',
};

describe('the console’s sign-in settings', () => {
  it('defaults to Cognito’s groups claim and group names, with HTTPS cookies on an https base URL', () => {
    expect(readStaffAuthSettings(BASE)).toEqual({
      issuer: BASE.OIDC_ISSUER,
      clientId: 'client-1',
      rolesClaim: 'cognito:groups',
      roleMap: { coordinators: 'coordinator', reviewers: 'reviewer', viewers: 'viewer' },
      redirectUri: 'https://onboarding.school.example/console/auth/callback',
      postLogoutRedirectUri: 'https://onboarding.school.example/console/signed-out',
      publicBaseUrl: 'https://onboarding.school.example',
      secureCookies: true,
    });
  });

  it('takes a school provider’s roles claim and role map', () => {
    const settings = readStaffAuthSettings({
      ...BASE,
      PUBLIC_BASE_URL: 'http://127.0.0.1:4000',
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_ROLE_MAP: '{"Placement.Admin":"coordinator"}',
    });
    expect(settings).toMatchObject({
      rolesClaim: 'roles',
      roleMap: { 'Placement.Admin': 'coordinator' },
      secureCookies: false,
    });
  });

  it.each([
    ['a missing issuer', { ...BASE, OIDC_ISSUER: '' }, /OIDC_ISSUER/],
    ['a role map that is not JSON', { ...BASE, OIDC_ROLE_MAP: 'admins=coordinator' }, /not JSON/],
    ['a role map naming an unknown role', { ...BASE, OIDC_ROLE_MAP: '{"admins":"owner"}' }, /admins/],
  ])('refuses %s at cold start', (_case, env, message) => {
    expect(() => readStaffAuthSettings(env)).toThrow(ConfigurationError);
    expect(() => readStaffAuthSettings(env)).toThrow(message);
  });
});
