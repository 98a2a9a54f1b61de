import { expect } from 'vitest';
import { ValidationError } from '../../../functions/core/errors.js';

/** Runs a parser that must fail and returns the paths of its issues (one ValidationError, every bad field). */
export function issuePaths(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { details } = error as ValidationError;
    for (const issue of details) expect(issue.message.length).toBeGreaterThan(0);
    return details.map((issue) => issue.path);
  }
  throw new Error('Expected a ValidationError, but the input was accepted.');
}

/** The message of the single issue at `path`. */
export function issueMessage(parse: () => unknown, path: string): string {
  try {
    parse();
  } catch (error) {
    const issue = (error as ValidationError).details.find((candidate) => candidate.path === path);
    if (issue) return issue.message;
  }
  throw new Error(`Expected an issue at ${path}.`);
}
