/**
 * Builders for grids over two categorical axes: numeric heatmaps with a colour ramp, and grids of raster
 * pictures (the photos of a study, arm by day). The pictures themselves are made in src/output/raster/.
 */

import * as Plot from '@observablehq/plot';
import { axisTitle, type HeatmapSpec, type ImageGridSpec } from './spec.ts';
import { cat, distinct, num, type Draft } from './common.ts';

/** Cells coloured by a numeric field (viridis by default), axes in order of first appearance. */
export function heatmapDraft(spec: HeatmapSpec): Draft {
  const { data, x, y, fill } = spec;
  const ramp: Plot.ScaleOptions = {
    type: fill.log ? 'log' : 'linear',
    scheme: (fill.scheme ?? 'viridis') as Plot.ColorScheme,
    label: axisTitle(fill),
    ...(fill.domain ? { domain: fill.domain } : {}),
    ...(fill.zero ? { zero: true } : {}),
  };
  const marks: Plot.Markish[] = [Plot.cell(data, { x: cat(x.field), y: cat(y.field), fill: num(fill.field), inset: 0.5 })];
  const longest = Math.max(0, ...distinct(data, y.field).map((l) => l.length));
  return {
    plot: {
      x: { type: 'band', domain: distinct(data, x.field), label: axisTitle(x), labelAnchor: 'center', labelArrow: 'none' },
      y: { type: 'band', domain: distinct(data, y.field), label: axisTitle(y), labelAnchor: 'center', labelArrow: 'none' },
      color: ramp,
      marks,
      marginLeft: Math.min(240, 40 + longest * 6.2),
    },
    ramp: { scale: ramp, extent: extentOf(data.map(num(fill.field))) },
  };
}

/** Finite min and max of values ([0, 1] when there are none). */
function extentOf(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** True for inline raster data URLs, the only pictures a self-contained report may hold. */
export function isImageDataUrl(s: unknown): s is string {
  return typeof s === 'string' && /^data:image\/(png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=]+$/.test(s);
}

/** A rows × columns grid of pictures with row and column labels; missing pictures show as "n/a" cells. */
export function imageGridDraft(spec: ImageGridSpec): Draft {
  const { data, x, y, src } = spec;
  const cw = spec.cellWidth ?? 120;
  const ch = spec.cellHeight ?? cw;
  const columns = distinct(data, x.field);
  const rows = distinct(data, y.field);
  data.forEach((r, i) => {
    const v = r[src];
    if (v !== null && v !== undefined && !isImageDataUrl(v)) throw new Error(`images chart: row ${i} field "${src}" is not an inline data:image URL (reports must be self-contained)`);
  });
  const present = data.filter((r) => isImageDataUrl(r[src]));
  const missing = [...rows.flatMap((rv) => columns.map((cv) => ({ rv, cv })))].filter(
    ({ rv, cv }) => !present.some((r) => cat(y.field)(r) === rv && cat(x.field)(r) === cv),
  );
  const gap = 6;
  const longest = Math.max(0, ...rows.map((l) => l.length));
  const marginLeft = Math.min(220, 36 + longest * 6.6);
  const marginTop = 44;
  const width = marginLeft + columns.length * (cw + gap) + 12;
  const bodyHeight = marginTop + rows.length * (ch + gap) + 10;
  const marks: Plot.Markish[] = [
    Plot.cell(missing, { x: 'cv', y: 'rv', fill: '#F2F2F2', stroke: '#DDDDDD', inset: gap / 2 }),
    Plot.text(missing, { x: 'cv', y: 'rv', text: () => 'n/a', fill: '#999999' }),
    Plot.image(present, { x: cat(x.field), y: cat(y.field), src: (r) => String(r[src]), width: cw, height: ch, preserveAspectRatio: 'xMidYMid meet', imageRendering: 'pixelated' }),
  ];
  return {
    plot: {
      x: { type: 'band', domain: columns, axis: 'top', label: axisTitle(x), labelAnchor: 'center', labelArrow: 'none', tickSize: 0, padding: gap / (cw + gap) },
      y: { type: 'band', domain: rows, label: axisTitle(y), labelAnchor: 'center', labelArrow: 'none', tickSize: 0, padding: gap / (ch + gap) },
      marks,
      marginLeft,
      marginTop,
      marginBottom: 10,
      marginRight: 12,
    },
    size: { width, height: bodyHeight },
  };
}
