/**
 * Grouped bar charts with error bars (e.g. mean ± SD), optional individual data points and significance
 * brackets ("p=0.003", "**") between two bars. Output is a standalone SVG string.
 */

import { axisTitle, drawTitle, drawXAxis, drawYAxis, fitTickCount, linearAxis, type AxisTicks, type PlotRect } from './axes.ts';
import { OKABE_ITO, paletteColour } from './palette.ts';
import { FONT, INK, attrs, legendBlock, legendRow, legendSize, svgDocument, svgText, textWidth, wrapText, type LegendItem } from './svg.ts';
import { linearScale, type Scale } from './ticks.ts';
import type { LegendPosition, ReferenceLine } from './svgLinePlot.ts';

/** One series of bars: one value per category (group). */
export interface BarSeries {
  label: string;
  /** Bar heights, one per category; NaN leaves the slot empty. */
  values: readonly number[];
  /** Half-lengths of the error bars (e.g. SD or SEM), one per category; NaN/undefined draws none. */
  errors?: readonly number[];
  /** Individual observations per category, drawn as jittered dots over the bar. */
  points?: readonly (readonly number[])[];
  colour?: string;
}

/** Identifies one bar: category index and series index (default 0). */
export interface BarRef {
  group: number;
  series?: number;
}

/** A bracket between two bars with a label such as "p=0.003" or "**". */
export interface SignificanceBracket {
  from: BarRef;
  to: BarRef;
  label: string;
}

/** Options for `barChart`. */
export interface BarChartOptions {
  /** Category (group) labels along the x axis. */
  categories: readonly string[];
  series: readonly BarSeries[];
  title?: string;
  subtitle?: string;
  xLabel?: string;
  yLabel?: string;
  yUnit?: string;
  /** Total SVG size in px (default 560 × 380). */
  width?: number;
  height?: number;
  /** Fixed y extent (otherwise from values ± errors, points and 0). */
  yDomain?: readonly [number, number];
  yTicks?: number;
  /** Legend placement (default "right" with 2+ series, else "none"). */
  legend?: LegendPosition;
  palette?: readonly string[];
  /** Colour bars by category instead of by series (default: true when there is a single series). */
  colourByCategory?: boolean;
  significance?: readonly SignificanceBracket[];
  /** Horizontal reference lines (e.g. a baseline). */
  referenceLines?: readonly ReferenceLine[];
  /** Light gridlines at y ticks (default true). */
  grid?: boolean;
}

interface BarGeom {
  x: number;
  width: number;
  /** Highest data extent of the bar (value + error, points) in data units. */
  topValue: number;
}

