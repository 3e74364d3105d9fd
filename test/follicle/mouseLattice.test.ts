import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertDocumented } from '../helpers/docs.ts';
import { provenanceText } from '../../src/core/parameter.ts';
import { RandomStream } from '../../src/core/random/stream.ts';
import { normalCdf } from '../../src/core/random/specialFunctions.ts';
import { androgenExposure, applyAgaMultipliers } from '../../src/follicle/mouse/aga.ts';
import { createMouseHooks, MOUSE_HOOK_NAMES, MOUSE_PHASE, MouseLattice, type MouseHooks } from '../../src/follicle/mouse/lattice.ts';
import { assembleMouseLattice, latticeSize, typicalMouseTraits, type MouseLatticeModel } from '../../src/follicle/mouse/model.ts';
import { measureWaveSpeed } from '../../src/follicle/mouse/measure.ts';
import { mouseReadouts } from '../../src/follicle/mouse/readouts.ts';
import { createMouseAnimal, runMouseAnimal, timeToReach } from '../../src/follicle/mouse/run.ts';
import { mouseSkinSchema, type MouseSkinInput } from '../../src/follicle/mouse/schema.ts';
import { mouseParameters } from '../../src/species/mouse.ts';
import { Z } from '../helpers/stats.ts';

const NO_VARIABILITY = { anagenDurationCv: 0, refractoryDurationCv: 0, activationCv: 0, growthRateCv: 0, androgenSensitivityCv: 0, competentFractionSd: 0 };

function mouseModel(input: MouseSkinInput = {}): MouseLatticeModel {
  return assembleMouseLattice(mouseSkinSchema.parse(input));
}

/** A lattice with the typical (mean) animal's traits. */
function typicalLattice(model: MouseLatticeModel, seed: number): MouseLattice {
  return new MouseLattice(model, typicalMouseTraits(model), RandomStream.fromSeed(seed, ['test']));
}

function runDays(lat: MouseLattice, days: number, hooks?: Partial<MouseHooks>): void {
  const steps = Math.round(days / lat.model.dtDays);
  for (let s = 0; s < steps; s++) lat.step(hooks);
}

/** Every state array of a lattice, for equality checks. */
function snapshot(lat: MouseLattice): number[][] {
  return [lat.phase, lat.phaseAgeDays, lat.remainingDays, lat.shaftLengthMm, lat.shaftDiameterUm, lat.growingShaftMm, lat.pigmentation, lat.size, lat.cycles, lat.anagenOnsetDay].map((a) =>
    Array.from(a as ArrayLike<number>),
  );
}

describe('mouse lattice: schema and assembly', () => {
  it('parses defaults and sizes the lattice from nx/ny or area × density', () => {
    const cfg = mouseSkinSchema.parse({});
    assert.deepEqual(latticeSize(cfg), { nx: 50, ny: 50 });
    assert.equal(cfg.depilation.method, 'cream');
    const byArea = mouseSkinSchema.parse({ lattice: { areaMm2: 4, follicleDensityPerMm2: 400 } });
    assert.deepEqual(latticeSize(byArea), { nx: 40, ny: 40 });
    assert.deepEqual(latticeSize(mouseSkinSchema.parse({ lattice: { nx: 30 } })), { nx: 30, ny: 30 });
    const m = mouseModel({ lattice: { follicleDensityPerMm2: 400 } });
    assert.equal(m.siteSpacingUm, 50);
  });

  it('rejects contradictory input', () => {
    assert.equal(mouseSkinSchema.safeParse({ lattice: { areaMm2: 4, nx: 10 } }).success, false);
    assert.equal(mouseSkinSchema.safeParse({ depilation: { method: 'laser' } }).success, false);
    assert.equal(mouseSkinSchema.safeParse({ aga: { susceptibility: { mean: 0.5, sd: 0.6 } } }).success, false);
    assert.equal(mouseSkinSchema.safeParse({ lattice: { bogus: 1 } }).success, false, 'strict objects');
  });

  it('every mouse parameter is documented in docs/model.md §6 with its value and provenance', () => assertDocumented(mouseParameters, 6));
});

