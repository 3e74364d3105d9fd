/**
 * Renders a chart spec with Observable Plot: each kind's builder maps the spec onto Plot marks and scales,
 * the frame adds title, subtitle and legend, and the result is one standalone SVG. Works with any DOM
 * `Document` (linkedom by default; the page's document in the browser).
 */

import * as Plot from '@observablehq/plot';
import { barDraft, forestDraft, waterfallDraft } from './categorical.ts';
import { heatmapDraft, imageGridDraft } from './cells.ts';
import type { Draft } from './common.ts';
import { chartDocument, serialiseSvg } from './dom.ts';
import { frameChart, frameGrid, type Framed } from './frame.ts';
import { lineDraft, scatterDraft, stepDraft } from './series.ts';
import type { ChartSpec, GridSpec, PanelSpec } from './spec.ts';

const DEFAULT_SIZE: Record<PanelSpec['kind'], { width: number; height: number }> = {
  line: { width: 640, height: 400 },
  step: { width: 640, height: 400 },
  scatter: { width: 560, height: 440 },
  bar: { width: 560, height: 400 },
  waterfall: { width: 640, height: 380 },
  forest: { width: 600, height: 360 },
  heatmap: { width: 640, height: 420 },
  images: { width: 640, height: 400 },
};

function draftOf(spec: PanelSpec, width: number, height: number): Draft {
  switch (spec.kind) {
    case 'line':
      return lineDraft(spec);
    case 'step':
      return stepDraft(spec);
    case 'scatter':
      return scatterDraft(spec);
    case 'bar':
      return barDraft(spec, width);
    case 'waterfall':
      return waterfallDraft(spec);
    case 'forest':
      return forestDraft(spec, height);
    case 'heatmap':
      return heatmapDraft(spec);
    case 'images':
      return imageGridDraft(spec);
  }
}

/**
 * A colour ramp legend drawn as a small Plot of 64 adjacent rects with an axis. Plot's own ramp legend
 * paints its gradient on a <canvas>, which a DOM shim cannot provide.
 */
function rampLegend(doc: Document, color: Plot.ScaleOptions, extent: readonly [number, number]): { element: Element; height: number } {
  const [lo, hi] = (color.domain as [number, number] | undefined) ?? extent;
  const log = color.type === 'log' && lo > 0;
  const at = (t: number) => (log ? lo * (hi / lo) ** t : lo + (hi - lo) * t);
  const steps = Array.from({ length: 64 }, (_, i) => ({ x1: at(i / 64), x2: at((i + 1) / 64) }));
  const height = 46;
  const element = Plot.plot({
    document: doc,
    width: 300,
    height,
    marginTop: 16,
    marginBottom: 18,
    marginLeft: 4,
    marginRight: 16,
    style: { fontSize: '10px', fontFamily: 'inherit', background: 'none' },
    x: { type: log ? 'log' : 'linear', domain: [lo, hi], label: null, ticks: 5 },
    y: { axis: null },
    color: { ...color, domain: [lo, hi] },
    marks: [
      Plot.rectX(steps, { x1: 'x1', x2: 'x2', fill: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2 }),
      Plot.text([color.label ?? ''], { frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dy: -3, fontSize: 11 }),
    ],
  }) as Element;
  return { element, height };
}

function renderPanel(spec: PanelSpec, doc: Document, legend: boolean): Framed {
  const size = { ...DEFAULT_SIZE[spec.kind], ...(spec.width ? { width: spec.width } : {}), ...(spec.height ? { height: spec.height } : {}) };
  const draft = draftOf(spec, size.width, size.height);
  return frameChart(doc, {
    width: draft.size?.width ?? size.width,
    height: size.height,
    bodyHeight: draft.size?.height,
    title: spec.title,
    subtitle: spec.subtitle,
    legend: legend ? draft.legend : undefined,
    ramp: draft.ramp ? rampLegend(doc, draft.ramp.scale, draft.ramp.extent) : undefined,
    className: `${spec.kind}-chart`,
    body: (width, height) =>
      Plot.plot({
        marginLeft: 64,
        marginBottom: 44,
        marginTop: 14,
        marginRight: 24,
        grid: spec.kind === 'line' || spec.kind === 'step' || spec.kind === 'bar',
        ...draft.plot,
        width,
        height,
        document: doc,
        style: { fontSize: '11px', fontFamily: 'inherit', background: 'none' },
      }) as Element,
  });
}

function renderGrid(spec: GridSpec, doc: Document): Framed {
  const letter = (i: number) => String.fromCharCode(65 + (i % 26));
  const panels = spec.panels.map((p, i) =>
    renderPanel(spec.panelLetters ? { ...p, title: `${letter(i)}   ${p.title ?? ''}`.trimEnd() } : p, doc, !spec.sharedLegend),
  );
  const first = spec.panels[0];
  const legend = spec.sharedLegend && first ? draftOf(first, first.width ?? DEFAULT_SIZE[first.kind].width, first.height ?? DEFAULT_SIZE[first.kind].height).legend : undefined;
  return frameGrid(doc, panels, { title: spec.title, columns: spec.columns, legend });
}

/** Renders a spec to a detached <svg> element of `doc` (for live pages), with its pixel size. */
export function renderChart(spec: ChartSpec, doc: Document = chartDocument()): Framed {
  return spec.kind === 'grid' ? renderGrid(spec, doc) : renderPanel(spec, doc, true);
}

/** Renders a spec to a standalone SVG string. */
export function renderChartSvg(spec: ChartSpec, doc: Document = chartDocument()): string {
  return serialiseSvg(renderChart(spec, doc).element);
}
