/**
 * Whether one piece of evidence satisfies a validity rule for a rotation's dates
 * (docs/design.md, "Requirements"). Reasons are written for the student and say how to fix it.
 */
import {
  addDays,
  addMonths,
  addYears,
  assertCalendarDate,
  compareDates,
  isCalendarDate,
} from './calendar-date.js';
import type { ValidityRule } from './requirement-catalogue.js';

export interface EvidenceDates {
  issuedOn?: string;
  expiresOn?: string;
}

export interface RotationDates {
  startDate: string;
  endDate: string;
}

export type EvidenceCheck = { valid: true } | { valid: false; reason: string };

export interface FluSeason {
  /** 1 August. */
  start: string;
  /** 31 July of the next year. */
  end: string;
}

const VALID: EvidenceCheck = { valid: true };
const invalid = (reason: string): EvidenceCheck => ({ valid: false, reason });

/** The flu season (1 Aug to 31 Jul) that contains `date`. */
export function fluSeasonOf(date: string): FluSeason {
  assertCalendarDate(date);
  const year = Number(date.slice(0, 4));
  const firstYear = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return { start: `${pad(firstYear)}-08-01`, end: `${pad(firstYear + 1)}-07-31` };
}

const pad = (year: number): string => String(year).padStart(4, '0');

type WindowRule = Extract<
  ValidityRule,
  { kind: 'years-through-end' | 'months-through-end' | 'months-through-start' }
>;

/** The last day a document issued on `issuedOn` counts under a windowed rule. */
const lastValidDay = (rule: WindowRule, issuedOn: string): string =>
  rule.kind === 'years-through-end' ? addYears(issuedOn, rule.years) : addMonths(issuedOn, rule.months);

/**
 * The earliest issue date that satisfies `rule` for the rotation, or undefined when any
 * past date does (`once`) or the rule reads `expiresOn` instead.
 */
export function earliestIssueDate(rule: ValidityRule, rotation: RotationDates): string | undefined {
  switch (rule.kind) {
    case 'season':
      return fluSeasonOf(rotation.endDate).start;
    case 'years-through-end':
    case 'months-through-end':
    case 'months-through-start': {
      const target = rule.kind === 'months-through-start' ? rotation.startDate : rotation.endDate;
      const span = rule.kind === 'years-through-end' ? rule.years * 12 : rule.months;
      // Going back N months can land a day or three early (31 Mar - 1 month = 28 Feb, and
      // 28 Feb + 1 month = 28 Mar), so step forward until the date reaches the target.
      let candidate = addMonths(target, -span);
      while (compareDates(addMonths(candidate, span), target) < 0) candidate = addDays(candidate, 1);
      return candidate;
    }
    default:
      return undefined;
  }
}

/**
 * Checks evidence against a rule. `subject` starts each reason ("This TB test",
 * "The TB test on file"). Only the date the rule reads is looked at.
 */
export function checkEvidence(
  rule: ValidityRule,
  evidence: EvidenceDates,
  rotation: RotationDates,
  today: string,
  subject = 'This document',
): EvidenceCheck {
  const { startDate, endDate } = rotation;
  // Malformed rotation dates or `today` are a programming error, not a student's: throw.
  assertCalendarDate(startDate);
  assertCalendarDate(endDate);
  assertCalendarDate(today);

  if (rule.kind === 'expiry-through-end') {
    const { expiresOn } = evidence;
    if (expiresOn === undefined || expiresOn === '') {
      return invalid(`${subject} has no expiry date. Enter the date it expires, as YYYY-MM-DD.`);
    }
    if (!isCalendarDate(expiresOn)) {
      return invalid(`${subject} has an expiry date that is not a real date. Enter it as YYYY-MM-DD.`);
    }
    if (compareDates(expiresOn, endDate) < 0) {
      return invalid(
        `${subject} expires on ${expiresOn}, before your rotation ends on ${endDate}. ` +
          `Upload one that is valid until ${endDate} or later.`,
      );
    }
    return VALID;
  }

  const { issuedOn } = evidence;
  if (issuedOn === undefined || issuedOn === '') {
    return invalid(`${subject} has no issue date. Enter the date it was issued, as YYYY-MM-DD.`);
  }
  if (!isCalendarDate(issuedOn)) {
    return invalid(`${subject} has an issue date that is not a real date. Enter it as YYYY-MM-DD.`);
  }
  if (compareDates(issuedOn, today) > 0) {
    return invalid(
      `${subject} is dated ${issuedOn}, which is after today (${today}). Enter the date it was issued.`,
    );
  }

  switch (rule.kind) {
    case 'once':
      return VALID;
    case 'season': {
      const season = fluSeasonOf(endDate);
      if (compareDates(issuedOn, season.start) < 0 || compareDates(issuedOn, season.end) > 0) {
        return invalid(
          `${subject} is dated ${issuedOn}, outside the flu season your rotation ends in ` +
            `(${season.start} to ${season.end}). Upload one given between ${season.start} and ${season.end}.`,
        );
      }
      return VALID;
    }
    case 'years-through-end':
    case 'months-through-end':
    case 'months-through-start': {
      const lastDay = lastValidDay(rule, issuedOn);
      const throughStart = rule.kind === 'months-through-start';
      const target = throughStart ? startDate : endDate;
      if (compareDates(lastDay, target) < 0) {
        const when = throughStart ? `starts on ${startDate}` : `ends on ${endDate}`;
        return invalid(
          `${subject} expires on ${lastDay}, before your rotation ${when}. ` +
            `Upload one dated ${earliestIssueDate(rule, rotation)} or later.`,
        );
      }
      return VALID;
    }
  }
}
