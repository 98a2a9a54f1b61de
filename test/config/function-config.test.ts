import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../functions/config/environment.js';
import {
  readApplyRetentionConfig,
  readCallbackTaskConfig,
  readCoordinatorApiConfig,
} from '../../functions/config/function-config.js';
import { readLocalCloudVariants } from '../../functions/config/local-cloud.js';

const CALLBACK_TASK_ENVIRONMENT = {
  TABLE_NAME: 'table',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:Onboarding',
  PUBLIC_BASE_URL: 'https://onboarding.school.example',
  SENDER_EMAIL: 'onboarding@school.example',
};

describe('a function configuration', () => {
  it('reads what the function was granted into typed fields, optional mail settings only when set', () => {
    const config = readCallbackTaskConfig({
      ...CALLBACK_TASK_ENVIRONMENT,
      REPLY_TO_EMAIL: 'office@school.example',
    });

    expect(config).toEqual({
      tableName: 'table',
      stateMachineArn: CALLBACK_TASK_ENVIRONMENT.STATE_MACHINE_ARN,
      publicBaseUrl: 'https://onboarding.school.example',
      mail: { senderEmail: 'onboarding@school.example', replyToEmail: 'office@school.example' },
      local: { clock: expect.any(Object), documentVersions: 'kept' },
    });
  });

  it('fails the cold start naming every missing variable', () => {
    expect(() => readCoordinatorApiConfig({ TABLE_NAME: 'table' })).toThrow(
      new ConfigurationError(
        'Missing environment variables: STATE_MACHINE_ARN, DOCUMENTS_BUCKET, PUBLIC_BASE_URL, SENDER_EMAIL',
      ),
    );
  });

  it.each(['0', '2.5', 'thirty'])('refuses a retention of %s days', (days) => {
    expect(() =>
      readApplyRetentionConfig({
        TABLE_NAME: 'table',
        DOCUMENTS_BUCKET: 'bucket',
        DOCUMENT_RETENTION_DAYS: days,
      }),
    ).toThrow(ConfigurationError);
  });
});

describe('the local cloud seam', () => {
  it('is the wall clock and a versioned bucket when none of its variables is set (AWS)', () => {
    const before = Date.now();
    const variants = readLocalCloudVariants({});
    const now = variants.clock.now().getTime();

    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(variants.documentVersions).toBe('kept');
  });

  it('runs the clock faster from the origin under a time scale, and knows s3rver keeps no versions', () => {
    const origin = Date.now() - 1_000;
    const variants = readLocalCloudVariants({
      ONBOARDING_TIME_SCALE: '60',
      ONBOARDING_TIME_ORIGIN: String(origin),
      ONBOARDING_DOCUMENT_VERSIONS: 'none',
    });

    // At least one real second since the origin: at least a virtual minute.
    expect(variants.clock.now().getTime() - origin).toBeGreaterThanOrEqual(60_000);
    expect(variants.documentVersions).toBe('none');
  });
});
