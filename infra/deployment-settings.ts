import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { readStaffSignInSettings, type StaffSignInSettings } from './staff-sign-in-settings.js';

/** API Gateway stage throttling: steady requests per second, and the burst above it. */
export interface ApiThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * What one deployment of the app is configured with. The CDK context selects a stage (`-c stage=prod`,
 * default `dev` from cdk.json); the stage's block in cdk.json (`"stages": {"prod": {...}}`) gives its
 * values, and any value given on the command line (`-c publicBaseUrl=https://…`) overrides the block.
 */
export interface DeploymentSettings {
  /** Short lowercase name used in stack names: `PlacementOnboarding-<stage>-Stateful`. */
  stage: string;
  /** Origin (and optional path) the emailed links start with, without a trailing slash. */
  publicBaseUrl: string;
  senderEmail: string;
  replyToEmail: string | undefined;
  /** Days after upload at which student documents are deleted from the bucket. */
  documentRetentionDays: number;
  logRetention: RetentionDays;
  apiThrottle: ApiThrottle;
  /** Subscribed (by email) to the operations topic the alarms notify; none when undefined. */
  alarmEmail: string | undefined;
  /**
   * What deleting a stack does to the table, the buckets and the log groups: RETAIN keeps them (and
   * turns on the table's deletion protection), DESTROY deletes them. The KMS key is always retained.
   */
  removalPolicy: RemovalPolicy;
  /** How staff sign in to the console (infra/staff-sign-in-settings.ts). */
  staffSignIn: StaffSignInSettings;
}

/** Reads a context value: `(key) => app.node.tryGetContext(key)`. */
export type ContextReader = (key: string) => unknown;

export class InvalidDeploymentSettingsError extends Error {
  override readonly name = 'InvalidDeploymentSettingsError';
  constructor(readonly problems: string[]) {
    super(
      'Invalid deployment settings (set them in the stage\'s block of cdk.json "context.stages", or with ' +
        `-c key=value):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}

/** The context key holding one block of settings per stage. */
export const STAGES_CONTEXT_KEY = 'stages';

const STAGE_PATTERN = /^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_DOCUMENT_RETENTION_DAYS = 3650;
const MAX_API_RATE = 10_000;
const ALLOWED_LOG_RETENTION_DAYS = new Set<number>(
  Object.values(RetentionDays).filter(
    (value): value is number => typeof value === 'number' && value !== RetentionDays.INFINITE,
  ),
);
const REMOVAL_POLICIES: Record<string, RemovalPolicy> = {
  retain: RemovalPolicy.RETAIN,
  destroy: RemovalPolicy.DESTROY,
};
const DEFAULT_API_THROTTLE: ApiThrottle = { rateLimit: 50, burstLimit: 100 };

/**
 * Reads and validates every setting at once, so one run lists all the problems.
 * @throws InvalidDeploymentSettingsError naming each invalid or missing setting.
 */
export function readDeploymentSettings(readContext: ContextReader): DeploymentSettings {
  const problems: string[] = [];

  const stage = readString(readContext, 'stage', problems);
  if (stage !== undefined && !STAGE_PATTERN.test(stage)) {
    problems.push(
      `stage: "${stage}" must start with a lowercase letter, end with a letter or digit and use only a-z, 0-9 and "-" (at most 16 characters)`,
    );
  }
  const read = stageReader(readContext, stage, problems);

  const publicBaseUrl = readString(read, 'publicBaseUrl', problems);
  if (publicBaseUrl !== undefined) {
    const problem = describePublicBaseUrlProblem(publicBaseUrl);
    if (problem) problems.push(`publicBaseUrl: ${problem}`);
  }

  const senderEmail = readString(read, 'senderEmail', problems);
  if (senderEmail !== undefined && !EMAIL_PATTERN.test(senderEmail)) {
    problems.push(`senderEmail: "${senderEmail}" is not an email address`);
  }
  const replyToEmail = readOptionalEmail(read, 'replyToEmail', problems);
  const alarmEmail = readOptionalEmail(read, 'alarmEmail', problems);

  const documentRetentionDays = readWholeNumber(read, 'documentRetentionDays', problems);
  if (
    documentRetentionDays !== undefined &&
    (documentRetentionDays < 1 || documentRetentionDays > MAX_DOCUMENT_RETENTION_DAYS)
  ) {
    problems.push(
      `documentRetentionDays: ${documentRetentionDays} must be between 1 and ${MAX_DOCUMENT_RETENTION_DAYS}`,
    );
  }

  const logRetentionDays = readWholeNumber(read, 'logRetentionDays', problems);
  if (logRetentionDays !== undefined && !ALLOWED_LOG_RETENTION_DAYS.has(logRetentionDays)) {
    problems.push(
      `logRetentionDays: ${logRetentionDays} is not a CloudWatch Logs retention; use one of ${[
        ...ALLOWED_LOG_RETENTION_DAYS,
      ].join(', ')}`,
    );
  }

  const apiThrottle = readApiThrottle(read, problems);

  const removalPolicyName = read('removalPolicy') ?? 'retain';
  const removalPolicy =
    typeof removalPolicyName === 'string' ? REMOVAL_POLICIES[removalPolicyName] : undefined;
  if (removalPolicy === undefined) {
    problems.push(`removalPolicy: must be "retain" or "destroy", got ${JSON.stringify(removalPolicyName)}`);
  }

  const staffSignIn = readStaffSignInSettings(read, stage, problems);

  if (
    problems.length > 0 ||
    staffSignIn === undefined ||
    stage === undefined ||
    publicBaseUrl === undefined ||
    senderEmail === undefined ||
    documentRetentionDays === undefined ||
    logRetentionDays === undefined ||
    apiThrottle === undefined ||
    removalPolicy === undefined
  ) {
    throw new InvalidDeploymentSettingsError(problems);
  }

  return {
    stage,
    publicBaseUrl,
    senderEmail,
    replyToEmail,
    documentRetentionDays,
    logRetention: logRetentionDays as RetentionDays,
    apiThrottle,
    alarmEmail,
    removalPolicy,
    staffSignIn,
  };
}

/**
 * A reader of one stage's settings: a value given as top-level context (`-c key=value`) wins over the
 * stage's block in `stages`. A stage without a block is allowed when the command line gives it all.
 */
function stageReader(
  readContext: ContextReader,
  stage: string | undefined,
  problems: string[],
): ContextReader {
  const stages = readContext(STAGES_CONTEXT_KEY);
  if (stages !== undefined && (typeof stages !== 'object' || stages === null || Array.isArray(stages))) {
    problems.push(`${STAGES_CONTEXT_KEY}: must be an object of stage blocks, got ${JSON.stringify(stages)}`);
  }
  const block =
    stage !== undefined && typeof stages === 'object' && stages !== null
      ? (stages as Record<string, unknown>)[stage]
      : undefined;
  if (block !== undefined && (typeof block !== 'object' || block === null || Array.isArray(block))) {
    problems.push(
      `${STAGES_CONTEXT_KEY}.${stage}: must be an object of settings, got ${JSON.stringify(block)}`,
    );
  }
  const values = typeof block === 'object' && block !== null ? (block as Record<string, unknown>) : {};
  return (key) => {
    const override = readContext(key);
    return override !== undefined ? override : values[key];
  };
}

function readString(read: ContextReader, key: string, problems: string[]): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') {
    problems.push(`${key}: missing`);
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push(`${key}: must be a string, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

/** An optional address: missing, null or empty means none. */
function readOptionalEmail(read: ContextReader, key: string, problems: string[]): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !EMAIL_PATTERN.test(value)) {
    problems.push(`${key}: "${String(value)}" is not an email address (leave it out for none)`);
    return undefined;
  }
  return value;
}

/** Accepts a number (cdk.json) or a decimal string (`-c key=30`). */
function readWholeNumber(read: ContextReader, key: string, problems: string[]): number | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') {
    problems.push(`${key}: missing`);
    return undefined;
  }
  return parseWholeNumber(key, value, problems);
}

