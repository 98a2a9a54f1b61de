import { dateFieldFor, isRequirementCode } from '../../functions/contract/index.js';

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
export const daysFromNow = (days: number, now = new Date()) =>
  isoDate(new Date(now.getTime() + days * 86_400_000));

/**
 * Dates that satisfy a requirement for a rotation, as a careful student would give them:
 * issued today, or expiring a year after the rotation ends.
 */
export const validEvidenceDates = (code: string, rotation: { endDate: string }, now = new Date()) => {
  if (isRequirementCode(code) && dateFieldFor(code) === 'expiresOn') {
    const end = new Date(`${rotation.endDate}T00:00:00Z`);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    return { expiresOn: isoDate(end) };
  }
  return { issuedOn: isoDate(now) };
};
