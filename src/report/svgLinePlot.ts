/**
 * Line charts with optional uncertainty bands, reference lines and log-y, plus a small-multiples
 * layout (`facetGrid`). Output is a standalone SVG string; non-finite points leave gaps in lines.
 */

import { axisTitle, drawTitle, drawXAxis, drawYAxis, fitTickCount, linearAxis, logAxis, type AxisTicks, type PlotRect } from './axes.ts';
import { OKABE_ITO, paletteColour } from './palette.ts';
import {
  FONT,
  INK,
  attrs,
  legendBlock,
  legendRow,
  legendSize,
  makeId,
  polylinePath,
  px,
  svgDocument,
  svgSize,
  svgText,
  textWidth,
  wrapText,
  type LegendItem,
} from './svg.ts';
import { linearScale, logScale, type Scale } from './ticks.ts';

/** One line, with an optional band (e.g. mean ± SD or a 95 % CI) drawn behind it. */
export interface LineSeries {
  /** x values (same length as y). */
  x: ArrayLike<number>;
  /** y values; NaN/±Infinity (and ≤ 0 on a log axis) leave a gap. */
  y: ArrayLike<number>;
  /** Lower edge of the band (optional; needs yHigh). */
  yLow?: ArrayLike<number>;
  /** Upper edge of the band (optional; needs yLow). */
  yHigh?: ArrayLike<number>;
  /** Legend label. */
  label: string;
  /** CSS colour; defaults to the palette colour for the series index. */
  colour?: string;
  /** SVG stroke-dasharray, e.g. "5 3". */
  dash?: string;
  /** Line width in px (default 2). */
  lineWidth?: number;
  /** Draw a marker at every finite point. */
  markers?: boolean;
  /** Band fill opacity (default 0.18). */
  bandOpacity?: number;
}

/** A labelled reference line across the plot (e.g. a target value or a treatment start). */
export interface ReferenceLine {
  /** Position in data units (y for horizontal lines, x for vertical lines). */
  value: number;
  label?: string;
  colour?: string;
  /** stroke-dasharray (default "6 4"). */
  dash?: string;
}

/** Where the legend goes: outside right, below the plot, inside a top corner, or nowhere. */
export type LegendPosition = 'right' | 'bottom' | 'top-left' | 'top-right' | 'none';

/** Options for `lineChart`. */
export interface LineChartOptions {
  series: readonly LineSeries[];
  title?: string;
  subtitle?: string;
  xLabel?: string;
  /** Unit shown in parentheses after the x label. */
  xUnit?: string;
  yLabel?: string;
  yUnit?: string;
  /** Total SVG size in px (default 640 × 400). */
  width?: number;
  height?: number;
  /** Base-10 log y axis. */
  logY?: boolean;
  /** Fixed axis extents; otherwise from data (and bands, reference lines). */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** Desired tick counts (reduced automatically if labels would overlap). Defaults 6 and 5. */
  xTicks?: number;
  yTicks?: number;
  /** Extend the axis to nice tick values (default: x false, y true). */
  niceX?: boolean;
  niceY?: boolean;
  /** Include y = 0 in the automatic y domain (linear axes only). */
  includeZeroY?: boolean;
  /** Horizontal reference lines at y values. */
  referenceLines?: readonly ReferenceLine[];
  /** Vertical reference lines at x values. */
  verticalLines?: readonly ReferenceLine[];
  /** Legend placement (default "right" when there are 2+ labelled series, else "none"). */
  legend?: LegendPosition;
  /** Light horizontal gridlines at y ticks (default true). */
  grid?: boolean;
  /** Categorical palette (default Okabe–Ito). */
  palette?: readonly string[];
  /** Id stem for clip paths (default: a hash of the content). */
  id?: string;
}

interface Extent {
  lo: number;
  hi: number;
}

function extend(e: Extent, v: number, positiveOnly: boolean): void {
  if (!Number.isFinite(v) || (positiveOnly && !(v > 0))) return;
  if (v < e.lo) e.lo = v;
  if (v > e.hi) e.hi = v;
}

