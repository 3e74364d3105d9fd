import { encodePng } from '../output/raster/png.ts';
import { RandomStream } from '../core/random/stream.ts';

/**
 * A "global photograph" of a man's target area, rendered from his counts: follicles sit at fixed jittered
 * positions (from his id), and the first `terminal` of a fixed random order carry a dark thick shaft, the
 * next `hairs − terminal` a thin pale (vellus) one, the rest show bare scalp. Baseline and end use the same
 * order, so the pair shows the change in number and thickness. It is a picture of the counts, not of
 * individual follicles (the automaton does not expose per-follicle state).
 */
export function renderVertexPhoto(subjectId: number, follicles: number, terminal: number, hairs: number, sizePx = 120): Uint8Array {
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  for (let i = 0; i < sizePx * sizePx; i++) {
    rgba[4 * i] = 233;
    rgba[4 * i + 1] = 196;
    rgba[4 * i + 2] = 170;
    rgba[4 * i + 3] = 255;
  }
  const rng = RandomStream.fromSeed(0, ['photo', subjectId]);
  const side = Math.max(1, Math.ceil(Math.sqrt(follicles)));
  const cell = sizePx / side;
  const order = Array.from({ length: follicles }, (_, i) => i);
  for (let i = follicles - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const put = (x: number, y: number, c: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= sizePx || y >= sizePx) return;
    const k = 4 * (Math.floor(y) * sizePx + Math.floor(x));
    rgba[k] = c[0];
    rgba[k + 1] = c[1];
    rgba[k + 2] = c[2];
  };
  for (let rank = 0; rank < follicles; rank++) {
    const f = order[rank];
    const x0 = ((f % side) + 0.2 + 0.6 * rng.uniform()) * cell;
    const y0 = (Math.floor(f / side) + 0.2 + 0.6 * rng.uniform()) * cell;
    const angle = 0.6 + 0.5 * rng.uniform();
    if (rank >= hairs) continue;
    const thick = rank < terminal;
    const len = thick ? 2.5 * cell : 1.2 * cell;
    const colour: [number, number, number] = thick ? [45, 30, 22] : [170, 140, 120];
    for (let s = 0; s <= len; s += 0.5) {
      const x = x0 + s * Math.cos(angle);
      const y = y0 + s * Math.sin(angle);
      put(x, y, colour);
      if (thick) put(x + 1, y, colour);
    }
  }
  return encodePng(sizePx, sizePx, rgba);
}
