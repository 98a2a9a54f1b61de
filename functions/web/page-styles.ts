import { cspHash } from './security-headers.js';

/**
 * The one stylesheet of every page, inlined in a `<style>` element and allowed by its hash.
 * Phone first; system fonts; touch targets at least 44px; visible focus; colours checked
 * for WCAG AA contrast (status is always spelled out too, never colour alone).
 */
export const PAGE_STYLES = `
:root {
  color-scheme: light;
  --ink: #1b1d21;
  --muted: #474c55;
  --line: #c4c9d2;
  --field-line: #5f6672;
  --page: #f3f4f6;
  --card: #ffffff;
  --accent: #0b57d0;
  --accent-dark: #0842a0;
  --ok-bg: #e3f2e7;
  --ok-ink: #0f5c2a;
  --bad-bg: #fdeceb;
  --bad-ink: #9f1f18;
  --todo-bg: #fff3d1;
  --todo-ink: #674500;
  --plain-bg: #eceff3;
  --plain-ink: #383e48;
  --info-bg: #e8f0fe;
  --info-ink: #0a3f94;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--ink);
  background: var(--page);
  overflow-wrap: anywhere;
}
.skip-link { position: absolute; left: 0.5rem; top: -4rem; background: var(--card); color: var(--accent-dark);
  padding: 0.75rem 1rem; border-radius: 0.5rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: #13294b; color: #ffffff; }
.site-header p { margin: 0 auto; max-width: 46rem; padding: 0.75rem 1rem; font-weight: 600; }
main { display: block; max-width: 46rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
h1 { font-size: 1.625rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 1.0625rem; line-height: 1.35; margin: 0; }
p { margin: 0.5rem 0; }
a { color: var(--accent-dark); text-underline-offset: 0.15em; }
.lead { font-size: 1.0625rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; margin: 1rem 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.375rem 1rem; margin: 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.notice { border-left: 0.375rem solid var(--info-ink); background: var(--info-bg); padding: 0.75rem 1rem;
  border-radius: 0.375rem; margin: 1rem 0; }
.notice--warning { border-left-color: var(--todo-ink); background: var(--todo-bg); }
.notice--done { border-left-color: var(--ok-ink); background: var(--ok-bg); }
.notice--problem { border-left-color: var(--bad-ink); background: var(--bad-bg); }
.progress-summary { font-weight: 600; }
.checklist { list-style: none; margin: 0; padding: 0; }
.requirement { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; margin: 0 0 1rem; }
.requirement__head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 0.5rem; }
.badge { display: inline-block; flex: none; padding: 0.125rem 0.625rem; border: 1px solid currentColor; border-radius: 999px;
  font-size: 0.875rem; font-weight: 700; white-space: nowrap; }
.badge--done { background: var(--ok-bg); color: var(--ok-ink); }
.badge--problem { background: var(--bad-bg); color: var(--bad-ink); }
.badge--todo { background: var(--todo-bg); color: var(--todo-ink); }
.badge--waived, .badge--checking { background: var(--plain-bg); color: var(--plain-ink); }
.evidence { margin: 0.5rem 0 0; }
.evidence dt { font-weight: 600; margin-top: 0.5rem; }
.evidence dd { margin: 0; }
.reason { margin: 0.75rem 0 0; padding: 0.5rem 0.75rem; border-left: 0.25rem solid var(--bad-ink); background: var(--bad-bg);
  border-radius: 0.25rem; }
.reason--plain { border-left-color: var(--plain-ink); background: var(--plain-bg); }
.upload { margin-top: 1rem; padding-top: 1rem; border-top: 1px solid var(--line); }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 700; padding: 0; margin-bottom: 0.25rem; }
.field { margin: 0.75rem 0; }
label, .label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { display: block; color: var(--muted); font-size: 0.9375rem; margin: 0 0 0.375rem; }
input[type="file"], input[type="date"], textarea {
  display: block; width: 100%; min-height: 2.75rem; padding: 0.5rem; font: inherit; color: var(--ink);
  background: #ffffff; border: 2px solid var(--field-line); border-radius: 0.375rem;
}
input[type="date"] { max-width: 14rem; }
input[type="file"]::file-selector-button { min-height: 2.25rem; margin-right: 0.75rem; padding: 0.25rem 0.75rem; font: inherit;
  font-weight: 600; color: var(--accent-dark); background: var(--info-bg); border: 1px solid var(--accent-dark); border-radius: 0.375rem; }
textarea { min-height: 7rem; resize: vertical; }
[aria-invalid="true"] { border-color: var(--bad-ink); }
button, .button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; min-width: 2.75rem;
  padding: 0.5rem 1.25rem; font: inherit; font-weight: 700; color: #ffffff; background: var(--accent);
  border: 2px solid var(--accent); border-radius: 0.5rem; cursor: pointer; text-decoration: none;
}
button:hover, .button:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
button:disabled { color: #ffffff; background: #6b7280; border-color: #6b7280; cursor: not-allowed; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button:focus-visible, .button:focus-visible { outline-color: var(--ink); }
.choices { display: grid; gap: 0.5rem; }
.choice { display: flex; align-items: flex-start; gap: 0.75rem; min-height: 2.75rem; margin: 0; padding: 0.625rem 0.75rem;
  font-weight: 400; background: #ffffff; border: 1px solid var(--field-line); border-radius: 0.5rem; cursor: pointer; }
.choice input { flex: none; width: 1.375rem; height: 1.375rem; margin: 0.0625rem 0 0; accent-color: var(--accent); }
.choice strong { display: block; }
.choice:has(input:checked) { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
.field-error { margin: 0 0 0.375rem; color: var(--bad-ink); font-weight: 700; }
.form-note { margin: 0.75rem 0 0; color: var(--info-ink); font-weight: 600; }
.form-note:empty { display: none; }
.form-message { margin: 0.75rem 0 0; }
.form-message:empty { display: none; }
.form-message--error { padding: 0.5rem 0.75rem; color: var(--bad-ink); background: var(--bad-bg); border-radius: 0.375rem; font-weight: 600; }
.form-message--info { padding: 0.5rem 0.75rem; color: var(--info-ink); background: var(--info-bg); border-radius: 0.375rem; }
.upload-progress { margin-top: 0.75rem; }
.upload-progress progress { display: block; width: 100%; height: 1rem; accent-color: var(--accent); }
.document-link { display: inline-flex; align-items: center; min-height: 2.75rem; font-weight: 600; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
[hidden] { display: none !important; }
@media (max-width: 30rem) {
  .facts { grid-template-columns: 1fr; gap: 0; }
  .facts dd { margin-bottom: 0.5rem; }
  button, .button { width: 100%; }
}
@media (min-width: 48rem) {
  main { padding: 1rem 1.5rem 4rem; }
  h1 { font-size: 2rem; }
  .card, .requirement { padding: 1.25rem 1.5rem; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; transition: none !important; } }
`;

