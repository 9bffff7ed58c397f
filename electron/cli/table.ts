/**
 * Plain-text tables for terminals. Widths count what a terminal draws: combining marks
 * (harakat) and bidi/zero-width controls take no cell, so Arabic titles with tashkeel still
 * line up. Terminals differ in how they reorder right-to-left text; columns are kept
 * left-aligned and Arabic is printed in logical order, which is what `less`, `grep` and
 * copy-paste expect.
 */
const ZERO_WIDTH = /[\p{M}\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) if (!ZERO_WIDTH.test(ch)) width += 1;
  return width;
}

/** Cuts to `max` visible cells, ending with an ellipsis when something was cut. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let width = 0;
  let out = '';
  for (const ch of text) {
    const cell = ZERO_WIDTH.test(ch) ? 0 : 1;
    if (width + cell > max - 1) break;
    out += ch;
    width += cell;
  }
  return `${out}…`;
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
  maxWidth?: number;
}

export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string[] {
  const cells = rows.map((row) => columns.map((column) => {
    const value = column.value(row).replace(/[\r\n\t]+/g, ' ');
    return column.maxWidth ? truncateToWidth(value, column.maxWidth) : value;
  }));
  const widths = columns.map((column, index) => Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[index]!))));
  const pad = (text: string, index: number): string => {
    const fill = ' '.repeat(widths[index]! - displayWidth(text));
    return columns[index]!.align === 'right' ? fill + text : text + fill;
  };
  const render = (line: string[]): string => line.map(pad).join('  ').trimEnd();
  return [render(columns.map((column) => column.header)), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(render)];
}
