import { dirname } from 'node:path';
import { LOCAL_REGION } from '../template/local-aws-account.js';
import type { FunctionSpec } from '../template/local-cloud-model.js';

/** No cap in fact: a local sandbox takes every invocation it is given (function-runtime.ts). */
const LOCAL_MAX_CONCURRENCY = 1000;

/** Base URLs of the local services a function's AWS SDK clients are pointed at. */
export interface ServiceEndpoints {
  api: string;
  mailbox: string;
  s3: string;
  dynamodb: string;
  stepfunctions: string;
  /** The local EventBridge (PutEvents, and its events page and read API). */
  events: string;
}

/**
 * The environment a function sees: the template's variables (resolved), what Lambda itself sets,
 * and AWS_ENDPOINT_URL_* so that an unmodified bundled SDK client talks to the local services.
 * Nothing is inherited from the developer's shell (no AWS_PROFILE leaks in).
 */
export function lambdaEnvironment(
  spec: FunctionSpec,
  endpoints: ServiceEndpoints,
  virtualTime?: { scale: number; originEpochMs: number },
): Record<string, string> {
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    ...spec.environment,
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SES: endpoints.mailbox,
    AWS_ENDPOINT_URL_SESV2: endpoints.mailbox,
    AWS_ENDPOINT_URL_SFN: endpoints.stepfunctions,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.events,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'local',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    // A local sandbox runs invocations concurrently (lambda-worker.mjs scopes each in an InvokeStore).
    AWS_LAMBDA_MAX_CONCURRENCY: String(LOCAL_MAX_CONCURRENCY),
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    LAMBDA_TASK_ROOT: dirname(spec.entryFile),
    _HANDLER: spec.handler,
  };
  if ('PUBLIC_BASE_URL' in spec.environment) environment.PUBLIC_BASE_URL = endpoints.api;
  // The emulator variants, read through the functions' one seam of the local cloud
  // (functions/config/local-cloud.ts). s3rver keeps no versions of an object:
  environment.ONBOARDING_DOCUMENT_VERSIONS = 'none';
  if (virtualTime && virtualTime.scale !== 1) {
    // The functions' "now" runs as fast as the workflow's waits.
    environment.ONBOARDING_TIME_SCALE = String(virtualTime.scale);
    environment.ONBOARDING_TIME_ORIGIN = String(virtualTime.originEpochMs);
  }
  return environment;
}
