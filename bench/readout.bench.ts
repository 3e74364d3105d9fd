/**
 * The arithmetic floor of the mouse study (issue 10, "Speed"): how fast this machine does the multiply-adds
 * the study is made of, and how fast the study's hottest routine does them.
 *
 * - `readout-flagship`: one `averageFields` call of the flagship's follicle coupling (1,600 follicles folded
 *   onto the 8 × 8 × 13 tile of 62.5 µm voxels, 8 fields, bulbs at telogen, full-anagen and descent depths),
 *   µs per call and multiply-adds per second (`readoutMultiplyAdds` counts them as the loops form them).
 * - `js-dot-1sum` / `-2sums` / `-4sums`: a long dot product of two Float64Arrays in this JS engine with one,
 *   two and four independent sums: the best rate a JS loop over typed arrays reaches here.
 * - `dot-2threads`: the same long dot product in one and in two worker threads at once: how two threads
 *   of pure arithmetic scale on this machine (the study's own scaling is `mouse-study` vs `-1thread`).
 * - `x-stage-js` / `-wasm` / `-wasm-simd`: the readout's x stage in one fixed layout as JS, as scalar
 *   WebAssembly and as f64x2 SIMD (bench/wasm/readoutXStage.as.ts, compiled by AssemblyScript 0.28 -O3;
 *   the committed .wasm is loaded as is): what compiling the hot loops would buy. The outputs are checked
 *   bitwise equal (the suite throws otherwise).
 *
 * Run alone: node --import tsx bench/run.ts --only readout
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PerifollicularKernels, type KernelField } from '../src/microenv/perifollicularKernel.ts';
import { assembleAnimal } from '../src/parameters/assemble/animal.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { layerThicknessesM, skinSchema } from '../src/skin/schema.ts';
import { createTransportGrid } from '../src/transport/grid.ts';
import type { BenchResult, BenchSuite } from './types.ts';

const ROOT = join(import.meta.dirname, '..');
/** Fields the flagship's coupling reads per call (READ_NAMES in src/microenv/follicleCoupling.ts). */
const FIELDS = 8;

/** Median of `reps` timings (s) of `f` run `inner` times, after one warm-up round. */
function timeMedian(f: () => void, inner: number, reps = 5): number {
  for (let i = 0; i < inner; i++) f();
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) f();
    t.push((performance.now() - t0) / 1000 / inner);
  }
  return t.sort((a, b) => a - b)[Math.floor(reps / 2)];
}

/** The flagship's kernels: the example scenario's grid, follicle lattice and kernel width. */
function flagshipReadout(): { kernels: PerifollicularKernels; fields: KernelField[]; n: number } {
  const r = parseScenario(readFileSync(join(ROOT, 'examples', 'mouse-cemn-study.yaml'), 'utf8'));
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
  const scn = r.value;
  const P = assembleAnimal(scn.parameters);
  const voxelM = scn.microenvironment.voxelUm * 1e-6;
  const pitchM = 500e-6;
  const n = Math.round(pitchM / voxelM);
  const grid = createTransportGrid({ nx: n, ny: n, nz: Math.round((scn.microenvironment.depthUm * 1e-6) / voxelM), dxM: voxelM, layers: layerThicknessesM(skinSchema.parse({ species: 'mouseDorsal' }), P.skin) });
  let first = 0;
  while (first < grid.nz && grid.layers[grid.layerOfZ[first]].name === 'stratumCorneum') first++;
  const side = scn.skin.lattice.nx ?? 40;
  const spacingM = 1e-3 / Math.sqrt(scn.skin.lattice.follicleDensityPerMm2);
  const count = side * side;
  const xM = Float64Array.from({ length: count }, (_, i) => (((i % side) + 0.5) * spacingM) % pitchM);
  const yM = Float64Array.from({ length: count }, (_, i) => ((Math.floor(i / side) + 0.5) * spacingM) % pitchM);
  const kernels = new PerifollicularKernels(grid, xM, yM, P.skin.perifollicularSigmaM, first);
  // half the bulbs in telogen, a third at full anagen depth, the rest on the descent's 32 steps
  const tel = P.skin.telogenBulbDepthM;
  const ana = P.skin.anagenBulbDepthM;
  kernels.setDepths(Float64Array.from({ length: count }, (_, i) => (i % 6 < 3 ? tel : i % 6 < 5 ? ana : tel + ((ana - tel) * (i % 32)) / 32)));
  const fields = Array.from({ length: FIELDS }, (_, j) => ({
    values: Float64Array.from({ length: grid.voxelCount }, (_, v) => 1 + 0.5 * Math.sin(v + j)),
    stride: 1,
    offset: 0,
    out: new Float64Array(count),
  }));
  return { kernels, fields, n: count };
}

