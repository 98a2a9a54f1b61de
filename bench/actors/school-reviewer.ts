import { requestJson } from '../../local/actors/http-json.js';

interface ReviewedPlacement {
  status: string;
  requirements: Array<{ code: string; status: string; documentId?: string }>;
}

const POLL_MS = 250;
const WAIT_MS = 120_000;

/**
 * A reviewer at the school (staff verification): waits until every document of the placement has
 * passed its file checks (nothing MISSING or being checked), then verifies each SUBMITTED one through
 * the coordinator API's decision route. A 409 `ALREADY_DECIDED` after a lost answer means it was
 * recorded. `send` wraps each request (the load run retries there); returns how many it verified.
 */
export async function verifyEverySubmitted(
  api: string,
  placementId: string,
  send: <T>(request: () => Promise<T>) => Promise<T> = (request) => request(),
): Promise<number> {
  const deadline = Date.now() + WAIT_MS;
  let placement: ReviewedPlacement | undefined;
  while (Date.now() < deadline) {
    const reply = await send(() => requestJson<ReviewedPlacement>(`${api}/placements/${placementId}`));
    if (reply.status !== 200) throw new Error(`GET /placements/${placementId} answered ${reply.status}`);
    const pending = reply.body.requirements.some(
      (requirement) =>
        requirement.status === 'MISSING' || (requirement.status === 'SUBMITTED' && !requirement.documentId),
    );
    if (reply.body.status !== 'AWAITING_DOCUMENTS' || !pending) {
      placement = reply.body;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (!placement) throw new Error(`${placementId}: the documents never all passed their checks`);
  let verified = 0;
  for (const requirement of placement.requirements) {
    if (requirement.status !== 'SUBMITTED' || !requirement.documentId) continue;
    const path = `${api}/placements/${placementId}/documents/${requirement.documentId}/verification`;
    const reply = await send(() => requestJson(path, { method: 'POST', body: { decision: 'verify' } }));
    const code = (reply.body as { error?: { code?: string } }).error?.code;
    if (reply.status === 409 && code === 'ALREADY_DECIDED') continue;
    if (reply.status !== 200)
      throw new Error(`verify ${requirement.code} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    verified++;
  }
  return verified;
}