describe('mouse lattice: depilation', () => {
  it('wax depilation in telogen: >= 90 % anagen within a week, coverage > 80 % by day 14-18', () => {
    const lat = typicalLattice(mouseModel({ depilation: { method: 'wax' }, variability: NO_VARIABILITY }), 1);
    assert.equal(mouseReadouts(lat).hairCoverage, 0, 'depilated at day 0');
    assert.equal(mouseReadouts(lat).telogenFraction, 1, 'all follicles start in second telogen');
    runDays(lat, 7);
    assert.ok(mouseReadouts(lat).anagenFraction >= 0.9, `anagen at day 7: ${mouseReadouts(lat).anagenFraction}`);
    runDays(lat, 7);
    const d14 = mouseReadouts(lat);
    assert.ok(d14.hairCoverage > 0.8, `coverage at day 14: ${d14.hairCoverage}`);
    assert.ok(d14.skinDarkness > 0.5, `skin dark at day 14: ${d14.skinDarkness}`);
    runDays(lat, 4);
    assert.ok(mouseReadouts(lat).hairCoverage > 0.8, `coverage at day 18: ${mouseReadouts(lat).hairCoverage}`);
  });

  it('a cohort of 8 varying mice (wax) averages > 80 % coverage at day 18', () => {
    const model = mouseModel({ depilation: { method: 'wax' } });
    let sum = 0;
    for (let k = 0; k < 8; k++) {
      const r = runMouseAnimal(createMouseAnimal(model, 7, ['mouse', k]), { durationDays: 18 });
      sum += r.series.hairCoverage[18];
    }
    assert.ok(sum / 8 > 0.8, `mean coverage ${sum / 8}`);
  });

  it('catagen entry after wax follows the exact discrete-time expectation (calibrated to chjcana 2010)', () => {
    const model = mouseModel({
      lattice: { nx: 100, ny: 100 },
      depilation: { method: 'wax' },
      coupling: { threshold: 9 },
      cycle: { spontaneousActivationPerDay: 0 },
      variability: NO_VARIABILITY,
    });
    const lat = typicalLattice(model, 3);
    const dt = model.dtDays;
    const { peakRatePerDay: h0, decayDays: tau } = model.depilation;
    // P(activation at the end of step j) and P(catagen entered by day d) = Σ_j P_j · P(A ≤ floor((d − j·dt)/dt)·dt).
    const expected = (d: number): number => {
      let surv = 1;
      let p = 0;
      for (let j = 1; j * dt <= d; j++) {
        const hj = h0 * tau * (Math.exp(-((j - 1) * dt) / tau) - Math.exp(-(j * dt) / tau));
        const pj = surv * -Math.expm1(-hj);
        surv -= pj;
        const a = Math.floor((d - j * dt) / dt + 1e-9) * dt;
        if (a > 0) p += pj * normalCdf((Math.log(a) - model.anagen.mu) / model.anagen.sigma);
      }
      return p;
    };
    const entered = () => {
      let k = 0;
      for (let i = 0; i < lat.n; i++) if (lat.cycles[i] >= 1 && lat.phase[i] !== MOUSE_PHASE.anagen) k++;
      return k / lat.n;
    };
    for (const [day, target] of [
      [17, 0.633],
      [22, 0.85],
    ] as const) {
      runDays(lat, day - lat.timeDays);
      const p = expected(day);
      const tol = Z * Math.sqrt((p * (1 - p)) / lat.n);
      assert.ok(Math.abs(entered() - p) <= tol, `day ${day}: ${entered()} vs ${p} ± ${tol}`);
      assert.ok(Math.abs(p - target) < 0.005, `day ${day}: model ${p} vs data ${target} (calibration target, fitted to 3 digits)`);
    }
  });

  it('cream depilation is slower than wax', () => {
    const run = (method: 'wax' | 'cream') => {
      const r = runMouseAnimal(createMouseAnimal(mouseModel({ depilation: { method }, variability: NO_VARIABILITY }), 11, ['m']), { durationDays: 35 });
      return { t50: timeToReach(r.timesDays, r.series.hairCoverage, 0.5), ana3: r.series.anagenFraction[3] };
    };
    const wax = run('wax');
    const cream = run('cream');
    assert.ok(cream.ana3 < wax.ana3 - 0.3, `anagen at day 3: cream ${cream.ana3}, wax ${wax.ana3}`);
    assert.ok(cream.t50 > wax.t50 + 1, `days to 50 % coverage: cream ${cream.t50}, wax ${wax.t50}`);
  });

  it('without depilation the club hairs stay and telogen persists', () => {
    const lat = typicalLattice(mouseModel({ depilation: { method: 'none' }, variability: NO_VARIABILITY }), 2);
    runDays(lat, 5);
    const r = mouseReadouts(lat);
    assert.equal(r.hairCoverage, 1);
    assert.ok(r.telogenFraction > 0.9, `telogen ${r.telogenFraction}`);
  });
});

