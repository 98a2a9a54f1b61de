/**
 * The fixed requirement catalogue (docs/design.md, "Requirements"): what each requirement is
 * called, which rule decides whether evidence counts, and what a student must provide.
 */
import type { RequirementCode } from './model/requirement-code.js';
import type { SiteRequirementSpec } from './model/site.js';

export type ValidityRule =
  | { kind: 'once' }
  | { kind: 'years-through-end'; years: number }
  | { kind: 'months-through-end'; months: number }
  | { kind: 'months-through-start'; months: number }
  | { kind: 'season' }
  | { kind: 'expiry-through-end' };

export interface RequirementDefinition {
  title: string;
  rule: ValidityRule;
  /** One plain sentence: which document to upload and which date to enter with it. */
  evidence: string;
  /** What the document is called in a sentence ("This TB test expires on …"). */
  noun: string;
}

export const REQUIREMENT_CATALOGUE: Record<RequirementCode, RequirementDefinition> = {
  MMR: {
    title: 'Measles, mumps and rubella (MMR) immunity',
    rule: { kind: 'once' },
    evidence: 'A record of both MMR doses or a positive titer, with the date it was issued.',
    noun: 'MMR record',
  },
  VARICELLA: {
    title: 'Varicella (chickenpox) immunity',
    rule: { kind: 'once' },
    evidence: 'A record of both varicella doses or a positive titer, with the date it was issued.',
    noun: 'varicella record',
  },
  HEPATITIS_B: {
    title: 'Hepatitis B immunity',
    rule: { kind: 'once' },
    evidence:
      'A record of the complete hepatitis B vaccine series or a positive surface antibody titer, with the date it was issued.',
    noun: 'hepatitis B record',
  },
  TDAP: {
    title: 'Tdap vaccination',
    rule: { kind: 'years-through-end', years: 10 },
    evidence: 'A record of your most recent Tdap shot, with the date it was given.',
    noun: 'Tdap record',
  },
  TB: {
    title: 'Tuberculosis (TB) screening',
    rule: { kind: 'months-through-end', months: 12 },
    evidence:
      'The result of your most recent TB skin test or blood test (or a chest X-ray report), with the date of the test.',
    noun: 'TB test',
  },
  INFLUENZA: {
    title: 'Influenza vaccination',
    rule: { kind: 'season' },
    evidence: "A record of this flu season's influenza shot, with the date it was given.",
    noun: 'flu shot record',
  },
  COVID19: {
    title: 'COVID-19 vaccination',
    rule: { kind: 'once' },
    evidence: 'Your COVID-19 vaccination card or record, with the date of the most recent dose.',
    noun: 'COVID-19 record',
  },
  BLS: {
    title: 'Basic Life Support (BLS) certification',
    rule: { kind: 'expiry-through-end' },
    evidence: 'Both sides of your current BLS (CPR) card, with the date it expires.',
    noun: 'BLS card',
  },
  BACKGROUND_CHECK: {
    title: 'Criminal background check',
    rule: { kind: 'months-through-start', months: 12 },
    evidence: 'The report of your criminal background check, with the date it was completed.',
    noun: 'background check',
  },
  DRUG_SCREEN: {
    title: 'Drug screen',
    rule: { kind: 'months-through-start', months: 12 },
    evidence: 'The result of your drug screen, with the date the sample was collected.',
    noun: 'drug screen',
  },
  HIPAA_TRAINING: {
    title: 'HIPAA privacy training',
    rule: { kind: 'months-through-end', months: 12 },
    evidence: 'Your HIPAA training certificate of completion, with the date you completed it.',
    noun: 'HIPAA training certificate',
  },
  PHYSICAL_EXAM: {
    title: 'Physical examination',
    rule: { kind: 'months-through-start', months: 12 },
    evidence: 'The health form signed by the clinician who examined you, with the date of the exam.',
    noun: 'physical exam form',
  },
  LIABILITY_INSURANCE: {
    title: 'Professional liability insurance',
    rule: { kind: 'expiry-through-end' },
    evidence: 'The certificate of your professional liability insurance, with the date the cover ends.',
    noun: 'liability insurance certificate',
  },
  HEALTH_INSURANCE: {
    title: 'Health insurance',
    rule: { kind: 'expiry-through-end' },
    evidence: 'Your health insurance card or a letter from your insurer, with the date the cover ends.',
    noun: 'health insurance proof',
  },
};

export type EvidenceDateField = 'issuedOn' | 'expiresOn';

/** A site requirement with the site's override applied. */
export interface ResolvedRequirement extends RequirementDefinition {
  code: RequirementCode;
  /** The date the student must give with the document. */
  dateField: EvidenceDateField;
}

export const requirementCodeOf = (spec: SiteRequirementSpec): RequirementCode =>
  typeof spec === 'string' ? spec : spec.code;

/** The catalogue entry for a site requirement, with `months` applied to month rules and `years` to year rules. */
export function resolveRequirement(spec: SiteRequirementSpec): ResolvedRequirement {
  const code = requirementCodeOf(spec);
  const definition = REQUIREMENT_CATALOGUE[code];
  return { code, ...definition, rule: applyOverride(definition.rule, spec), dateField: dateFieldFor(code) };
}

function applyOverride(rule: ValidityRule, spec: SiteRequirementSpec): ValidityRule {
  if (typeof spec === 'string') return rule;
  switch (rule.kind) {
    case 'months-through-end':
    case 'months-through-start':
      return spec.months === undefined ? rule : { kind: rule.kind, months: spec.months };
    case 'years-through-end':
      return spec.years === undefined ? rule : { kind: rule.kind, years: spec.years };
    default:
      // Input validation refuses overrides on rules without a window; stored data is trusted.
      return rule;
  }
}

/** Which override a rule takes (`months` or `years`), or undefined when it has no window. */
export function overrideFieldFor(code: RequirementCode): 'months' | 'years' | undefined {
  const { kind } = REQUIREMENT_CATALOGUE[code].rule;
  if (kind === 'months-through-end' || kind === 'months-through-start') return 'months';
  return kind === 'years-through-end' ? 'years' : undefined;
}

/** The date the student must give with a document for `code`. */
export function dateFieldFor(code: RequirementCode): EvidenceDateField {
  return REQUIREMENT_CATALOGUE[code].rule.kind === 'expiry-through-end' ? 'expiresOn' : 'issuedOn';
}
