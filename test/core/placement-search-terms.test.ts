import { describe, expect, it } from 'vitest';
import { normalizeSearchTerm, searchTermsOf } from '../../functions/core/placement-search-terms.js';

describe('search terms of a placement', () => {
  it('find a student by id, email, whole name and each word of the name, whatever the case or accents', () => {
    expect(
      searchTermsOf({
        student: { id: 'S-1042', name: "Zoë O'Brien-Ngata", email: 'Zoe.OBrien@Uni.example' },
      }),
    ).toEqual(['s-1042', 'zoe.obrien@uni.example', 'zoe obrien-ngata', 'zoe', 'obrien', 'ngata']);
  });

  it('leave out one-letter words (initials)', () => {
    expect(searchTermsOf({ student: { id: 'x1', name: 'Sam J Lee', email: 's@e.example' } })).not.toContain(
      'j',
    );
  });

  it.each([
    ['  ZOË  ', 'zoe'],
    ["O'Brien", 'obrien'],
    ['Anna   Maria', 'anna maria'],
    ['李 小龍', '李 小龍'],
  ])('normalize %j as %j', (input, expected) => {
    expect(normalizeSearchTerm(input)).toBe(expected);
  });
});
