import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidDeploymentSettingsError, readDeploymentSettings } from '../../infra/deployment-settings.js';
import { cdkJsonContext } from './onboarding-app-fixture.js';

const STAGE_BLOCK: Record<string, unknown> = {
  publicBaseUrl: 'https://onboarding.example.edu',
  senderEmail: 'onboarding@example.edu',
  replyToEmail: 'placements@example.edu',
  documentRetentionDays: 90,
  logRetentionDays: 30,
};

/** Context with one stage block (`stages.test`), plus top-level keys as `-c key=value` would give. */
function read(block: Record<string, unknown> = {}, commandLine: Record<string, unknown> = {}) {
  const context: Record<string, unknown> = {
    stage: 'test',
    stages: { test: { ...STAGE_BLOCK, ...block } },
    ...commandLine,
  };
  return readDeploymentSettings((key) => context[key]);
}

function problemsOf(block: Record<string, unknown>, commandLine: Record<string, unknown> = {}): string[] {
  try {
    read(block, commandLine);
  } catch (error) {
    if (error instanceof InvalidDeploymentSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('reading the deployment settings from the CDK context', () => {
  it("returns the selected stage's settings, with defaults for what the block leaves out", () => {
    expect(read()).toEqual({
      stage: 'test',
      publicBaseUrl: 'https://onboarding.example.edu',
      senderEmail: 'onboarding@example.edu',
      replyToEmail: 'placements@example.edu',
      documentRetentionDays: 90,
      logRetention: RetentionDays.ONE_MONTH,
      apiThrottle: { rateLimit: 50, burstLimit: 100 },
      alarmEmail: undefined,
      removalPolicy: RemovalPolicy.RETAIN,
      staffSignIn: { kind: 'cognito', mfa: 'optional', domainPrefix: 'placement-onboarding-test' },
    });
  });

  it('reads the API throttle, alarm email and removal policy from the stage block', () => {
    expect(
      read({ apiRateLimit: 20, apiBurstLimit: 40, alarmEmail: 'ops@example.edu', removalPolicy: 'destroy' }),
    ).toMatchObject({
      apiThrottle: { rateLimit: 20, burstLimit: 40 },
      alarmEmail: 'ops@example.edu',
      removalPolicy: RemovalPolicy.DESTROY,
    });
  });

  it('lets a value given on the command line override the stage block', () => {
    const settings = read({}, { publicBaseUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com' });
    expect(settings.publicBaseUrl).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com');
    expect(settings.senderEmail).toBe('onboarding@example.edu');
  });

  it('accepts a stage without a block when the command line gives every required value', () => {
    const context: Record<string, unknown> = { stage: 'alice', stages: { dev: STAGE_BLOCK }, ...STAGE_BLOCK };
    expect(readDeploymentSettings((key) => context[key]).stage).toBe('alice');
  });

  it('accepts numbers given as strings on the command line (-c documentRetentionDays=30)', () => {
    expect(
      read(
        {},
        { documentRetentionDays: '30', logRetentionDays: '14', apiRateLimit: '10', apiBurstLimit: '10' },
      ),
    ).toMatchObject({
      documentRetentionDays: 30,
      logRetention: RetentionDays.TWO_WEEKS,
      apiThrottle: { rateLimit: 10, burstLimit: 10 },
    });
  });

  it('treats a missing or empty reply-to or alarm address as none', () => {
    expect(read({ replyToEmail: undefined }).replyToEmail).toBeUndefined();
    expect(read({ replyToEmail: '' }).replyToEmail).toBeUndefined();
    expect(read({ alarmEmail: '' }).alarmEmail).toBeUndefined();
  });

  it('rejects an alarm email that is not an address', () => {
    expect(problemsOf({ alarmEmail: 'on-call' })).toEqual([expect.stringMatching(/^alarmEmail: "on-call"/)]);
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
      expect(problemsOf({}, { stage })[0], stage).toMatch(/^stage: /);
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

  it('rejects an API throttle out of range, or a burst below the rate', () => {
    expect(problemsOf({ apiRateLimit: 0 })).toEqual([
      expect.stringMatching(/^apiRateLimit: 0 must be between/),
    ]);
    expect(problemsOf({ apiRateLimit: 100, apiBurstLimit: 50 })).toEqual([
      'apiBurstLimit: 50 must be at least apiRateLimit (100)',
    ]);
  });

  it('rejects a removal policy other than retain or destroy', () => {
    expect(problemsOf({ removalPolicy: 'snapshot' })).toEqual([
      'removalPolicy: must be "retain" or "destroy", got "snapshot"',
    ]);
  });

  it('lists every problem at once, in a message that says where settings come from', () => {
    const context: Record<string, unknown> = { stages: { dev: { senderEmail: 'not-an-address' } } };
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
      'senderEmail: missing',
      'documentRetentionDays: missing',
      'logRetentionDays: missing',
    ]);
    expect(message).toContain('cdk.json');
    expect(message).toContain('-c key=value');
  });
});

describe('the stages of cdk.json', () => {
  const forStage = (stage: string) => {
    const context: Record<string, unknown> = { ...cdkJsonContext(), stage };
    return readDeploymentSettings((key) => context[key]);
  };

  it('deploy dev by default, with links to the local cloud', () => {
    const context = cdkJsonContext();
    const settings = readDeploymentSettings((key) => context[key]);
    expect(settings.stage).toBe('dev');
    expect(settings.publicBaseUrl).toBe('http://localhost:4000');
  });

  it('keep prod longer, retained, louder and allowed more traffic than dev', () => {
    const dev = forStage('dev');
    const prod = forStage('prod');
    expect(prod.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(dev.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(prod.logRetention).toBeGreaterThan(dev.logRetention);
    expect(prod.documentRetentionDays).toBeGreaterThan(dev.documentRetentionDays);
    expect(prod.apiThrottle.rateLimit).toBeGreaterThan(dev.apiThrottle.rateLimit);
    expect(prod.alarmEmail).toMatch(/@/);
    expect(dev.alarmEmail).toBeUndefined();
    expect(prod.publicBaseUrl).toMatch(/^https:\/\//);
  });
});
