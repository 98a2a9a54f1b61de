import { vi } from 'vitest';
import { TEST_CONFIG } from './handler-test-preamble.js';

export { freezeDate, TEST_NOW } from './handler-test-preamble.js';

/**
 * For the tests that run a function's entry (functions/entries/) as it deploys, environment and all
 * (the property tests, the log-context test): the environment a deployed function gets, with fake
 * credentials (every AWS call is mocked). Handler tests (test/handlers/) build handlers through their
 * factories instead and never touch the environment.
 */
export const HANDLER_ENVIRONMENT = {
  TABLE_NAME: TEST_CONFIG.tableName,
  DOCUMENTS_BUCKET: TEST_CONFIG.documentsBucket,
  STATE_MACHINE_ARN: TEST_CONFIG.stateMachineArn,
  SENDER_EMAIL: TEST_CONFIG.mail.senderEmail,
  PUBLIC_BASE_URL: TEST_CONFIG.publicBaseUrl,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-for-tests-only',
  AWS_EC2_METADATA_DISABLED: 'true',
} as const;

/** Local-cloud settings that must not leak in from the shell (virtual time would move `now`). */
const UNSET = [
  'ONBOARDING_TIME_SCALE',
  'ONBOARDING_TIME_ORIGIN',
  'ONBOARDING_DOCUMENT_VERSIONS',
  'AWS_PROFILE',
  'AWS_SESSION_TOKEN',
] as const;

/** Sets the function's environment, then imports its entry, as a cold start would. */
export const coldStart = async <T>(load: () => Promise<T>): Promise<T> => {
  for (const [name, value] of Object.entries(HANDLER_ENVIRONMENT)) vi.stubEnv(name, value);
  for (const name of UNSET) vi.stubEnv(name, undefined);
  return load();
};