describe('mouse lattice: activation statistics', () => {
  it('an isolated competent follicle waits an exponential time (rate λ, within z·SE(N))', () => {
    const lambda = 0.05;
    const model = mouseModel({
      lattice: { nx: 1, ny: 1 },
      depilation: { method: 'none' },
      initial: { competentFraction: 1 },
      cycle: { spontaneousActivationPerDay: lambda },
      variability: NO_VARIABILITY,
    });
    const N = 4000;
    const checkDays = [5, 10, 20, 40];
    const waiting: number[] = [];
    const alive = new Float64Array(checkDays.length);
    let exposureSteps = 0;
    const horizon = 40;
    for (let k = 0; k < N; k++) {
      const lat = new MouseLattice(model, typicalMouseTraits(model), RandomStream.fromSeed(99, ['single', k]));
      while (lat.cycles[0] === 0 && lat.timeDays < horizon - 1e-9) {
        lat.step();
        exposureSteps++;
      }
      if (lat.cycles[0] > 0) waiting.push(lat.anagenOnsetDay[0]);
      const t = lat.cycles[0] > 0 ? lat.anagenOnsetDay[0] : Infinity;
      checkDays.forEach((d, j) => {
        if (t > d) alive[j]++;
      });
    }
    // Survival at step boundaries is exactly exp(−λ t).
    checkDays.forEach((d, j) => {
      const s = Math.exp(-lambda * d);
      const tol = Z * Math.sqrt((s * (1 - s)) / N);
      assert.ok(Math.abs(alive[j] / N - s) <= tol, `S(${d}) = ${alive[j] / N} vs ${s} ± ${tol}`);
    });
    // Censored geometric MLE of the per-step probability, back to a rate.
    const dt = model.dtDays;
    const events = waiting.length;
    const rateHat = -Math.log(1 - events / exposureSteps) / dt;
    const tol = (Z * lambda) / Math.sqrt(events);
    assert.ok(Math.abs(rateHat - lambda) <= tol, `rate ${rateHat} vs ${lambda} ± ${tol}`);
  });

  it('coupled propagation spreads anagen as a wave: activation time grows linearly with (Euclidean) distance', () => {
    const side = 81;
    const model = mouseModel({
      lattice: { nx: side, ny: side },
      depilation: { method: 'none' },
      initial: { competentFraction: 1 },
      cycle: { spontaneousActivationPerDay: 0 },
      variability: NO_VARIABILITY,
    });
    const lat = typicalLattice(model, 5);
    const c = (side - 1) / 2;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) lat.seedAnagen((c + dy) * side + (c + dx));
    const allActive = () => lat.cycles.every((k) => k > 0);
    while (!allActive() && lat.timeDays < 45) lat.step();
    const r: number[] = [];
    const t: number[] = [];
    let outside = 0;
    for (let i = 0; i < lat.n; i++) {
      const dx = (i % side) - c;
      const dy = Math.floor(i / side) - c;
      if (Math.max(Math.abs(dx), Math.abs(dy)) < 2) continue; // the seed patch
      outside++;
      if (lat.cycles[i] === 0) continue; // a follicle the front missed (at θ = 2 a lattice corner can be)
      r.push(Math.hypot(dx, dy));
      t.push(lat.anagenOnsetDay[i]);
    }
    assert.ok(r.length >= 0.99 * outside, `the wave died: ${r.length} of ${outside} activated`);
    const n = r.length;
    const mr = r.reduce((a, b) => a + b, 0) / n;
    const mt = t.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let k = 0; k < n; k++) {
      sxy += (r[k] - mr) * (t[k] - mt);
      sxx += (r[k] - mr) ** 2;
      syy += (t[k] - mt) ** 2;
    }
    const slope = sxy / sxx;
    const corr = sxy / Math.sqrt(sxx * syy);
    const speed = 1 / slope; // follicles per day
    assert.ok(corr > 0.95, `correlation ${corr}`);
    assert.ok(speed <= Math.SQRT2 / model.dtDays + 1e-9, `front faster than one (diagonal) site per step: ${speed}/day`);
    assert.ok(speed > 0.5, `front too slow: ${speed}/day`);
  });

  it('measureWaveSpeed: faster coupling gives faster fronts, never faster than one site per step', () => {
    const slow = measureWaveSpeed(mouseModel({ lattice: { nx: 61 }, coupling: { ratePerDay: 1 } }), 1);
    const fast = measureWaveSpeed(mouseModel({ lattice: { nx: 61 }, coupling: { ratePerDay: 8 } }), 1);
    for (const w of [slow, fast]) {
      assert.ok(w.correlation > 0.95 && w.reachedFraction >= 0.99, JSON.stringify(w));
      assert.ok(w.folliclesPerDay <= Math.SQRT2 / 0.25 + 1e-9, `at most one (diagonal) site per step: ${w.folliclesPerDay}`);
    }
    assert.ok(fast.folliclesPerDay > slow.folliclesPerDay, `${fast.folliclesPerDay} vs ${slow.folliclesPerDay}`);
    assert.ok(Math.abs(fast.mmPerDay - (fast.folliclesPerDay * 1000) / Math.sqrt(300) / 1000) < 1e-12);
  });

  it('propagation is what spreads the wave: with coupling off the seeded patch stays alone', () => {
    const side = 21;
    const model = mouseModel({
      lattice: { nx: side, ny: side },
      depilation: { method: 'none' },
      initial: { competentFraction: 1 },
      cycle: { spontaneousActivationPerDay: 0 },
      coupling: { threshold: 9 },
      variability: NO_VARIABILITY,
    });
    const lat = typicalLattice(model, 5);
    lat.seedAnagen(10 * side + 10);
    lat.seedAnagen(10 * side + 11);
    runDays(lat, 20);
    let active = 0;
    for (let i = 0; i < lat.n; i++) if (lat.cycles[i] > 0) active++;
    assert.equal(active, 2);
  });
});

