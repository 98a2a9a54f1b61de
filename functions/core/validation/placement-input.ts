/** The body of `POST /placements` (also one row of a CSV import). */
import { compareDates } from '../calendar-date.js';
import type { Student } from '../model/placement.js';
import {
  bodyFields,
  checkCalendarDate,
  checkEmail,
  checkIdentifier,
  checkText,
  type Issues,
  isPlainObject,
  MAX_NAME_LENGTH,
  validationFailure,
} from './field-checks.js';

export interface PlacementInput {
  student: Student;
  siteId: string;
  program: string;
  startDate: string;
  endDate: string;
  coordinatorEmail: string;
}

/** Parses a new placement; throws one ValidationError listing every bad field. */
export function parsePlacementInput(body: unknown): PlacementInput {
  const issues: Issues = [];
  const fields = bodyFields(issues, body);

  const student = parseStudent(issues, fields.student);
  const siteId = checkIdentifier(issues, fields.siteId, 'siteId');
  const program = checkText(issues, fields.program, 'program', { max: MAX_NAME_LENGTH, required: true });
  const startDate = checkCalendarDate(issues, fields.startDate, 'startDate');
  const endDate = checkCalendarDate(issues, fields.endDate, 'endDate');
  if (startDate !== undefined && endDate !== undefined && compareDates(startDate, endDate) > 0) {
    issues.push({ path: 'endDate', message: `Must be on or after the start date (${startDate}).` });
  }
  const coordinatorEmail = checkEmail(issues, fields.coordinatorEmail, 'coordinatorEmail');

  if (
    issues.length > 0 ||
    student === undefined ||
    siteId === undefined ||
    program === undefined ||
    startDate === undefined ||
    endDate === undefined ||
    coordinatorEmail === undefined
  ) {
    throw validationFailure(issues);
  }
  return { student, siteId, program, startDate, endDate, coordinatorEmail };
}

function parseStudent(issues: Issues, value: unknown): Student | undefined {
  if (!isPlainObject(value)) {
    issues.push({ path: 'student', message: 'Required: an object with id, name and email.' });
    return undefined;
  }
  const id = checkIdentifier(issues, value.id, 'student.id');
  const name = checkText(issues, value.name, 'student.name', { max: MAX_NAME_LENGTH, required: true });
  const email = checkEmail(issues, value.email, 'student.email');
  if (id === undefined || name === undefined || email === undefined) return undefined;
  return { id, name, email };
}
