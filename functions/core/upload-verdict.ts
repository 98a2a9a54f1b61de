import { checkEvidence } from './evidence-validity.js';
import { detectFileType, MAX_UPLOAD_BYTES } from './file-signature.js';
import type { SiteRequirementSpec } from './model/site.js';
import type { StudentDocument } from './model/student-document.js';
import type { VerificationMode } from './model/verification.js';
import { requirementCodeOf, resolveRequirement } from './requirement-catalogue.js';

/**
 * `accepted`: the file passed the checks. It is then `SUBMITTED` to a staff verifier where the
 * placement's verification is `staff`, and `ACCEPTED` outright (verification `automatic`) otherwise.
 */
export type UploadVerdict =
  | { accepted: true; status: 'SUBMITTED' }
  | { accepted: true; status: 'ACCEPTED'; verification: 'automatic' }
  | { accepted: false; reason: string };

const KIND_NAMES: Record<string, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG photo',
  'image/heic': 'a HEIC photo',
};

/**
 * Judges an uploaded file on what actually arrived (size and magic bytes, since storage
 * does not enforce the upload policy) and on its dates against the placement's rule.
 */
export const judgeUpload = (input: {
  document: StudentDocument;
  object: { size: number; head: Uint8Array };
  rules: SiteRequirementSpec[];
  rotation: { startDate: string; endDate: string };
  today: string;
  /** The placement's verification mode. */
  verification: VerificationMode;
}): UploadVerdict => {
  const { document, object } = input;
  if (object.size === 0) return { accepted: false, reason: 'The file was empty. Upload the document again.' };
  if (object.size > MAX_UPLOAD_BYTES) {
    return { accepted: false, reason: 'The file is larger than 10 MB. Upload a smaller scan or photo.' };
  }
  const detected = detectFileType(object.head);
  if (!detected) {
    return {
      accepted: false,
      reason:
        'The file is not a PDF, PNG, JPEG or HEIC document. Upload a scan or photo in one of those formats.',
    };
  }
  if (detected !== document.contentType) {
    return {
      accepted: false,
      reason: `The file is ${KIND_NAMES[detected] ?? detected} but was sent as ${KIND_NAMES[document.contentType] ?? document.contentType}. Upload it again.`,
    };
  }
  const spec = input.rules.find((rule) => requirementCodeOf(rule) === document.requirementCode);
  if (!spec) return { accepted: false, reason: 'This placement no longer needs this document.' };
  const requirement = resolveRequirement(spec);
  const evidence = checkEvidence(
    requirement.rule,
    {
      ...(document.issuedOn ? { issuedOn: document.issuedOn } : {}),
      ...(document.expiresOn ? { expiresOn: document.expiresOn } : {}),
    },
    input.rotation,
    input.today,
    `This ${requirement.noun}`,
  );
  if (!evidence.valid) return { accepted: false, reason: evidence.reason };
  return input.verification === 'staff'
    ? { accepted: true, status: 'SUBMITTED' }
    : { accepted: true, status: 'ACCEPTED', verification: 'automatic' };
};
