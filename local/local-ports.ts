/** The local services and how their ports are chosen. */
export type ServiceName = 'api' | 'mailbox' | 's3' | 'dynamodb' | 'stepfunctions' | 'idp' | 'events';

export const SERVICE_NAMES: ServiceName[] = [
  'api',
  'mailbox',
  's3',
  'dynamodb',
  'stepfunctions',
  'idp',
  'events',
];

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  api: 4000,
  mailbox: 4005,
  s3: 4569,
  dynamodb: 4567,
  stepfunctions: 4583,
  idp: 4010,
  events: 4015,
};

export const PORT_VARIABLES: Record<ServiceName, string> = {
  api: 'ONBOARDING_PORT_API',
  mailbox: 'ONBOARDING_PORT_MAILBOX',
  s3: 'ONBOARDING_PORT_S3',
  dynamodb: 'ONBOARDING_PORT_DYNAMODB',
  stepfunctions: 'ONBOARDING_PORT_STEPFUNCTIONS',
  idp: 'ONBOARDING_PORT_IDP',
  events: 'ONBOARDING_PORT_EVENTS',
};

export const SERVICE_LABELS: Record<ServiceName, string> = {
  api: 'API',
  mailbox: 'mailbox',
  s3: 'storage (S3)',
  dynamodb: 'DynamoDB',
  stepfunctions: 'Step Functions',
  idp: 'sign-in (OpenID Connect)',
  events: 'events (EventBridge)',
};

/**
 * The port of each service: the explicit option, else ONBOARDING_PORT_<SERVICE>, else the default.
 * 0 asks for any free port.
 */
export function resolvePorts(
  explicit: Partial<Record<ServiceName, number>> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Record<ServiceName, number> {
  const ports = { ...DEFAULT_PORTS };
  for (const service of SERVICE_NAMES) {
    const fromOption = explicit[service];
    const fromEnvironment = environment[PORT_VARIABLES[service]];
    let port = DEFAULT_PORTS[service];
    if (fromOption !== undefined) port = fromOption;
    else if (fromEnvironment !== undefined && fromEnvironment !== '') port = Number(fromEnvironment);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(
        `${PORT_VARIABLES[service]} must be a port number (0 = any free port), got "${fromEnvironment}".`,
      );
    }
    ports[service] = port;
  }
  return ports;
}
