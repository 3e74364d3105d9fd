/** Public API of the platform-neutral raster rendering (PNG, colour maps, heatmaps, slices). */
export { crc32, encodePng, PNG_SIGNATURE } from './png.ts';
export { colourAt, colourMap, relativeLuminance } from './colormap.ts';
export type { ColourMap, ColourMapName } from './colormap.ts';
export { drawText, GLYPH_H, GLYPH_W, textWidth } from './font.ts';
export { formatValue, renderHeatmap, renderHeatmapRgba } from './heatmap.ts';
export type { HeatmapOptions, RgbaImage } from './heatmap.ts';
