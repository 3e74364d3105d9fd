/**
 * Public API of the report module: dependency-free, platform-neutral tables and self-contained HTML
 * reports, returned as strings. Figures are chart specs rendered by src/output/charts/.
 */

export { htmlTable, textTable, markdownTable, formatCell } from './table.ts';
export type { TableOptions, TableColumn, TableRow, CellValue } from './table.ts';
export { htmlReport, findExternalResources, slugify } from './html.ts';
export type { HtmlReportOptions, ReportSection } from './html.ts';
export { escapeHtml, escapeXml, formatNumber, formatMeanSd, formatPValue, significanceStars } from './escape.ts';
