/**
 * Colours. The default categorical palette is Okabe & Ito (2008), "Color Universal Design", which stays
 * distinguishable for the common forms of colour-vision deficiency. Yellow is moved to the end because it
 * reads poorly as a thin line on white.
 */

/** Okabe–Ito colours in plotting order (black last; yellow late because thin yellow lines are faint on white). */
export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  '#000000', // black
];

/** The i-th colour of the default palette (cycles). */
export function paletteColour(i: number, palette: readonly string[] = OKABE_ITO): string {
  const n = palette.length;
  return palette[((i % n) + n) % n];
}

/** Viridis sampled at 9 stops (perceptually uniform, colour-blind safe), as the default continuous scale. */
export const VIRIDIS_STOPS: readonly string[] = [
  '#440154', '#472D7B', '#3B528B', '#2C728E', '#21918C', '#28AE80', '#5EC962', '#ADDC30', '#FDE725',
];

/** Parses "#rgb" or "#rrggbb" into [r, g, b] bytes; returns null for anything else. */
export function parseHex(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Writes [r, g, b] bytes as "#rrggbb". */
export function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Colour at t ∈ [0, 1] along evenly spaced hex stops, interpolated in sRGB; NaN gives `nanColour`.
 * Values outside [0, 1] are clamped.
 */
export function interpolateStops(stops: readonly string[], t: number, nanColour = '#BBBBBB'): string {
  if (Number.isNaN(t) || stops.length === 0) return nanColour;
  if (stops.length === 1) return stops[0];
  const u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = parseHex(stops[i]);
  const b = parseHex(stops[i + 1]);
  if (!a || !b) return f < 0.5 ? stops[i] : stops[i + 1];
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Maps a numeric matrix to a colour matrix over [min, max] (default: the finite data range) along `stops`. */
export function colourMatrix(
  values: readonly (readonly number[])[],
  options: { min?: number; max?: number; stops?: readonly string[]; log?: boolean; nanColour?: string } = {},
): string[][] {
  const stops = options.stops ?? VIRIDIS_STOPS;
  const log = options.log ?? false;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of values) {
    for (const v of row) {
      if (Number.isFinite(v) && (!log || v > 0)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  const min = options.min ?? (Number.isFinite(lo) ? lo : 0);
  const max = options.max ?? (Number.isFinite(hi) ? hi : 1);
  const tr = (v: number): number => (log ? (v > 0 ? Math.log10(v) : Number.NaN) : v);
  const a = tr(min);
  const b = tr(max);
  return values.map((row) =>
    row.map((v) => {
      if (!Number.isFinite(v)) return options.nanColour ?? '#BBBBBB';
      const t = b === a ? 0.5 : (tr(v) - a) / (b - a);
      return interpolateStops(stops, t, options.nanColour);
    }),
  );
}
