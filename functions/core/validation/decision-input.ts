/** The body of `POST /review/{token}` (JSON, or a form already turned into an object). */
import type { SiteDecisionKind } from '../model/placement.js';
import type { RequirementCode } from '../model/requirement-code.js';
import {
  bodyFields,
  checkOneOf,
  checkRequirementCode,
  checkText,
  type Issues,
  MAX_REASON_LENGTH,
  validationFailure,
} from './field-checks.js';

export const SITE_DECISIONS: readonly SiteDecisionKind[] = ['approve', 'decline', 'request-changes'];

export interface DecisionInput {
  decision: SiteDecisionKind;
  reason?: string;
  /** Present (non-empty) only for `request-changes`. */
  requirementCodes?: RequirementCode[];
}

/**
 * Parses a site decision; throws one ValidationError listing every bad field. A reason is
 * required to decline or request changes; request-changes also names at least one of
 * `placementCodes`. A single code may come as a string (one ticked form checkbox).
 */
export function parseDecisionInput(body: unknown, placementCodes: readonly RequirementCode[]): DecisionInput {
  const issues: Issues = [];
  const fields = bodyFields(issues, body);

  const decision = checkOneOf(issues, fields.decision, 'decision', SITE_DECISIONS);
  const reason = checkText(issues, fields.reason, 'reason', {
    max: MAX_REASON_LENGTH,
    required: decision === 'decline' || decision === 'request-changes',
    multiline: true,
  });
  const requirementCodes =
    decision === 'request-changes'
      ? parseRequirementCodes(issues, fields.requirementCodes, placementCodes)
      : undefined;

  if (issues.length > 0 || decision === undefined) throw validationFailure(issues);
  const input: DecisionInput = { decision };
  if (reason !== undefined) input.reason = reason;
  if (requirementCodes !== undefined) input.requirementCodes = requirementCodes;
  return input;
}

function parseRequirementCodes(
  issues: Issues,
  value: unknown,
  placementCodes: readonly RequirementCode[],
): RequirementCode[] | undefined {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({
      path: 'requirementCodes',
      message: 'Name at least one requirement the student must change.',
    });
    return undefined;
  }
  const codes: RequirementCode[] = [];
  list.forEach((item, index) => {
    const code = checkRequirementCode(issues, item, `requirementCodes[${index}]`, placementCodes);
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  });
  return codes;
}
