import { readStaffAuthSettings, type StaffAuthSettings } from '../staff-auth/staff-auth-settings.js';
import { ConfigurationError, readEnvironment } from './environment.js';
import { type LocalCloudVariants, readLocalCloudVariants } from './local-cloud.js';

/**
 * Each function's typed configuration, read once at cold start by its entry (functions/entries/):
 * the variables infra grants it along with each resource (infra/constructs/function-grants.ts), and
 * what the local cloud changes (functions/config/local-cloud.ts). A missing variable fails the cold
 * start with every name that is missing.
 */

type Source = NodeJS.ProcessEnv;

/** How a function granted SES sends: its sender, reply-to and configuration set come with the grant. */
export interface MailSettings {
  senderEmail: string;
  replyToEmail?: string;
  configurationSet?: string;
}

interface TableConfig {
  tableName: string;
  local: LocalCloudVariants;
}

const MAIL_VARIABLES = ['SENDER_EMAIL'] as const;
const OPTIONAL_MAIL_VARIABLES = ['REPLY_TO_EMAIL', 'SES_CONFIGURATION_SET'] as const;

const mailSettingsOf = (
  env: Record<'SENDER_EMAIL', string> & Partial<Record<'REPLY_TO_EMAIL' | 'SES_CONFIGURATION_SET', string>>,
): MailSettings => ({
  senderEmail: env.SENDER_EMAIL,
  ...(env.REPLY_TO_EMAIL ? { replyToEmail: env.REPLY_TO_EMAIL } : {}),
  ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
});

export interface CoordinatorApiConfig extends TableConfig {
  stateMachineArn: string;
  documentsBucket: string;
  mail: MailSettings;
  /** The origin of the portal link in the student's "sent back" email. */
  publicBaseUrl: string;
}

export const readCoordinatorApiConfig = (source: Source = process.env): CoordinatorApiConfig => {
  const env = readEnvironment(
    ['TABLE_NAME', 'STATE_MACHINE_ARN', 'DOCUMENTS_BUCKET', 'PUBLIC_BASE_URL', ...MAIL_VARIABLES],
    OPTIONAL_MAIL_VARIABLES,
    source,
  );
  return {
    tableName: env.TABLE_NAME,
    stateMachineArn: env.STATE_MACHINE_ARN,
    documentsBucket: env.DOCUMENTS_BUCKET,
    mail: mailSettingsOf(env),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    local: readLocalCloudVariants(source),
  };
};

export interface PortalConfig extends TableConfig {
  documentsBucket: string;
  /** The origin of the emailed links: upload requests from any other are refused. */
  publicBaseUrl: string;
}

export const readPortalConfig = (source: Source = process.env): PortalConfig => {
  const env = readEnvironment(['TABLE_NAME', 'DOCUMENTS_BUCKET', 'PUBLIC_BASE_URL'], [], source);
  return {
    tableName: env.TABLE_NAME,
    documentsBucket: env.DOCUMENTS_BUCKET,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    local: readLocalCloudVariants(source),
  };
};

export interface ReviewConfig extends PortalConfig {
  stateMachineArn: string;
}

export const readReviewConfig = (source: Source = process.env): ReviewConfig => {
  const env = readEnvironment(
    ['TABLE_NAME', 'DOCUMENTS_BUCKET', 'STATE_MACHINE_ARN', 'PUBLIC_BASE_URL'],
    [],
    source,
  );
  return {
    tableName: env.TABLE_NAME,
    documentsBucket: env.DOCUMENTS_BUCKET,
    stateMachineArn: env.STATE_MACHINE_ARN,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    local: readLocalCloudVariants(source),
  };
};

export interface ProcessUploadConfig extends TableConfig {
  /** Records of any other bucket are skipped. */
  documentsBucket: string;
  stateMachineArn: string;
}

export const readProcessUploadConfig = (source: Source = process.env): ProcessUploadConfig => {
  const env = readEnvironment(['TABLE_NAME', 'DOCUMENTS_BUCKET', 'STATE_MACHINE_ARN'], [], source);
  return {
    tableName: env.TABLE_NAME,
    documentsBucket: env.DOCUMENTS_BUCKET,
    stateMachineArn: env.STATE_MACHINE_ARN,
    local: readLocalCloudVariants(source),
  };
};