/** Renders a grouped bar chart with error bars and optional significance brackets as a standalone SVG string. */
export function barChart(options: BarChartOptions): string {
  const o = options;
  const width = o.width ?? 560;
  const height = o.height ?? 380;
  const nG = o.categories.length;
  const nS = o.series.length;
  const palette = o.palette ?? OKABE_ITO;
  const byCategory = o.colourByCategory ?? nS === 1;
  const colourOf = (g: number, s: number): string =>
    byCategory ? paletteColour(g, palette) : (o.series[s].colour ?? paletteColour(s, palette));

  // ---- data extent ----
  let lo = 0;
  let hi = 0;
  const top: number[][] = o.series.map(() => new Array<number>(nG).fill(Number.NaN));
  o.series.forEach((s, si) => {
    for (let g = 0; g < nG; g++) {
      const v = s.values[g];
      const e = s.errors?.[g];
      let t = Number.NaN;
      let b = Number.NaN;
      if (Number.isFinite(v)) {
        const err = e !== undefined && Number.isFinite(e) ? Math.abs(e) : 0;
        t = Math.max(v + err, 0);
        b = Math.min(v - err, 0);
      }
      for (const p of s.points?.[g] ?? []) {
        if (!Number.isFinite(p)) continue;
        t = Number.isFinite(t) ? Math.max(t, p) : p;
        b = Number.isFinite(b) ? Math.min(b, p) : p;
      }
      top[si][g] = t;
      if (Number.isFinite(t)) hi = Math.max(hi, t);
      if (Number.isFinite(b)) lo = Math.min(lo, b);
    }
  });
  for (const r of o.referenceLines ?? []) {
    if (Number.isFinite(r.value)) {
      hi = Math.max(hi, r.value);
      lo = Math.min(lo, r.value);
    }
  }
  if (hi === lo) hi = lo + 1;

  // ---- legend ----
  const legendItems: LegendItem[] = byCategory
    ? []
    : o.series.map((s, i): LegendItem => ({ label: s.label, colour: colourOf(0, i), kind: 'box' })).filter((it) => it.label.length > 0);
  const legend: LegendPosition = o.legend ?? (legendItems.length >= 2 ? 'right' : 'none');
  const showLegend = legend !== 'none' && legendItems.length > 0;
  const lgSize = showLegend ? legendSize(legendItems) : { width: 0, height: 0 };

  // ---- layout ----
  const yTitle = axisTitle(o.yLabel, o.yUnit);
  const xTitle = o.xLabel;
  const yCount0 = o.yTicks ?? 5;
  const buildY = (min: number, max: number, c: number): { domain: [number, number]; ticks: AxisTicks } =>
    o.yDomain ? linearAxis(o.yDomain[0], o.yDomain[1], c, false) : linearAxis(min, max, c, true);
  const guess = buildY(lo, hi * 1.3, yCount0);
  const maxYLabel = Math.max(0, ...guess.ticks.labels.map((l) => textWidth(l, FONT.tick)));
  let left = 10 + (yTitle ? FONT.label * 1.2 + 8 : 0) + maxYLabel + 9;
  const right = showLegend && legend === 'right' ? lgSize.width + 26 : 14;
  let plotW = Math.max(20, width - left - right);
  let groupW = plotW / Math.max(1, nG);

  // Category labels: wrap to the group width; rotate if a single word still does not fit.
  const catLines = o.categories.map((c) => wrapText(c, groupW - 6, FONT.tick));
  const rotate = catLines.some((ls) => ls.some((l) => textWidth(l, FONT.tick) > groupW - 4)) || catLines.some((ls) => ls.length > 3);
  if (rotate && nG > 0) {
    // The first rotated label hangs left of its group centre: keep it inside the picture.
    const hang = textWidth(o.categories[0], FONT.tick) * Math.cos((35 * Math.PI) / 180) + 6 - groupW / 2;
    if (hang > left) {
      left = hang;
      plotW = Math.max(20, width - left - right);
      groupW = plotW / Math.max(1, nG);
    }
  }
  const maxLines = rotate ? 1 : Math.max(1, ...catLines.map((l) => l.length));
  const rotatedDepth = rotate ? Math.max(...o.categories.map((c) => textWidth(c, FONT.tick))) * Math.sin((35 * Math.PI) / 180) + FONT.tick : 0;
  const labelDepth = rotate ? rotatedDepth : maxLines * FONT.tick * 1.2;

  const titleLines = o.title ? wrapText(o.title, width - 24, FONT.title * 1.1) : [];
  const subtitleLines = o.subtitle ? wrapText(o.subtitle, width - 20, FONT.subtitle) : [];
  const titleBlock = drawTitle(titleLines, subtitleLines, 0, width, 6);
  const topM = titleLines.length || subtitleLines.length ? titleBlock.height + 14 : 12;
  let bottom = 8 + labelDepth + 6 + (xTitle ? FONT.label * 1.3 + 6 : 0) + 6;
  let legendBottom = { svg: '', height: 0 };
  if (showLegend && legend === 'bottom') {
    legendBottom = legendRow(legendItems, left, 0, plotW);
    bottom += legendBottom.height + 8;
  }
  const plot: PlotRect = { left, top: topM, width: plotW, height: Math.max(20, height - topM - bottom) };

  // ---- bar geometry ----
  const inner = groupW * 0.78;
  const barGap = nS > 1 ? Math.min(3, inner / nS / 6) : 0;
  const barW = (inner - barGap * (nS - 1)) / Math.max(1, nS);
  const geom = (g: number, s: number): BarGeom => ({
    x: plot.left + g * groupW + (groupW - inner) / 2 + s * (barW + barGap),
    width: barW,
    topValue: top[s]?.[g] ?? Number.NaN,
  });

  // ---- y axis, grown until the significance brackets fit ----
  const brackets = (o.significance ?? []).filter(
    (b) => b.from.group >= 0 && b.from.group < nG && b.to.group >= 0 && b.to.group < nG &&
      (b.from.series ?? 0) < nS && (b.to.series ?? 0) < nS,
  );
  const labelH = FONT.annotation * 1.2;
  let yHi = hi;
  let yAxis = buildY(lo, yHi, yCount0);
  let ys: Scale = linearScale(yAxis.domain, [plot.top + plot.height, plot.top]);
  let placed: { x1: number; x2: number; y: number; label: string }[] = [];
  for (let iter = 0; iter < 8; iter++) {
    const count = fitTickCount((c) => buildY(lo, yHi, c).ticks, yCount0, plot.height, false);
    yAxis = buildY(lo, yHi, count);
    ys = linearScale(yAxis.domain, [plot.top + plot.height, plot.top]);
    placed = placeBrackets(brackets, geom, ys, nG, nS, labelH);
    const highest = Math.min(plot.top + labelH + 2, ...placed.map((p) => p.y - labelH - 2));
    if (highest >= plot.top || o.yDomain) break;
    const perPx = (yAxis.domain[1] - yAxis.domain[0]) / plot.height;
    yHi = yAxis.domain[1] + (plot.top - highest) * perPx * 1.15;
  }

  // ---- body ----
  let body = titleBlock.svg;
  body += drawYAxis(ys, yAxis.ticks, plot, { title: yTitle, grid: o.grid ?? true, titleX: 10 + FONT.label * 0.6 });
  const centres = o.categories.map((_, g) => plot.left + (g + 0.5) * groupW);
  body += drawXAxis(centres, o.categories, plot, {
    title: xTitle,
    titleY: plot.top + plot.height + 8 + labelDepth + 6 + FONT.label,
    ticks: false,
    rotate,
    labelLines: catLines,
  });

  const y0 = ys(Math.max(yAxis.domain[0], Math.min(yAxis.domain[1], 0)));
  let bars = '';
  let errs = '';
  let dots = '';
  o.series.forEach((s, si) => {
    for (let g = 0; g < nG; g++) {
      const v = s.values[g];
      const gm = geom(g, si);
      if (Number.isFinite(v)) {
        const yv = ys(v);
        bars += `<rect${attrs({
          class: 'bar',
          'data-group': g,
          'data-series': si,
          x: gm.x,
          y: Math.min(yv, y0),
          width: gm.width,
          height: Math.abs(y0 - yv),
          fill: colourOf(g, si),
          'fill-opacity': 0.85,
        })}/>`;
        const e = s.errors?.[g];
        if (e !== undefined && Number.isFinite(e) && e !== 0) {
          const cx = gm.x + gm.width / 2;
          const yA = ys(v + Math.abs(e));
          const yB = ys(v - Math.abs(e));
          const cap = Math.min(gm.width * 0.4, 14) / 2;
          errs += `<path${attrs({
            class: 'error-bar',
            'data-group': g,
            'data-series': si,
            d: `M${fmt(cx)},${fmt(yA)}V${fmt(yB)}M${fmt(cx - cap)},${fmt(yA)}H${fmt(cx + cap)}M${fmt(cx - cap)},${fmt(yB)}H${fmt(cx + cap)}`,
          })}/>`;
        }
      }
      const pts = s.points?.[g] ?? [];
      pts.forEach((p, k) => {
        if (!Number.isFinite(p)) return;
        const jitter = ((((k + 1) * 0.6180339887) % 1) - 0.5) * gm.width * 0.5;
        dots += `<circle${attrs({ cx: gm.x + gm.width / 2 + jitter, cy: ys(p), r: 2.2 })}/>`;
      });
    }
  });
  body += `<g class="bars">${bars}</g>`;
  if (yAxis.domain[0] < 0) body += `<line${attrs({ x1: plot.left, y1: y0, x2: plot.left + plot.width, y2: y0, stroke: INK.axis, 'stroke-width': 1 })}/>`;
  if (dots) body += `<g${attrs({ class: 'points', fill: '#222222', 'fill-opacity': 0.55 })}>${dots}</g>`;
  if (errs) body += `<g${attrs({ class: 'error-bars', stroke: '#222222', 'stroke-width': 1.3, fill: 'none' })}>${errs}</g>`;

  for (const r of o.referenceLines ?? []) {
    const y = ys(r.value);
    if (!Number.isFinite(y) || y < plot.top || y > plot.top + plot.height) continue;
    const colour = r.colour ?? INK.reference;
    body += `<line${attrs({ class: 'reference-line', x1: plot.left, y1: y, x2: plot.left + plot.width, y2: y, stroke: colour, 'stroke-width': 1.2, 'stroke-dasharray': r.dash ?? '6 4' })}/>`;
    if (r.label) {
      body += svgText(plot.left + plot.width - 4, y - 4, r.label, {
        class: 'reference-label', 'text-anchor': 'end', 'font-size': FONT.annotation, fill: colour,
        stroke: '#FFFFFF', 'stroke-width': 3, 'paint-order': 'stroke',
      });
    }
  }

  let sig = '';
  for (const p of placed) {
    sig += `<path${attrs({ class: 'significance-bracket', d: `M${fmt(p.x1)},${fmt(p.y + 5)}V${fmt(p.y)}H${fmt(p.x2)}V${fmt(p.y + 5)}`, fill: 'none', stroke: '#222222', 'stroke-width': 1.1 })}/>`;
    sig += svgText((p.x1 + p.x2) / 2, p.y - 4, p.label, { class: 'significance-label', 'text-anchor': 'middle', 'font-size': FONT.annotation });
  }
  if (sig) body += `<g class="significance">${sig}</g>`;

  if (showLegend) {
    if (legend === 'right') body += legendBlock(legendItems, plot.left + plot.width + 18, plot.top);
    else if (legend === 'bottom') body += legendRow(legendItems, left, height - legendBottom.height - 8, plot.width).svg;
    else {
      const pad = 6;
      const lx = legend === 'top-left' ? plot.left + 10 : plot.left + plot.width - lgSize.width - 10 - 2 * pad;
      body += `<rect${attrs({ x: lx, y: plot.top + 8, width: lgSize.width + 2 * pad, height: lgSize.height + pad, fill: '#FFFFFF', 'fill-opacity': 0.85, stroke: INK.grid, rx: 3 })}/>`;
      body += legendBlock(legendItems, lx + pad, plot.top + 8 + pad / 2);
    }
  }
  return svgDocument(width, height, body, { title: o.title, className: 'follisim-chart bar-chart' });
}

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/**
 * Places brackets (pixel space, smaller y is higher): shortest spans first, each just above the bars it
 * spans and above any already placed bracket it overlaps horizontally.
 */
