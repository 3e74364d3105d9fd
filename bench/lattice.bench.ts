import { RandomStream } from '../src/core/random/stream.ts';
import { createMouseHooks, MouseLattice } from '../src/follicle/mouse/lattice.ts';
import { assembleMouseLattice, typicalMouseTraits } from '../src/follicle/mouse/model.ts';
import { mouseSkinSchema } from '../src/follicle/mouse/schema.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/** One 50 × 50 mouse follicle lattice after depilation, 35 days at dt = 0.25 d (the lattice alone); best of 5. */
export const latticeBench: BenchSuite = {
  name: 'mouse lattice',
  async run(): Promise<BenchResult[]> {
    const m = assembleMouseLattice(mouseSkinSchema.parse({ depilation: { method: 'cream' } }));
    const steps = Math.round(35 / m.dtDays);
    let best = Infinity;
    for (let rep = 0; rep < 5; rep++) {
      const lat = new MouseLattice(m, typicalMouseTraits(m), RandomStream.fromSeed(rep));
      const hooks = createMouseHooks(lat.n);
      const t0 = performance.now();
      for (let s = 0; s < steps; s++) lat.step(hooks);
      best = Math.min(best, performance.now() - t0);
    }
    return [{ name: 'mouse-lattice-50x50-35d', value: best, unit: 'ms', details: { follicles: m.nx * m.ny, steps, siteStepsPerS: (m.nx * m.ny * steps) / (best / 1000) } }];
  },
};