function dataExtents(o: LineChartOptions): { x: Extent; y: Extent } {
  const x: Extent = { lo: Infinity, hi: -Infinity };
  const y: Extent = { lo: Infinity, hi: -Infinity };
  const log = o.logY ?? false;
  for (const s of o.series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const xi = s.x[i];
      if (!Number.isFinite(xi)) continue;
      let used = false;
      if (Number.isFinite(s.y[i]) && (!log || s.y[i] > 0)) {
        extend(y, s.y[i], log);
        used = true;
      }
      if (s.yLow && s.yHigh && i < s.yLow.length && i < s.yHigh.length) {
        if (Number.isFinite(s.yHigh[i]) && Number.isFinite(s.yLow[i])) {
          extend(y, s.yHigh[i], log);
          extend(y, s.yLow[i], log);
          used = used || !log || s.yHigh[i] > 0;
        }
      }
      if (used) extend(x, xi, false);
    }
  }
  for (const r of o.referenceLines ?? []) extend(y, r.value, log);
  for (const r of o.verticalLines ?? []) extend(x, r.value, false);
  return { x, y };
}

/** Builds the band polygon(s) for one series: one closed subpath per run of finite (x, low, high). */
function bandPath(xs: number[], lows: number[], highs: number[]): string {
  let d = '';
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0 || end - start < 1) {
      start = -1;
      return;
    }
    let seg = `M${px(xs[start])},${px(highs[start])}`;
    for (let i = start + 1; i <= end; i++) seg += `L${px(xs[i])},${px(highs[i])}`;
    for (let i = end; i >= start; i--) seg += `L${px(xs[i])},${px(lows[i])}`;
    d += (d ? ' ' : '') + `${seg}Z`;
    start = -1;
  };
  for (let i = 0; i < xs.length; i++) {
    const ok = Number.isFinite(xs[i]) && Number.isFinite(lows[i]) && Number.isFinite(highs[i]);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) flush(i - 1);
  }
  if (start >= 0) flush(xs.length - 1);
  return d;
}

