import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: AxeImpact | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

export interface AxeReport {
  violations: AxeViolation[];
  /** Rules that passed: proof that axe ran at all. */
  passed: number;
  /** Rules axe could not decide (e.g. contrast over a background it cannot compute). */
  incomplete: string[];
}

/**
 * Runs axe-core (its default rule set: WCAG 2.x A and AA plus best practices) on the page as it
 * is now. The script goes in as an inline `<script>`, so the page's CSP must be bypassed
 * (`bypassCSP: true` on the context): the pages rightly refuse injected inline scripts.
 */
export const runAxe = async (page: Page): Promise<AxeReport> => {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate<AxeReport>(`axe.run(document, { resultTypes: ['violations'] }).then((results) => ({
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html, failureSummary: node.failureSummary })),
    })),
    passed: results.passes.length,
    incomplete: results.incomplete.map((result) => result.id),
  }))`);
};

export const atLeastSerious = (violations: readonly AxeViolation[]): AxeViolation[] =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');

/** One line per violation, with the elements it concerns: what an assertion message should show. */
export const describeViolations = (violations: readonly AxeViolation[]): string =>
  violations
    .map(
      (violation) =>
        `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
    .join('\n');
