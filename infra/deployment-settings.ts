import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** What one deployment of the app is configured with (from CDK context: cdk.json or `-c key=value`). */
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
}

/** Reads a context value: `(key) => app.node.tryGetContext(key)`. */
export type ContextReader = (key: string) => unknown;

export class InvalidDeploymentSettingsError extends Error {
  override readonly name = 'InvalidDeploymentSettingsError';
  constructor(readonly problems: string[]) {
    super(
      `Invalid deployment settings (set them in cdk.json "context" or with -c key=value):\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
  }
}

const STAGE_PATTERN = /^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_DOCUMENT_RETENTION_DAYS = 3650;
const ALLOWED_LOG_RETENTION_DAYS = new Set<number>(
  Object.values(RetentionDays).filter(
    (value): value is number => typeof value === 'number' && value !== RetentionDays.INFINITE,
  ),
);

/**
 * Reads and validates every setting at once, so one run lists all the problems.
 * @throws InvalidDeploymentSettingsError naming each invalid or missing setting.
 */
export function readDeploymentSettings(read: ContextReader): DeploymentSettings {
  const problems: string[] = [];

  const stage = readString(read, 'stage', problems);
  if (stage !== undefined && !STAGE_PATTERN.test(stage)) {
    problems.push(
      `stage: "${stage}" must start with a lowercase letter, end with a letter or digit and use only a-z, 0-9 and "-" (at most 16 characters)`,
    );
  }

  const publicBaseUrl = readString(read, 'publicBaseUrl', problems);
  if (publicBaseUrl !== undefined) {
    const problem = describePublicBaseUrlProblem(publicBaseUrl);
    if (problem) problems.push(`publicBaseUrl: ${problem}`);
  }

  const senderEmail = readString(read, 'senderEmail', problems);
  if (senderEmail !== undefined && !EMAIL_PATTERN.test(senderEmail)) {
    problems.push(`senderEmail: "${senderEmail}" is not an email address`);
  }

  const replyToRaw = read('replyToEmail');
  let replyToEmail: string | undefined;
  if (replyToRaw !== undefined && replyToRaw !== null && replyToRaw !== '') {
    if (typeof replyToRaw !== 'string' || !EMAIL_PATTERN.test(replyToRaw)) {
      problems.push(`replyToEmail: "${String(replyToRaw)}" is not an email address (leave it out for none)`);
    } else {
      replyToEmail = replyToRaw;
    }
  }

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

  if (
    problems.length > 0 ||
    stage === undefined ||
    publicBaseUrl === undefined ||
    senderEmail === undefined ||
    documentRetentionDays === undefined ||
    logRetentionDays === undefined
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

/** Accepts a number (cdk.json) or a decimal string (`-c key=30`). */
function readWholeNumber(read: ContextReader, key: string, problems: string[]): number | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') {
    problems.push(`${key}: missing`);
    return undefined;
  }
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed)) {
    problems.push(`${key}: must be a whole number of days, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return parsed;
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
