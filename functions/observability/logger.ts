/**
 * Structured JSON logs, one line each. Callers pass identifiers and outcomes only: never
 * names, emails, dates of birth, document details, link tokens or task tokens.
 */
type Fields = Record<string, string | number | boolean | undefined>;

const write = (level: 'INFO' | 'WARN' | 'ERROR', message: string, fields: Fields = {}) => {
  const line = JSON.stringify({
    level,
    message,
    timestamp: new Date().toISOString(),
    service: process.env.POWERTOOLS_SERVICE_NAME ?? 'placement-onboarding',
    ...fields,
  });
  if (level === 'ERROR') console.error(line);
  else if (level === 'WARN') console.warn(line);
  else console.log(line);
};

export const logger = {
  info: (message: string, fields?: Fields) => write('INFO', message, fields),
  warn: (message: string, fields?: Fields) => write('WARN', message, fields),
  error: (message: string, fields?: Fields) => write('ERROR', message, fields),
};

/** The parts of an error that are safe to log: its name, and the message of our own errors only. */
export const describeError = (error: unknown): Fields => {
  if (!(error instanceof Error)) return { errorName: 'NonError' };
  return { errorName: error.name };
};
