/**
 * Public API of the report module: dependency-free, platform-neutral SVG charts, tables and
 * self-contained HTML reports, all returned as strings.
 */

export { lineChart, facetGrid } from './svgLinePlot.ts';
export type { LineChartOptions, LineSeries, ReferenceLine, LegendPosition, FacetGridOptions } from './svgLinePlot.ts';
export { barChart } from './svgBarChart.ts';
export type { BarChartOptions, BarSeries, BarRef, SignificanceBracket } from './svgBarChart.ts';
export { imageGrid, colorScale, isImageDataUrl } from './svgHeatmapGrid.ts';
export type { ImageGridOptions, GridCell, ColorScaleOptions } from './svgHeatmapGrid.ts';
export { htmlTable, textTable, markdownTable, formatCell } from './table.ts';
export type { TableOptions, TableColumn, TableRow, CellValue } from './table.ts';
export { htmlReport, findExternalResources, slugify } from './html.ts';
export type { HtmlReportOptions, ReportSection } from './html.ts';
export { escapeHtml, escapeXml, formatNumber, formatMeanSd, formatPValue, significanceStars } from './escape.ts';
export { niceTicks, niceStep, logTicks, ticksWithin, formatTick, linearScale, logScale } from './ticks.ts';
export type { NiceStep, Scale } from './ticks.ts';
export { OKABE_ITO, VIRIDIS_STOPS, paletteColour, interpolateStops, colourMatrix } from './palette.ts';
export { svgSize, textWidth } from './svg.ts';
