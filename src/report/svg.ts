/**
 * Low-level SVG string helpers shared by the chart builders: coordinate formatting, approximate text
 * metrics (no DOM is available in Node), deterministic ids and the document wrapper.
 */

import { escapeXml } from './escape.ts';

/** Default font stack and sizes used by all charts (px). */
export const FONT = {
  family: 'Helvetica, Arial, "Liberation Sans", sans-serif',
  tick: 11,
  label: 12.5,
  legend: 11.5,
  title: 14.5,
  subtitle: 11.5,
  annotation: 11,
} as const;

/** Axis/text colours shared by all charts. */
export const INK = { axis: '#333333', text: '#222222', muted: '#666666', grid: '#E6E6E6', reference: '#555555' } as const;

/** Formats a pixel coordinate with at most two decimals (keeps files small and output stable). */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** Approximate advance widths (em) of Helvetica/Arial glyphs; good to a few percent for layout. */
function glyphWidth(c: string): number {
  if (' '.includes(c)) return 0.28;
  if ('iljI.,:;|!\'`'.includes(c)) return 0.24;
  if ('frt()[]{}/\\-"'.includes(c)) return 0.34;
  if ('mwMW%@'.includes(c)) return 0.86;
  if ('0123456789$#_+=<>~^±×−–*?'.includes(c)) return 0.56;
  if (c >= 'A' && c <= 'Z') return 0.68;
  if ('⁰¹²³⁴⁵⁶⁷⁸⁹⁻'.includes(c)) return 0.36;
  if (c >= 'a' && c <= 'z') return 0.53;
  return 0.6;
}

/** Estimated rendered width (px) of `text` at `fontSize` px in a Helvetica-like font. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const c of text) w += glyphWidth(c);
  return w * fontSize;
}

/** Greedy word wrap of `text` into lines no wider than `maxWidth` px (single long words stay whole). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** FNV-1a 32-bit hash of a string, as 8 hex digits (for deterministic element ids). */
export function hashString(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A deterministic id with the report prefix "fs-" (facetGrid rewrites ids with this prefix). */
export function makeId(kind: string, seed: string): string {
  return `fs-${kind}-${hashString(seed)}`;
}

/** Attribute string from a record; undefined/null/false values are skipped, values are escaped. */
export function attrs(a: Record<string, string | number | boolean | undefined | null>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    const value = typeof v === 'number' ? px(v) : v === true ? k : v;
    out += ` ${k}="${escapeXml(value)}"`;
  }
  return out;
}

/** A `<text>` element; `lines` > 1 are stacked with `lineHeight`. */
export function svgText(
  x: number,
  y: number,
  text: string | string[],
  a: Record<string, string | number | boolean | undefined | null> = {},
  lineHeight = 1.2,
): string {
  const lines = Array.isArray(text) ? text : [text];
  if (lines.length === 1) return `<text${attrs({ x, y, ...a })}>${escapeXml(lines[0])}</text>`;
  const size = typeof a['font-size'] === 'number' ? a['font-size'] : FONT.label;
  const spans = lines
    .map((l, i) => `<tspan${attrs({ x, dy: i === 0 ? 0 : size * lineHeight })}>${escapeXml(l)}</tspan>`)
    .join('');
  return `<text${attrs({ x, y, ...a })}>${spans}</text>`;
}

/** Wraps a body in a standalone `<svg>` document of the given pixel size (white background unless `background` is null). */
export function svgDocument(
  width: number,
  height: number,
  body: string,
  options: { defs?: string; background?: string | null; title?: string; className?: string } = {},
): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ class: options.className, width: w, height: h, viewBox: `0 0 ${w} ${h}` })}` +
    `${attrs({ 'font-family': FONT.family, 'font-size': FONT.tick, fill: INK.text })}>`;
  const titleEl = options.title ? `<title>${escapeXml(options.title)}</title>` : '';
  const defs = options.defs ? `<defs>${options.defs}</defs>` : '';
  const bg = options.background === null ? '' : `<rect${attrs({ width: w, height: h, fill: options.background ?? '#FFFFFF' })}/>`;
  return `${head}${titleEl}${defs}${bg}${body}</svg>`;
}

/** Reads the pixel width and height of the root element of an SVG string (from width/height, else viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('svgSize: no <svg> element found');
  const tag = open[0];
  const num = (name: string): number | null => {
    const m = new RegExp(`\\s${name}="([0-9.]+)(px)?"`).exec(tag);
    return m ? Number(m[1]) : null;
  };
  const vb = /\sviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"/.exec(tag);
  const width = num('width') ?? (vb ? Number(vb[1]) : null);
  const height = num('height') ?? (vb ? Number(vb[2]) : null);
  if (width === null || height === null) throw new Error('svgSize: root <svg> has no width/height or viewBox');
  return { width, height };
}

/** Builds a path `d` from points, starting a new subpath after each non-finite point (so NaN makes a gap). */
export function polylinePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : d ? ' M' : 'M'}${px(x)},${px(y)}`;
    pen = true;
  }
  return d;
}

