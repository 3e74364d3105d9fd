/**
 * Grids of small pictures (e.g. arm × day "photo grid" of rendered skin) given either as image data URLs
 * or as colour matrices, with row/column labels, and a continuous colour-scale legend. Output is SVG.
 * Only `data:image/…` URLs are accepted so that reports stay self-contained.
 */

import { toBase64 } from '../core/base64.ts';
import { formatLogTickLabels, formatTick, formatTickLabels, logTicks, ticksWithin } from './ticks.ts';
import { VIRIDIS_STOPS, parseHex } from './palette.ts';
import { FONT, INK, attrs, makeId, px, svgDocument, svgText, textWidth, wrapText } from './svg.ts';
import { drawTitle } from './axes.ts';

/** A grid cell: an image data URL, a colour matrix (rows × columns of CSS colours), or null for "missing". */
export type GridCell = string | readonly (readonly string[])[] | null;

/** Options for a continuous colour-scale legend. */
export interface ColorScaleOptions {
  /** Value at the first stop. */
  min: number;
  /** Value at the last stop. */
  max: number;
  /** Evenly spaced colours from min to max (default viridis). */
  stops?: readonly string[];
  label?: string;
  unit?: string;
  /** Logarithmic value axis (min, max > 0). */
  log?: boolean;
  /** Bar length and thickness in px (defaults 160 and 12). */
  length?: number;
  thickness?: number;
  /** Default "vertical". */
  orientation?: 'vertical' | 'horizontal';
  /** Desired number of ticks (default 5). */
  ticks?: number;
}

/** Options for `imageGrid`. */
export interface ImageGridOptions {
  /** cells[row][column]. */
  cells: readonly (readonly GridCell[])[];
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
  /** Title of the row dimension (e.g. "Arm"), written vertically left of the row labels. */
  rowTitle?: string;
  /** Title of the column dimension (e.g. "Day"), written above the column labels. */
  columnTitle?: string;
  title?: string;
  subtitle?: string;
  /** Cell size in px (default 120 × 120). */
  cellWidth?: number;
  cellHeight?: number;
  /** Gap between cells in px (default 6). */
  gap?: number;
  /** Render images without smoothing (nearest neighbour), for small simulation rasters. */
  pixelated?: boolean;
  /** A colour-scale legend to the right of the grid. */
  colorScale?: ColorScaleOptions;
}

