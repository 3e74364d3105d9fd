import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lognormalParams } from '../../src/core/random/samplers.ts';
import { RandomStream } from '../../src/core/random/stream.ts';
import { toCsv } from '../../src/core/recorder.ts';
import type { FollicleBehaviour } from '../../src/follicle/behaviour.ts';
import { restingRemainingS } from '../../src/follicle/hazardSampling.ts';
import { assembleHumanBehaviour } from '../../src/follicle/human/behaviourAssembly.ts';
import { HumanBehaviourView } from '../../src/follicle/human/behaviourView.ts';
import { humanMeanField } from '../../src/follicle/human/meanField.ts';
import { assembleHumanScalp } from '../../src/follicle/human/model.ts';
import { stepFromIntervals, type BehaviourSchedule } from '../../src/follicle/schedule.ts';
import { standardNormalQuantile, standardNormalSf } from '../../src/stats/special.ts';
import { humanSeriesTable, runHumanScalpTask, simulateHumanScalp } from '../../src/tasks/humanScalpRun.ts';
import { Z } from '../helpers/stats.ts';
import { humanScenario, vertexOnly } from './scenarios.ts';

const VERTEX = 2; // region index of the vertex in HUMAN_REGION_IDS
const DAY = 86400;

/** Kolmogorov critical value of √N·D at the two-sided level of a Z-sigma normal test (asymptotic, 2e^{−2x²}). */
const ksCritical = (): number => Math.sqrt(-0.5 * Math.log(standardNormalSf(Z)));

/** KS statistic √N·sup|F_N − F| of a sample against the CDF F. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const xs = sample.slice().sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return Math.sqrt(n) * d;
}

/** KS statistic of a sample of remaining times against the unscheduled (baseline) law from age ageS. */
const baseStatOf = (sample: Float64Array, h0: (a: number) => number, ageS: number): number =>
  ksStatistic(sample, (r) => 1 - Math.exp(-(h0(ageS + r) - h0(ageS))));

/** Scenario of one vertex population for the mean-field comparisons (AGA on, synchronised start). */
function meanFieldScenario(behaviour: unknown[]) {
  return humanScenario({
    durationDays: 3600,
    record: { everyDays: 30 },
    scalp: {
      initialization: 'anagenOnset',
      regions: vertexOnly(40),
      follicle: { terminalDiameterUm: { sd: 0 }, vellusFraction: 0 },
      aga: { miniaturizationPerCycle: 0.3, susceptibility: { mean: 0.6, sd: 0 } },
      behaviour,
    },
  });
}

/**
 * Compares the automaton under constant factors (scenario entries from day 0) with the mean field under the
 * same factors: tolerance z·SE(N) plus the h vs h/2 discretisation estimate, as in humanAutomaton.test.ts.
 * Returns the final terminal hairs per follicle of both.
 */
function agreesWithMeanField(factors: Partial<Record<FollicleBehaviour, number>>, seed: number): { sim: number; det: number; worst: number } {
  const entries = Object.entries(factors).map(([behaviour, factor]) => ({ region: 'vertex', behaviour, fromDay: 0, factor }));
  const s = meanFieldScenario(entries);
  const model = assembleHumanScalp(s.scalp);
  const h = 10 * DAY;
  const mf = humanMeanField(model, VERTEX, 3600 * DAY, h, factors);
  const fine = humanMeanField(model, VERTEX, 3600 * DAY, h / 2, factors);
  const v = simulateHumanScalp(s, { seed }).series.regions.vertex;
  const n = v.follicles;
  let worst = 0;
  for (let i = 0; i < v.anagen.length; i++) {
    const k = 3 * i; // sample every 30 days = 3 grid steps of 10 days
    for (const [name, sim, det, detFine] of [
      ['anagen share', v.anagenFraction[i], mf.anagenFraction[k], fine.anagenFraction[2 * k]],
      ['terminal', v.terminalHairs[i] / n, mf.terminalHairsPerFollicle[k], fine.terminalHairsPerFollicle[2 * k]],
      ['dormant', v.dormant[i] / n, mf.dormantFraction[k], fine.dormantFraction[2 * k]],
    ] as const) {
      // z²/(2N): the Wilson-interval margin, needed where a state is rare (a handful of dormant follicles)
      const tol = Z * Math.sqrt((det * (1 - det)) / n) + (Z * Z) / (2 * n) + 4 * Math.abs(det - detFine);
      worst = Math.max(worst, Math.abs(sim - det) / tol);
      assert.ok(Math.abs(sim - det) <= tol, `${JSON.stringify(factors)} ${name} at day ${30 * i}: stochastic ${sim} vs mean field ${det} ± ${tol}`);
    }
  }
  const last = v.anagen.length - 1;
  return { sim: v.terminalHairs[last] / n, det: mf.terminalHairsPerFollicle[3 * last], worst };
}

