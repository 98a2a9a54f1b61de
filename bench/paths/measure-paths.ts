import { requestJson } from '../../local/actors/http-json.js';
import { Mailbox } from '../../local/actors/mailbox.js';
import {
  BENCH_REQUIREMENTS,
  benchRotation,
  benchSite,
  benchStudent,
  placementBody,
} from '../actors/bench-scenario.js';
import { ExecutionWatch } from '../actors/execution-watch.js';
import { verifyEverySubmitted } from '../actors/school-reviewer.js';
import type { CloudHost } from '../cloud/cloud-host-client.js';
import { type MeterSnapshot, totalInvocations, usageBetween } from '../cloud/meter-snapshot.js';
import { round } from '../statistics.js';
import { type CostBreakdown, costOf, type PlacementUsage } from './aws-prices.js';
import { BASELINE_DESCRIPTION, baselineUsage } from './baseline-design.js';
import {
  createPlacement,
  getPlacement,
  type JourneyContext,
  openPortal,
  review,
  uploadOutstanding,
} from './path-journeys.js';

export type PathName = 'happy' | 'staff' | 'reuse' | 'changes';

export interface PathResult extends PlacementUsage {
  name: PathName;
  description: string;
  placementId: string;
  statesEntered: string[];
  emails: number;
  invocationsByFunction: Record<string, number>;
  dynamoWriteUnitsByItem: Record<string, number>;
  dynamoReadUnitsByItem: Record<string, number>;
  costPer1000Usd: number;
  costBreakdownPer1000Usd: CostBreakdown;
  baseline: PlacementUsage & { costPer1000Usd: number };
}

export interface PathsMeasurement {
  dynamoDbUnits: string;
  lambdaDuration: string;
  baselineModel: string;
  requirementsPerPlacement: number;
  paths: PathResult[];
}

const DESCRIPTIONS: Record<PathName, string> = {
  happy:
    'all documents uploaded through the portal, accepted on the file checks (automatic), the site approves',
  staff:
    'all documents uploaded, each verified by a reviewer at the school through the API (staff), the site approves',
  reuse: 'every document already on file from an earlier placement of the same student, the site approves',
  changes: 'all documents uploaded, the site asks for one to be replaced (request-changes), then approves',
};

/** A placement's usage between two snapshots, with the emails and state transitions counted elsewhere. */
const usageOf = (
  usage: MeterSnapshot,
  statesEntered: number,
  emailRecipients: number,
  only?: (functionName: string) => boolean,
): PlacementUsage => {
  const functions = Object.entries(usage.functions).filter(([name]) => !only || only(name));
  return {
    stateTransitions: statesEntered,
    lambdaInvocations: functions.reduce((sum, [, fn]) => sum + fn.invocations, 0),
    lambdaGbSeconds: functions.reduce((sum, [, fn]) => sum + fn.gbSeconds, 0),
    dynamoWriteUnits: usage.dynamodb?.writeUnits ?? 0,
    dynamoReadUnits: usage.dynamodb?.readUnits ?? 0,
    emailRecipients,
    s3PutRequests: usage.traffic.s3PutClass,
    s3GetRequests: usage.traffic.s3GetClass,
    apiRequests: usage.traffic.apiRequests,
  };
};

/**
 * Runs the three paths one after the other on a metered cloud host, each on its own site and
 * student, and counts what each placement used from its creation to the end of its execution:
 * states entered (GetExecutionHistory), function invocations and their durations, DynamoDB units,
 * S3 and API requests, emails. Waiting is done through the mailbox and DescribeExecution, which
 * invoke no function.
 */
