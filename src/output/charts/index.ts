/**
 * Public API of the charts module: serialisable chart specs and their rendering with Observable Plot to
 * standalone SVG (Node via linkedom, or a browser document).
 */

export { renderChart, renderChartSvg } from './plot.ts';
export { chartDocument } from './dom.ts';
export { isImageDataUrl } from './cells.ts';
export { PALETTE } from './common.ts';
export type { Framed, Legend } from './frame.ts';
export { CHART_SPEC_VERSION, ChartSpecSchema, parseChartSpec, chartSpecJson, axisTitle } from './spec.ts';
export type {
  AxisSpec,
  BarSpec,
  ChartRow,
  ChartSpec,
  ForestSpec,
  GridSpec,
  HeatmapSpec,
  ImageGridSpec,
  LineSpec,
  PanelSpec,
  RuleSpec,
  ScatterSpec,
  StepSpec,
  WaterfallSpec,
} from './spec.ts';
export { renderFigures, chartDefinitions } from './files.ts';
