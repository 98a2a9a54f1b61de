import { displayDateRange } from '../display-date.js';

export interface PlacementFacts {
  studentName?: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
}

/** The rows every email shows about the placement it is about. */
export const placementFactRows = (facts: PlacementFacts): Array<readonly [string, string]> => [
  ...(facts.studentName === undefined ? [] : [['Student', facts.studentName] as const]),
  ['Site', facts.siteName],
  ['Program', facts.program],
  ['Dates', displayDateRange(facts.startDate, facts.endDate)],
];
