import * as oidc from 'openid-client';
import { SignInCallbackError } from './staff-auth-errors.js';

/**
 * The console as an OpenID Connect relying party, with openid-client v6 (panva; OpenID Certified,
 * maintained, built on oauth4webapi): discovery, authorization code flow with PKCE (S256), state and
 * nonce; the callback's code exchange checks state, the verifier, nonce, issuer, audience, expiry and
 * the ID token's signature (enableNonRepudiationChecks) with `alg` pinned to RS256 by the client's
 * `id_token_signed_response_alg`.
 */
export interface OidcRelyingPartyOptions {
  /** The provider's issuer (a Cognito pool's ProviderURL, the school's provider, or the local one). */
  readonly issuer: string;
  readonly clientId: string;
  /** `{publicBaseUrl}/console/auth/callback`. */
  readonly redirectUri: string;
  /** Where the provider sends the browser after sign-out. */
  readonly postLogoutRedirectUri: string;
  /** Default `openid email`. */
  readonly scope?: string;
}

export interface AuthorizationRequest {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class OidcRelyingParty {
  private constructor(
    private readonly config: oidc.Configuration,
    private readonly options: OidcRelyingPartyOptions,
  ) {}

  /** Reads the provider's discovery document. Plain HTTP is accepted for a loopback provider only. */
  static async discover(options: OidcRelyingPartyOptions): Promise<OidcRelyingParty> {
    const issuer = new URL(options.issuer);
    const loopback = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
    const config = await oidc.discovery(
      issuer,
      options.clientId,
      { id_token_signed_response_alg: 'RS256', token_endpoint_auth_method: 'none' },
      oidc.None(),
      loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    oidc.enableNonRepudiationChecks(config);
    return new OidcRelyingParty(config, options);
  }

  /** The provider's published keys, for the token verifier. */
  get jwksUri(): URL {
    const uri = this.config.serverMetadata().jwks_uri;
    if (!uri) throw new Error(`The provider ${this.options.issuer} publishes no jwks_uri.`);
    return new URL(uri);
  }

  get issuer(): string {
    return this.config.serverMetadata().issuer;
  }

  /** A fresh authorization request: random state, nonce and PKCE verifier (S256 challenge). */
  async authorizationRequest(): Promise<AuthorizationRequest> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(this.config, {
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope ?? 'openid email',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the callback's code for tokens, with the checks of the request this browser started;
   * returns the validated ID token. Any failure (an error from the provider, a state mismatch, a bad
   * token) is a SignInCallbackError.
   */
  async exchangeCode(
    callbackUrl: URL,
    checks: Pick<AuthorizationRequest, 'state' | 'nonce' | 'codeVerifier'>,
  ): Promise<string> {
    try {
      const tokens = await oidc.authorizationCodeGrant(this.config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      if (!tokens.id_token) throw new SignInCallbackError('The provider sent no ID token.');
      return tokens.id_token;
    } catch (error) {
      if (error instanceof SignInCallbackError) throw error;
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new SignInCallbackError(`The sign-in could not be completed (${reason}). Sign in again.`);
    }
  }

  /** The provider's RP-initiated logout URL, or undefined when it has no end_session_endpoint. */
  signOutUrl(): URL | undefined {
    if (!this.config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(this.config, {
      client_id: this.options.clientId,
      post_logout_redirect_uri: this.options.postLogoutRedirectUri,
    });
  }
}