export type CheckComplianceConfig = TableConfig;

export const readCheckComplianceConfig = (source: Source = process.env): CheckComplianceConfig => ({
  tableName: readEnvironment(['TABLE_NAME'], [], source).TABLE_NAME,
  local: readLocalCloudVariants(source),
});

/** The two callback tasks (CollectDocuments, RequestSiteApproval): table, mail, workflow, links. */
export interface CallbackTaskConfig extends TableConfig {
  stateMachineArn: string;
  /** The origin the emailed links start with. */
  publicBaseUrl: string;
  mail: MailSettings;
}

export const readCallbackTaskConfig = (source: Source = process.env): CallbackTaskConfig => {
  const env = readEnvironment(
    ['TABLE_NAME', 'STATE_MACHINE_ARN', 'PUBLIC_BASE_URL', ...MAIL_VARIABLES],
    OPTIONAL_MAIL_VARIABLES,
    source,
  );
  return {
    tableName: env.TABLE_NAME,
    stateMachineArn: env.STATE_MACHINE_ARN,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    mail: mailSettingsOf(env),
    local: readLocalCloudVariants(source),
  };
};

/** NotifyOutcome and RecordFailure: the table and mail. */
export interface MailingTaskConfig extends TableConfig {
  mail: MailSettings;
}

export const readMailingTaskConfig = (source: Source = process.env): MailingTaskConfig => {
  const env = readEnvironment(['TABLE_NAME', ...MAIL_VARIABLES], OPTIONAL_MAIL_VARIABLES, source);
  return { tableName: env.TABLE_NAME, mail: mailSettingsOf(env), local: readLocalCloudVariants(source) };
};

export interface ApplyRetentionConfig extends TableConfig {
  documentsBucket: string;
  /** Days after a rotation ends that its documents are deleted: a whole number, at least 1. */
  retentionDays: number;
}

export const readApplyRetentionConfig = (source: Source = process.env): ApplyRetentionConfig => {
  const env = readEnvironment(['TABLE_NAME', 'DOCUMENTS_BUCKET', 'DOCUMENT_RETENTION_DAYS'], [], source);
  const retentionDays = Number(env.DOCUMENT_RETENTION_DAYS);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new ConfigurationError('DOCUMENT_RETENTION_DAYS must be a whole number of days, at least 1');
  }
  return {
    tableName: env.TABLE_NAME,
    documentsBucket: env.DOCUMENTS_BUCKET,
    retentionDays,
    local: readLocalCloudVariants(source),
  };
};

/** The staff console: the coordinator API's resources, plus its sign-in (staff-auth-settings.ts). */
export interface ConsoleConfig extends CoordinatorApiConfig {
  publicBaseUrl: string;
  signIn: StaffAuthSettings;
  /**
   * The provider's sign-out page when its discovery names none (Cognito's managed login `/logout`,
   * from the SSM parameter): the console adds `client_id` and `logout_uri`.
   */
  signOutUrl?: string;
}

/**
 * OIDC_ISSUER may be Cognito's ProviderURL, which CloudFormation gives without a scheme
 * (`cognito-idp.{region}.amazonaws.com/{poolId}`): the issuer is then its `https://` URL.
 */
export const issuerUrlOf = (issuer: string): string =>
  /^https?:\/\//i.test(issuer) ? issuer : `https://${issuer}`;

export const readConsoleConfig = (source: Source = process.env): ConsoleConfig => {
  const api = readCoordinatorApiConfig(source);
  const env = readEnvironment(['OIDC_ISSUER'], ['OIDC_SIGN_OUT_URL'], source);
  const signIn = readStaffAuthSettings({ ...source, OIDC_ISSUER: issuerUrlOf(env.OIDC_ISSUER) });
  return {
    ...api,
    publicBaseUrl: signIn.publicBaseUrl,
    signIn,
    ...(env.OIDC_SIGN_OUT_URL ? { signOutUrl: env.OIDC_SIGN_OUT_URL } : {}),
  };
};
