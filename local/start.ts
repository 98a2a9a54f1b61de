import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SITE_ID, seedDemoSite } from './demo-site.js';
import { type LocalCloud, startLocalCloud } from './local-cloud.js';
import { PortInUseError } from './services/port-in-use-error.js';

const USAGE = `Usage: npm start [-- --reset] [-- --time-scale N]

Runs the synthesized CDK app on this machine (DynamoDB, S3, SES, Step Functions, API Gateway, Lambda,
EventBridge: its rules and schedules).
  --reset          wipe .local/ (tables, files, executions) first
  --time-scale N   divide every workflow wait and task timeout by N (e.g. 3600: an hour takes a second);
                   schedules run N times as often
Ports: ONBOARDING_PORT_API, _MAILBOX, _S3, _DYNAMODB, _STEPFUNCTIONS, _IDP, _EVENTS
(defaults 4000, 4005, 4569, 4567, 4583, 4010, 4015).`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'time-scale': { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const timeScale = Number(values['time-scale']);
  if (!(timeScale > 0))
    throw new Error(`--time-scale needs a positive number, got "${values['time-scale']}".`);
  return { reset: values.reset === true, timeScale, help: values.help === true };
}

function printReady(cloud: LocalCloud, seconds: number, timeScale: number): void {
  const rows: Array<[string, string]> = [
    ['API', cloud.endpoints.api],
    ['Mailbox', cloud.endpoints.mailbox],
    ['Storage (S3)', cloud.endpoints.s3],
    ['DynamoDB', cloud.endpoints.dynamodb],
    ['Step Functions', cloud.endpoints.stepfunctions],
    ['Staff console', cloud.endpoints.console],
    ['Sign-in (OIDC)', cloud.endpoints.idp],
    ['Events', cloud.endpoints.events],
  ];
  const lines = [
    '',
    `Placement Onboarding local cloud ready in ${seconds.toFixed(1)} s`,
    ...rows.map(([label, url]) => `  ${label.padEnd(16)}${url}`),
    '',
    `  ${cloud.model.functions.length} functions, ${cloud.model.routes.length} routes, ${cloud.model.stateMachines.length} state machine(s)` +
      (cloud.resumedExecutions > 0 ? `, ${cloud.resumedExecutions} execution(s) resumed` : '') +
      (timeScale !== 1 ? `, time scale ${timeScale}` : ''),
    ...(cloud.schedules.length > 0 ? ["  Schedules that run locally (UTC, in the local cloud's time):"] : []),
    ...cloud.schedules.map(
      (schedule) =>
        `    ${schedule.ruleId.padEnd(28)}${schedule.expression.padEnd(26)}→ ${schedule.functionNames.join(', ')}, next ${new Date(schedule.nextRunAt()).toISOString()}`,
    ),
    '  Demo staff accounts (sign in to the console with one; also in staff-accounts.json):',
    ...cloud.staffAccounts.map(
      (account) => `    ${account.role.padEnd(12)}${account.email.padEnd(34)}${account.password}`,
    ),
    '',
    `  Data in ${relative(process.cwd(), cloud.dataDir) || '.'}/ (endpoints.json). Ctrl-C stops.`,
    '',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const cloud = await startLocalCloud({ reset: options.reset, timeScale: options.timeScale });
  // performance.now() counts from the start of this process, module loading included.
  printReady(cloud, performance.now() / 1000, options.timeScale);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log('Stopping now.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud…`);
    cloud.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error.message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const hasSitesRoute = cloud.model.routes.some((route) => route.routeKey === 'PUT /sites/{siteId}');
  const warning = await seedDemoSite(cloud.endpoints.api, hasSitesRoute);
  if (warning) console.warn(`Warning: ${warning}`);
  else if (hasSitesRoute) console.log(`Demo site "${DEMO_SITE_ID}" is in place.`);
  // Loading the other functions now makes their first requests fast; one at a time, leaving CPU to requests.
  if (!stopping) await cloud.warm();
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError) console.error(error.message);
  else console.error(`The local cloud could not start: ${(error as Error).message}`);
  process.exit(1);
});
