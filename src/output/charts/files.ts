/** Named chart specs to figure contents, as strings (writing files is the Node edge's business). */

import { renderChartSvg } from './plot.ts';
import { chartSpecJson, type ChartSpec } from './spec.ts';

/** Renders each named spec to `name.svg`. */
export function renderFigures(charts: Readonly<Record<string, ChartSpec>>, doc?: Document): Record<string, string> {
  return Object.fromEntries(Object.entries(charts).map(([name, spec]) => [`${name}.svg`, renderChartSvg(spec, doc)]));
}

/** Each named spec's definition and data as `name.chart.json`, so a figure can be restyled and re-rendered. */
export function chartDefinitions(charts: Readonly<Record<string, ChartSpec>>): Record<string, string> {
  return Object.fromEntries(Object.entries(charts).map(([name, spec]) => [`${name}.chart.json`, chartSpecJson(spec)]));
}
