/** The body of `POST /portal/{token}/uploads`. */
import {
  ACCEPTED_CONTENT_TYPES,
  type AcceptedContentType,
  isAcceptedContentType,
  MAX_UPLOAD_BYTES,
} from '../file-signature.js';
import type { RequirementCode } from '../model/requirement-code.js';
import { dateFieldFor } from '../requirement-catalogue.js';
import {
  bodyFields,
  checkCalendarDate,
  checkRequirementCode,
  checkText,
  type Issues,
  MAX_NAME_LENGTH,
  validationFailure,
} from './field-checks.js';

export interface UploadRequest {
  requirementCode: RequirementCode;
  fileName: string;
  contentType: AcceptedContentType;
  size: number;
  issuedOn?: string;
  expiresOn?: string;
}

/**
 * Parses an upload request for a placement whose requirements are `placementCodes`;
 * throws one ValidationError listing every bad field. The date the requirement is
 * judged by (`issuedOn` or `expiresOn`) is required.
 */
export function parseUploadRequest(body: unknown, placementCodes: readonly RequirementCode[]): UploadRequest {
  const issues: Issues = [];
  const fields = bodyFields(issues, body);

  const requirementCode = checkRequirementCode(
    issues,
    fields.requirementCode,
    'requirementCode',
    placementCodes,
  );
  const fileName = parseFileName(issues, fields.fileName);
  const contentType = parseContentType(issues, fields.contentType);
  const size = parseSize(issues, fields.size);
  const needed = requirementCode === undefined ? undefined : dateFieldFor(requirementCode);
  const issuedOn = checkCalendarDate(issues, fields.issuedOn, 'issuedOn', needed === 'issuedOn');
  const expiresOn = checkCalendarDate(issues, fields.expiresOn, 'expiresOn', needed === 'expiresOn');

  if (
    issues.length > 0 ||
    requirementCode === undefined ||
    fileName === undefined ||
    contentType === undefined ||
    size === undefined
  ) {
    throw validationFailure(issues);
  }
  const request: UploadRequest = { requirementCode, fileName, contentType, size };
  if (issuedOn !== undefined) request.issuedOn = issuedOn;
  if (expiresOn !== undefined) request.expiresOn = expiresOn;
  return request;
}

function parseFileName(issues: Issues, value: unknown): string | undefined {
  const before = issues.length;
  const fileName = checkText(issues, value, 'fileName', { max: MAX_NAME_LENGTH, required: true });
  if (fileName === undefined || issues.length > before) return undefined;
  if (/[/\\]/.test(fileName) || fileName === '.' || fileName === '..') {
    issues.push({ path: 'fileName', message: 'Must be a file name without a folder ("/" or "\\").' });
    return undefined;
  }
  return fileName;
}

function parseContentType(issues: Issues, value: unknown): AcceptedContentType | undefined {
  const contentType = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (isAcceptedContentType(contentType)) return contentType;
  issues.push({
    path: 'contentType',
    message: `Must be one of ${ACCEPTED_CONTENT_TYPES.join(', ')} (a PDF, PNG, JPEG or HEIC file).`,
  });
  return undefined;
}

function parseSize(issues: Issues, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    issues.push({ path: 'size', message: 'Required: the file size in bytes, a whole number above 0.' });
    return undefined;
  }
  if (value > MAX_UPLOAD_BYTES) {
    issues.push({ path: 'size', message: `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.` });
    return undefined;
  }
  return value;
}
