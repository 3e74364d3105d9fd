/**
 * Tables: an HTML table builder and plain-text / Markdown formatters for terminals and logs. Numbers
 * are formatted to a given number of significant digits; numeric columns are right-aligned.
 */

import { escapeHtml, formatNumber } from './escape.ts';

/** A table cell value. null/undefined print as an en dash. */
export type CellValue = string | number | boolean | null | undefined;

/** A row: positional values, or a record read by each column's `key`. */
export type TableRow = readonly CellValue[] | Readonly<Record<string, CellValue>>;

/** A column definition (a bare string is shorthand for `{ header }`). */
export interface TableColumn {
  header: string;
  /** Property read from record rows (default: the header). Positional rows use the column index. */
  key?: string;
  /** Unit shown after the header in parentheses. */
  unit?: string;
  /** Significant digits for numbers in this column (default: the table's `digits`). */
  digits?: number;
  /** Default: right for columns whose values are all numbers, otherwise left. */
  align?: 'left' | 'right' | 'center';
  /** Custom formatter; its output is escaped like any other text. */
  format?: (value: CellValue) => string;
}

/** Options shared by the HTML, text and Markdown tables. */
export interface TableOptions {
  columns: readonly (TableColumn | string)[];
  rows: readonly TableRow[];
  caption?: string;
  /** Significant digits for numbers (default 3). */
  digits?: number;
  /** A note printed under the table. */
  footnote?: string;
}

/** Formats one cell value as text: numbers to `digits` significant digits, null/undefined as "–". */
export function formatCell(value: CellValue, digits = 3): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value, digits);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

interface Resolved {
  columns: TableColumn[];
  cells: string[][];
  align: ('left' | 'right' | 'center')[];
  headers: string[];
}

function resolve(o: TableOptions): Resolved {
  const columns = o.columns.map((c): TableColumn => (typeof c === 'string' ? { header: c } : c));
  const digits = o.digits ?? 3;
  const raw: CellValue[][] = o.rows.map((row) =>
    columns.map((col, j) => {
      if (Array.isArray(row)) return (row as readonly CellValue[])[j];
      const rec = row as Readonly<Record<string, CellValue>>;
      return rec[col.key ?? col.header];
    }),
  );
  const cells = raw.map((r) => r.map((v, j) => (columns[j].format ? columns[j].format(v) : formatCell(v, columns[j].digits ?? digits))));
  const align = columns.map((col, j) => {
    if (col.align) return col.align;
    const present = raw.map((r) => r[j]).filter((v) => v !== null && v !== undefined);
    return present.length > 0 && present.every((v) => typeof v === 'number') ? 'right' : 'left';
  });
  const headers = columns.map((c) => (c.unit ? `${c.header} (${c.unit})` : c.header));
  return { columns, cells, align, headers };
}

/** Builds an HTML `<table>` (escaped text, numeric columns right-aligned with tabular figures). */
export function htmlTable(options: TableOptions): string {
  const t = resolve(options);
  const style = (a: string): string => (a === 'left' ? '' : ` style="text-align:${a}"`);
  let out = `<table class="follisim-table">`;
  if (options.caption) out += `<caption>${escapeHtml(options.caption)}</caption>`;
  out += '<thead><tr>';
  t.columns.forEach((c, j) => {
    const unit = c.unit ? ` <span class="unit">(${escapeHtml(c.unit)})</span>` : '';
    out += `<th scope="col" style="text-align:${t.align[j]}">${escapeHtml(c.header)}${unit}</th>`;
  });
  out += '</tr></thead><tbody>';
  for (const row of t.cells) {
    out += '<tr>';
    row.forEach((cell, j) => {
      out += `<td${style(t.align[j])}${t.align[j] === 'right' ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`;
    });
    out += '</tr>';
  }
  out += '</tbody>';
  if (options.footnote) out += `<tfoot><tr><td colspan="${t.columns.length}" class="footnote">${escapeHtml(options.footnote)}</td></tr></tfoot>`;
  return `${out}</table>`;
}

/** Display width of a string in a monospace terminal (code points; combining marks count zero). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) w++;
  return w;
}

function pad(s: string, width: number, align: 'left' | 'right' | 'center'): string {
  const gap = Math.max(0, width - displayWidth(s));
  if (align === 'right') return ' '.repeat(gap) + s;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + s + ' '.repeat(gap - Math.floor(gap / 2));
  return s + ' '.repeat(gap);
}

/** Formats a plain-text table with aligned columns and a rule under the header (for terminals and logs). */
export function textTable(options: TableOptions): string {
  const t = resolve(options);
  const clean = (s: string): string => s.replace(/[\r\n\t]+/g, ' ');
  const headers = t.headers.map(clean);
  const cells = t.cells.map((r) => r.map(clean));
  const widths = headers.map((h, j) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[j]))));
  const line = (r: string[]): string => r.map((c, j) => pad(c, widths[j], t.align[j])).join('  ').replace(/\s+$/, '');
  const lines: string[] = [];
  if (options.caption) lines.push(clean(options.caption));
  lines.push(line(headers));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells) lines.push(line(r));
  if (options.footnote) lines.push(clean(options.footnote));
  return lines.join('\n');
}

/** Formats a GitHub-flavoured Markdown table (pipes in cells are escaped; alignment row from column alignment). */
export function markdownTable(options: TableOptions): string {
  const t = resolve(options);
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const headers = t.headers.map(esc);
  const cells = t.cells.map((r) => r.map(esc));
  const widths = headers.map((h, j) => Math.max(3, displayWidth(h), ...cells.map((r) => displayWidth(r[j]))));
  const row = (r: string[]): string => `| ${r.map((c, j) => pad(c, widths[j], t.align[j])).join(' | ')} |`;
  const rule = `|${widths
    .map((w, j) => {
      const a = t.align[j];
      if (a === 'right') return ` ${'-'.repeat(w - 1)}: `;
      if (a === 'center') return ` :${'-'.repeat(w - 2)}: `;
      return ` ${'-'.repeat(w)} `;
    })
    .join('|')}|`;
  const lines: string[] = [];
  if (options.caption) lines.push(`**${esc(options.caption)}**`, '');
  lines.push(row(headers), rule, ...cells.map(row));
  if (options.footnote) lines.push('', esc(options.footnote));
  return lines.join('\n');
}
