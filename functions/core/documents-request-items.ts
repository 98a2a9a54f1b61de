/**
 * What an email asking the student for documents lists (the first request, a reminder, a request
 * after changes, a sent-back notice): only what the student can act on, MISSING and REJECTED items,
 * never a SUBMITTED one (that waits for the school's verifiers, who are reminded instead).
 */
import { outstandingRequirements } from './compliance.js';
import type { Placement } from './model/placement.js';
import { requirementCodeOf, resolveRequirement } from './requirement-catalogue.js';

export interface DocumentsRequestItem {
  code: Placement['requirements'][number]['code'];
  title: string;
  status: 'MISSING' | 'REJECTED';
  /** Why it was not accepted (REJECTED), or why an older document on file does not count (MISSING). */
  reason?: string;
  /** What to upload, in plain words (the site's rule applied). */
  evidence: string;
}

export const documentsRequestItems = (
  placement: Pick<Placement, 'requirements' | 'rules'>,
): DocumentsRequestItem[] =>
  outstandingRequirements(placement.requirements).map((requirement) => {
    const spec =
      placement.rules.find((rule) => requirementCodeOf(rule) === requirement.code) ?? requirement.code;
    return {
      code: requirement.code,
      title: requirement.title,
      status: requirement.status as DocumentsRequestItem['status'],
      ...(requirement.reason ? { reason: requirement.reason } : {}),
      evidence: resolveRequirement(spec).evidence,
    };
  });