/** Renders a line chart (several series, optional bands, reference lines, log-y, legend) as a standalone SVG string. */
export function lineChart(options: LineChartOptions): string {
  const o = options;
  const width = o.width ?? 640;
  const height = o.height ?? 400;
  const logY = o.logY ?? false;
  const palette = o.palette ?? OKABE_ITO;
  const series = o.series;
  const colours = series.map((s, i) => s.colour ?? paletteColour(i, palette));
  // Without an explicit id, a placeholder is replaced at the end by a hash of the finished chart, so two
  // charts share a clip-path id only when they are identical (ids are global in an HTML page).
  const PLACEHOLDER = 'fs-line-@id@';
  const clipId = o.id ? `${o.id.startsWith('fs-') ? o.id : `fs-${o.id}`}-clip` : `${PLACEHOLDER}-clip`;

  // ---- domains ----
  const ext = dataExtents(o);
  const hasData = Number.isFinite(ext.x.lo) && Number.isFinite(ext.y.lo);
  let xMin = o.xDomain?.[0] ?? (hasData ? ext.x.lo : 0);
  let xMax = o.xDomain?.[1] ?? (hasData ? ext.x.hi : 1);
  if (xMin > xMax) [xMin, xMax] = [xMax, xMin];
  let yMin = o.yDomain?.[0] ?? (hasData ? ext.y.lo : logY ? 1 : 0);
  let yMax = o.yDomain?.[1] ?? (hasData ? ext.y.hi : logY ? 10 : 1);
  if (yMin > yMax) [yMin, yMax] = [yMax, yMin];
  if (!logY && (o.includeZeroY ?? false) && !o.yDomain) {
    yMin = Math.min(0, yMin);
    yMax = Math.max(0, yMax);
  }
  if (logY) {
    if (!(yMin > 0)) yMin = yMax > 0 ? yMax / 10 : 1;
    if (!(yMax > 0)) yMax = yMin * 10;
    if (yMax === yMin) {
      yMin /= 2;
      yMax *= 2;
    }
  }
  const niceX = o.niceX ?? false;
  const niceY = (o.niceY ?? true) && !o.yDomain;
  const buildX = (c: number): { domain: [number, number]; ticks: AxisTicks } =>
    o.xDomain ? linearAxis(xMin, xMax, c, false) : linearAxis(xMin, xMax, c, niceX);
  const buildY = (c: number): { domain: [number, number]; ticks: AxisTicks } =>
    logY ? logAxis(yMin, yMax, c, niceY) : linearAxis(yMin, yMax, c, niceY);

  // ---- legend ----
  const legendItems: LegendItem[] = series
    .map((s, i): LegendItem => ({ label: s.label, colour: colours[i], kind: s.yLow && s.yHigh ? 'band-line' : 'line', dash: s.dash }))
    .filter((it) => it.label.length > 0);
  const legend: LegendPosition = o.legend ?? (legendItems.length >= 2 ? 'right' : 'none');
  const showLegend = legend !== 'none' && legendItems.length > 0;

  // ---- margins ----
  const yTickCount0 = o.yTicks ?? 5;
  const xTickCount0 = o.xTicks ?? 6;
  // y tick labels at the desired count decide the left margin (fewer ticks never have wider labels here).
  const yGuess = buildY(yTickCount0);
  const maxYLabel = Math.max(0, ...yGuess.ticks.labels.map((l) => textWidth(l, FONT.tick)));
  const yTitle = axisTitle(o.yLabel, o.yUnit);
  const xTitle = axisTitle(o.xLabel, o.xUnit);
  const left = 10 + (yTitle ? FONT.label * 1.2 + 8 : 0) + maxYLabel + 9;
  let right = 14;
  const lgSize = showLegend ? legendSize(legendItems) : { width: 0, height: 0 };
  if (showLegend && legend === 'right') right = Math.max(right, lgSize.width + 26);
  // Half of the widest x tick label may stick out past the plot's right edge.
  const xGuess = buildX(xTickCount0);
  const lastXLabel = xGuess.ticks.labels[xGuess.ticks.labels.length - 1] ?? '';
  if (legend !== 'right' || !showLegend) right = Math.max(right, textWidth(lastXLabel, FONT.tick) / 2 + 6);

  const titleLines = o.title ? wrapText(o.title, width - 24, FONT.title * 1.1) : [];
  const subtitleLines = o.subtitle ? wrapText(o.subtitle, width - 20, FONT.subtitle) : [];
  const titleBlock = drawTitle(titleLines, subtitleLines, 0, width, 6);
  const top = titleLines.length || subtitleLines.length ? titleBlock.height + 14 : 12;
  let bottom = 5 + 8 + FONT.tick * 1.2 + (xTitle ? FONT.label * 1.3 + 8 : 0) + 8;
  let legendBottom = { svg: '', height: 0 };
  if (showLegend && legend === 'bottom') {
    legendBottom = legendRow(legendItems, left, 0, width - left - right);
    bottom += legendBottom.height + 8;
  }
  const plot: PlotRect = { left, top, width: Math.max(20, width - left - right), height: Math.max(20, height - top - bottom) };

  // ---- ticks that fit ----
  const yCount = fitTickCount((c) => buildY(c).ticks, yTickCount0, plot.height, false);
  const xCount = fitTickCount((c) => buildX(c).ticks, xTickCount0, plot.width, true);
  const yAxis = buildY(yCount);
  const xAxis = buildX(xCount);
  const xs: Scale = linearScale(xAxis.domain, [plot.left, plot.left + plot.width]);
  const ys: Scale = logY ? logScale(yAxis.domain, [plot.top + plot.height, plot.top]) : linearScale(yAxis.domain, [plot.top + plot.height, plot.top]);

  // ---- body ----
  let body = titleBlock.svg;
  const grid = o.grid ?? true;
  body += drawYAxis(ys, yAxis.ticks, plot, { title: yTitle, grid, titleX: 10 + FONT.label * 0.6 });
  const xTickPositions = xAxis.ticks.values.map((v) => xs(v));
  body += drawXAxis(xTickPositions, xAxis.ticks.labels, plot, {
    title: xTitle,
    titleY: plot.top + plot.height + 5 + 8 + FONT.tick * 1.2 + 8 + FONT.label,
  });

  const defs = `<clipPath${attrs({ id: clipId })}><rect${attrs({ x: plot.left - 2, y: plot.top - 2, width: plot.width + 4, height: plot.height + 4 })}/></clipPath>`;
  let data = '';
  // Bands first (behind all lines), then lines, then markers.
  series.forEach((s, i) => {
    if (!s.yLow || !s.yHigh) return;
    const n = Math.min(s.x.length, s.yLow.length, s.yHigh.length);
    const bx: number[] = new Array<number>(n);
    const bl: number[] = new Array<number>(n);
    const bh: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      bx[k] = Number.isFinite(s.x[k]) ? xs(s.x[k]) : Number.NaN;
      let lo = s.yLow[k];
      const hi = s.yHigh[k];
      if (logY && Number.isFinite(lo) && !(lo > 0) && hi > 0) lo = yAxis.domain[0];
      bl[k] = Number.isFinite(lo) ? ys(lo) : Number.NaN;
      bh[k] = Number.isFinite(hi) ? ys(hi) : Number.NaN;
    }
    const d = bandPath(bx, bl, bh);
    if (d) data += `<path${attrs({ class: 'series-band', 'data-series': i, d, fill: colours[i], 'fill-opacity': s.bandOpacity ?? 0.18, stroke: 'none' })}/>`;
  });
  // Pixel samples along every line, used to place annotation labels where they hide the least data.
  const samples: number[] = [];
  series.forEach((s, i) => {
    const n = Math.min(s.x.length, s.y.length);
    const px_: number[] = new Array<number>(n);
    const py: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      px_[k] = Number.isFinite(s.x[k]) ? xs(s.x[k]) : Number.NaN;
      py[k] = Number.isFinite(s.y[k]) ? ys(s.y[k]) : Number.NaN;
    }
    // Far more points than pixel columns: keep first/min/max/last per column (looks identical, much smaller).
    const [lx, ly] = n > 4 * plot.width ? decimateM4(px_, py) : [px_, py];
    sampleSegments(lx, ly, samples);
    const d = polylinePath(lx, ly);
    data += `<path${attrs({
      class: 'series-line',
      'data-series': i,
      'data-label': s.label,
      d: d || 'M0,0',
      fill: 'none',
      stroke: colours[i],
      'stroke-width': s.lineWidth ?? 2,
      'stroke-dasharray': s.dash,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
      visibility: d ? undefined : 'hidden',
    })}/>`;
    // Isolated points (finite, with non-finite neighbours) would be invisible as a line: draw a dot.
    let dots = '';
    for (let k = 0; k < n; k++) {
      const ok = Number.isFinite(px_[k]) && Number.isFinite(py[k]);
      if (!ok) continue;
      const prev = k > 0 && Number.isFinite(px_[k - 1]) && Number.isFinite(py[k - 1]);
      const next = k < n - 1 && Number.isFinite(px_[k + 1]) && Number.isFinite(py[k + 1]);
      if (s.markers || (!prev && !next)) dots += `<circle${attrs({ cx: px_[k], cy: py[k], r: s.markers ? 2.8 : 2 })}/>`;
    }
    if (dots) data += `<g${attrs({ class: 'series-markers', 'data-series': i, fill: colours[i] })}>${dots}</g>`;
  });
  body += `<g class="data"${attrs({ 'clip-path': `url(#${clipId})` })}>${data}</g>`;

  // ---- reference lines ----
  for (const r of o.verticalLines ?? []) {
    const x = xs(r.value);
    if (Number.isFinite(x)) sampleSegments([x, x], [plot.top, plot.top + plot.height], samples);
  }
  let refs = '';
  for (const r of o.referenceLines ?? []) {
    const y = ys(r.value);
    if (!Number.isFinite(y) || y < plot.top - 0.5 || y > plot.top + plot.height + 0.5) continue;
    const colour = r.colour ?? INK.reference;
    refs += `<line${attrs({ class: 'reference-line', x1: plot.left, y1: y, x2: plot.left + plot.width, y2: y, stroke: colour, 'stroke-width': 1.2, 'stroke-dasharray': r.dash ?? '6 4' })}/>`;
    if (r.label) {
      // Candidate spots: right/left end, above/below the line; pick the one covering the fewest line samples.
      const w = textWidth(r.label, FONT.annotation) + 4;
      const h = FONT.annotation + 2;
      const xr = plot.left + plot.width - 4;
      const xl = plot.left + 4;
      const spots: { x: number; anchor: 'start' | 'middle' | 'end' }[] = [
        { x: xr, anchor: 'end' },
        { x: xl, anchor: 'start' },
        { x: plot.left + plot.width * 0.75, anchor: 'middle' },
        { x: plot.left + plot.width * 0.25, anchor: 'middle' },
        { x: plot.left + plot.width * 0.5, anchor: 'middle' },
      ];
      const candidates = spots
        .flatMap((sp) => [
          { ...sp, y: y - 4 },
          { ...sp, y: y + h + 1 },
        ])
        .filter((c) => c.y - h >= plot.top - 1 && c.y <= plot.top + plot.height + 1);
      let best = candidates[0] ?? { x: xr, y: y - 4, anchor: 'end' as const };
      let bestHits = Number.POSITIVE_INFINITY;
      for (const c of candidates) {
        const x0 = c.anchor === 'end' ? c.x - w : c.anchor === 'middle' ? c.x - w / 2 : c.x - 2;
        const hits = countInBox(samples, x0 - 2, c.y - h - 2, x0 + w + 2, c.y + 3);
        if (hits < bestHits) {
          bestHits = hits;
          best = c;
        }
      }
      refs += svgText(best.x, best.y, r.label, {
        class: 'reference-label',
        'text-anchor': best.anchor,
        'font-size': FONT.annotation,
        fill: colour,
        stroke: '#FFFFFF',
        'stroke-width': 3,
        'paint-order': 'stroke',
        'stroke-linejoin': 'round',
      });
    }
  }
  for (const r of o.verticalLines ?? []) {
    const x = xs(r.value);
    if (!Number.isFinite(x) || x < plot.left - 0.5 || x > plot.left + plot.width + 0.5) continue;
    const colour = r.colour ?? INK.reference;
    refs += `<line${attrs({ class: 'reference-line', x1: x, y1: plot.top, x2: x, y2: plot.top + plot.height, stroke: colour, 'stroke-width': 1.2, 'stroke-dasharray': r.dash ?? '6 4' })}/>`;
    if (r.label) {
      const fitsRight = x + 4 + textWidth(r.label, FONT.annotation) < plot.left + plot.width;
      refs += svgText(fitsRight ? x + 4 : x - 4, plot.top + FONT.annotation + 2, r.label, {
        class: 'reference-label',
        'text-anchor': fitsRight ? 'start' : 'end',
        'font-size': FONT.annotation,
        fill: colour,
        stroke: '#FFFFFF',
        'stroke-width': 3,
        'paint-order': 'stroke',
        'stroke-linejoin': 'round',
      });
    }
  }
  if (refs) body += `<g class="references">${refs}</g>`;

  if (!hasData) {
    body += svgText(plot.left + plot.width / 2, plot.top + plot.height / 2, 'No data', { 'text-anchor': 'middle', fill: INK.muted, 'font-size': FONT.label });
  }

  // ---- legend ----
  if (showLegend) {
    if (legend === 'right') {
      body += legendBlock(legendItems, plot.left + plot.width + 18, plot.top);
    } else if (legend === 'bottom') {
      const lr = legendRow(legendItems, left, height - legendBottom.height - 8, plot.width);
      body += lr.svg;
    } else {
      const pad = 6;
      const lx = legend === 'top-left' ? plot.left + 10 : plot.left + plot.width - lgSize.width - 10 - 2 * pad;
      const ly = plot.top + 8;
      body += `<rect${attrs({ x: lx, y: ly, width: lgSize.width + 2 * pad, height: lgSize.height + pad, fill: '#FFFFFF', 'fill-opacity': 0.85, stroke: INK.grid, rx: 3 })}/>`;
      body += legendBlock(legendItems, lx + pad, ly + pad / 2);
    }
  }

  const svg = svgDocument(width, height, body, { defs, title: o.title, className: 'follisim-chart line-chart' });
  return o.id ? svg : svg.split(PLACEHOLDER).join(makeId('line', svg));
}

