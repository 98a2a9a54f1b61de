/** The body of `POST /placements/{placementId}/waivers`. */
import type { RequirementCode } from '../model/requirement-code.js';
import {
  bodyFields,
  checkRequirementCode,
  checkText,
  type Issues,
  MAX_REASON_LENGTH,
  validationFailure,
} from './field-checks.js';

export interface WaiverInput {
  requirementCode: RequirementCode;
  reason: string;
}

/**
 * Parses a waiver; throws one ValidationError listing every bad field. With
 * `placementCodes`, the code must be one of the placement's requirements.
 */
export function parseWaiverInput(body: unknown, placementCodes?: readonly RequirementCode[]): WaiverInput {
  const issues: Issues = [];
  const fields = bodyFields(issues, body);
  const requirementCode = checkRequirementCode(
    issues,
    fields.requirementCode,
    'requirementCode',
    placementCodes,
  );
  const reason = checkText(issues, fields.reason, 'reason', {
    max: MAX_REASON_LENGTH,
    required: true,
    multiline: true,
  });
  if (issues.length > 0 || requirementCode === undefined || reason === undefined)
    throw validationFailure(issues);
  return { requirementCode, reason };
}