describe('mouse lattice: androgen (AGA) through the hooks', () => {
  it('AGA multipliers: exposure 0 leaves ones, exposure 1 gives the effects, 0.5 their square roots', () => {
    const model = mouseModel();
    const hooks = createMouseHooks(3);
    const x = androgenExposure(1, 1, new Float64Array([0, 1, 0.5]));
    applyAgaMultipliers(model.aga, x, hooks);
    assert.equal(hooks.activationRateFactor[0], 1);
    assert.ok(Math.abs(hooks.activationRateFactor[1] - model.aga.activationFactor) < 1e-12);
    assert.ok(Math.abs(hooks.anagenDurationFactor[2] - Math.sqrt(model.aga.anagenDurationFactor)) < 1e-12);
    assert.ok(Math.abs(hooks.sizeRetentionFactor[1] - model.aga.sizeRetentionPerCycle) < 1e-12);
    assert.deepEqual(Array.from(androgenExposure(3, 1, new Float64Array([0.5]))), [1], 'exposure is capped at 1');
  });

  it('AGA delays coverage, shortens anagen and miniaturizes (same animals, common random numbers)', () => {
    for (const method of ['wax', 'cream'] as const) {
      const arm = (androgenLevel: number) => {
        const model = mouseModel({ depilation: { method }, aga: { androgenLevel } });
        let t50 = 0;
        let cov21 = 0;
        let ana14 = 0;
        let diam = 0;
        let full = 0;
        const M = 4;
        for (let k = 0; k < M; k++) {
          const r = runMouseAnimal(createMouseAnimal(model, 21, ['mouse', k]), { durationDays: 35 });
          const t = timeToReach(r.timesDays, r.series.hairCoverage, 0.5);
          t50 += (Number.isNaN(t) ? 36 : t) / M;
          cov21 += r.series.hairCoverage[21] / M;
          ana14 += r.series.anagenFraction[14] / M;
          diam += r.series.meanHairDiameterUm[35] / M;
          full += r.series.nonMiniaturizedFraction[35] / M;
        }
        return { t50, cov21, ana14, diam, full };
      };
      const normal = arm(0);
      const aga = arm(1);
      assert.ok(aga.t50 > normal.t50, `${method}: t50 AGA ${aga.t50} vs normal ${normal.t50}`);
      assert.ok(aga.cov21 < normal.cov21, `${method}: coverage d21 AGA ${aga.cov21} vs ${normal.cov21}`);
      assert.ok(aga.diam < normal.diam, `${method}: diameter AGA ${aga.diam} vs ${normal.diam}`);
      assert.ok(aga.full < normal.full, `${method}: non-miniaturized AGA ${aga.full} vs ${normal.full}`);
      if (method === 'wax') assert.ok(aga.ana14 < normal.ana14, `wax: anagen at d14 AGA ${aga.ana14} vs ${normal.ana14} (shorter anagen)`);
    }
  });

  it('the anagen-duration hook shortens anagen by its factor (mean catagen onset)', () => {
    const model = mouseModel({ depilation: { method: 'wax' }, variability: NO_VARIABILITY, lattice: { nx: 60 } });
    const meanAnagen = (factor: number) => {
      const lat = typicalLattice(model, 8);
      const hooks = createMouseHooks(lat.n);
      hooks.anagenDurationFactor.fill(factor);
      const onset = new Float64Array(lat.n).fill(Number.NaN);
      const end = new Float64Array(lat.n).fill(Number.NaN);
      for (let s = 0; s < 50 / model.dtDays; s++) {
        lat.step(hooks);
        for (let i = 0; i < lat.n; i++) {
          if (Number.isNaN(onset[i]) && lat.cycles[i] === 1) onset[i] = lat.anagenOnsetDay[i];
          if (Number.isNaN(end[i]) && lat.cycles[i] === 1 && lat.phase[i] !== MOUSE_PHASE.anagen) end[i] = lat.timeDays;
        }
      }
      let sum = 0;
      let k = 0;
      for (let i = 0; i < lat.n; i++) {
        if (Number.isNaN(end[i])) continue;
        sum += end[i] - onset[i];
        k++;
      }
      return { mean: sum / k, k };
    };
    const full = meanAnagen(1);
    const short = meanAnagen(0.5);
    // Mean anagen (steps of dt, rounded up): factor × E[A] + up to dt.
    const ea = Math.exp(model.anagen.mu + 0.5 * model.anagen.sigma ** 2);
    const sd = ea * Math.sqrt(Math.exp(model.anagen.sigma ** 2) - 1);
    for (const [r, f] of [
      [full, 1],
      [short, 0.5],
    ] as const) {
      const tol = (Z * Math.sqrt(f * f * sd * sd + model.dtDays ** 2 / 12)) / Math.sqrt(r.k);
      assert.ok(Math.abs(r.mean - f * ea - model.dtDays / 2) <= tol, `factor ${f}: ${r.mean} vs ${f * ea} ± ${tol}`);
    }
  });

  it('per-follicle hooks act per follicle: zero activation on the left half keeps it in telogen', () => {
    const model = mouseModel({ depilation: { method: 'wax' }, variability: NO_VARIABILITY, lattice: { nx: 40 } });
    const lat = typicalLattice(model, 4);
    const hooks = createMouseHooks(lat.n);
    for (let i = 0; i < lat.n; i++) {
      if (i % lat.nx < lat.nx / 2) {
        hooks.activationRateFactor[i] = 1e-300;
        hooks.propagationFactor[i] = 1e-300;
      }
    }
    runDays(lat, 7, hooks);
    let left = 0;
    let right = 0;
    for (let i = 0; i < lat.n; i++) {
      if (lat.phase[i] !== MOUSE_PHASE.anagen) continue;
      if (i % lat.nx < lat.nx / 2) left++;
      else right++;
    }
    assert.equal(left, 0);
    assert.ok(right > 0.9 * (lat.n / 2), `right half anagen ${right}`);
  });
});

