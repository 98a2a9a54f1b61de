/** What a purge leaves of a placement (docs/data-model.md, "Purge"): pure, tested without mocks. */
import { createHash } from 'node:crypto';
import type { Placement } from './model/placement.js';

/** Stands in for the student's name and email once they are deleted. */
export const PURGED_TEXT = '[purged]';

const PURGED_ID_PREFIX = 'purged:sha256:';

/**
 * The student id a purged placement keeps: a one-way SHA-256 of the real id. It never equals a real
 * id (the prefix), so evidence reuse and document lookups cannot find anything under it, while the
 * school can still check that all of a student's placements were purged by hashing the id it holds.
 */
export const purgedStudentId = (studentId: string): string =>
  studentId.startsWith(PURGED_ID_PREFIX)
    ? studentId
    : `${PURGED_ID_PREFIX}${createHash('sha256').update(studentId, 'utf8').digest('hex')}`;

/**
 * The placement without the student's personal data: name and email replaced, id hashed, and every
 * free text that may describe them dropped (requirement and decision reasons, history details, a
 * failure's cause). Site, program, dates, statuses, requirement codes and event types stay, for the
 * school's records. The pending task token goes too. Redacting twice changes nothing more.
 */
export const redactPlacement = (placement: Placement): Placement => {
  const { pendingTask: _token, decision, failure, ...rest } = placement;
  return {
    ...rest,
    student: { id: purgedStudentId(placement.student.id), name: PURGED_TEXT, email: PURGED_TEXT },
    requirements: placement.requirements.map(({ code, title, status }) => ({ code, title, status })),
    history: placement.history.map(({ at, type }) => ({ at, type })),
    ...(decision ? { decision: withoutReason(decision) } : {}),
    ...(failure ? { failure: { error: failure.error } } : {}),
  };
};

const withoutReason = <T extends { reason?: string }>({ reason: _reason, ...rest }: T): Omit<T, 'reason'> =>
  rest;
