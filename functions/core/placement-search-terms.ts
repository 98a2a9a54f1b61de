import type { Placement } from './model/placement.js';

/**
 * What a coordinator types to find a placement: the start of the student's id, email or name, or of
 * any word of the name ("sam", "o'brien", "sam@exa"). Terms are normalized so that case, accents
 * and punctuation inside names do not matter: "Zoë O'Brien" is found by "zoe obrien" and "obrien".
 */
export const normalizeSearchTerm = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Words of a name shorter than this are not indexed on their own (initials). */
const MIN_WORD_LENGTH = 2;

/** The terms a placement is found by. */
export const searchTermsOf = (placement: Pick<Placement, 'student'>): string[] => {
  const { id, email, name } = placement.student;
  const fullName = normalizeSearchTerm(name);
  const words = fullName.split(/[\s-]+/).filter((word) => word.length >= MIN_WORD_LENGTH);
  return [...new Set([normalizeSearchTerm(id), normalizeSearchTerm(email), fullName, ...words])].filter(
    (term) => term !== '',
  );
};
