import { displayDateRange } from './display-date.js';
import { html, type SafeHtml } from './html.js';

/** The facts every view of a student's placement holds (pages and emails alike). */
export interface PlacedStudent {
  studentName: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  documentsDueDate: string;
}

/** What pages and emails say about a placement; a fact left out is not shown. */
export interface PlacementFacts {
  studentName?: string;
  siteName?: string;
  program?: string;
  startDate?: string;
  endDate?: string;
}

/**
 * The one mapping of a placement to the facts people read about it (the emails' rows, the
 * portal's and the review page's lists): Student, Site, Program, Dates, in that order.
 */
export const placementFactRows = (facts: PlacementFacts): Array<readonly [string, string]> => [
  ...(facts.studentName === undefined ? [] : [['Student', facts.studentName] as const]),
  ...(facts.siteName === undefined ? [] : [['Site', facts.siteName] as const]),
  ...(facts.program === undefined ? [] : [['Program', facts.program] as const]),
  ...(facts.startDate === undefined || facts.endDate === undefined
    ? []
    : [['Dates', displayDateRange(facts.startDate, facts.endDate)] as const]),
];

/** The same facts as the `<dt>`/`<dd>` pairs of a page's `<dl class="facts">`. */
export const placementFactItems = (facts: PlacementFacts): SafeHtml =>
  html`${placementFactRows(facts).map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>\n`)}`;
