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