/** Dot products of two long arrays with 1, 2 and 4 independent sums (multiply-adds per second). */
function dotRates(): Record<1 | 2 | 4, number> {
  const len = 4096;
  const a = Float64Array.from({ length: len }, (_, i) => Math.sin(i));
  const b = Float64Array.from({ length: len }, (_, i) => Math.cos(i));
  let sink = 0;
  const one = () => {
    let s = 0;
    for (let i = 0; i < len; i++) s += a[i] * b[i];
    sink += s;
  };
  const two = () => {
    let s = 0;
    let t = 0;
    for (let i = 0; i < len; i += 2) {
      s += a[i] * b[i];
      t += a[i + 1] * b[i + 1];
    }
    sink += s + t;
  };
  const four = () => {
    let s = 0;
    let t = 0;
    let u = 0;
    let v = 0;
    for (let i = 0; i < len; i += 4) {
      s += a[i] * b[i];
      t += a[i + 1] * b[i + 1];
      u += a[i + 2] * b[i + 2];
      v += a[i + 3] * b[i + 3];
    }
    sink += s + t + u + v;
  };
  const rates = { 1: len / timeMedian(one, 4000), 2: len / timeMedian(two, 4000), 4: len / timeMedian(four, 4000) };
  if (!Number.isFinite(sink)) throw new Error('dot products not finite');
  return rates;
}

/** The x stage in JS and in the committed WebAssembly (scalar, SIMD), same layout; multiply-adds per second. */
async function xStageRates(): Promise<{ js: number; wasm: number; simd: number }> {
  const classes = 40;
  const k = FIELDS;
  const rows = 104;
  const nx = 8;
  const memory = new WebAssembly.Memory({ initial: 64 });
  const { instance } = await WebAssembly.instantiate(readFileSync(join(ROOT, 'bench', 'wasm', 'readoutXStage.wasm')), { env: { memory, abort: () => {} } });
  type XStage = (F: number, W: number, x0s: number, xls: number, cols: number, classes: number, k: number, rows: number, nx: number) => void;
  const ex = instance.exports as { memory?: WebAssembly.Memory; xstage: XStage; xstageSimd: XStage };
  const mem = ex.memory ?? memory;
  // the module's own memory starts empty (stub runtime, no data): 1 MiB holds every array below
  const needed = 1 << 20;
  if (mem.buffer.byteLength < needed) mem.grow(Math.ceil((needed - mem.buffer.byteLength) / 65536));
  const buffer = mem.buffer;
  let at = 1024;
  const alloc = (bytes: number) => {
    const o = at;
    at += (bytes + 15) & ~15;
    return o;
  };
  const fO = alloc(k * rows * nx * 8);
  const wO = alloc(classes * nx * 8);
  const x0O = alloc(classes * 4);
  const xlO = alloc(classes * 4);
  const cO = alloc(classes * k * rows * 8);
  const F = new Float64Array(buffer, fO, k * rows * nx);
  const W = new Float64Array(buffer, wO, classes * nx);
  const X0 = new Int32Array(buffer, x0O, classes);
  const XL = new Int32Array(buffer, xlO, classes);
  const C = new Float64Array(buffer, cO, classes * k * rows);
  for (let i = 0; i < F.length; i++) F[i] = Math.sin(i);
  // spans of 5-6 cells starting at 0-2, as the flagship's σ = 40 µm kernels on 62.5 µm voxels
  for (let c = 0; c < classes; c++) {
    X0[c] = c % 3;
    XL[c] = 5 + (c % 2);
    for (let x = 0; x < nx; x++) W[c * nx + x] = Math.cos(c + x);
  }
  const J = new Float64Array(C.length);
  const js = () => {
    for (let c = 0; c < classes; c++) {
      const x0 = X0[c];
      const xl = XL[c];
      const wb = c * nx;
      for (let j = 0; j < k; j++) {
        const ob = (c * k + j) * rows;
        for (let r = 0; r < rows; r += 2) {
          let s = 0;
          let t = 0;
          const q = (j * rows + r) * nx + x0;
          const q2 = q + nx;
          for (let x = 0; x < xl; x++) {
            const w = W[wb + x];
            s += w * F[q + x];
            t += w * F[q2 + x];
          }
          J[ob + r] = s;
          J[ob + r + 1] = t;
        }
      }
    }
  };
  let fmas = 0;
  for (let c = 0; c < classes; c++) fmas += XL[c] * k * rows;
  const check = (what: string) => {
    for (let i = 0; i < C.length; i++) if (C[i] !== J[i]) throw new Error(`x stage: ${what} differs from JS at ${i}: ${C[i]} vs ${J[i]}`);
  };
  const rJs = fmas / timeMedian(js, 300);
  const rWasm = fmas / timeMedian(() => ex.xstage(fO, wO, x0O, xlO, cO, classes, k, rows, nx), 300);
  check('wasm');
  C.fill(0);
  const rSimd = fmas / timeMedian(() => ex.xstageSimd(fO, wO, x0O, xlO, cO, classes, k, rows, nx), 300);
  check('wasm SIMD');
  return { js: rJs, wasm: rWasm, simd: rSimd };
}

