import type { MouseLattice } from './lattice.ts';

/**
 * A photograph-like picture of the depilated dorsal skin of one lattice: pink skin where follicles rest,
 * grey → black where they are pigmented (anagen III–VI), and hair shafts as short dark strokes lying
 * caudally (image y grows toward the tail), whose length follows the shaft length and whose opacity follows
 * its diameter. Stroke positions and angles come from an integer hash of the follicle index (never from the
 * simulation's random stream), so a picture is a pure function of the lattice state.
 */

/** Skin colour stops (RGB) at pigmentation 0, 0.5 and 1. */
const PINK = [236, 186, 180] as const;
const GREY = [134, 122, 126] as const;
const BLACK = [46, 40, 44] as const;
const HAIR = [18, 16, 20] as const;

/** 32-bit integer hash (lowbias32, C. Wellons): well mixed, reproducible, platform-independent. */
function hash32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic uniform in [0, 1) from two integer keys. */
function hashUnit(a: number, b: number): number {
  return hash32(hash32(a) ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) / 4294967296;
}

function skinChannel(p: number, c: 0 | 1 | 2): number {
  if (p <= 0.5) return PINK[c] + (GREY[c] - PINK[c]) * (p * 2);
  return GREY[c] + (BLACK[c] - GREY[c]) * ((p - 0.5) * 2);
}

/** Renders the lattice as an RGBA image (row-major, 4 bytes per pixel, opaque). */
export function renderDorsalPhoto(lattice: MouseLattice, widthPx: number, heightPx: number): Uint8ClampedArray {
  const W = Math.max(1, Math.floor(widthPx));
  const H = Math.max(1, Math.floor(heightPx));
  const img = new Uint8ClampedArray(W * H * 4);
  const nx = lattice.nx;
  const ny = lattice.ny;
  const pig = blurredPigmentation(lattice);

  // Skin: bilinear interpolation of the (blurred) follicle pigmentation, plus a faint fixed texture.
  for (let py = 0; py < H; py++) {
    let v = ((py + 0.5) / H) * ny - 0.5;
    v = v < 0 ? 0 : v > ny - 1 ? ny - 1 : v;
    const y0 = Math.floor(v);
    const y1 = y0 + 1 < ny ? y0 + 1 : y0;
    const fy = v - y0;
    for (let px = 0; px < W; px++) {
      let u = ((px + 0.5) / W) * nx - 0.5;
      u = u < 0 ? 0 : u > nx - 1 ? nx - 1 : u;
      const x0 = Math.floor(u);
      const x1 = x0 + 1 < nx ? x0 + 1 : x0;
      const fx = u - x0;
      const p =
        (pig[y0 * nx + x0] * (1 - fx) + pig[y0 * nx + x1] * fx) * (1 - fy) +
        (pig[y1 * nx + x0] * (1 - fx) + pig[y1 * nx + x1] * fx) * fy;
      const grain = (hashUnit(py * W + px, 7) - 0.5) * 10;
      const o = (py * W + px) * 4;
      img[o] = skinChannel(p, 0) + grain;
      img[o + 1] = skinChannel(p, 1) + grain;
      img[o + 2] = skinChannel(p, 2) + grain;
      img[o + 3] = 255;
    }
  }

  // Hairs: strokes from the follicle opening toward the tail.
  const cellW = W / nx;
  const cellH = H / ny;
  const cell = Math.max(cellW, cellH);
  const fullLengthPx = Math.max(2, Math.min(3 * cell, 0.25 * Math.min(W, H)));
  // Enough strokes that a full coat paints each cell ~3 times over (hides the skin, as a real coat does).
  const strokesPerFollicle = Math.min(16, Math.max(1, Math.ceil((3 * cellW * cellH) / fullLengthPx)));
  const maxLen = lattice.model.maxShaftLengthMm;
  const refDiameter = lattice.model.diameterMeanUm;
  for (let i = 0; i < lattice.n; i++) {
    const len = lattice.shaftLengthMm[i];
    if (!(len > 0)) continue;
    const lengthPx = Math.max(1, (len / maxLen) * fullLengthPx);
    const d = lattice.shaftDiameterUm[i];
    const alpha = Math.min(0.95, 0.3 + 0.6 * (d / refDiameter));
    const cx = (i % nx) * cellW;
    const cy = Math.floor(i / nx) * cellH;
    for (let s = 0; s < strokesPerFollicle; s++) {
      const key = i * 16 + s;
      const x0 = cx + hashUnit(key, 1) * cellW;
      const y0 = cy + hashUnit(key, 2) * cellH;
      const angle = Math.PI / 2 + (hashUnit(key, 3) - 0.5) * 1.1;
      const l = lengthPx * (0.75 + 0.5 * hashUnit(key, 4));
      drawStroke(img, W, H, x0, y0, x0 + Math.cos(angle) * l, y0 + Math.sin(angle) * l, alpha);
    }
  }
  return img;
}

/**
 * Follicle pigmentation smoothed by a 3×3 binomial kernel: melanin in the bulbs lies deep in the
 * subcutis and shows through the skin as diffuse grey-black patches rather than as single dots.
 */
function blurredPigmentation(lattice: MouseLattice): Float64Array {
  const nx = lattice.nx;
  const ny = lattice.ny;
  const src = lattice.pigmentation;
  const out = new Float64Array(lattice.n);
  const w = [1, 2, 1];
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      let sum = 0;
      let wsum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= ny) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= nx) continue;
          const k = w[dy + 1] * w[dx + 1];
          sum += k * src[yy * nx + xx];
          wsum += k;
        }
      }
      out[y * nx + x] = sum / wsum;
    }
  }
  return out;
}

/** A 1-pixel line from (x0, y0) to (x1, y1), alpha-blended in hair colour (DDA, one blend per pixel step). */
function drawStroke(img: Uint8ClampedArray, W: number, H: number, x0: number, y0: number, x1: number, y1: number, alpha: number): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy))));
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    const x = Math.floor(x0 + dx * t);
    const y = Math.floor(y0 + dy * t);
    if (x < 0 || y < 0 || x >= W || y >= H) continue;
    // Tapered tip: the last third of the stroke fades.
    const a = t > 0.67 ? alpha * (1 - (t - 0.67) / 0.33) * 0.8 + alpha * 0.2 : alpha;
    const o = (y * W + x) * 4;
    img[o] = img[o] + (HAIR[0] - img[o]) * a;
    img[o + 1] = img[o + 1] + (HAIR[1] - img[o + 1]) * a;
    img[o + 2] = img[o + 2] + (HAIR[2] - img[o + 2]) * a;
  }
}

/** Mean Rec. 601 luma (0-255) of an RGBA image: a one-number summary for tests and reports. */
export function meanLuminance(rgba: Uint8ClampedArray): number {
  let sum = 0;
  const n = rgba.length / 4;
  for (let o = 0; o < rgba.length; o += 4) sum += 0.299 * rgba[o] + 0.587 * rgba[o + 1] + 0.114 * rgba[o + 2];
  return n > 0 ? sum / n : 0;
}
