import { vi } from 'vitest';

/** The environment a deployed function gets (fake credentials: every AWS call is mocked). */
export const HANDLER_ENVIRONMENT = {
  TABLE_NAME: 'onboarding-test-table',
  DOCUMENTS_BUCKET: 'onboarding-test-documents',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:Onboarding',
  SENDER_EMAIL: 'onboarding@school.example',
  PUBLIC_BASE_URL: 'https://onboarding.school.example',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-for-tests-only',
  AWS_EC2_METADATA_DISABLED: 'true',
} as const;

/** Local-cloud settings that must not leak in from the shell (virtual time would move `now`). */
const UNSET = [
  'ONBOARDING_TIME_SCALE',
  'ONBOARDING_TIME_ORIGIN',
  'AWS_PROFILE',
  'AWS_SESSION_TOKEN',
] as const;

/** The instant every handler test runs at (only `Date` is faked: timers stay real). */
export const TEST_NOW = new Date('2030-03-01T09:00:00.000Z');

/**
 * Sets the function's environment, then imports the handler module, as a cold start would:
 * each handler reads its environment and builds its AWS clients at module load.
 */
export const coldStart = async <T>(load: () => Promise<T>): Promise<T> => {
  for (const [name, value] of Object.entries(HANDLER_ENVIRONMENT)) vi.stubEnv(name, value);
  for (const name of UNSET) vi.stubEnv(name, undefined);
  return load();
};

/** Freezes `Date` at TEST_NOW; timers (the retry pauses of the use cases) keep running for real. */
export const freezeDate = (): void => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW });
};
