import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidDeploymentSettingsError, readDeploymentSettings } from '../../infra/deployment-settings.js';

const VALID: Record<string, unknown> = {
  stage: 'dev',
  publicBaseUrl: 'https://onboarding.example.edu',
  senderEmail: 'onboarding@example.edu',
  replyToEmail: 'placements@example.edu',
  documentRetentionDays: 90,
  logRetentionDays: 30,
};

function read(overrides: Record<string, unknown>) {
  const context = { ...VALID, ...overrides };
  return readDeploymentSettings((key) => context[key]);
}

function problemsOf(overrides: Record<string, unknown>): string[] {
  try {
    read(overrides);
  } catch (error) {
    if (error instanceof InvalidDeploymentSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('reading the deployment settings from the CDK context', () => {
  it('returns the settings of a valid context', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      publicBaseUrl: 'https://onboarding.example.edu',
      senderEmail: 'onboarding@example.edu',
      replyToEmail: 'placements@example.edu',
      documentRetentionDays: 90,
      logRetention: RetentionDays.ONE_MONTH,
    });
  });

  it('accepts numbers given as strings on the command line (-c documentRetentionDays=30)', () => {
    expect(read({ documentRetentionDays: '30', logRetentionDays: '14' })).toMatchObject({
      documentRetentionDays: 30,
      logRetention: RetentionDays.TWO_WEEKS,
    });
  });

  it('treats a missing or empty reply-to address as none', () => {
    expect(read({ replyToEmail: undefined }).replyToEmail).toBeUndefined();
    expect(read({ replyToEmail: '' }).replyToEmail).toBeUndefined();
  });

  it('allows plain http only for a loopback public base URL', () => {
    expect(read({ publicBaseUrl: 'http://localhost:4000' }).publicBaseUrl).toBe('http://localhost:4000');
    expect(problemsOf({ publicBaseUrl: 'http://onboarding.example.edu' })).toEqual([
      expect.stringMatching(/^publicBaseUrl: .*must use https/),
    ]);
  });

  it('rejects a public base URL with a trailing slash, a query or no scheme', () => {
    expect(problemsOf({ publicBaseUrl: 'https://onboarding.example.edu/' })[0]).toMatch(
      /must not end with "\/"/,
    );
    expect(problemsOf({ publicBaseUrl: 'https://onboarding.example.edu?x=1' })[0]).toMatch(/query/);
    expect(problemsOf({ publicBaseUrl: 'onboarding.example.edu' })[0]).toMatch(/not an absolute URL/);
  });

  it('rejects a stage that cannot be part of stack and bucket names', () => {
    for (const stage of ['Dev', 'my_stage', '1dev', 'dev-', 'a-very-long-stage-name']) {
      expect(problemsOf({ stage })[0], stage).toMatch(/^stage: /);
    }
  });

  it('rejects a log retention CloudWatch Logs does not offer, naming the allowed ones', () => {
    expect(problemsOf({ logRetentionDays: 31 })[0]).toMatch(
      /^logRetentionDays: 31 .*use one of 1, 3, 5, 7, 14, 30/,
    );
  });

  it('rejects document retention outside 1 to 3650 days and non-whole numbers', () => {
    expect(problemsOf({ documentRetentionDays: 0 })[0]).toMatch(/^documentRetentionDays: 0 must be between/);
    expect(problemsOf({ documentRetentionDays: 2.5 })[0]).toMatch(
      /^documentRetentionDays: must be a whole number/,
    );
    expect(problemsOf({ documentRetentionDays: 'ninety' })[0]).toMatch(/whole number/);
  });

  it('lists every problem at once, in a message that says where settings come from', () => {
    const context: Record<string, unknown> = { senderEmail: 'not-an-address' };
    let thrown: unknown;
    try {
      readDeploymentSettings((key) => context[key]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDeploymentSettingsError);
    const { problems, message } = thrown as InvalidDeploymentSettingsError;
    expect(problems).toEqual([
      'stage: missing',
      'publicBaseUrl: missing',
      'senderEmail: "not-an-address" is not an email address',
      'documentRetentionDays: missing',
      'logRetentionDays: missing',
    ]);
    expect(message).toContain('cdk.json');
    expect(message).toContain('-c key=value');
  });
});
