/**
 * The frame around a Plot figure: one standalone <svg> with a <title>, a white background, the chart title
 * and subtitle, a legend and the Plot body nested below them. Plot's own titles and swatch legends are HTML
 * (a <figure>), which a standalone .svg file cannot hold, so these few elements are drawn here with the same
 * DOM calls Plot uses (linkedom in Node, the page's document in a browser).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "Liberation Sans", sans-serif';
const TITLE_PX = 15;
const SUBTITLE_PX = 12;
const LEGEND_PX = 12;

/** How a legend swatch is drawn: a line, a line over a faint band, a filled box, a dot or a + mark. */
export type SwatchKind = 'line' | 'band' | 'box' | 'dot' | 'step';

/** A categorical legend: one swatch + label per series, colours matching the chart's colour scale. */
export interface Legend {
  swatch: SwatchKind;
  items: readonly { label: string; colour: string }[];
}

/** A framed chart: its root <svg> element and its pixel size. */
export interface Framed {
  element: SVGSVGElement;
  width: number;
  height: number;
}

/** Creates an SVG element with attributes (numbers rounded to 0.01 px so files stay small and stable). */
export function svgEl(doc: Document, name: string, attrs: Record<string, string | number | undefined> = {}): SVGElement {
  const e = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) e.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 100) / 100) : v);
  }
  return e;
}

/**
 * Estimated rendered width of text in a sans-serif font (no layout engine in Node): about 0.55 em per
 * character, which is close for mixed-case labels; used only to wrap titles and lay out legend rows.
 */
export function textWidth(text: string, px: number): number {
  return text.length * px * 0.55;
}

/** Greedy word wrap to lines no wider than `maxWidth` (a single long word stays whole). */
export function wrapText(text: string, maxWidth: number, px: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, px) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function textEl(doc: Document, x: number, y: number, text: string, attrs: Record<string, string | number | undefined>): SVGElement {
  const t = svgEl(doc, 'text', { x, y, ...attrs });
  t.textContent = text;
  return t;
}

function swatch(doc: Document, kind: SwatchKind, colour: string, x: number, cy: number): SVGElement {
  const g = svgEl(doc, 'g');
  if (kind === 'box') g.append(svgEl(doc, 'rect', { x: x + 2, y: cy - 6, width: 14, height: 12, fill: colour }));
  else if (kind === 'dot') g.append(svgEl(doc, 'circle', { cx: x + 9, cy, r: 4, fill: colour }));
  else {
    if (kind === 'band') g.append(svgEl(doc, 'rect', { x, y: cy - 6, width: 20, height: 12, fill: colour, 'fill-opacity': 0.2 }));
    const d = kind === 'step' ? `M${x},${cy - 4}H${x + 10}V${cy + 4}H${x + 20}` : `M${x},${cy}H${x + 20}`;
    g.append(svgEl(doc, 'path', { d, fill: 'none', stroke: colour, 'stroke-width': 2 }));
  }
  return g;
}

/** Lays legend items out in rows no wider than `maxWidth`; returns the group and its height. */
export function legendGroup(doc: Document, legend: Legend, x0: number, y0: number, maxWidth: number): { group: SVGElement; height: number } {
  const group = svgEl(doc, 'g', { class: 'legend', 'font-size': LEGEND_PX });
  const rowH = LEGEND_PX * 1.6;
  let x = x0;
  let row = 0;
  for (const it of legend.items) {
    const w = 26 + textWidth(it.label, LEGEND_PX) + 16;
    if (x > x0 && x + w - 16 > x0 + maxWidth) {
      row++;
      x = x0;
    }
    const cy = y0 + row * rowH + rowH / 2;
    const item = svgEl(doc, 'g', { class: 'legend-item' });
    item.append(swatch(doc, legend.swatch, it.colour, x, cy), textEl(doc, x + 26, cy, it.label, { dy: '0.35em' }));
    group.append(item);
    x += w;
  }
  return { group, height: legend.items.length ? (row + 1) * rowH : 0 };
}

