/** The fixed catalogue codes (docs/design.md, "Requirements"). */
export const REQUIREMENT_CODES = [
  'MMR',
  'VARICELLA',
  'HEPATITIS_B',
  'TDAP',
  'TB',
  'INFLUENZA',
  'COVID19',
  'BLS',
  'BACKGROUND_CHECK',
  'DRUG_SCREEN',
  'HIPAA_TRAINING',
  'PHYSICAL_EXAM',
  'LIABILITY_INSURANCE',
  'HEALTH_INSURANCE',
] as const;

export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

export const isRequirementCode = (value: unknown): value is RequirementCode =>
  typeof value === 'string' && (REQUIREMENT_CODES as readonly string[]).includes(value);