export const PAGE_STYLES_HASH = cspHash(PAGE_STYLES);

/**
 * The staff console's additions to the page stylesheet: a wider page for tables (768 px tablets
 * to laptops), navigation, data tables, filter forms, the document viewer and SVG charts.
 * Inlined after `PAGE_STYLES` in one `<style>` element, allowed by `CONSOLE_PAGE_STYLES_HASH`.
 */
export const CONSOLE_STYLES = `
.console main { max-width: 80rem; }
.console-header { background: #13294b; color: #ffffff; }
.console-header a { color: #ffffff; }
.console-header :focus-visible { outline-color: #ffffff; }
.console-header__bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem;
  max-width: 80rem; margin: 0 auto; padding: 0.5rem 1rem; }
.console-header__product { margin: 0; font-weight: 700; font-size: 1.125rem; }
.console-header__product a { text-decoration: none; }
.console-header__product span { font-weight: 400; margin-left: 0.25rem; }
.console-header__who { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.console-header__who p { margin: 0; }
.role-tag { display: inline-block; margin-left: 0.25rem; padding: 0 0.5rem; border: 1px solid #ffffff; border-radius: 999px;
  font-size: 0.875rem; font-weight: 700; }
.sign-out { margin: 0; }
.button--quiet { min-height: 2.75rem; padding: 0.25rem 1rem; color: #ffffff; background: transparent; border-color: #ffffff; }
.button--quiet:hover { background: #0c1c36; border-color: #ffffff; }
.console-nav { background: #0c1c36; }
.console-nav ul { display: flex; flex-wrap: wrap; gap: 0 0.25rem; max-width: 80rem; margin: 0 auto; padding: 0 0.5rem; list-style: none; }
.console-nav a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 0.75rem; font-weight: 600;
  text-decoration: none; border-bottom: 0.25rem solid transparent; }
.console-nav a:hover { text-decoration: underline; }
.console-nav a[aria-current="page"] { border-bottom-color: #ffffff; }
.flash:empty { display: none; }
.flash .notice { margin: 1rem 0 0; font-weight: 600; }
.notice--info { border-left-color: var(--info-ink); background: var(--info-bg); }
.error-summary h2 { font-size: 1.125rem; margin: 0 0 0.25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--bad-ink); font-weight: 600; }
.optional { font-weight: 400; color: var(--muted); }
input[type="text"], input[type="email"], input[type="number"], input[type="search"], select {
  display: block; width: 100%; min-height: 2.75rem; padding: 0.375rem 0.5rem; font: inherit; color: var(--ink);
  background: #ffffff; border: 2px solid var(--field-line); border-radius: 0.375rem;
}
input[type="number"] { max-width: 9rem; }
.grid { display: grid; gap: 1rem; }
.grid--2 { grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.grid--stats { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.grid--top { align-items: start; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; margin: 0; }
.stat dt { color: var(--muted); font-weight: 600; }
.stat dd { margin: 0.25rem 0 0; font-size: 1.5rem; font-weight: 700; line-height: 1.25; }
.stat dd small { display: block; font-size: 0.9375rem; font-weight: 400; color: var(--muted); }
.section { margin: 1.5rem 0; }
.section > h2 { margin-bottom: 0.5rem; }
.table-wrap { position: relative; overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; }
.data-table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; overflow-wrap: break-word; }
.data-table caption { text-align: left; padding: 0.75rem 0.75rem 0.25rem; font-weight: 700; }
.data-table th, .data-table td { padding: 0.5rem 0.75rem; text-align: left; vertical-align: top; border-top: 1px solid var(--line); }
.data-table thead th { border-top: 0; background: var(--plain-bg); vertical-align: bottom; }
.data-table td.number, .data-table th.number { text-align: right; font-variant-numeric: tabular-nums; }
.data-table a { font-weight: 600; }
.data-table .hint, .data-table .email { overflow-wrap: anywhere; }
.filters { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 0.5rem 1rem 1rem; margin: 1rem 0; }
.filters__fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 1rem; }
.filters__fields .field--wide { grid-column: 1 / -1; }
.actions-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin-top: 0.75rem; }
.button--secondary { color: var(--accent-dark); background: #ffffff; border-color: var(--accent-dark); }
.button--secondary:hover { color: #ffffff; }
.button--danger { background: var(--bad-ink); border-color: var(--bad-ink); }
.button--danger:hover { background: #7a1712; border-color: #7a1712; }
.pager { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; padding: 0; list-style: none; }
.empty-state { background: var(--card); border: 1px dashed var(--field-line); border-radius: 0.75rem; padding: 1.25rem 1.5rem; margin: 1rem 0; }
.empty-state h2 { margin: 0 0 0.5rem; }
.action-card h2 { margin-bottom: 0.25rem; }
.danger-zone { border-color: var(--bad-ink); }
.danger-zone summary { cursor: pointer; font-weight: 700; color: var(--bad-ink); min-height: 2.75rem; display: flex; align-items: center; }
.warning-text { color: var(--bad-ink); font-weight: 700; }
.chart { margin: 1rem 0; background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; }
.chart figcaption { font-weight: 700; margin-bottom: 0.5rem; }
.chart svg { display: block; width: 100%; max-width: 52rem; height: auto; }
.chart .bar { fill: var(--accent); }
.chart .bar-label, .chart .bar-value { fill: var(--ink); font: 15px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.chart .bar-value { font-weight: 700; }
.chart .bar-track { fill: var(--plain-bg); }
.review-layout { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
.document-view { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 0.75rem; }
.document-view iframe { display: block; width: 100%; height: 70vh; min-height: 28rem; border: 1px solid var(--line); background: #ffffff; }
.document-view img { display: block; max-width: 100%; height: auto; margin: 0 auto; border: 1px solid var(--line); }
.decision-panel .card { margin-top: 0; }
.data-table .badge { white-space: normal; overflow-wrap: normal; border-radius: 0.75rem; }
.choice--inline { display: inline-flex; margin-right: 0.5rem; }
.requirement-options { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0.5rem; }
.requirement-option { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 0.5rem; padding: 0.5rem 0.75rem;
  background: #ffffff; border: 1px solid var(--field-line); border-radius: 0.5rem; }
.requirement-option .choice { border: 0; padding: 0; min-height: 2.75rem; align-items: center; }
.requirement-option .choice:has(input:checked) { box-shadow: none; }
.requirement-option:has(input[type="checkbox"]:checked) { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
.requirement-option .field-error { grid-column: 1 / -1; margin: 0; }
.requirement-option .field { margin: 0; }
.requirement-option label.override { font-weight: 400; font-size: 0.9375rem; margin: 0; }
.requirement-option input[type="number"] { width: 6rem; }
.row-errors li { margin: 0.25rem 0; }
.console progress { display: block; width: 100%; max-width: 40rem; height: 1.25rem; margin: 0.25rem 0 0.5rem; accent-color: var(--accent); }
.nowrap { white-space: nowrap; }
@media (min-width: 48rem) {
  .grid--stats { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
@media (min-width: 64rem) {
  .grid--laptop-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .review-layout { grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr); align-items: start; }
}
`;

/** The stylesheet of every console page: the shared one, then the console's additions. */
export const CONSOLE_PAGE_STYLES = PAGE_STYLES + CONSOLE_STYLES;

export const CONSOLE_PAGE_STYLES_HASH = cspHash(CONSOLE_PAGE_STYLES);