/** Options of `frameChart`: the total height, or the body height when the body fixes its own size. */
export interface FrameOptions {
  width: number;
  height?: number;
  bodyHeight?: number;
  title?: string;
  subtitle?: string;
  legend?: Legend;
  /** An extra element above the body (Plot's colour-ramp legend), with its height. */
  ramp?: { element: Element; height: number };
  className: string;
  /** Draws the body (the Plot svg) for the space left under the header. */
  body: (width: number, height: number) => Element;
}

/** Wraps a Plot body in a standalone <svg> with a title block and legend above it. */
export function frameChart(doc: Document, o: FrameOptions): Framed {
  const width = Math.ceil(o.width);
  const root = svgEl(doc, 'svg', { xmlns: SVG_NS, class: `follisim-chart ${o.className}`, 'font-family': FONT_FAMILY, 'font-size': 11, fill: '#222222' }) as SVGSVGElement;
  if (o.title) {
    const t = svgEl(doc, 'title');
    t.textContent = o.title;
    root.append(t);
  }
  const background = svgEl(doc, 'rect', { width, fill: '#FFFFFF' });
  root.append(background);
  let y = 8;
  for (const line of o.title ? wrapText(o.title, width - 24, TITLE_PX * 1.1) : []) {
    y += TITLE_PX * 1.25;
    root.append(textEl(doc, 12, y - 4, line, { class: 'chart-title', 'font-size': TITLE_PX, 'font-weight': 'bold' }));
  }
  for (const line of o.subtitle ? wrapText(o.subtitle, width - 24, SUBTITLE_PX) : []) {
    y += SUBTITLE_PX * 1.3;
    root.append(textEl(doc, 12, y - 4, line, { class: 'chart-subtitle', 'font-size': SUBTITLE_PX, fill: '#5F6670' }));
  }
  if (o.legend && o.legend.items.length > 0) {
    const lg = legendGroup(doc, o.legend, 12, y + 2, width - 24);
    root.append(lg.group);
    y += lg.height + 4;
  }
  if (o.ramp) {
    const holder = svgEl(doc, 'g', { class: 'colour-ramp', transform: `translate(12 ${Math.round(y)})` });
    holder.append(o.ramp.element);
    root.append(holder);
    y += o.ramp.height;
  }
  const top = Math.round(y + 4);
  const bodyHeight = o.bodyHeight ?? Math.max(60, (o.height ?? 400) - top);
  const height = Math.ceil(top + bodyHeight);
  const body = o.body(width, bodyHeight);
  body.setAttribute('x', '0');
  body.setAttribute('y', String(top));
  root.append(body);
  for (const [k, v] of [['width', width], ['height', height]] as const) root.setAttribute(k, String(v));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  background.setAttribute('height', String(height));
  return { element: root, width, height };
}

/** Options of `frameGrid`. */
export interface GridFrameOptions {
  title?: string;
  columns: number;
  legend?: Legend;
}

/** Lays framed panels out as small multiples in one standalone <svg>, with an overall title and legend. */
export function frameGrid(doc: Document, panels: readonly Framed[], o: GridFrameOptions): Framed {
  const cols = Math.max(1, Math.min(o.columns, panels.length || 1));
  const gap = 8;
  const colW = Math.max(0, ...panels.map((p) => p.width));
  const rowH = Math.max(0, ...panels.map((p) => p.height));
  const rows = Math.ceil(panels.length / cols);
  const width = gap + cols * (colW + gap);
  return frameChart(doc, {
    width,
    bodyHeight: rows * (rowH + gap),
    title: o.title,
    legend: o.legend,
    className: 'facet-grid',
    body: () => {
      const g = svgEl(doc, 'svg', { width, height: rows * (rowH + gap), class: 'panels' });
      panels.forEach((p, i) => {
        const x = gap + (i % cols) * (colW + gap);
        const y = Math.floor(i / cols) * (rowH + gap);
        p.element.setAttribute('x', String(x));
        p.element.setAttribute('y', String(y));
        p.element.removeAttribute('xmlns');
        g.append(p.element);
      });
      return g;
    },
  });
}
