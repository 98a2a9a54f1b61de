import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deployedFunctions } from '../../bench/bundles/deployed-functions.js';

// cdk.out is synthesized once by test/global-setup.ts; these are the bundles that deploy.
const functions = await deployedFunctions(process.cwd(), `${process.cwd()}/cdk.out`);

describe('the deployed function bundles', () => {
  it('are one per handler file', () => {
    expect(functions.map((fn) => fn.handler).sort()).toEqual([
      'apply-retention',
      'check-compliance',
      'collect-documents',
      'console',
      'coordinator-api',
      'notify-outcome',
      'portal',
      'process-upload',
      'record-failure',
      'request-site-approval',
      'review',
    ]);
  });

  it.each(functions.map((fn) => [fn.handler, fn.bundleFile]))(
    '%s reads credentials from the environment only: no profiles, SSO, web identity, process or container credentials',
    (_handler, bundleFile) => {
      const bundle = readFileSync(bundleFile, 'utf8');
      expect(bundle).toContain('AWS_SECRET_ACCESS_KEY');
      for (const otherSource of [
        'sso_start_url',
        'credential_process',
        'AWS_WEB_IDENTITY_TOKEN_FILE',
        'AWS_CONTAINER_CREDENTIALS',
      ]) {
        expect(bundle).not.toContain(otherSource);
      }
    },
  );
});