/** A legend entry: swatch kind and colour plus label. */
export interface LegendItem {
  label: string;
  colour: string;
  kind: 'line' | 'band-line' | 'box' | 'marker';
  dash?: string;
}

/** Size of a vertical legend block for `items`. */
export function legendSize(items: readonly LegendItem[], fontSize: number = FONT.legend): { width: number; height: number } {
  const rowH = fontSize * 1.55;
  const swatch = 24;
  let w = 0;
  for (const it of items) w = Math.max(w, textWidth(it.label, fontSize));
  return { width: swatch + 6 + w + 4, height: items.length * rowH };
}

/** A vertical legend block whose top-left corner is (x, y). */
export function legendBlock(items: readonly LegendItem[], x: number, y: number, fontSize: number = FONT.legend): string {
  const rowH = fontSize * 1.55;
  let out = `<g class="legend">`;
  items.forEach((it, i) => {
    const cy = y + rowH * i + rowH / 2;
    out += swatchSvg(it, x, cy);
    out += svgText(x + 30, cy, it.label, { 'font-size': fontSize, dy: '0.35em' });
  });
  return `${out}</g>`;
}

/** A horizontal legend laid out within `maxWidth`, wrapping into rows, each row centred; returns the fragment and its height. */
export function legendRow(
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
  fontSize: number = FONT.legend,
): { svg: string; height: number } {
  const rowH = fontSize * 1.55;
  const itemW = (it: LegendItem): number => 30 + textWidth(it.label, fontSize) + 16;
  // Break into rows first, then centre each row.
  const rows: LegendItem[][] = [];
  let current: LegendItem[] = [];
  let used = 0;
  for (const it of items) {
    const w = itemW(it);
    if (current.length > 0 && used + w - 16 > maxWidth) {
      rows.push(current);
      current = [];
      used = 0;
    }
    current.push(it);
    used += w;
  }
  if (current.length > 0) rows.push(current);
  let out = `<g class="legend">`;
  rows.forEach((row, r) => {
    const total = row.reduce((acc, it) => acc + itemW(it), 0) - 16;
    let cx = x + Math.max(0, (maxWidth - total) / 2);
    const cy = y + rowH * r + rowH / 2;
    for (const it of row) {
      out += swatchSvg(it, cx, cy);
      out += svgText(cx + 30, cy, it.label, { 'font-size': fontSize, dy: '0.35em' });
      cx += itemW(it);
    }
  });
  return { svg: `${out}</g>`, height: rows.length * rowH };
}

function swatchSvg(it: LegendItem, x: number, cy: number): string {
  switch (it.kind) {
    case 'box':
      return `<rect${attrs({ x: x + 4, y: cy - 6, width: 16, height: 12, fill: it.colour, stroke: INK.axis, 'stroke-width': 0.6 })}/>`;
    case 'marker':
      return `<circle${attrs({ cx: x + 12, cy, r: 3.5, fill: it.colour })}/>`;
    case 'band-line':
      return (
        `<rect${attrs({ x, y: cy - 6, width: 24, height: 12, fill: it.colour, 'fill-opacity': 0.2 })}/>` +
        `<line${attrs({ x1: x, y1: cy, x2: x + 24, y2: cy, stroke: it.colour, 'stroke-width': 2, 'stroke-dasharray': it.dash })}/>`
      );
    default:
      return `<line${attrs({ x1: x, y1: cy, x2: x + 24, y2: cy, stroke: it.colour, 'stroke-width': 2, 'stroke-dasharray': it.dash })}/>`;
  }
}