/**
 * M4 decimation of a pixel-space polyline: within each run of consecutive finite points that fall in the
 * same 1-px column, only the first, lowest, highest and last points are kept (in their original order).
 * Non-finite points are kept, so gaps stay gaps.
 */
export function decimateM4(xs: readonly number[], ys: readonly number[]): [number[], number[]] {
  const ox: number[] = [];
  const oy: number[] = [];
  let start = -1;
  let col = Number.NaN;
  let iMin = -1;
  let iMax = -1;
  const flush = (end: number): void => {
    if (start < 0) return;
    const keep = [...new Set([start, iMin, iMax, end])].sort((a, b) => a - b);
    for (const k of keep) {
      ox.push(xs[k]);
      oy.push(ys[k]);
    }
    start = -1;
  };
  for (let k = 0; k < xs.length; k++) {
    const ok = Number.isFinite(xs[k]) && Number.isFinite(ys[k]);
    if (!ok) {
      flush(k - 1);
      ox.push(Number.NaN);
      oy.push(Number.NaN);
      continue;
    }
    const c = Math.floor(xs[k]);
    if (start >= 0 && c !== col) flush(k - 1);
    if (start < 0) {
      start = k;
      col = c;
      iMin = k;
      iMax = k;
    }
    if (ys[k] < ys[iMin]) iMin = k;
    if (ys[k] > ys[iMax]) iMax = k;
  }
  flush(xs.length - 1);
  return [ox, oy];
}