/** Width/height and markup of a colour-scale legend placed at (x, y). */
function colorScaleFragment(o: ColorScaleOptions, x: number, y: number): { svg: string; defs: string; width: number; height: number } {
  const stops = o.stops && o.stops.length > 0 ? o.stops : VIRIDIS_STOPS;
  const vertical = (o.orientation ?? 'vertical') === 'vertical';
  const length = o.length ?? 160;
  const thick = o.thickness ?? 12;
  const log = (o.log ?? false) && o.min > 0 && o.max > 0;
  const lo = Math.min(o.min, o.max);
  const hi = Math.max(o.min, o.max);
  const id = makeId('scale', JSON.stringify([stops, o.min, o.max, log, vertical, length]));
  const title = o.label || o.unit ? (o.label && o.unit ? `${o.label} (${o.unit})` : (o.label ?? o.unit ?? '')) : '';
  const titleH = title ? FONT.tick * 1.2 + 6 : 0;

  let ticks: number[];
  let labels: string[];
  if (hi === lo) {
    ticks = [lo];
    labels = [formatTick(lo)];
  } else if (log) {
    ticks = logTicks(lo, hi, o.ticks ?? 5).filter((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9));
    labels = formatLogTickLabels(ticks);
  } else {
    ticks = ticksWithin(lo, hi, o.ticks ?? 5);
    labels = formatTickLabels(ticks);
  }
  const frac = (v: number): number => {
    if (hi === lo) return 0.5;
    return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
  };
  const gradStops = stops.map((c, i) => `<stop${attrs({ offset: stops.length === 1 ? 0 : i / (stops.length - 1), 'stop-color': c })}/>`).join('');
  // Colours run from min (bottom / left) to max (top / right). If min > max was given, the stops are reversed.
  const reversed = o.min > o.max;
  const grad = vertical
    ? `<linearGradient${attrs({ id, x1: 0, y1: reversed ? 0 : 1, x2: 0, y2: reversed ? 1 : 0 })}>${gradStops}</linearGradient>`
    : `<linearGradient${attrs({ id, x1: reversed ? 1 : 0, y1: 0, x2: reversed ? 0 : 1, y2: 0 })}>${gradStops}</linearGradient>`;
  const maxLabelW = Math.max(0, ...labels.map((l) => textWidth(l, FONT.tick)));
  let svg = `<g class="color-scale">`;
  if (title) svg += svgText(x, y + FONT.tick, title, { 'font-size': FONT.tick, 'font-weight': 'bold' });
  const by = y + titleH;
  if (vertical) {
    svg += `<rect${attrs({ x, y: by, width: thick, height: length, fill: `url(#${id})`, stroke: INK.axis, 'stroke-width': 0.6 })}/>`;
    ticks.forEach((t, i) => {
      const ty = by + length * (1 - frac(t));
      svg += `<line${attrs({ x1: x + thick, y1: ty, x2: x + thick + 4, y2: ty, stroke: INK.axis })}/>`;
      svg += svgText(x + thick + 6, ty, labels[i], { dy: '0.35em', 'font-size': FONT.tick });
    });
    svg += `</g>`;
    const width = Math.max(thick + 6 + maxLabelW, title ? textWidth(title, FONT.tick) : 0);
    return { svg, defs: grad, width, height: titleH + length + FONT.tick / 2 };
  }
  svg += `<rect${attrs({ x, y: by, width: length, height: thick, fill: `url(#${id})`, stroke: INK.axis, 'stroke-width': 0.6 })}/>`;
  ticks.forEach((t, i) => {
    const tx = x + length * frac(t);
    svg += `<line${attrs({ x1: tx, y1: by + thick, x2: tx, y2: by + thick + 4, stroke: INK.axis })}/>`;
    svg += svgText(tx, by + thick + 6, labels[i], { dy: '0.8em', 'text-anchor': 'middle', 'font-size': FONT.tick });
  });
  svg += `</g>`;
  const width = Math.max(length + maxLabelW, title ? textWidth(title, FONT.tick) : 0);
  return { svg, defs: grad, width, height: titleH + thick + 6 + FONT.tick * 1.3 };
}

/** Renders a standalone colour-scale legend (gradient bar with ticks and a label) as an SVG string. */
export function colorScale(options: ColorScaleOptions): string {
  const pad = 8;
  const vertical = (options.orientation ?? 'vertical') === 'vertical';
  const f = colorScaleFragment(options, pad, pad);
  // Horizontal bars have tick labels centred on their ends: leave half a label of room on each side.
  const extra = vertical ? 0 : 24;
  const g = vertical ? f.svg : `<g transform="translate(${extra} 0)">${f.svg}</g>`;
  return svgDocument(f.width + 2 * pad + 2 * extra, f.height + 2 * pad, g, { defs: f.defs, className: 'follisim-chart color-scale' });
}

/** Checks that an image reference is an inline data URL (reports must not load external resources). */
export function isImageDataUrl(href: string): boolean {
  return /^data:image\/(png|jpeg|jpg|gif|webp|bmp|svg\+xml)(;[a-z0-9=.+-]+)*(;base64)?,/i.test(href);
}

/** Parses "#rgb", "#rrggbb" or "rgb(r, g, b)" into bytes; null for other CSS colours. */
function parseColour(c: string): [number, number, number] | null {
  const hex = parseHex(c);
  if (hex) return hex;
  const m = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(c.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * Encodes a colour matrix (rows × columns of "#rrggbb"/"rgb()" colours) as an uncompressed 24-bit BMP
 * data URL, or returns null if a colour cannot be parsed. BMP needs no compressor, so this stays
 * dependency-free; the render module's PNG encoder gives smaller files where it is available.
 */
export function colourMatrixToBmpDataUrl(m: readonly (readonly string[])[]): string | null {
  const h = m.length;
  const w = Math.max(0, ...m.map((r) => r.length));
  if (h === 0 || w === 0) return null;
  const rowBytes = (w * 3 + 3) & ~3;
  const size = 54 + rowBytes * h;
  const buf = new Uint8Array(size);
  const dv = new DataView(buf.buffer);
  buf[0] = 0x42; // 'B'
  buf[1] = 0x4d; // 'M'
  dv.setUint32(2, size, true);
  dv.setUint32(10, 54, true); // pixel data offset
  dv.setUint32(14, 40, true); // BITMAPINFOHEADER
  dv.setInt32(18, w, true);
  dv.setInt32(22, h, true); // positive: bottom-up rows
  dv.setUint16(26, 1, true); // planes
  dv.setUint16(28, 24, true); // bits per pixel
  dv.setUint32(34, rowBytes * h, true);
  dv.setInt32(38, 2835, true); // 72 dpi
  dv.setInt32(42, 2835, true);
  const cache = new Map<string, [number, number, number] | null>();
  for (let r = 0; r < h; r++) {
    const row = m[r];
    const base = 54 + (h - 1 - r) * rowBytes;
    for (let c = 0; c < w; c++) {
      const colour = row[c] ?? '#FFFFFF';
      let rgb = cache.get(colour);
      if (rgb === undefined) {
        rgb = parseColour(colour);
        cache.set(colour, rgb);
      }
      if (rgb === null) return null;
      buf[base + c * 3] = rgb[2];
      buf[base + c * 3 + 1] = rgb[1];
      buf[base + c * 3 + 2] = rgb[0];
    }
  }
  return `data:image/bmp;base64,${toBase64(buf)}`;
}

/** Colour-matrix cell: a pixelated BMP image when all colours parse, otherwise rects merging horizontal runs. */
function matrixCell(m: readonly (readonly string[])[], x: number, y: number, w: number, h: number): string {
  const bmp = colourMatrixToBmpDataUrl(m);
  if (bmp) {
    return `<image${attrs({ x, y, width: w, height: h, href: bmp, preserveAspectRatio: 'none', style: 'image-rendering:pixelated;image-rendering:crisp-edges' })}/>`;
  }
  const rows = m.length;
  const cols = Math.max(0, ...m.map((r) => r.length));
  if (rows === 0 || cols === 0) return '';
  const cw = w / cols;
  const ch = h / rows;
  let out = `<g shape-rendering="crispEdges">`;
  for (let r = 0; r < rows; r++) {
    const row = m[r];
    let c = 0;
    while (c < row.length) {
      let e = c + 1;
      while (e < row.length && row[e] === row[c]) e++;
      // Overlap by a hair to avoid hairline seams between rects in anti-aliasing viewers.
      out += `<rect${attrs({ x: x + c * cw, y: y + r * ch, width: (e - c) * cw + 0.3, height: ch + 0.3, fill: row[c] })}/>`;
      c = e;
    }
  }
  return `${out}</g>`;
}

/** Renders a rows × columns grid of small images (data URLs) or colour matrices with row/column labels as an SVG string. */
export function imageGrid(options: ImageGridOptions): string {
  const o = options;
  const nR = o.cells.length;
  const nC = Math.max(0, ...o.cells.map((r) => r.length), o.columnLabels?.length ?? 0);
  const cw = o.cellWidth ?? 120;
  const ch = o.cellHeight ?? cw;
  const gap = o.gap ?? 6;
  const rowLabels = o.rowLabels ?? [];
  const colLabels = o.columnLabels ?? [];

  const rowLabelLines = rowLabels.map((l) => wrapText(l, 140, FONT.label));
  const rowLabelW = rowLabels.length ? Math.max(...rowLabelLines.flat().map((l) => textWidth(l, FONT.label))) + 10 : 0;
  const rowTitleW = o.rowTitle ? FONT.label * 1.3 + 6 : 0;
  const colLabelLines = colLabels.map((l) => wrapText(l, cw - 4, FONT.label));
  const colLabelH = colLabels.length ? Math.max(...colLabelLines.map((ls) => ls.length)) * FONT.label * 1.2 + 6 : 0;
  const colTitleH = o.columnTitle ? FONT.label * 1.3 + 4 : 0;

  const gridW = nC * cw + Math.max(0, nC - 1) * gap;
  const gridH = nR * ch + Math.max(0, nR - 1) * gap;
  const left = 10 + rowTitleW + rowLabelW;
  const scaleOpts: ColorScaleOptions | null = o.colorScale
    ? { ...o.colorScale, length: o.colorScale.length ?? Math.min(200, Math.max(80, gridH * 0.8)) }
    : null;
  const scaleFrag = scaleOpts ? colorScaleFragment(scaleOpts, 0, 0) : null;
  const rightW = scaleFrag ? scaleFrag.width + 24 : 10;
  const width = left + gridW + rightW + 4;

  const titleLines = o.title ? wrapText(o.title, width - 24, FONT.title * 1.1) : [];
  const subtitleLines = o.subtitle ? wrapText(o.subtitle, width - 20, FONT.subtitle) : [];
  const titleBlock = drawTitle(titleLines, subtitleLines, 0, width, 6);
  const top = (titleLines.length || subtitleLines.length ? titleBlock.height + 12 : 10) + colTitleH + colLabelH;
  const height = top + Math.max(gridH, scaleFrag ? scaleFrag.height : 0) + 12;

  let body = titleBlock.svg;
  if (o.columnTitle) {
    body += svgText(left + gridW / 2, top - colLabelH - 6, o.columnTitle, { 'font-size': FONT.label, 'font-weight': 'bold', 'text-anchor': 'middle', class: 'axis-title' });
  }
  colLabelLines.forEach((lines, c) => {
    if (c >= nC) return;
    const x = left + c * (cw + gap) + cw / 2;
    const y0 = top - 6 - (lines.length - 1) * FONT.label * 1.2;
    body += svgText(x, y0, lines, { 'font-size': FONT.label, 'text-anchor': 'middle', class: 'column-label' });
  });
  if (o.rowTitle) {
    const cx = 10 + FONT.label * 0.7;
    const cy = top + gridH / 2;
    body += svgText(cx, cy, o.rowTitle, {
      'font-size': FONT.label, 'font-weight': 'bold', 'text-anchor': 'middle', class: 'axis-title',
      transform: `rotate(-90 ${px(cx)} ${px(cy)})`,
    });
  }
  rowLabelLines.forEach((lines, r) => {
    if (r >= nR) return;
    const y = top + r * (ch + gap) + ch / 2 - ((lines.length - 1) * FONT.label * 1.2) / 2;
    body += svgText(left - 8, y, lines, { 'font-size': FONT.label, 'text-anchor': 'end', dy: '0.35em', class: 'row-label' });
  });

  let cells = '';
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      const cell = o.cells[r][c] ?? null;
      const x = left + c * (cw + gap);
      const y = top + r * (ch + gap);
      if (cell === null) {
        cells += `<rect${attrs({ class: 'cell-missing', x, y, width: cw, height: ch, fill: '#F2F2F2', stroke: '#DDDDDD' })}/>`;
        cells += svgText(x + cw / 2, y + ch / 2, 'n/a', { 'text-anchor': 'middle', dy: '0.35em', fill: '#999999', 'font-size': FONT.tick });
      } else if (typeof cell === 'string') {
        if (!isImageDataUrl(cell)) throw new Error(`imageGrid: cell [${r}][${c}] is not an inline data:image URL (reports must be self-contained)`);
        cells += `<image${attrs({
          class: 'cell-image',
          x, y, width: cw, height: ch,
          href: cell,
          preserveAspectRatio: 'xMidYMid meet',
          style: o.pixelated ? 'image-rendering:pixelated;image-rendering:crisp-edges' : undefined,
        })}/>`;
      } else {
        cells += `<g class="cell-matrix">${matrixCell(cell, x, y, cw, ch)}</g>`;
      }
    }
  }
  body += `<g class="cells">${cells}</g>`;
  let defs = '';
  if (scaleFrag && scaleOpts) {
    const sx = left + gridW + 20;
    const sy = top + Math.max(0, (gridH - scaleFrag.height) / 2);
    const placed = colorScaleFragment(scaleOpts, sx, sy);
    body += placed.svg;
    defs = placed.defs;
  }
  return svgDocument(width, height, body, { defs, title: o.title, className: 'follisim-chart image-grid' });
}
