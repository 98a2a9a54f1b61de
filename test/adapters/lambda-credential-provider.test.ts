import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../functions/adapters/lambda-credential-provider.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the credential provider bundled into every function', () => {
  it("returns the role's credentials Lambda puts in the environment, session token included", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-example');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-example');

    const credentials = await defaultProvider({})();

    expect(credentials).toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret-example',
      sessionToken: 'session-example',
    });
  });

  it('fails with a clear error when the environment holds no credentials, instead of trying other sources', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');

    await expect(defaultProvider({})()).rejects.toThrow(/environment/i);
  });
});
