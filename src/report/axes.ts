/**
 * Axis drawing shared by line and bar charts: tick selection that avoids overlapping labels, spines,
 * tick marks, gridlines and axis titles.
 */

import { formatLogTickLabels, formatTickLabels, logTicks, niceTicks, ticksWithin, type Scale } from './ticks.ts';
import { FONT, INK, attrs, px, svgText, textWidth } from './svg.ts';

/** The plotting rectangle in pixels. */
export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Tick values with their labels. */
export interface AxisTicks {
  values: number[];
  labels: string[];
}

/** Axis title with its unit in parentheses: "Time (days)". */
export function axisTitle(label: string | undefined, unit: string | undefined): string | undefined {
  if (!label && !unit) return undefined;
  if (!unit) return label;
  if (!label) return unit;
  return `${label} (${unit})`;
}

/** Labels for linear ticks, using the tick step to choose decimals. */
export function linearTickLabels(values: readonly number[]): string[] {
  return formatTickLabels(values);
}

/** Domain and ticks for a linear axis: nice (domain = outer ticks) or tight (domain = data range, ticks inside). */
export function linearAxis(min: number, max: number, count: number, nice: boolean): { domain: [number, number]; ticks: AxisTicks } {
  if (nice) {
    const values = niceTicks(min, max, count);
    return { domain: [values[0], values[values.length - 1]], ticks: { values, labels: linearTickLabels(values) } };
  }
  let lo = min;
  let hi = max;
  if (!(hi > lo)) {
    const t = niceTicks(lo, hi, count);
    lo = t[0];
    hi = t[t.length - 1];
  }
  let values = ticksWithin(lo, hi, count);
  for (let c = count * 2; values.length < 2 && c <= count * 8; c *= 2) values = ticksWithin(lo, hi, c);
  if (values.length < 2) values = [lo, hi];
  return { domain: [lo, hi], ticks: { values, labels: linearTickLabels(values) } };
}

/** Domain and ticks for a log axis over positive [min, max]; with `nice` the domain snaps to the outer ticks. */
export function logAxis(min: number, max: number, count: number, nice: boolean): { domain: [number, number]; ticks: AxisTicks } {
  const values = logTicks(min, max, count);
  const domain: [number, number] = nice ? [values[0], values[values.length - 1]] : [min, max];
  const inside = nice ? values : values.filter((v) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9));
  return { domain, ticks: { values: inside, labels: formatLogTickLabels(inside) } };
}

/**
 * Picks the largest tick count ≤ `desired` whose labels do not overlap along an axis of `lengthPx`
 * (horizontal axes compare label widths, vertical axes label heights).
 */
export function fitTickCount(
  build: (count: number) => AxisTicks,
  desired: number,
  lengthPx: number,
  horizontal: boolean,
  fontSize: number = FONT.tick,
): number {
  for (let c = Math.max(2, desired); c >= 2; c--) {
    const t = build(c);
    if (t.values.length < 2) return c;
    const spacing = lengthPx / Math.max(1, t.values.length - 1);
    const need = horizontal ? Math.max(...t.labels.map((l) => textWidth(l, fontSize))) + 10 : fontSize * 1.9;
    if (spacing >= need) return c;
  }
  return 2;
}