/** Appends (x, y) pixel samples along a polyline (about every 3 px; gaps at non-finite points) to `out`. */
function sampleSegments(xs: readonly number[], ys: readonly number[], out: number[]): void {
  const cap = 200_000;
  for (let k = 0; k < xs.length && out.length < cap; k++) {
    if (!Number.isFinite(xs[k]) || !Number.isFinite(ys[k])) continue;
    out.push(xs[k], ys[k]);
    if (k + 1 < xs.length && Number.isFinite(xs[k + 1]) && Number.isFinite(ys[k + 1])) {
      const steps = Math.min(200, Math.floor(Math.hypot(xs[k + 1] - xs[k], ys[k + 1] - ys[k]) / 3));
      for (let j = 1; j < steps; j++) {
        const t = j / steps;
        out.push(xs[k] + (xs[k + 1] - xs[k]) * t, ys[k] + (ys[k + 1] - ys[k]) * t);
      }
    }
  }
}

/** Number of samples inside the box [x0, x1] × [y0, y1]. */
function countInBox(samples: readonly number[], x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let i = 0; i < samples.length; i += 2) {
    const x = samples[i];
    const y = samples[i + 1];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) n++;
  }
  return n;
}

/** Options for `facetGrid`. */
export interface FacetGridOptions {
  /** Overall title above the grid. */
  title?: string;
  /** Gap between panels in px (default 8). */
  gap?: number;
  /** Panel letters "A", "B", … in the top-left corner of each panel (default false). */
  panelLetters?: boolean;
}

