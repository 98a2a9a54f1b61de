/** Thrown at cold start when the function's environment is incomplete: the function never serves a request. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

type Environment<R extends string, O extends string> = Record<R, string> & Partial<Record<O, string>>;

/**
 * Reads the variables a function was granted, once, at cold start. A missing required
 * variable fails fast with the names of everything missing.
 */
export const readEnvironment = <R extends string, O extends string = never>(
  required: readonly R[],
  optional: readonly O[] = [],
  source: NodeJS.ProcessEnv = process.env,
): Environment<R, O> => {
  const missing = required.filter((name) => !source[name]);
  if (missing.length > 0) {
    throw new ConfigurationError(`Missing environment variables: ${missing.join(', ')}`);
  }
  const values: Record<string, string> = {};
  for (const name of [...required, ...optional]) {
    const value = source[name];
    if (value) values[name] = value;
  }
  return values as Environment<R, O>;
};
