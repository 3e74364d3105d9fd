import { encodePng } from '../output/raster/png.ts';
import { RandomStream } from '../core/random/stream.ts';
import { Substreams } from '../core/random/substreams.ts';
import { PHASE } from '../follicle/human/automaton.ts';

/**
 * A "global photograph" of a man's target area drawn from his simulated follicles: follicle j sits at a
 * fixed place (its cell of a square grid, jittered by a hash of the man and j) and shows the shaft it holds
 * at that visit — none in latency or when dormant, a dark thick one when its diameter is terminal, a thin
 * pale one when vellus. Baseline and end place every follicle at the same spot, so the pair shows which
 * follicles lost, kept, thinned or thickened their hair.
 */

/** Every follicle of the area at one visit: phase (PHASE) and shaft diameter (µm, 0 without a shaft). */
export interface FollicleView {
  phase: ArrayLike<number>;
  shaftUm: ArrayLike<number>;
}

/** Where follicle j of n is drawn (px) and the direction its shaft grows (rad). */
export interface FollicleSpot {
  x: number;
  y: number;
  angle: number;
}

const SCALP: readonly [number, number, number] = [233, 196, 170];
const TERMINAL: readonly [number, number, number] = [45, 30, 22];
const VELLUS: readonly [number, number, number] = [170, 140, 120];
/** Shaft lengths in grid cells and the jitter/angle spread: drawing choices, not model values. */
const DRAW = { terminalCells: 2.5, vellusCells: 1.2, jitterMargin: 0.2, jitterSpan: 0.6, angleFrom: 0.6, angleSpan: 0.5, stepPx: 0.5 } as const;

/** The places of a man's n follicles in a sizePx square: a pure function of (man, j, n), never of their state. */
export function follicleSpots(subjectId: number, n: number, sizePx: number): FollicleSpot[] {
  const root = RandomStream.fromSeed(0, ['photo', subjectId]);
  const hash = new Substreams(root.uint32(), root.uint32());
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cell = sizePx / side;
  return Array.from({ length: n }, (_, j) => {
    const h = hash.select(j);
    return {
      x: ((j % side) + DRAW.jitterMargin + DRAW.jitterSpan * h.uniform()) * cell,
      y: (Math.floor(j / side) + DRAW.jitterMargin + DRAW.jitterSpan * h.uniform()) * cell,
      angle: DRAW.angleFrom + DRAW.angleSpan * h.uniform(),
    };
  });
}

/** Whether a follicle at this visit holds a shaft. */
export function hasShaft(phase: number, shaftUm: number): boolean {
  return phase !== PHASE.latency && phase !== PHASE.dormant && shaftUm > 0;
}

/** RGBA pixels of the photograph of `view` (terminal when the shaft is ≥ terminalThresholdUm). */
export function vertexPhotoRaster(subjectId: number, view: FollicleView, terminalThresholdUm: number, sizePx = 120): Uint8Array {
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  for (let i = 0; i < sizePx * sizePx; i++) {
    rgba.set(SCALP, 4 * i);
    rgba[4 * i + 3] = 255;
  }
  const n = view.phase.length;
  const spots = follicleSpots(subjectId, n, sizePx);
  const cell = sizePx / Math.max(1, Math.ceil(Math.sqrt(n)));
  const put = (x: number, y: number, c: readonly [number, number, number]) => {
    if (x < 0 || y < 0 || x >= sizePx || y >= sizePx) return;
    rgba.set(c, 4 * (Math.floor(y) * sizePx + Math.floor(x)));
  };
  for (let j = 0; j < n; j++) {
    if (!hasShaft(view.phase[j], view.shaftUm[j])) continue;
    const thick = view.shaftUm[j] >= terminalThresholdUm;
    const len = (thick ? DRAW.terminalCells : DRAW.vellusCells) * cell;
    const colour = thick ? TERMINAL : VELLUS;
    const { x: x0, y: y0, angle } = spots[j];
    for (let s = 0; s <= len; s += DRAW.stepPx) {
      const x = x0 + s * Math.cos(angle);
      const y = y0 + s * Math.sin(angle);
      put(x, y, colour);
      if (thick) put(x + 1, y, colour);
    }
  }
  return rgba;
}

/** The photograph as PNG bytes. */
export function renderVertexPhoto(subjectId: number, view: FollicleView, terminalThresholdUm: number, sizePx = 120): Uint8Array {
  return encodePng(sizePx, sizePx, vertexPhotoRaster(subjectId, view, terminalThresholdUm, sizePx));
}