describe('human behaviour schedules: verification', () => {
  it('(1) a constant activation factor k equals resting survival S^k: automaton vs renewal mean field, within z·SE(N)', (t) => {
    for (const [k, seed] of [[2.5, 11], [0.4, 12]]) {
      const r = agreesWithMeanField({ activation: k }, seed);
      t.diagnostic(`k = ${k}: final terminal share ${r.sim} vs ${r.det}; worst |Δ|/tol ${r.worst.toFixed(3)}`);
    }
  });

  it('(2) piecewise-constant hazard sampling across breakpoints matches the analytic CDF (KS at the Z-level critical value)', (t) => {
    const { mu, sigma } = lognormalParams(90, 25); // telogen, in days (the sampler is unit-free)
    const step = stepFromIntervals([
      { fromS: 60, toS: 100, factor: 3 },
      { fromS: 100, toS: Infinity, factor: 0.4 },
    ]);
    const h0 = (a: number) => (a <= 0 ? 0 : -Math.log(standardNormalSf((Math.log(a) - mu) / sigma)));
    const n = 20_000;
    const crit = ksCritical();
    // a phase entered at t = 20 (age 0) and one under way at t = 20 since t = −10 (age 30)
    for (const ageS of [0, 30]) {
      const t0 = 20;
      const rng = RandomStream.fromSeed(5, ['ks', ageS]);
      const s0 = standardNormalSf((Math.log(ageS) - mu) / sigma); // P(D > ageS)
      const sample = new Float64Array(n);
      const base = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        // baseline duration conditional on survival to ageS (inversion of the conditional survival)
        const total = ageS === 0 ? Math.exp(mu + sigma * rng.normal()) : Math.exp(mu - sigma * standardNormalQuantile(rng.uniformOpen() * s0));
        base[i] = total - ageS;
        sample[i] = restingRemainingS(mu, sigma, ageS, total - ageS, t0, step, 1);
      }
      // H(r) = Σ k_j [H₀(a at piece end) − H₀(a at piece start)], pieces in absolute time
      const cum = (r: number) => {
        const pieces: [number, number, number][] = [[-Infinity, 60, 1], [60, 100, 3], [100, Infinity, 0.4]];
        let h = 0;
        for (const [a, b, k] of pieces) {
          const lo = Math.max(a, t0);
          const hi = Math.min(b, t0 + r);
          if (hi > lo) h += k * (h0(ageS + hi - t0) - h0(ageS + lo - t0));
        }
        return h;
      };
      const stat = ksStatistic(sample, (r) => 1 - Math.exp(-cum(r)));
      assert.ok(stat <= crit, `age ${ageS}: √N·D = ${stat} > ${crit}`);
      t.diagnostic(`age ${ageS}: √N·D = ${stat.toFixed(3)} (critical ${crit.toFixed(3)}); against the unscheduled law ${baseStatOf(sample, h0, ageS).toFixed(1)}`);
      // not vacuous: the unscheduled law is rejected, and the draws are unchanged where they end before day 60
      const baseStat = baseStatOf(sample, h0, ageS);
      assert.ok(baseStat > 5 * crit, `age ${ageS}: baseline law not rejected (${baseStat})`);
      for (let i = 0; i < n; i++) if (t0 + base[i] <= 60) assert.equal(sample[i], base[i]);
    }
    // σ = 0 (a fixed duration has no hazard): the remaining time runs at rate k instead. 100 days left at t = 20:
    // 40 run by t = 60, the other 60 at rate 3 take 20 → exit at t = 80; a factor 0 for ever never exits.
    assert.equal(restingRemainingS(0, 0, 0, 100, 20, step, 1), 60);
    assert.equal(restingRemainingS(mu, sigma, 0, 100, 20, stepFromIntervals([{ fromS: 30, toS: Infinity, factor: 0 }]), 1), Infinity);
  });

  it('(3) an anagen-duration factor > 1 moves the anagen share to its renewal value f·m_A / (f·m_A + m_C + m_T + p_L·m_L)', (t) => {
    const f = 2;
    const s = humanScenario({
      durationDays: 14610,
      record: { everyDays: 1461 },
      scalp: {
        regions: vertexOnly(100),
        follicle: { vellusFraction: 0 },
        aga: { androgenLevel: 0 },
        behaviour: [{ region: 'all', behaviour: 'anagenDuration', fromDay: 0, factor: f }],
      },
    });
    const c = s.scalp.cycle;
    const rest = c.catagen.meanDays + c.telogen.meanDays + c.latency.probability * c.latency.meanDays;
    const p0 = c.anagen.meanDays / (c.anagen.meanDays + rest);
    const p1 = (f * c.anagen.meanDays) / (f * c.anagen.meanDays + rest);
    const v = simulateHumanScalp(s, { seed: 21 }).series.regions.vertex;
    const n = v.follicles;
    const tol = Z * Math.sqrt((p1 * (1 - p1)) / n);
    assert.ok(Math.abs(v.anagenFraction[0] - p0) <= Z * Math.sqrt((p0 * (1 - p0)) / n), `day 0 is untreated: ${v.anagenFraction[0]} vs ${p0}`);
    const last = v.anagenFraction.length - 1;
    for (const i of [last - 1, last]) assert.ok(Math.abs(v.anagenFraction[i] - p1) <= tol, `year ${4 * i}: ${v.anagenFraction[i]} vs ${p1} ± ${tol}`);
    assert.ok(p1 - p0 > 5 * tol, 'the effect is large against the tolerance');
    t.diagnostic(`N = ${n}: day 0 ${v.anagenFraction[0]} (untreated ${p0.toFixed(4)}); years 36, 40: ${v.anagenFraction[last - 1]}, ${v.anagenFraction[last]} vs ${p1.toFixed(4)} ± ${tol.toFixed(4)}`);
  });

  it('(4) size retention: factor 1 changes nothing (bitwise); a factor < 1 speeds miniaturization as the mean field predicts', (t) => {
    const untreated = meanFieldScenario([]);
    // Entries that start after the run's end make every follicle take the scheduled code path with factor 1.
    const late = ['activation', 'anagenDuration', 'sizeRetention', 'androgenExposure'].map((behaviour) => ({ region: 'all', behaviour, fromDay: 1e5, factor: 0.5 }));
    const neutral = meanFieldScenario([{ region: 'vertex', behaviour: 'sizeRetention', fromDay: 0, factor: 1 }, ...late]);
    const csv = (sc: typeof untreated) => {
      const out = runHumanScalpTask(sc, { seed: 4 });
      return toCsv(out.tables.timeseries) + JSON.stringify(out.summary);
    };
    assert.equal(csv(neutral), csv(untreated));
    const slower = agreesWithMeanField({ sizeRetention: 1 }, 13);
    const faster = agreesWithMeanField({ sizeRetention: 0.9 }, 13);
    t.diagnostic(`final terminal share: retention 1 ${slower.sim} (mean field ${slower.det.toFixed(4)}), 0.9 ${faster.sim} (${faster.det.toFixed(4)}); worst |Δ|/tol ${Math.max(slower.worst, faster.worst).toFixed(3)}`);
    assert.ok(faster.det < slower.det - 0.1 && faster.sim < slower.sim - 0.1, `terminal share ${faster.sim} (0.9) vs ${slower.sim} (1)`);
  });

  it('(5) a schedule starting at day D leaves every sample before D bitwise identical (per-follicle streams, spin-up)', (t) => {
    const D = 400;
    const base = {
      durationDays: 1000,
      record: { everyDays: 10 },
      scalp: { randomStreams: 'perFollicle', spinUpDays: 365, regions: vertexOnly(8) },
    };
    const entries = [
      { region: 'all', behaviour: 'activation', fromDay: D, factor: 3 },
      { region: 'vertex', behaviour: 'anagenDuration', fromDay: D, toDay: 800, factor: 1.5 },
      { region: 'vertex', behaviour: 'sizeRetention', fromDay: D, factor: 0.8 },
      { region: 'all', behaviour: 'androgenExposure', fromDay: D, factor: 0.3 },
    ];
    const a = humanSeriesTable(simulateHumanScalp(humanScenario(base), { seed: 8 }).series);
    const b = humanSeriesTable(simulateHumanScalp(humanScenario({ ...base, scalp: { ...base.scalp, behaviour: entries } }), { seed: 8 }).series);
    const day = a.day as number[];
    let before = 0;
    let differAfter = 0;
    for (const [key, col] of Object.entries(a)) {
      if (key === 'day' || key === 'region') continue;
      const other = b[key] as number[];
      (col as number[]).forEach((x, i) => {
        if (day[i] < D) {
          before++;
          assert.ok(Object.is(x, other[i]), `${key} at day ${day[i]}: ${x} vs ${other[i]}`);
        } else if (x !== other[i] && !(Number.isNaN(x) && Number.isNaN(other[i]))) differAfter++;
      });
    }
    t.diagnostic(`${before} cells identical before day ${D}; ${differAfter} differ after`);
    assert.ok(before > 0 && differAfter > 100, `${before} cells compared before D, ${differAfter} differ after`);
  });

  it('(6) per-follicle factors reach the right follicles (model order: region by region)', () => {
    const s = humanScenario({
      durationDays: 2000,
      record: { everyDays: 100 },
      scalp: {
        regions: { frontal: { areaCm2: 4 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: 4 }, occipital: { areaCm2: 1e-9 } },
        cycle: { anagen: { meanDays: 200, sdDays: 50 } },
        follicle: { vellusFraction: 0, criticalCycles: { mean: 1000, sd: 0 } },
        aga: { androgenLevel: 0 },
      },
    });
    const model = assembleHumanScalp(s.scalp);
    const [nF, nM, nV, nO] = Array.from(model.regionFollicles);
    assert.deepEqual([nF, nM, nV, nO], [1000, 0, 1000, 0]);
    // size 0 at the next cycle = dormant: the last frontal follicle and every odd vertex follicle
    const keep = new Float64Array(nF + nV).fill(1);
    keep[nF - 1] = 0;
    for (let j = 1; j < nV; j += 2) keep[nF + j] = 0;
    const behaviour: BehaviourSchedule = { regions: [{}, {}, {}, {}], perFollicle: { sizeRetention: keep } };
    const r = simulateHumanScalp(s, { seed: 9 }, { behaviour }).series.regions;
    const end = (x: Float64Array) => x[x.length - 1];
    assert.equal(end(r.frontal.dormant), 1);
    assert.equal(end(r.vertex.dormant), nV / 2);
    assert.equal(r.frontal.dormant[0] + r.vertex.dormant[0], 0);
  });

  it('(7) bad schedule entries give validation errors naming the field', () => {
    const issues = (behaviour: unknown[]) => {
      const r = (() => {
        try {
          humanScenario({ scalp: { behaviour } });
          return [];
        } catch (e) {
          return JSON.parse((e as Error).message) as { path: string; message: string }[];
        }
      })();
      return r.map((i) => `${i.path}: ${i.message}`).join('\n');
    };
    const ok = { region: 'vertex', behaviour: 'activation', fromDay: 10, factor: 2 };
    assert.equal(issues([ok]), '');
    assert.match(issues([{ ...ok, toDay: 10 }]), /scalp\.behaviour\.0\.toDay: must be > fromDay/);
    assert.match(issues([{ ...ok, behaviour: 'growth' }]), /scalp\.behaviour\.0\.behaviour: .*activation/);
    assert.match(issues([{ ...ok, factor: 101 }]), /scalp\.behaviour\.0\.factor: activation factor must lie in \[0, 100\]/);
    assert.match(issues([{ ...ok, behaviour: 'anagenDuration', factor: 0.05 }]), /scalp\.behaviour\.0\.factor: .*\[0\.1, 10\]/);
    assert.match(issues([{ ...ok, region: 'crown' }]), /scalp\.behaviour\.0\.region: .*vertex/);
    assert.match(issues([{ ...ok, fromDay: -1 }]), /scalp\.behaviour\.0\.fromDay/);
    // overlapping entries multiply; a product outside the bounds is an error on the entry
    const keep = { region: 'all', behaviour: 'sizeRetention', fromDay: 0, factor: 1.5 };
    assert.equal(issues([keep, { ...keep, region: 'vertex', fromDay: 100, toDay: 200, factor: 1.3 }]), '');
    assert.match(issues([keep, { ...keep, region: 'vertex', fromDay: 100, toDay: 200 }]), /scalp\.behaviour\.\d\.factor: overlapping sizeRetention entries on vertex multiply to 2\.25 from day 100/);
    // schedules built in code: the RangeError names the field
    const model = assembleHumanScalp(humanScenario({}).scalp);
    const bad: BehaviourSchedule = { regions: [{}, {}, {}], perFollicle: { activation: new Float64Array(3).fill(-1) } };
    assert.throws(() => assembleHumanBehaviour(model, [], 0, bad), /regions: 3 entries for 4 regions.*perFollicle\.activation: length 3.*perFollicle\.activation\[0\]: -1 outside \[0, 100\]/);
    const stepBad: BehaviourSchedule = { regions: [{}, { anagenDuration: stepFromIntervals([{ fromS: 0, toS: 10, factor: 20 }]) }, {}, {}] };
    assert.throws(() => assembleHumanBehaviour(model, [], 0, stepBad), /regions\[1\]\.anagenDuration\.values\[1\]: 20 outside \[0\.1, 10\]/);
  });
});

