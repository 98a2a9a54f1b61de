import { html, type SafeHtml } from '../html.js';
import { displayCount } from './duration-display.js';

/** One bar: what it counts and how many. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

export interface BarChartOptions {
  /** Unique on the page (used for the caption's id). */
  readonly id: string;
  /** What the chart shows ("Placements by status"); the figure's caption and the start of its spoken summary. */
  readonly caption: string;
  readonly bars: readonly ChartBar[];
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const ROW = 34;
const BAR = 22;

/**
 * A horizontal bar chart drawn on the server as SVG: every bar carries its label and its number,
 * so it reads without colour, and the SVG is one image (`role="img"`) whose `aria-label` says
 * every label and number. Pages show the same numbers in a table too.
 */
export const barChart = (options: BarChartOptions): SafeHtml => {
  const max = Math.max(1, ...options.bars.map((bar) => bar.value));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, options.bars.length) * ROW + 8;
  const summary = `${options.caption}: ${options.bars.map((bar) => `${bar.label} ${displayCount(bar.value)}`).join(', ')}.`;
  const rows = options.bars.map((bar, index) => {
    const top = 4 + index * ROW;
    const width = Math.round((bar.value / max) * barSpace);
    const middle = top + BAR / 2 + 5;
    return html`<text class="bar-label" x="${LABEL_WIDTH - 10}" y="${middle}" text-anchor="end">${bar.label}</text>
<rect class="bar-track" x="${LABEL_WIDTH}" y="${top}" width="${barSpace}" height="${BAR}"></rect>
<rect class="bar" x="${LABEL_WIDTH}" y="${top}" width="${width}" height="${BAR}"></rect>
<text class="bar-value" x="${LABEL_WIDTH + width + 8}" y="${middle}">${displayCount(bar.value)}</text>`;
  });
  return html`<figure class="chart" aria-labelledby="${options.id}-caption">
<figcaption id="${options.id}-caption">${options.caption}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${summary}" focusable="false">
${rows}
</svg>
</figure>`;
};
