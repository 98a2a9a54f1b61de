import { earliestIssueDate, fluSeasonOf, type RotationDates } from '../../core/evidence-validity.js';
import type { ValidityRule } from '../../core/requirement-catalogue.js';
import { displayDate } from '../display-date.js';

/**
 * A requirement's validity rule for one rotation, in the words a verifier checks a document
 * against ("Issued on or after 11 December 2025: within 12 months before the rotation ends").
 */
export const ruleInWords = (rule: ValidityRule, rotation: RotationDates): string => {
  switch (rule.kind) {
    case 'once':
      return 'Any issue date, as long as it is not in the future.';
    case 'expiry-through-end':
      return `Must not expire before the rotation ends: valid until ${displayDate(rotation.endDate)} or later.`;
    case 'season': {
      const season = fluSeasonOf(rotation.endDate);
      return `Given in the flu season the rotation ends in: ${displayDate(season.start)} to ${displayDate(season.end)}.`;
    }
    default: {
      const earliest = earliestIssueDate(rule, rotation) ?? rotation.startDate;
      const span = rule.kind === 'years-through-end' ? `${rule.years} years` : `${rule.months} months`;
      const until = rule.kind === 'months-through-start' ? 'the rotation starts' : 'the rotation ends';
      return `Issued on or after ${displayDate(earliest)}: within ${span} before ${until}, and not in the future.`;
    }
  }
};
