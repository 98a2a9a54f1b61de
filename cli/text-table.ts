/** Plain-text tables and aligned `label  value` blocks for terminal output. */
import { printable } from './printable-text.js';

export interface TableOptions {
  /** Longer cells are cut with an ellipsis. */
  maxCellWidth?: number;
}

const DEFAULT_MAX_CELL_WIDTH = 60;
const GAP = '  ';

/** A header, a rule under it, then the rows; columns left-aligned, no trailing spaces. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const maxWidth = options.maxCellWidth ?? DEFAULT_MAX_CELL_WIDTH;
  const cells = [headers, ...rows].map((row) =>
    headers.map((_, column) => fitToWidth(row[column] ?? '', maxWidth)),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(GAP)
      .trimEnd();
  const [head = [], ...body] = cells;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** `Label    value` lines with the values aligned; entries without a value are left out. */
export function formatFields(entries: readonly (readonly [string, string | undefined])[]): string {
  const present = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  const width = Math.max(0, ...present.map(([label]) => label.length));
  return present
    .map(([label, value]) => `${label.padEnd(width)}${GAP}${printable(value)}`.trimEnd())
    .join('\n');
}

function fitToWidth(text: string, maxWidth: number): string {
  const clean = printable(text);
  return clean.length <= maxWidth ? clean : `${clean.slice(0, maxWidth - 1)}…`;
}
