import { requestJson } from '../../local/actors/http-json.js';
import { Mailbox } from '../../local/actors/mailbox.js';
import { MINIMAL_PDF } from '../../local/actors/student.js';
import {
  benchRotation,
  benchSite,
  benchStudent,
  evidenceFor,
  placementBody,
} from '../actors/bench-scenario.js';
import type { CloudHost } from '../cloud/cloud-host-client.js';
import { createPlacement, getPlacement, type JourneyContext } from '../paths/path-journeys.js';
import { percentile, round } from '../statistics.js';

export interface LatencyResult {
  function: string;
  target: string;
  /** `http`: round trip through the local API gateway, measured by the client; `invoke`: the invocation alone. */
  via: 'http' | 'invoke';
  samples: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  errors: number;
}

const WARM_UP = 10;

const summarise = (
  fn: string,
  target: string,
  via: LatencyResult['via'],
  durations: number[],
  errors: number,
): LatencyResult => ({
  function: fn,
  target,
  via,
  samples: durations.length,
  p50Ms: round(percentile(durations, 50), 1),
  p99Ms: round(percentile(durations, 99), 1),
  meanMs: round(durations.reduce((sum, value) => sum + value, 0) / Math.max(1, durations.length), 1),
  errors,
});

/** Sequential requests, after a warm-up; a non-2xx answer counts as an error. */
const timeHttp = async (samples: number, request: () => Promise<number>) => {
  const durations: number[] = [];
  let errors = 0;
  for (let index = 0; index < WARM_UP + samples; index++) {
    const started = performance.now();
    const status = await request();
    const elapsed = performance.now() - started;
    if (index < WARM_UP) continue;
    durations.push(elapsed);
    if (status < 200 || status >= 300) errors++;
  }
  return { durations, errors };
};

const fetchStatus = async (url: string) => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
};

/**
 * Warm latency per handler on the local cloud: the read routes of each HTTP function, an upload
 * request, and the two event-driven functions invoked directly (a compliance check of a cleared
 * placement; a repeated S3 event for an accepted document). Uses a cleared placement (from the
 * happy path) and one waiting for documents.
 */
export async function measureWarmLatency(
  host: CloudHost,
  cleared: { placementId: string; reviewLink: string },
  samples: number,
): Promise<LatencyResult[]> {
  const context: JourneyContext = { api: host.endpoints.api, mailbox: new Mailbox(host.endpoints.mailbox) };
  const site = benchSite('latency');
  await requestJson(`${context.api}/sites/${site.siteId}`, { method: 'PUT', body: site.body });
  const student = benchStudent('latency');
  const rotation = benchRotation();
  await createPlacement(context, placementBody(student, site.siteId, rotation));
  const portal = await context.mailbox.waitForLink(student.email, 'portal');
  await host.settle();
  const clearedPlacement = await getPlacement(context, cleared.placementId);
  const documentId = clearedPlacement.requirements.find((requirement) => requirement.documentId)?.documentId;
  if (!documentId) throw new Error('the cleared placement has no document');

  const results: LatencyResult[] = [];
  const http = async (fn: string, target: string, request: () => Promise<number>) => {
    const { durations, errors } = await timeHttp(samples, request);
    results.push(summarise(fn, target, 'http', durations, errors));
  };
  const invoke = async (handler: string, target: string, event: unknown) => {
    const timings = await host.request({
      type: 'invoke',
      functionName: host.functionFor(handler),
      event,
      times: WARM_UP + samples,
    });
    results.push(
      summarise(handler, target, 'invoke', timings.durationsMs.slice(WARM_UP), timings.errors.length),
    );
  };

  await http('coordinator-api', 'GET /placements/{placementId}', () =>
    fetchStatus(`${context.api}/placements/${cleared.placementId}`),
  );
  await http('portal', 'GET /portal/{token}', () => fetchStatus(portal));
  await http('portal', 'GET /portal/{token}/status', () => fetchStatus(`${portal}/status`));
  await http('portal', 'POST /portal/{token}/uploads', async () => {
    const reply = await requestJson(`${portal}/uploads`, {
      method: 'POST',
      body: {
        requirementCode: 'BLS',
        fileName: 'bls.pdf',
        contentType: 'application/pdf',
        size: MINIMAL_PDF.byteLength,
        ...evidenceFor('BLS', rotation),
      },
    });
    return reply.status;
  });
  await http('review', 'GET /review/{token}', () => fetchStatus(cleared.reviewLink));
  await invoke('check-compliance', 'task: a cleared placement', {
    placementId: cleared.placementId,
    input: { placementId: cleared.placementId },
  });
  await invoke('process-upload', 'S3 event: a repeated ObjectCreated', {
    Records: [
      {
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Post',
        s3: {
          bucket: { name: host.ready.documentsBucket },
          object: { key: `placements/${cleared.placementId}/${documentId}`, size: MINIMAL_PDF.byteLength },
        },
      },
    ],
  });
  return results;
}
