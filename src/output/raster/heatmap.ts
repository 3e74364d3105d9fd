/**
 * Heatmap images of 2-D slices: cells drawn as square blocks with a colour map, a colour bar with its max,
 * middle and min values, and optional title, unit and caption in the built-in bitmap font. Platform-neutral.
 */
import { colourAt, colourMap } from './colormap.ts';
import type { ColourMapName } from './colormap.ts';
import { drawText, GLYPH_H, textWidth } from './font.ts';
import { encodePng } from './png.ts';
import type { Slice2D } from '../../transport/slice.ts';

/** Options of `renderHeatmap`. */
export interface HeatmapOptions {
  /** Colour map (default viridis). */
  colourMap?: ColourMapName;
  /** Value drawn in the lowest colour (default: data minimum; diverging: −max|v|). */
  min?: number;
  /** Value drawn in the highest colour (default: data maximum; diverging: +max|v|). */
  max?: number;
  /** Map log10(value) instead of value (non-positive values take the lowest colour). Default false. */
  logScale?: boolean;
  /** Title drawn above the map. */
  title?: string;
  /** Unit of the values, drawn under the colour bar (e.g. "mol/m³"). */
  unit?: string;
  /** Text under the map (e.g. axes and extent). */
  caption?: string;
  /** Image pixels per cell (default: the largest integer keeping the longer side ≤ 480 px, at least 1). */
  pixelsPerCell?: number;
  /** Font scale (default 2: 10 × 14-pixel glyphs). */
  fontScale?: number;
}

/** An RGBA raster (row-major, 4 bytes per pixel). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Formats a colour-bar value compactly: 3 significant digits, exponent form outside [1e-3, 1e4). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(Number(v.toPrecision(3)));
  const [m, e] = v.toExponential(2).split('e');
  return `${String(Number(m))}e${Number(e)}`;
}

function dataRange(data: Float64Array, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : log ? [1, 10] : [0, 1];
}

/** Draws the heatmap into an RGBA raster (see `renderHeatmap`). */
export function renderHeatmapRgba(slice: Slice2D, options: HeatmapOptions = {}): RgbaImage {
  const { width: w, height: h, data } = slice;
  if (data.length !== w * h) throw new RangeError(`slice data has ${data.length} values, expected ${w} × ${h}`);
  const map = colourMap(options.colourMap ?? 'viridis');
  const log = options.logScale ?? false;
  let [lo, hi] = dataRange(data, log);
  if (map.name === 'diverging' && !log && options.min === undefined && options.max === undefined) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    [lo, hi] = [-m, m];
  }
  lo = options.min ?? lo;
  hi = options.max ?? hi;
  if (log && !(lo > 0 && hi > 0)) throw new RangeError('logScale needs a positive min and max');
  const tOf = log
    ? (v: number) => (v > 0 ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo) || 1) : 0)
    : (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);

  const fs = Math.max(1, Math.round(options.fontScale ?? 2));
  const lineH = GLYPH_H * fs;
  const ppc = Math.max(1, Math.round(options.pixelsPerCell ?? Math.max(1, Math.floor(480 / Math.max(w, h)))));
  const pad = 10;
  const titleH = options.title ? lineH + 10 : 0;
  const mapX = pad;
  const mapY = pad + titleH;
  const mapW = w * ppc;
  const mapH = h * ppc;
  const barW = 18;
  const barX = mapX + mapW + 16;
  const barH = Math.max(mapH, 3 * lineH + 12);
  const labels = [formatValue(hi), formatValue(log ? Math.sqrt(lo * hi) : (lo + hi) / 2), formatValue(lo)];
  const labelX = barX + barW + 8;
  const labelW = Math.max(...labels.map((l) => textWidth(l, fs)));
  const footH = options.caption || options.unit ? lineH + 8 : 0;
  const width = Math.max(labelX + labelW + pad, pad + textWidth(options.title ?? '', fs) + pad, barX + textWidth(options.unit ?? '', fs) + pad, mapX + textWidth(options.caption ?? '', fs) + pad);
  const height = mapY + Math.max(mapH, barH) + footH + pad;
  const rgba = new Uint8Array(width * height * 4).fill(255);

  const put = (x: number, y: number, rgb: readonly [number, number, number]) => {
    const o = 4 * (y * width + x);
    rgba[o] = rgb[0];
    rgba[o + 1] = rgb[1];
    rgba[o + 2] = rgb[2];
    rgba[o + 3] = 255;
  };
  const rect = (x0: number, y0: number, rw: number, rh: number, rgb: readonly [number, number, number]) => {
    for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) put(x, y, rgb);
  };
  const frame = (x0: number, y0: number, rw: number, rh: number) => {
    const g: [number, number, number] = [60, 60, 60];
    rect(x0 - 1, y0 - 1, rw + 2, 1, g);
    rect(x0 - 1, y0 + rh, rw + 2, 1, g);
    rect(x0 - 1, y0 - 1, 1, rh + 2, g);
    rect(x0 + rw, y0 - 1, 1, rh + 2, g);
  };

  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const v = data[r * w + c];
      const rgb = Number.isFinite(v) ? colourAt(map, tOf(v)) : ([160, 160, 160] as [number, number, number]);
      rect(mapX + c * ppc, mapY + r * ppc, ppc, ppc, rgb);
    }
  }
  frame(mapX, mapY, mapW, mapH);
  for (let y = 0; y < barH; y++) {
    const t = barH > 1 ? 1 - y / (barH - 1) : 0.5;
    rect(barX, mapY + y, barW, 1, colourAt(map, t));
  }
  frame(barX, mapY, barW, barH);
  const ink: [number, number, number] = [20, 20, 20];
  // Labels sit level with the bar's top, middle and bottom (no tick marks: a tick beside a number reads as a minus).
  const labelY = [mapY, mapY + Math.round((barH - lineH) / 2), mapY + barH - lineH];
  for (let i = 0; i < 3; i++) drawText(rgba, width, height, labelX, labelY[i], labels[i], ink, fs);
  if (options.title) drawText(rgba, width, height, pad, pad, options.title, ink, fs);
  const footY = mapY + Math.max(mapH, barH) + 8;
  if (options.caption) drawText(rgba, width, height, mapX, footY, options.caption, ink, fs);
  if (options.unit) drawText(rgba, width, height, barX, footY, options.unit, ink, fs);
  return { width, height, rgba };
}

/** Renders a 2-D slice as a PNG heatmap with a colour bar and min/middle/max labels; returns the file bytes. */
export function renderHeatmap(slice: Slice2D, options: HeatmapOptions = {}): Uint8Array {
  const img = renderHeatmapRgba(slice, options);
  return encodePng(img.width, img.height, img.rgba);
}
