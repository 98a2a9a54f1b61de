import { requestJson } from '../../local/actors/http-json.js';
import { MINIMAL_PDF, Student } from '../../local/actors/student.js';
import { evidenceFor } from '../actors/bench-scenario.js';
import { verifyEverySubmitted } from '../actors/school-reviewer.js';
import { checkStatus, retrying } from './retrying.js';

export interface ActorTally {
  uploads: number;
  /** Documents a reviewer actor verified through the coordinator API. */
  verifications: number;
  approvals: number;
  retries: number;
  failures: string[];
}

/**
 * The student of a load placement: reads the checklist through their portal link and uploads a
 * valid document for everything outstanding, one after the other, as the portal page does
 * (upload request, then the presigned POST to storage). Returns once the last file is stored.
 */
export async function studentUploads(
  portalUrl: string,
  rotation: { endDate: string },
  tally: ActorTally,
): Promise<{ placementId: string }> {
  const student = new Student(portalUrl);
  const retry = () => tally.retries++;
  const checklist = await retrying(async () => {
    const reply = await student.status();
    checkStatus('portal status', reply.status, reply.body);
    return reply.body;
  }, retry);
  for (const requirement of checklist.requirements) {
    if (requirement.status !== 'MISSING' && requirement.status !== 'REJECTED') continue;
    await retrying(async () => {
      const grant = await student.requestUpload({
        requirementCode: requirement.code,
        fileName: `${requirement.code.toLowerCase()}.pdf`,
        contentType: 'application/pdf',
        size: MINIMAL_PDF.byteLength,
        ...evidenceFor(requirement.code, rotation),
      });
      checkStatus('upload request', grant.status, grant.body);
      const form = new FormData();
      for (const [name, value] of Object.entries(grant.body.upload.fields)) form.append(name, value);
      form.append('file', new Blob([MINIMAL_PDF], { type: 'application/pdf' }), 'document.pdf');
      const stored = await fetch(grant.body.upload.url, { method: 'POST', body: form });
      await stored.arrayBuffer();
      checkStatus('storage', stored.status);
    }, retry);
    tally.uploads++;
  }
  return { placementId: checklist.placementId };
}

/** A reviewer at the school verifies every document of the placement once its checks have passed. */
export async function reviewerVerifies(api: string, placementId: string, tally: ActorTally): Promise<void> {
  const send = <T>(request: () => Promise<T>) => retrying(request, () => tally.retries++);
  tally.verifications += await verifyEverySubmitted(api, placementId, send);
}

/** The site administrator approves through their review link (a 409 after a lost answer means it was recorded). */
export async function adminApproves(reviewUrl: string, tally: ActorTally): Promise<void> {
  await retrying(
    async () => {
      const reply = await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } });
      if (reply.status === 409) return;
      checkStatus('review decision', reply.status, reply.body);
    },
    () => tally.retries++,
  );
  tally.approvals++;
}
