import type { Placement } from './model/placement.js';

/** What every email to the student about their documents says about the rotation. */
export interface RotationFacts {
  studentName: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  documentsDueDate: string;
}

export const rotationFactsOf = (placement: Placement): RotationFacts => ({
  studentName: placement.student.name,
  siteName: placement.siteName,
  program: placement.program,
  startDate: placement.startDate,
  endDate: placement.endDate,
  documentsDueDate: placement.documentsDueDate,
});
