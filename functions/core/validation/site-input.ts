/** The body of `PUT /sites/{siteId}`. */
import { isRequirementCode, type RequirementCode } from '../model/requirement-code.js';
import { SITE_DEFAULTS, type SiteRequirementSpec } from '../model/site.js';
import { VERIFICATION_MODES, type VerificationMode } from '../model/verification.js';
import { overrideFieldFor } from '../requirement-catalogue.js';
import {
  bodyFields,
  checkEmail,
  checkIdentifier,
  checkInteger,
  checkOneOf,
  checkText,
  type Issues,
  isPlainObject,
  MAX_NAME_LENGTH,
  validationFailure,
} from './field-checks.js';

export interface SiteInput {
  siteId: string;
  name: string;
  adminEmails: string[];
  requirements: SiteRequirementSpec[];
  documentsDueDays: number;
  reminderIntervalHours: number;
  siteReminderIntervalHours: number;
  /** `staff` unless the body says `automatic`. */
  verification: VerificationMode;
}

export const MAX_ADMIN_EMAILS = 20;
const OVERRIDE_LIMITS = { months: { min: 1, max: 120 }, years: { min: 1, max: 50 } } as const;

/** Parses a site definition; throws one ValidationError listing every bad field. */
export function parseSiteInput(siteId: unknown, body: unknown): SiteInput {
  const issues: Issues = [];
  const id = checkIdentifier(issues, siteId, 'siteId');
  const fields = bodyFields(issues, body);

  const name = checkText(issues, fields.name, 'name', { max: MAX_NAME_LENGTH, required: true });
  const adminEmails = parseAdminEmails(issues, fields.adminEmails);
  const requirements = parseRequirements(issues, fields.requirements);
  const documentsDueDays = checkInteger(issues, fields.documentsDueDays, 'documentsDueDays', {
    min: 0,
    max: 365,
    default: SITE_DEFAULTS.documentsDueDays,
  });
  const reminderIntervalHours = checkInteger(issues, fields.reminderIntervalHours, 'reminderIntervalHours', {
    min: 1,
    max: 720,
    default: SITE_DEFAULTS.reminderIntervalHours,
  });
  const siteReminderIntervalHours = checkInteger(
    issues,
    fields.siteReminderIntervalHours,
    'siteReminderIntervalHours',
    { min: 1, max: 720, default: SITE_DEFAULTS.siteReminderIntervalHours },
  );
  const verification =
    checkOneOf(issues, fields.verification, 'verification', VERIFICATION_MODES, false) ??
    SITE_DEFAULTS.verification;

  if (
    issues.length > 0 ||
    id === undefined ||
    name === undefined ||
    adminEmails === undefined ||
    requirements === undefined ||
    documentsDueDays === undefined ||
    reminderIntervalHours === undefined ||
    siteReminderIntervalHours === undefined
  ) {
    throw validationFailure(issues);
  }
  return {
    siteId: id,
    name,
    adminEmails,
    requirements,
    documentsDueDays,
    reminderIntervalHours,
    siteReminderIntervalHours,
    verification,
  };
}

/** At least one admin email; duplicates (ignoring case) are dropped. */
function parseAdminEmails(issues: Issues, value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ path: 'adminEmails', message: 'Must be a list of at least one email address.' });
    return undefined;
  }
  if (value.length > MAX_ADMIN_EMAILS) {
    issues.push({ path: 'adminEmails', message: `Must list at most ${MAX_ADMIN_EMAILS} email addresses.` });
    return undefined;
  }
  const emails: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const email = checkEmail(issues, item, `adminEmails[${index}]`);
    if (email !== undefined && !seen.has(email.toLowerCase())) {
      seen.add(email.toLowerCase());
      emails.push(email);
    }
  });
  return emails;
}

/** Requirement codes, or `{code, months}` / `{code, years}` overrides that fit the code's rule. Each code once. */
function parseRequirements(issues: Issues, value: unknown): SiteRequirementSpec[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({ path: 'requirements', message: 'Must be a list of requirement codes.' });
    return undefined;
  }
  const specs: SiteRequirementSpec[] = [];
  const seen = new Set<RequirementCode>();
  value.forEach((item, index) => {
    const path = `requirements[${index}]`;
    const spec = parseRequirementSpec(issues, item, path);
    if (spec === undefined) return;
    const code = typeof spec === 'string' ? spec : spec.code;
    if (seen.has(code)) {
      issues.push({ path, message: `${code} is listed more than once.` });
      return;
    }
    seen.add(code);
    specs.push(spec);
  });
  return specs;
}

function parseRequirementSpec(issues: Issues, item: unknown, path: string): SiteRequirementSpec | undefined {
  if (typeof item === 'string') {
    if (isRequirementCode(item)) return item;
    issues.push({ path, message: 'Not a known requirement code.' });
    return undefined;
  }
  if (!isPlainObject(item)) {
    issues.push({
      path,
      message: 'Must be a requirement code, or an object like {"code": "TB", "months": 6}.',
    });
    return undefined;
  }
  const { code } = item;
  if (!isRequirementCode(code)) {
    issues.push({ path: `${path}.code`, message: 'Not a known requirement code.' });
    return undefined;
  }
  const allowed = overrideFieldFor(code);
  const before = issues.length;
  const spec: { code: RequirementCode; months?: number; years?: number } = { code };
  for (const field of ['months', 'years'] as const) {
    if (item[field] === undefined || item[field] === null) continue;
    if (field !== allowed) {
      issues.push({
        path: `${path}.${field}`,
        message:
          allowed === undefined
            ? `${code} has no validity window to change.`
            : `${code} is counted in ${allowed}: give "${allowed}" instead.`,
      });
      continue;
    }
    const amount = checkInteger(issues, item[field], `${path}.${field}`, OVERRIDE_LIMITS[field]);
    if (amount !== undefined) spec[field] = amount;
  }
  if (issues.length > before) return undefined;
  // A bare object with no override is the plain code.
  return spec.months === undefined && spec.years === undefined ? code : spec;
}