/** Wall time (s) of `threads` worker threads each doing the same fixed amount of dot-product work. */
async function dotThreads(threads: number): Promise<number> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const a = Float64Array.from({ length: 4096 }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: 4096 }, (_, i) => Math.cos(i));
    let tot = 0;
    for (let rep = 0; rep < 40000; rep++) {
      let s = 0, t = 0;
      for (let i = 0; i < 4096; i += 2) { s += a[i] * b[i]; t += a[i + 1] * b[i + 1]; }
      tot += s + t;
    }
    parentPort.postMessage(tot);`;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', () => void w.terminate().then(() => resolve()));
      w.once('error', reject);
    })),
  );
  return (performance.now() - t0) / 1000;
}

export const readoutBench: BenchSuite = {
  name: 'readout arithmetic floor',
  async run(): Promise<BenchResult[]> {
    const { kernels, fields, n } = flagshipReadout();
    const perCall = timeMedian(() => kernels.averageFields(fields), 200);
    const w = kernels.readoutMultiplyAdds(FIELDS);
    const fmas = w.x + w.z + w.y;
    const dot = dotRates();
    const xs = await xStageRates();
    const t1 = Math.min(await dotThreads(1), await dotThreads(1));
    const t2 = Math.min(await dotThreads(2), await dotThreads(2));
    const g = (r: number) => r / 1e9;
    return [
      { name: 'readout-flagship', value: perCall * 1e6, unit: 'µs/call', details: { follicles: n, fields: FIELDS, multiplyAdds: fmas, gfmaPerS: g(fmas / perCall) } },
      { name: 'js-dot-1sum', value: g(dot[1]), unit: 'GFMA/s' },
      { name: 'js-dot-2sums', value: g(dot[2]), unit: 'GFMA/s' },
      { name: 'js-dot-4sums', value: g(dot[4]), unit: 'GFMA/s' },
      { name: 'dot-2threads', value: (2 * t1) / t2, unit: '× 1 thread', details: { oneThreadS: t1, twoThreadsS: t2 } },
      { name: 'x-stage-js', value: g(xs.js), unit: 'GFMA/s' },
      { name: 'x-stage-wasm', value: g(xs.wasm), unit: 'GFMA/s', details: { vsJs: xs.wasm / xs.js } },
      { name: 'x-stage-wasm-simd', value: g(xs.simd), unit: 'GFMA/s', details: { vsJs: xs.simd / xs.js } },
    ];
  },
};
