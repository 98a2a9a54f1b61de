import { addMonths, isCalendarDate } from './calendar-date.js';
import { type EvidenceDates, fluSeasonOf } from './evidence-validity.js';
import type { ValidityRule } from './requirement-catalogue.js';

/**
 * The last day a piece of evidence counts under its rule (the date `checkEvidence` measures against),
 * or undefined when it never lapses (`once`) or its date is missing.
 */
export function evidenceLapsesOn(rule: ValidityRule, evidence: EvidenceDates): string | undefined {
  if (rule.kind === 'expiry-through-end') {
    return isCalendarDate(evidence.expiresOn) ? evidence.expiresOn : undefined;
  }
  if (rule.kind === 'once' || !isCalendarDate(evidence.issuedOn)) return undefined;
  switch (rule.kind) {
    case 'season':
      return fluSeasonOf(evidence.issuedOn).end;
    case 'years-through-end':
      return addMonths(evidence.issuedOn, rule.years * 12);
    case 'months-through-end':
    case 'months-through-start':
      return addMonths(evidence.issuedOn, rule.months);
  }
}
