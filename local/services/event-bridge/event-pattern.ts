/**
 * EventBridge event patterns, the documented subset the template's rules use: exact values (a list
 * matches any of them; against a list in the event, any element), nested fields, and the content
 * filters `prefix`, `suffix`, `exists`, `anything-but` (a value, a list, or `{ "prefix" }`),
 * `equals-ignore-case` and `numeric`. Keys the pattern does not name are ignored.
 */
type Condition = unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `event` (an envelope or a part of one) matches `pattern`. */
export function matchesEventPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  const fields = isObject(event) ? event : {};
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = fields[key];
    if (Array.isArray(expected)) return matchesField(expected, actual);
    if (isObject(expected)) return matchesEventPattern(expected, actual);
    return false;
  });
}

function matchesField(conditions: Condition[], actual: unknown): boolean {
  if (actual === undefined)
    return conditions.some((condition) => isObject(condition) && condition.exists === false);
  if (isObject(actual)) return false;
  const values = Array.isArray(actual) ? actual : [actual];
  return conditions.some((condition) => {
    if (!isObject(condition)) return values.some((value) => value === condition);
    if ('exists' in condition) return condition.exists === true;
    return values.some((value) => matchesFilter(condition, value));
  });
}

function matchesFilter(filter: Record<string, unknown>, value: unknown): boolean {
  if ('prefix' in filter)
    return typeof value === 'string' && typeof filter.prefix === 'string' && value.startsWith(filter.prefix);
  if ('suffix' in filter)
    return typeof value === 'string' && typeof filter.suffix === 'string' && value.endsWith(filter.suffix);
  if ('equals-ignore-case' in filter) {
    const expected = filter['equals-ignore-case'];
    return (
      typeof value === 'string' &&
      typeof expected === 'string' &&
      value.toLowerCase() === expected.toLowerCase()
    );
  }
  if ('anything-but' in filter) {
    const excluded = filter['anything-but'];
    if (isObject(excluded)) return !matchesFilter(excluded, value);
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value as never);
  }
  if ('numeric' in filter) return typeof value === 'number' && matchesNumeric(filter.numeric, value);
  return false;
}

const COMPARISONS: Record<string, (value: number, bound: number) => boolean> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

function matchesNumeric(terms: unknown, value: number): boolean {
  if (!Array.isArray(terms)) return false;
  for (let index = 0; index + 1 < terms.length; index += 2) {
    const compare = COMPARISONS[String(terms[index])];
    const bound = terms[index + 1];
    if (!compare || typeof bound !== 'number' || !compare(value, bound)) return false;
  }
  return terms.length > 0;
}
