import { ConfigurationError, readEnvironment } from '../config/environment.js';
import { isSecureBaseUrl } from './console-cookies.js';
import { DEFAULT_ROLE_MAP, DEFAULT_ROLES_CLAIM, isStaffRole, type StaffRole } from './staff-identity.js';

/**
 * The console's sign-in settings, read once at cold start from the environment the template gives
 * the console's function: OIDC_ISSUER (a Cognito pool's ProviderURL, or the `oidcIssuer` context
 * setting), OIDC_CLIENT_ID (the app client's Ref, or `oidcClientId`), optional OIDC_ROLES_CLAIM and
 * OIDC_ROLE_MAP (JSON `{"group": "role"}`), and PUBLIC_BASE_URL (the console is `{base}/console`).
 */
export interface StaffAuthSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly rolesClaim: string;
  readonly roleMap: Readonly<Record<string, StaffRole>>;
  /** `{publicBaseUrl}/console/auth/callback`. */
  readonly redirectUri: string;
  /** `{publicBaseUrl}/console/signed-out` (the client's registered sign-out URL): where the provider returns after sign-out. */
  readonly postLogoutRedirectUri: string;
  readonly publicBaseUrl: string;
  /** HTTPS: Secure, `__Host-` cookies. */
  readonly secureCookies: boolean;
}

const parseRoleMap = (text: string | undefined): Readonly<Record<string, StaffRole>> => {
  if (text === undefined) return DEFAULT_ROLE_MAP;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      'OIDC_ROLE_MAP is not JSON: give {"group": "coordinator" | "reviewer" | "viewer"}.',
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigurationError('OIDC_ROLE_MAP must be a JSON object of group → role.');
  }
  const entries = Object.entries(parsed);
  const wrong = entries.filter(([, role]) => !isStaffRole(role)).map(([group]) => group);
  if (entries.length === 0 || wrong.length > 0) {
    throw new ConfigurationError(
      `OIDC_ROLE_MAP maps ${wrong.length > 0 ? wrong.join(', ') : 'nothing'} to no role (coordinator, reviewer, viewer).`,
    );
  }
  return Object.fromEntries(entries) as Record<string, StaffRole>;
};

export const readStaffAuthSettings = (source: NodeJS.ProcessEnv = process.env): StaffAuthSettings => {
  const env = readEnvironment(
    ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'PUBLIC_BASE_URL'],
    ['OIDC_ROLES_CLAIM', 'OIDC_ROLE_MAP'],
    source,
  );
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    rolesClaim: env.OIDC_ROLES_CLAIM ?? DEFAULT_ROLES_CLAIM,
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
    redirectUri: `${base}/console/auth/callback`,
    postLogoutRedirectUri: `${base}/console/signed-out`,
    publicBaseUrl: base,
    secureCookies: isSecureBaseUrl(base),
  };
};
