/**
 * Self-contained HTML reports: one string with inline CSS and inline SVG figures, no external resources,
 * readable on screen and in print, with a metadata block (seed, version, date, …) for provenance.
 */

import { escapeHtml } from './escape.ts';
import { formatCell, htmlTable, type CellValue, type TableOptions } from './table.ts';

/** One report section: a heading followed by any of text, raw HTML, an SVG figure and a table (in that order). */
export interface ReportSection {
  heading: string;
  /** Anchor id (default: a slug of the heading). */
  id?: string;
  /** Plain text, escaped; blank lines separate paragraphs. */
  text?: string;
  /** Trusted HTML fragment inserted as is (checked for external resources). */
  html?: string;
  /** Trusted SVG markup shown as a figure (checked for external resources). */
  svg?: string;
  /** A table built with `htmlTable`. */
  table?: TableOptions;
  /** Caption under the figure (or above the table when there is no figure). */
  caption?: string;
}

/** Options for `htmlReport`. */
export interface HtmlReportOptions {
  title: string;
  subtitle?: string;
  sections: readonly ReportSection[];
  /** Provenance shown in a block under the title, e.g. { seed, version, date, scenario }. */
  metadata?: Readonly<Record<string, CellValue>>;
  /** Table of contents (default: when there are 4 or more sections). */
  toc?: boolean;
  /** Text in the page footer. */
  footer?: string;
  /** Permit references to external resources in `html`/`svg` (default false: they throw). */
  allowExternal?: boolean;
}

const EXTERNAL_PATTERNS: readonly RegExp[] = [
  /\b(?:src|srcset|poster|background|data)\s*=\s*["']?\s*(?:https?:|ftp:)?\/\//gi,
  /<link\b/gi,
  /url\(\s*["']?\s*(?:https?:|ftp:)?\/\//gi,
  /@import\b/gi,
  /<(?:image|use|feImage|script|iframe|embed|object)\b[^>]*?\b(?:xlink:)?(?:href|src|data)\s*=\s*["']?\s*(?:https?:|ftp:)?\/\//gi,
];

/** Lists references to external resources (remote src/href of loaded content, `<link>`, CSS url()/@import) in markup. */
export function findExternalResources(markup: string): string[] {
  const hits: string[] = [];
  for (const re of EXTERNAL_PATTERNS) {
    for (const m of markup.matchAll(re)) hits.push(m[0].slice(0, 120));
  }
  return hits;
}

/** A URL-fragment-safe slug of a heading ("Hair density (cm⁻²)" → "hair-density-cm"). */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'section';
}

const CSS = `
:root { --ink: #1f2328; --muted: #5f6670; --rule: #d8dde3; --accent: #0072B2; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "Liberation Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 32px 48px; }
header.report-header { border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 18px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 4px; }
p.subtitle { color: var(--muted); font-size: 1.05rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
p { margin: 0 0 10px; }
dl.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0 0;
  font-size: 0.86rem; background: var(--bg-soft); border: 1px solid var(--rule); border-radius: 4px; padding: 8px 12px; }
dl.metadata dt { color: var(--muted); }
dl.metadata dd { margin: 0; font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; overflow-wrap: anywhere; }
nav.toc { font-size: 0.92rem; margin: 8px 0 0; }
nav.toc ol { margin: 4px 0 0; padding-left: 22px; }
nav.toc a { color: var(--accent); text-decoration: none; }
figure { margin: 12px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 6px; text-align: center; }
.table-wrap { overflow-x: auto; margin: 10px 0 18px; break-inside: avoid; page-break-inside: avoid; }
table.follisim-table { border-collapse: collapse; font-size: 0.9rem; margin: 0 auto; font-variant-numeric: tabular-nums; }
table.follisim-table caption { caption-side: top; text-align: left; font-size: 0.88rem; color: var(--muted); padding-bottom: 6px; }
table.follisim-table th, table.follisim-table td { padding: 4px 12px; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.follisim-table thead th { border-bottom: 1.5px solid var(--ink); border-top: 1.5px solid var(--ink); font-weight: 600; white-space: nowrap; }
table.follisim-table tbody tr:last-child td { border-bottom: 1.5px solid var(--ink); }
table.follisim-table td.num { white-space: nowrap; }
table.follisim-table .unit { color: var(--muted); font-weight: 400; }
table.follisim-table td.footnote { border: 0; font-size: 0.82rem; color: var(--muted); padding-top: 6px; }
footer.report-footer { margin-top: 40px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.82rem; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  dl.metadata { background: none; }
}
`.trim();

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Builds a single self-contained HTML document (inline CSS, inline SVG, escaped text, metadata block). */
export function htmlReport(options: HtmlReportOptions): string {
  const o = options;
  const used = new Set<string>();
  const ids = o.sections.map((s) => {
    const base = s.id ? slugify(s.id) : slugify(s.heading);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });

  if (!o.allowExternal) {
    o.sections.forEach((s) => {
      const hits = [...findExternalResources(s.html ?? ''), ...findExternalResources(s.svg ?? '')];
      if (hits.length > 0) {
        throw new Error(`htmlReport: section "${s.heading}" references external resources (${hits.join(', ')}); reports must be self-contained`);
      }
    });
  }

  const parts: string[] = [];
  parts.push('<!DOCTYPE html>');
  parts.push('<html lang="en">');
  parts.push('<head>');
  parts.push('<meta charset="utf-8">');
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<title>${escapeHtml(o.title)}</title>`);
  parts.push(`<style>\n${CSS}\n</style>`);
  parts.push('</head>');
  parts.push('<body>');
  parts.push('<main>');
  parts.push('<header class="report-header">');
  parts.push(`<h1>${escapeHtml(o.title)}</h1>`);
  if (o.subtitle) parts.push(`<p class="subtitle">${escapeHtml(o.subtitle)}</p>`);
  const meta = Object.entries(o.metadata ?? {});
  if (meta.length > 0) {
    parts.push('<dl class="metadata">');
    for (const [k, v] of meta) {
      const value = typeof v === 'number' ? String(v) : formatCell(v);
      parts.push(`<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(value)}</dd>`);
    }
    parts.push('</dl>');
  }
  if (o.toc ?? o.sections.length >= 4) {
    parts.push('<nav class="toc"><strong>Contents</strong><ol>');
    o.sections.forEach((s, i) => parts.push(`<li><a href="#${escapeHtml(ids[i])}">${escapeHtml(s.heading)}</a></li>`));
    parts.push('</ol></nav>');
  }
  parts.push('</header>');

  o.sections.forEach((s, i) => {
    parts.push(`<section id="${escapeHtml(ids[i])}">`);
    parts.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (s.text) parts.push(paragraphs(s.text));
    if (s.html) parts.push(s.html);
    if (s.svg) {
      const caption = s.caption ? `<figcaption>${escapeHtml(s.caption)}</figcaption>` : '';
      parts.push(`<figure>${s.svg}${caption}</figure>`);
    }
    if (s.table) {
      const table = s.caption && !s.svg && !s.table.caption ? { ...s.table, caption: s.caption } : s.table;
      parts.push(`<div class="table-wrap">${htmlTable(table)}</div>`);
    }
    parts.push('</section>');
  });

  if (o.footer) parts.push(`<footer class="report-footer">${escapeHtml(o.footer)}</footer>`);
  parts.push('</main>');
  parts.push('</body>');
  parts.push('</html>');
  return `${parts.join('\n')}\n`;
}