function parseWholeNumber(key: string, value: unknown, problems: string[]): number | undefined {
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed)) {
    problems.push(`${key}: must be a whole number, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return parsed;
}

/** `apiRateLimit` and `apiBurstLimit` (defaults 50 and 100): 1 to 10,000, the burst at least the rate. */
function readApiThrottle(read: ContextReader, problems: string[]): ApiThrottle | undefined {
  const limit = (key: 'apiRateLimit' | 'apiBurstLimit', fallback: number): number | undefined => {
    const value = read(key);
    if (value === undefined || value === null || value === '') return fallback;
    const parsed = parseWholeNumber(key, value, problems);
    if (parsed !== undefined && (parsed < 1 || parsed > MAX_API_RATE)) {
      problems.push(`${key}: ${parsed} must be between 1 and ${MAX_API_RATE} requests per second`);
      return undefined;
    }
    return parsed;
  };
  const rateLimit = limit('apiRateLimit', DEFAULT_API_THROTTLE.rateLimit);
  const burstLimit = limit('apiBurstLimit', DEFAULT_API_THROTTLE.burstLimit);
  if (rateLimit === undefined || burstLimit === undefined) return undefined;
  if (burstLimit < rateLimit) {
    problems.push(`apiBurstLimit: ${burstLimit} must be at least apiRateLimit (${rateLimit})`);
    return undefined;
  }
  return { rateLimit, burstLimit };
}

function describePublicBaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return `"${value}" must use https (plain http is allowed only for localhost)`;
  }
  if (value.endsWith('/')) return `"${value}" must not end with "/"`;
  if (url.search || url.hash || url.username || url.password) {
    return `"${value}" must not carry a query, fragment or credentials`;
  }
  return undefined;
}