/** Left axis: spine, outward ticks, labels, optional gridlines, rotated title. */
export function drawYAxis(
  scale: Scale,
  ticks: AxisTicks,
  plot: PlotRect,
  options: { title?: string; grid?: boolean; titleX: number },
): string {
  let grid = '';
  let marks = '';
  let labels = '';
  const x0 = plot.left;
  ticks.values.forEach((v, i) => {
    const y = scale(v);
    if (!Number.isFinite(y) || y < plot.top - 0.5 || y > plot.top + plot.height + 0.5) return;
    if (options.grid) grid += `<line${attrs({ x1: x0, y1: y, x2: x0 + plot.width, y2: y })}/>`;
    marks += `<line${attrs({ x1: x0 - 5, y1: y, x2: x0, y2: y })}/>`;
    labels += svgText(x0 - 8, y, ticks.labels[i], { 'text-anchor': 'end', dy: '0.35em' });
  });
  let out = '';
  if (grid) out += `<g class="grid"${attrs({ stroke: INK.grid, 'stroke-width': 1 })}>${grid}</g>`;
  out += `<g class="y-axis">`;
  out += `<g${attrs({ stroke: INK.axis, 'stroke-width': 1 })}>${marks}<line${attrs({ x1: x0, y1: plot.top, x2: x0, y2: plot.top + plot.height })}/></g>`;
  out += `<g${attrs({ 'font-size': FONT.tick, fill: INK.text })}>${labels}</g>`;
  if (options.title) {
    const cy = plot.top + plot.height / 2;
    out += svgText(options.titleX, cy, options.title, {
      class: 'axis-title',
      'font-size': FONT.label,
      'text-anchor': 'middle',
      transform: `rotate(-90 ${px(options.titleX)} ${px(cy)})`,
    });
  }
  return `${out}</g>`;
}

/** Bottom axis: spine, outward ticks, labels and title (labels at given x positions; optionally rotated). */
export function drawXAxis(
  positions: readonly number[],
  labels: readonly string[],
  plot: PlotRect,
  options: { title?: string; titleY: number; ticks?: boolean; rotate?: boolean; labelLines?: readonly string[][] },
): string {
  const y0 = plot.top + plot.height;
  let marks = '';
  let text = '';
  positions.forEach((x, i) => {
    if (!Number.isFinite(x)) return;
    if (options.ticks !== false) marks += `<line${attrs({ x1: x, y1: y0, x2: x, y2: y0 + 5 })}/>`;
    if (options.rotate) {
      text += svgText(x, y0 + 9, labels[i], {
        'text-anchor': 'end',
        dy: '0.7em',
        transform: `rotate(-35 ${px(x)} ${px(y0 + 9)})`,
      });
    } else {
      const lines = options.labelLines?.[i] ?? [labels[i]];
      text += svgText(x, y0 + 8, lines, { 'text-anchor': 'middle', dy: '0.8em', 'font-size': FONT.tick });
    }
  });
  let out = `<g class="x-axis">`;
  out += `<g${attrs({ stroke: INK.axis, 'stroke-width': 1 })}>${marks}<line${attrs({ x1: plot.left, y1: y0, x2: plot.left + plot.width, y2: y0 })}/></g>`;
  out += `<g${attrs({ 'font-size': FONT.tick, fill: INK.text })}>${text}</g>`;
  if (options.title) {
    out += svgText(plot.left + plot.width / 2, options.titleY, options.title, {
      class: 'axis-title',
      'font-size': FONT.label,
      'text-anchor': 'middle',
    });
  }
  return `${out}</g>`;
}

/** Title (wrapped lines) and optional subtitle, centred over [x0, x0 + width]; returns markup and height used. */
export function drawTitle(
  lines: readonly string[],
  subtitleLines: readonly string[],
  x0: number,
  width: number,
  top: number,
): { svg: string; height: number } {
  let y = top;
  let out = '';
  const cx = x0 + width / 2;
  for (const l of lines) {
    y += FONT.title * 1.2;
    out += svgText(cx, y - FONT.title * 0.25, l, { class: 'chart-title', 'font-size': FONT.title, 'font-weight': 'bold', 'text-anchor': 'middle' });
  }
  for (const l of subtitleLines) {
    y += FONT.subtitle * 1.3;
    out += svgText(cx, y - FONT.subtitle * 0.3, l, { class: 'chart-subtitle', 'font-size': FONT.subtitle, fill: INK.muted, 'text-anchor': 'middle' });
  }
  return { svg: out, height: y - top };
}