describe('anagen under a changing duration factor (HumanBehaviourView.anagenLengthS)', () => {
  // factor 2 until day 100 (a treatment), 1 after (stopped); per-follicle scale 1
  const T = 100 * DAY;
  const schedule: BehaviourSchedule = { regions: [{ anagenDuration: stepFromIntervals([{ fromS: 0, toS: T, factor: 2 }]) }] };
  const view = new HumanBehaviourView(schedule);
  view.select(0, 0);

  it('a factor that holds until the end scales the draw bit for bit (the old fixed-at-entry rule)', () => {
    for (const d of [1 * DAY, 10.3 * DAY, 49.9 * DAY]) assert.equal(view.anagenLengthS(d, 0), d * 2);
    // entered after the stop: factor 1
    assert.equal(view.anagenLengthS(30 * DAY, 150 * DAY), 30 * DAY);
  });

  it('its clock runs at 1/f: an anagen running when the factor falls ends sooner by the unrun part', () => {
    // entered at day 60 with 100 d unscheduled: 40 d at rate 1/2 uses 20 d of it, the other 80 d run at rate 1
    const got = view.anagenLengthS(100 * DAY, 60 * DAY);
    assert.ok(Math.abs(got - (40 + 80) * DAY) < 1e-6, `${got / DAY} d`);
    // monotone in the draw and never beyond the fixed-at-entry length
    assert.ok(view.anagenLengthS(101 * DAY, 60 * DAY) > got && got < 2 * 100 * DAY);
    // a factor rising mid-anagen lengthens the rest
    const rising = new HumanBehaviourView({ regions: [{ anagenDuration: stepFromIntervals([{ fromS: T, toS: Infinity, factor: 3 }]) }] });
    rising.select(0, 0);
    assert.ok(Math.abs(rising.anagenLengthS(50 * DAY, 80 * DAY) - (20 + 3 * 30) * DAY) < 1e-6);
  });
});