export async function measurePaths(
  host: CloudHost,
  log: (line: string) => void,
): Promise<{ measurement: PathsMeasurement; cleared: { placementId: string; reviewLink: string } }> {
  const context: JourneyContext = { api: host.endpoints.api, mailbox: new Mailbox(host.endpoints.mailbox) };
  const watch = new ExecutionWatch(host.endpoints.stepfunctions, host.ready.stateMachineArn);
  const workflowFunctions = new Set(host.ready.workflowFunctions);
  const measured = new Map<
    PathName,
    { placementId: string; usage: MeterSnapshot; states: string[]; emails: number; recipients: number }
  >();

  const putSite = async (siteId: string, verification: 'staff' | 'automatic' = 'automatic') => {
    const site = benchSite(siteId, verification);
    const reply = await requestJson(`${context.api}/sites/${siteId}`, { method: 'PUT', body: site.body });
    if (reply.status !== 200) throw new Error(`PUT /sites answered ${reply.status}`);
    return site;
  };

  const metered = async (name: PathName, journey: () => Promise<string>) => {
    await host.settle();
    const before = await host.snapshot();
    const mailBefore = (await context.mailbox.all()).length;
    const placementId = await journey();
    await watch.waitFor(placementId, 'SUCCEEDED');
    await host.settle();
    const after = await host.snapshot();
    const mail = (await context.mailbox.all()).slice(mailBefore);
    const recipients = mail.reduce(
      (sum, email) =>
        sum + email.destination.to.length + email.destination.cc.length + email.destination.bcc.length,
      0,
    );
    const placement = await getPlacement(context, placementId);
    if (placement.status !== 'CLEARED') throw new Error(`the ${name} path ended ${placement.status}`);
    measured.set(name, {
      placementId,
      usage: usageBetween(before, after),
      states: await watch.statesEntered(placementId),
      emails: mail.length,
      recipients,
    });
    log(
      `  ${name}: ${measured.get(name)?.states.length} states, ${totalInvocations(usageBetween(before, after))} invocations`,
    );
  };

  // One journey first, not measured: every function has then served a request (SDK clients resolved
  // their endpoints and credentials, connections are open), as on a warm Lambda.
  const warmUpSite = await putSite('path-warm-up');
  const warmUpStudent = benchStudent('path-warm-up');
  const warmUpRotation = benchRotation();
  const warmUp = await createPlacement(
    context,
    placementBody(warmUpStudent, warmUpSite.siteId, warmUpRotation),
  );
  await uploadOutstanding(await openPortal(context, warmUpStudent.email), warmUpRotation);
  await review(context, warmUpSite.adminEmail, { decision: 'approve' });
  await watch.waitFor(warmUp, 'SUCCEEDED');

  const happySite = await putSite('path-happy');
  let happyReview = '';
  await metered('happy', async () => {
    const student = benchStudent('path-happy');
    const rotation = benchRotation();
    const placementId = await createPlacement(context, placementBody(student, happySite.siteId, rotation));
    await uploadOutstanding(await openPortal(context, student.email), rotation);
    happyReview = await review(context, happySite.adminEmail, { decision: 'approve' });
    return placementId;
  });

  // Staff verification adds API requests and none to the workflow: its states must equal happy's.
  const staffSite = await putSite('path-staff', 'staff');
  await metered('staff', async () => {
    const student = benchStudent('path-staff');
    const rotation = benchRotation();
    const placementId = await createPlacement(context, placementBody(student, staffSite.siteId, rotation));
    await uploadOutstanding(await openPortal(context, student.email), rotation);
    await verifyEverySubmitted(context.api, placementId);
    await review(context, staffSite.adminEmail, { decision: 'approve' });
    return placementId;
  });
  const happyStates = measured.get('happy')?.states.length;
  const staffStates = measured.get('staff')?.states.length;
  if (happyStates !== staffStates)
    throw new Error(`the staff path entered ${staffStates} states, the automatic path ${happyStates}`);

  // Reuse: the same student was cleared for an earlier rotation; that one is not measured.
  const reuseSite = await putSite('path-reuse');
  const returning = benchStudent('path-reuse');
  const earlier = benchRotation(30, 10);
  const first = await createPlacement(context, placementBody(returning, reuseSite.siteId, earlier));
  await uploadOutstanding(await openPortal(context, returning.email), earlier);
  const firstReview = await review(context, reuseSite.adminEmail, { decision: 'approve' });
  await watch.waitFor(first, 'SUCCEEDED');
  await metered('reuse', async () => {
    const placementId = await createPlacement(
      context,
      placementBody(returning, reuseSite.siteId, benchRotation(40, 10)),
    );
    await review(context, reuseSite.adminEmail, { decision: 'approve' }, [firstReview]);
    return placementId;
  });

  const changesSite = await putSite('path-changes');
  await metered('changes', async () => {
    const student = benchStudent('path-changes');
    const rotation = benchRotation();
    const placementId = await createPlacement(context, placementBody(student, changesSite.siteId, rotation));
    const portal = await openPortal(context, student.email);
    await uploadOutstanding(portal, rotation);
    const asked = await review(context, changesSite.adminEmail, {
      decision: 'request-changes',
      reason: 'The TB result is not legible',
      requirementCodes: ['TB'],
    });
    const again = await openPortal(context, student.email, [portal.portalUrl]);
    await uploadOutstanding(again, rotation);
    await review(context, changesSite.adminEmail, { decision: 'approve' }, [asked]);
    return placementId;
  });
  watch.close();

  // The baseline's Lambdas last as long as this design's workflow tasks, on average.
  const taskUsage = [...measured.values()].flatMap(({ usage }) =>
    Object.entries(usage.functions).filter(([name]) => workflowFunctions.has(name)),
  );
  const gbSecondsPerTask =
    taskUsage.reduce((sum, [, fn]) => sum + fn.gbSeconds, 0) /
    Math.max(
      1,
      taskUsage.reduce((sum, [, fn]) => sum + fn.invocations, 0),
    );
  const outsideWorkflowOf = (name: PathName) => {
    const run = measured.get(name);
    if (!run) throw new Error(`no ${name} path`);
    const {
      stateTransitions: _t,
      emailRecipients: _e,
      ...outside
    } = usageOf(run.usage, 0, 0, (fn) => !workflowFunctions.has(fn));
    return outside;
  };
  const items = BENCH_REQUIREMENTS.length;
  const baselineShape: Record<PathName, { items: number; approvals: number; like: PathName }> = {
    happy: { items, approvals: 1, like: 'happy' },
    staff: { items, approvals: 1, like: 'staff' },
    reuse: { items, approvals: 1, like: 'happy' },
    changes: { items: items + 1, approvals: 2, like: 'changes' },
  };

  const paths = [...measured.entries()].map(([name, run]): PathResult => {
    const usage = usageOf(run.usage, run.states.length, run.recipients);
    const shape = baselineShape[name];
    const baseline = baselineUsage({
      items: shape.items,
      approvals: shape.approvals,
      outsideWorkflow: outsideWorkflowOf(shape.like),
      gbSecondsPerTask,
    });
    const cost = costOf(usage);
    return {
      name,
      description: DESCRIPTIONS[name],
      placementId: run.placementId,
      ...usage,
      lambdaGbSeconds: round(usage.lambdaGbSeconds, 4),
      statesEntered: run.states,
      emails: run.emails,
      invocationsByFunction: Object.fromEntries(
        Object.entries(run.usage.functions).map(([fn, value]) => [fn, value.invocations]),
      ),
      dynamoWriteUnitsByItem: run.usage.dynamodb?.writeUnitsByItem ?? {},
      dynamoReadUnitsByItem: run.usage.dynamodb?.readUnitsByItem ?? {},
      costPer1000Usd: cost.total,
      costBreakdownPer1000Usd: cost,
      baseline: {
        ...baseline,
        lambdaGbSeconds: round(baseline.lambdaGbSeconds, 4),
        costPer1000Usd: costOf(baseline).total,
      },
    };
  });
  const measurement: PathsMeasurement = {
    dynamoDbUnits:
      'computed from item sizes of every request and response (on-demand: WRU = ceil(size/1 KB) per write, ' +
      'the larger of old and new item, failed conditional writes included, + 1 per GSI entry written, 2 when ' +
      'its key changes; RRU = ceil(size/4 KB) per strongly consistent read, x0.5 eventually consistent; ' +
      'Query: total size of the items read)',
    lambdaDuration:
      'wall time of each invocation in its local sandbox, rounded up to 1 ms, x 512 MB (the configured memory); ' +
      'warm sandboxes (init not billed here)',
    baselineModel: BASELINE_DESCRIPTION,
    requirementsPerPlacement: items,
    paths,
  };
  return {
    measurement,
    cleared: { placementId: measured.get('happy')?.placementId ?? '', reviewLink: happyReview },
  };
}
