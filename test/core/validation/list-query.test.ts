import { describe, expect, it } from 'vitest';
import { parseListQuery } from '../../../functions/core/validation/list-query.js';
import { issuePaths } from './issue-paths.js';

describe('parseListQuery', () => {
  it.each<[string, Record<string, string | undefined> | null | undefined, object]>([
    ['no query string', undefined, { limit: 25 }],
    ['a null query string', null, { limit: 25 }],
    ['empty parameters', { siteId: '', status: '', limit: '', cursor: '' }, { limit: 25 }],
    [
      'every parameter',
      { siteId: ' site-a ', status: 'AWAITING_DOCUMENTS', limit: '100', cursor: 'eyJwayI6IngifQ' },
      { siteId: 'site-a', status: 'AWAITING_DOCUMENTS', limit: 100, cursor: 'eyJwayI6IngifQ' },
    ],
    ['a limit of 1', { limit: '1' }, { limit: 1 }],
    [
      'the console filters',
      { program: ' BSN ', startFrom: '2030-03-01', startTo: '2030-03-31', search: "  Zoë O'Brien " },
      { limit: 25, program: 'BSN', startFrom: '2030-03-01', startTo: '2030-03-31', search: 'zoe obrien' },
    ],
    ['a cursor of 1024 characters', { cursor: 'c'.repeat(1024) }, { limit: 25, cursor: 'c'.repeat(1024) }],
  ])('accepts %s', (_name, query, expected) => {
    expect(parseListQuery(query)).toEqual(expected);
  });

  it.each<[string, Record<string, string | undefined>, string[]]>([
    ['a limit of 0', { limit: '0' }, ['limit']],
    ['a limit of 101', { limit: '101' }, ['limit']],
    ['a negative limit', { limit: '-5' }, ['limit']],
    ['a fractional limit', { limit: '2.5' }, ['limit']],
    ['a limit in words', { limit: 'ten' }, ['limit']],
    ['an unknown status', { status: 'DONE' }, ['status']],
    ['a lower-case status', { status: 'cleared' }, ['status']],
    ['a siteId with a hash', { siteId: 'a#b' }, ['siteId']],
    ['a cursor over 1024 characters', { cursor: 'c'.repeat(1025) }, ['cursor']],
    ['a start date that is not a date', { startFrom: '2030-02-30' }, ['startFrom']],
    ['a range that ends before it starts', { startFrom: '2030-03-02', startTo: '2030-03-01' }, ['startTo']],
    ['a one-letter search', { search: 'z' }, ['search']],
    [
      'everything wrong',
      { siteId: 'a/b', status: 'X', limit: '1000', cursor: 'c'.repeat(2000) },
      ['siteId', 'status', 'limit', 'cursor'],
    ],
  ])('reports %s', (_name, query, paths) => {
    expect(issuePaths(() => parseListQuery(query))).toEqual(paths);
  });
});
