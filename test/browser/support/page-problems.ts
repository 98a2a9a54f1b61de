import type { Page } from 'playwright-core';

/** What went wrong in a page while a test drove it: console errors, uncaught errors, CSP refusals. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

/**
 * Records a page's problems from now on. Chromium reports a CSP refusal as a console error
 * ("Refused to … because it violates the following Content Security Policy directive"), and
 * a failed load (4xx/5xx) as "Failed to load resource".
 */
export const watchPageProblems = (page: Page): PageProblems => {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.cspViolations.push(text);
    if (message.type() === 'error') problems.consoleErrors.push(`${text} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
};

export const NO_PROBLEMS: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
