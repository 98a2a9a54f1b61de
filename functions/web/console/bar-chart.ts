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

/** Room for the bars themselves and the number after the longest one (SVG units, about px at 15px text). */
const BAR_SPACE = 360;
const VALUE_WIDTH = 70;
/** A generous average width of one character of the labels. */
const CHARACTER_WIDTH = 8.5;
const ROW = 34;
const BAR = 22;

/**
 * A horizontal bar chart drawn on the server as SVG: every bar carries its label and its number,
 * so it reads without colour, and the SVG is one image (`role="img"`) whose `aria-label` says
 * every label and number. Pages show the same numbers in a table too.
 */
export const barChart = (options: BarChartOptions): SafeHtml => {
  const max = Math.max(1, ...options.bars.map((bar) => bar.value));
  const longest = Math.max(0, ...options.bars.map((bar) => bar.label.length));
  const labelWidth = Math.ceil(Math.max(120, longest * CHARACTER_WIDTH + 16));
  const chartWidth = labelWidth + BAR_SPACE + VALUE_WIDTH;
  const barSpace = BAR_SPACE;
  const height = Math.max(1, options.bars.length) * ROW + 8;
  const summary = `${options.caption}: ${options.bars.map((bar) => `${bar.label} ${displayCount(bar.value)}`).join(', ')}.`;
  const rows = options.bars.map((bar, index) => {
    const top = 4 + index * ROW;
    const barWidth = Math.round((bar.value / max) * barSpace);
    const middle = top + BAR / 2 + 5;
    return html`<text class="bar-label" x="${labelWidth - 10}" y="${middle}" text-anchor="end">${bar.label}</text>
<rect class="bar-track" x="${labelWidth}" y="${top}" width="${barSpace}" height="${BAR}"></rect>
<rect class="bar" x="${labelWidth}" y="${top}" width="${barWidth}" height="${BAR}"></rect>
<text class="bar-value" x="${labelWidth + barWidth + 8}" y="${middle}">${displayCount(bar.value)}</text>`;
  });
  return html`<figure class="chart" aria-labelledby="${options.id}-caption">
<figcaption id="${options.id}-caption">${options.caption}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${chartWidth} ${height}" role="img" aria-label="${summary}" focusable="false">
${rows}
</svg>
</figure>`;
};
