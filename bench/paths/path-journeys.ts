import { requestJson } from '../../local/actors/http-json.js';
import type { Mailbox } from '../../local/actors/mailbox.js';
import { Student } from '../../local/actors/student.js';
import { evidenceFor } from '../actors/bench-scenario.js';

/** A student and a site administrator, acting through the API and the links in their mail. */
export interface JourneyContext {
  api: string;
  mailbox: Mailbox;
}

export interface PlacementView {
  placementId: string;
  status: string;
  createdAt: string;
  requirements: Array<{ code: string; status: string; documentId?: string }>;
  history: Array<{ at: string; type: string; detail?: string }>;
}

export async function createPlacement(context: JourneyContext, body: unknown): Promise<string> {
  const created = await requestJson<PlacementView>(`${context.api}/placements`, { method: 'POST', body });
  if (created.status !== 201)
    throw new Error(`POST /placements answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.placementId;
}

export async function getPlacement(context: JourneyContext, placementId: string): Promise<PlacementView> {
  const reply = await requestJson<PlacementView>(`${context.api}/placements/${placementId}`);
  if (reply.status !== 200) throw new Error(`GET /placements/${placementId} answered ${reply.status}`);
  return reply.body;
}

const openPage = async (url: string) => {
  const page = await fetch(url);
  await page.text();
  if (page.status !== 200)
    throw new Error(`GET ${new URL(url).pathname.slice(0, 12)}… answered ${page.status}`);
};

/** The student opens the newest portal link mailed to them (the page, as a browser would). */
export async function openPortal(
  context: JourneyContext,
  email: string,
  exclude: string[] = [],
): Promise<Student> {
  const link = await context.mailbox.waitForLink(email, 'portal', { exclude });
  await openPage(link);
  return new Student(link);
}

/** Uploads a valid document for every requirement the checklist shows as missing or rejected. */
export async function uploadOutstanding(student: Student, rotation: { endDate: string }): Promise<number> {
  const { status, body } = await student.status();
  if (status !== 200) throw new Error(`portal status answered ${status}`);
  let uploaded = 0;
  for (const requirement of body.requirements) {
    if (requirement.status !== 'MISSING' && requirement.status !== 'REJECTED') continue;
    await student.upload(requirement.code, evidenceFor(requirement.code, rotation));
    uploaded++;
  }
  return uploaded;
}

/** The site administrator opens the newest review link mailed to them and decides. */
export async function review(
  context: JourneyContext,
  adminEmail: string,
  decision: Record<string, unknown>,
  exclude: string[] = [],
): Promise<string> {
  const link = await context.mailbox.waitForLink(adminEmail, 'review', { exclude });
  await openPage(link);
  const decided = await requestJson(link, { method: 'POST', body: decision });
  if (decided.status !== 200)
    throw new Error(`POST review answered ${decided.status}: ${JSON.stringify(decided.body)}`);
  return link;
}