describe('mouse lattice: reproducibility and hooks', () => {
  const model = mouseModel({ depilation: { method: 'cream' }, aga: { androgenLevel: 1 } });

  it('same seed gives identical output, a different seed a different one', () => {
    const a = runMouseAnimal(createMouseAnimal(model, 1234, ['m', 0]), { durationDays: 35 });
    const b = runMouseAnimal(createMouseAnimal(model, 1234, ['m', 0]), { durationDays: 35 });
    const c = runMouseAnimal(createMouseAnimal(model, 1235, ['m', 0]), { durationDays: 35 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.series.hairCoverage, c.series.hairCoverage);
  });

  it('all-ones hooks give output identical to no hooks', () => {
    const noAga = mouseModel({ depilation: { method: 'cream' } });
    const x = new MouseLattice(noAga, typicalMouseTraits(noAga), RandomStream.fromSeed(77));
    const y = new MouseLattice(noAga, typicalMouseTraits(noAga), RandomStream.fromSeed(77));
    const ones = createMouseHooks(x.n);
    runDays(x, 35);
    runDays(y, 35, ones);
    assert.deepEqual(snapshot(x), snapshot(y));
    for (const k of MOUSE_HOOK_NAMES) assert.ok(ones[k].every((v) => v === 1), `${k} untouched`);
  });

  it('a beforeStep that multiplies ones changes nothing; androgen hooks are applied only from startDay', () => {
    const a = runMouseAnimal(createMouseAnimal(model, 5, ['m']), { durationDays: 20 });
    const b = runMouseAnimal(createMouseAnimal(model, 5, ['m']), {
      durationDays: 20,
      beforeStep: (_lat, h) => {
        for (let i = 0; i < h.growthRateFactor.length; i++) h.growthRateFactor[i] *= 1;
      },
    });
    assert.deepEqual(a, b);
    const late = mouseModel({ depilation: { method: 'cream' }, aga: { androgenLevel: 1, startDay: 100 } });
    const none = mouseModel({ depilation: { method: 'cream' } });
    assert.deepEqual(
      runMouseAnimal(createMouseAnimal(none, 5, ['m'], { androgenLevel: 1 }), { durationDays: 20 }),
      runMouseAnimal(createMouseAnimal(model, 5, ['m']), { durationDays: 20 }),
      'androgenLevel override equals a model with that level',
    );
    assert.deepEqual(
      runMouseAnimal(createMouseAnimal(late, 5, ['m']), { durationDays: 20 }).series,
      runMouseAnimal(createMouseAnimal(none, 5, ['m']), { durationDays: 20 }).series,
    );
  });

  it('rejects hook arrays of the wrong length', () => {
    const lat = typicalLattice(mouseModel({ lattice: { nx: 4 } }), 1);
    assert.throws(() => lat.step({ growthRateFactor: new Float64Array(3) }), RangeError);
  });

});