/** Lays out several standalone chart SVGs as small multiples in one SVG, `columns` per row (ids are made unique per panel). */
export function facetGrid(charts: readonly string[], columns: number, options: FacetGridOptions = {}): string {
  const cols = Math.max(1, Math.min(Math.round(columns), Math.max(1, charts.length)));
  const gap = options.gap ?? 8;
  const sizes = charts.map(svgSize);
  const rows = Math.ceil(charts.length / cols);
  const colW: number[] = new Array<number>(cols).fill(0);
  const rowH: number[] = new Array<number>(rows).fill(0);
  sizes.forEach((s, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    colW[c] = Math.max(colW[c], s.width);
    rowH[r] = Math.max(rowH[r], s.height);
  });
  const totalW = colW.reduce((a, b) => a + b, 0) + gap * (cols + 1);
  const titleLines = options.title ? wrapText(options.title, totalW - 24, FONT.title * 1.1) : [];
  const titleBlock = drawTitle(titleLines, [], 0, totalW, 6);
  const top = titleLines.length ? titleBlock.height + 10 : gap;
  const totalH = top + rowH.reduce((a, b) => a + b, 0) + gap * rows;
  let body = titleBlock.svg;
  let y = top;
  for (let r = 0; r < rows; r++) {
    let x = gap;
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (i >= charts.length) break;
      const prefix = `p${i}-`;
      // Rename ids made by this module (fs-…) so repeated panels do not share clip paths or gradients.
      const inner = charts[i]
        .replace(/\bid="(fs-[^"]*)"/g, `id="${prefix}$1"`)
        .replace(/url\(#(fs-[^)]*)\)/g, `url(#${prefix}$1)`)
        .replace(/href="#(fs-[^"]*)"/g, `href="#${prefix}$1"`);
      body += `<g${attrs({ class: 'facet', transform: `translate(${px(x)} ${px(y)})` })}>${inner}`;
      if (options.panelLetters) {
        body += svgText(4, 16, String.fromCharCode(65 + (i % 26)), { 'font-size': FONT.title + 1, 'font-weight': 'bold' });
      }
      body += `</g>`;
      x += colW[c] + gap;
    }
    y += rowH[r] + gap;
  }
  return svgDocument(totalW, totalH, body, { title: options.title, className: 'follisim-chart facet-grid' });
}

