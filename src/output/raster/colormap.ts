/**
 * Continuous colour maps as 256-entry RGB lookup tables.
 * - viridis: perceptually uniform and colour-blind safe (van der Walt & Smith, matplotlib), from Matt Zucker's
 *   degree-6 polynomial fit (within ~4/255 of the reference; test/render checks the 9 stops of
 *   the former hand-written chart palette). Lightness rises monotonically from dark purple to yellow.
 * - diverging: ColorBrewer RdBu (11 classes, Brewer 2002) reversed, blue (low) → near-white (middle) → red
 *   (high); for signed quantities such as changes from baseline.
 */

/** Name of a built-in colour map. */
export type ColourMapName = 'viridis' | 'diverging';

/** A colour map: 256 RGB triples (768 bytes), index 0 = lowest value. */
export interface ColourMap {
  readonly name: ColourMapName;
  readonly lut: Uint8Array;
}

const VIRIDIS_COEFFS: readonly (readonly [number, number, number])[] = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

const RDBU_REVERSED: readonly string[] = [
  '#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f',
];

const clampByte = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

function viridisLut(): Uint8Array {
  const lut = new Uint8Array(768);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    for (let ch = 0; ch < 3; ch++) {
      let v = 0;
      for (let p = VIRIDIS_COEFFS.length - 1; p >= 0; p--) v = v * t + VIRIDIS_COEFFS[p][ch];
      lut[3 * i + ch] = clampByte(255 * v);
    }
  }
  return lut;
}

function stopsLut(stops: readonly string[]): Uint8Array {
  const rgb = stops.map((h) => [1, 3, 5].map((o) => parseInt(h.slice(o, o + 2), 16)));
  const lut = new Uint8Array(768);
  for (let i = 0; i < 256; i++) {
    const x = (i / 255) * (stops.length - 1);
    const a = Math.min(Math.floor(x), stops.length - 2);
    const f = x - a;
    for (let ch = 0; ch < 3; ch++) lut[3 * i + ch] = clampByte(rgb[a][ch] * (1 - f) + rgb[a + 1][ch] * f);
  }
  return lut;
}

const cache = new Map<ColourMapName, ColourMap>();

/** The built-in colour map of that name. */
export function colourMap(name: ColourMapName): ColourMap {
  let m = cache.get(name);
  if (!m) {
    m = { name, lut: name === 'viridis' ? viridisLut() : stopsLut(RDBU_REVERSED) };
    cache.set(name, m);
  }
  return m;
}

/** RGB of position t ∈ [0, 1] on a map (clamped; NaN gives mid grey). */
export function colourAt(map: ColourMap, t: number): [number, number, number] {
  if (Number.isNaN(t)) return [128, 128, 128];
  const i = Math.max(0, Math.min(255, Math.round(t * 255)));
  return [map.lut[3 * i], map.lut[3 * i + 1], map.lut[3 * i + 2]];
}

/** WCAG relative luminance (0–1) of an sRGB byte triple; used to check monotone lightness. */
export function relativeLuminance(rgb: readonly [number, number, number]): number {
  const lin = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}