function placeBrackets(
  brackets: readonly SignificanceBracket[],
  geom: (g: number, s: number) => BarGeom,
  ys: Scale,
  nG: number,
  nS: number,
  labelH: number,
): { x1: number; x2: number; y: number; label: string }[] {
  const centre = (r: BarRef): number => {
    const g = geom(r.group, r.series ?? 0);
    return g.x + g.width / 2;
  };
  const items = brackets
    .map((b) => {
      const a = centre(b.from);
      const c = centre(b.to);
      return { x1: Math.min(a, c), x2: Math.max(a, c), label: b.label };
    })
    .filter((b) => b.x2 > b.x1)
    .sort((a, b) => a.x2 - a.x1 - (b.x2 - b.x1));
  const out: { x1: number; x2: number; y: number; label: string }[] = [];
  for (const b of items) {
    let y = Number.POSITIVE_INFINITY;
    for (let g = 0; g < nG; g++) {
      for (let s = 0; s < nS; s++) {
        const gm = geom(g, s);
        if (gm.x + gm.width < b.x1 - 0.5 || gm.x > b.x2 + 0.5 || !Number.isFinite(gm.topValue)) continue;
        y = Math.min(y, ys(gm.topValue) - 14);
      }
    }
    if (!Number.isFinite(y)) y = ys(0) - 14;
    for (const p of out) {
      const overlaps = p.x1 < b.x2 + 2 && b.x1 < p.x2 + 2;
      const labelOverlap = Math.abs((p.x1 + p.x2) / 2 - (b.x1 + b.x2) / 2) < (textWidth(p.label, FONT.annotation) + textWidth(b.label, FONT.annotation)) / 2 + 4;
      if (overlaps || labelOverlap) y = Math.min(y, p.y - labelH - 8);
    }
    out.push({ ...b, y });
  }
  return out;
}
