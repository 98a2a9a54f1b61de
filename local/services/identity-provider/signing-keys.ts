import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** What the local identity provider signs with and keeps between starts. */
export interface IdentityProviderKeys {
  /** The RS256 private signing key, as a JWK with `kid`, `alg` and `use`. */
  readonly signingKey: JWK;
  /** Keys that sign the provider's own cookies (oidc-provider's `cookies.keys`). */
  readonly cookieKeys: string[];
}

export const IDENTITY_PROVIDER_KEYS_FILE = 'identity-provider-keys.json';

/**
 * The provider's keys from `<dataDir>/identity-provider-keys.json`, made once with jose (an RS256
 * 2048-bit key pair) and kept, so that tokens and sessions survive a restart of the local cloud.
 */
export async function loadOrCreateIdentityProviderKeys(dataDir: string): Promise<IdentityProviderKeys> {
  const file = join(dataDir, IDENTITY_PROVIDER_KEYS_FILE);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<IdentityProviderKeys>;
    if (stored.signingKey?.kty === 'RSA' && stored.signingKey.d && Array.isArray(stored.cookieKeys)) {
      return stored as IdentityProviderKeys;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const keys: IdentityProviderKeys = {
    signingKey: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  return keys;
}
