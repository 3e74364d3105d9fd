import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanMeanField } from '../../src/follicle/human/meanField.ts';
import { assembleHumanScalp, nextSize } from '../../src/follicle/human/model.ts';
import { simulateHumanScalp } from '../../src/tasks/humanScalpRun.ts';
import { Z } from '../helpers/stats.ts';
import { humanScenario, vertexOnly } from './scenarios.ts';

const DAY = 86400;
const VERTEX = 2;

/**
 * A deterministic vertex: every duration has SD 0, no latency, no dormancy, no exhaustion, one terminal
 * diameter, so every follicle follows the same size sequence and the mean shaft diameter at a sample is
 * exactly dV + (dT − dV)·M_k of the cycle under way. Cycle boundaries avoid the 10-day sample grid.
 */
const CYCLE = { anagenDays: 200, vellusAnagenDays: 20, catagenDays: 10.37, telogenDays: 31.17 };
function deterministicScalp(aga: Record<string, unknown>, behaviour: unknown[], areaCm2 = 0.04, dormantThreshold = 0) {
  return humanScenario({
    durationDays: 7300,
    record: { everyDays: 10 },
    scalp: {
      initialization: 'anagenOnset',
      randomStreams: 'perFollicle',
      regions: vertexOnly(areaCm2),
      cycle: {
        anagen: { meanDays: CYCLE.anagenDays, sdDays: 0 },
        catagen: { meanDays: CYCLE.catagenDays, sdDays: 0 },
        telogen: { meanDays: CYCLE.telogenDays, sdDays: 0 },
        latency: { probability: 0 },
      },
      follicle: { terminalDiameterUm: { mean: 70, sd: 0 }, vellusFraction: 0, vellusAnagenMeanDays: CYCLE.vellusAnagenDays, criticalCycles: { mean: 1000, sd: 0 } },
      aga: { dormantThreshold, ...aga },
      behaviour,
    },
  });
}

/** Replays the size sequence of the deterministic scalp: the diameter (µm) at each sample day. */
function replayDiameters(days: number[], delta: number, rho: number, untreated: number, exposureOf: (day: number) => number): { diameters: number[]; sizes: number[] } {
  const sizes = [1];
  const starts = [0];
  let t = 0;
  let m = 1;
  while (t < days[days.length - 1] + 1) {
    t += CYCLE.vellusAnagenDays + (CYCLE.anagenDays - CYCLE.vellusAnagenDays) * m + CYCLE.catagenDays + CYCLE.telogenDays;
    m = nextSize(m, exposureOf(t), untreated, delta, rho, 1);
    starts.push(t);
    sizes.push(m);
  }
  const diameters = days.map((d) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= d) k++;
    return 20 + 50 * sizes[k];
  });
  return { diameters, sizes };
}

describe('human automaton: reversible miniaturization and per-follicle onset', () => {
  it('(1) the size step: ρ = 0 or untreated exposure is the old M(1 − δx) bit for bit; at x = 0 the gap to the genetic size shrinks by (1 − ρ) per cycle; partial withdrawal relaxes to the set point', () => {
    for (const [m, x] of [[1, 0.8], [0.37, 0.5], [0.2, 1], [0.05, 0]]) {
      assert.equal(nextSize(m, x, 0.9, 0.3, 0, 1), m * Math.max(0, 1 - 0.3 * x));
      assert.equal(nextSize(m, x, x, 0.3, 0.5, 1), m * Math.max(0, 1 - 0.3 * x));
    }
    let m = 0.2;
    for (let k = 0; k < 10; k++) {
      const next = nextSize(m, 0, 0.8, 0.3, 0.25, 1);
      assert.ok(Math.abs(1 - next - 0.75 * (1 - m)) < 1e-15, `cycle ${k}: gap ${1 - next} vs ${0.75 * (1 - m)}`);
      m = next;
    }
    // a genetically vellus follicle (M_g = 0.25) recovers to 0.25, never beyond
    assert.equal(nextSize(0.25, 0, 0.8, 0.3, 0.5, 0.25), 0.25);
    assert.ok(Math.abs(nextSize(0.15, 0, 0.8, 0.3, 0.5, 0.25) - 0.2) < 1e-15);
    // a third of the androgen left (w = 2/3): set point ρw/(δx + ρw) is a fixed point
    const [delta, rho, x0, x] = [0.3, 0.2, 0.6, 0.2];
    const w = 1 - x / x0;
    const star = (rho * w) / (delta * x + rho * w);
    assert.ok(Math.abs(nextSize(star, x, x0, delta, rho, 1) - star) < 1e-15);
  });

  it('(2) androgen set to 0 after miniaturization: the automaton re-enlarges every follicle at the documented rate; with ρ = 0 it stays miniaturized', (t) => {
    const D = 1500; // androgen-free from day D
    const [delta, x] = [0.3, 0.8];
    for (const rho of [0.25, 0]) {
      const s = deterministicScalp({ miniaturizationPerCycle: delta, recoveryPerCycle: rho, susceptibility: { mean: x, sd: 0 } }, [{ region: 'all', behaviour: 'androgenExposure', fromDay: D, factor: 0 }]);
      const v = simulateHumanScalp(s, { seed: 3 }).series.regions.vertex;
      const days = Array.from(v.meanDiameterUm, (_, i) => 10 * i);
      const { diameters, sizes } = replayDiameters(days, delta, rho, x, (day) => (day >= D ? 0 : x));
      for (let i = 0; i < days.length; i++) assert.ok(Math.abs(v.meanDiameterUm[i] - diameters[i]) < 1e-6, `ρ ${rho}, day ${days[i]}: ${v.meanDiameterUm[i]} vs ${diameters[i]}`);
      const last = v.meanDiameterUm[v.meanDiameterUm.length - 1];
      const low = Math.min(...v.meanDiameterUm);
      t.diagnostic(`ρ ${rho}: diameter 70 → ${low.toFixed(1)} µm under androgen, ${last.toFixed(2)} µm at 20 y; sizes ${sizes.slice(0, 12).map((m) => m.toFixed(3)).join(' ')}`);
      if (rho > 0) assert.ok(last > 69 && low < 40, `recovers from ${low} to ${last}`);
      else assert.ok(Math.abs(last - low) < 1e-9, 'irreversible without recovery');
    }
  });

  it('(3) recovery under a constant half androgen withdrawal: automaton vs renewal mean field (stochastic durations), within z·SE(N)', (t) => {
    const s = humanScenario({
      durationDays: 3600,
      record: { everyDays: 30 },
      scalp: {
        initialization: 'anagenOnset',
        regions: vertexOnly(40),
        cycle: { anagen: { meanDays: 300, sdDays: 100 } }, // short cycles: ~10 in the run
        follicle: { terminalDiameterUm: { sd: 0 }, vellusFraction: 0 },
        aga: { miniaturizationPerCycle: 0.6, recoveryPerCycle: 0.4, susceptibility: { mean: 0.6, sd: 0 } },
        behaviour: [{ region: 'vertex', behaviour: 'androgenExposure', fromDay: 0, factor: 0.5 }],
      },
    });
    const model = assembleHumanScalp(s.scalp);
    const h = 10 * DAY;
    const half = { androgenExposure: 0.5 };
    const mf = humanMeanField(model, VERTEX, 3600 * DAY, h, half);
    const fine = humanMeanField(model, VERTEX, 3600 * DAY, h / 2, half);
    const irreversible = humanMeanField({ ...model, recoveryPerCycle: 0 }, VERTEX, 3600 * DAY, h, half);
    const v = simulateHumanScalp(s, { seed: 17 }).series.regions.vertex;
    const n = v.follicles;
    let worst = 0;
    for (let i = 0; i < v.anagen.length; i++) {
      for (const [name, sim, det, detFine] of [
        ['terminal', v.terminalHairs[i] / n, mf.terminalHairsPerFollicle[3 * i], fine.terminalHairsPerFollicle[6 * i]],
        ['dormant', v.dormant[i] / n, mf.dormantFraction[3 * i], fine.dormantFraction[6 * i]],
      ] as const) {
        const tol = Z * Math.sqrt((det * (1 - det)) / n) + (Z * Z) / (2 * n) + 4 * Math.abs(det - detFine);
        worst = Math.max(worst, Math.abs(sim - det) / tol);
        assert.ok(Math.abs(sim - det) <= tol, `${name} at day ${30 * i}: ${sim} vs mean field ${det} ± ${tol}`);
      }
    }
    const end = v.anagen.length - 1;
    t.diagnostic(`final terminal share ${v.terminalHairs[end] / n} (mean field ${mf.terminalHairsPerFollicle[3 * end].toFixed(4)}; without recovery ${irreversible.terminalHairsPerFollicle[3 * end].toFixed(4)}); worst |Δ|/tol ${worst.toFixed(3)}`);
    // not vacuous: recovery (set point 0.4·0.5/(0.6·0.3 + 0.4·0.5) = 0.53, terminal) slows the loss of terminal hairs far beyond the tolerance
    let gap = 0;
    for (let k = 0; k < mf.terminalHairsPerFollicle.length; k++) gap = Math.max(gap, mf.terminalHairsPerFollicle[k] - irreversible.terminalHairsPerFollicle[k]);
    t.diagnostic(`largest terminal-share gap, recovery vs none: ${gap.toFixed(3)}`);
    assert.ok(gap > 0.2, `recovery changes the terminal share by ${gap}`);
  });

  it('(4) per-follicle onset: with onsets uniform over [0, T] the share of follicles hit by their first exposed cycle is ⌊t/P⌋·P/T', (t) => {
    const T = 10; // years
    // δ = 1 at x = 1 empties a follicle at its first cycle after its own onset (dormant below 0.1)
    const s = deterministicScalp({ miniaturizationPerCycle: 1, susceptibility: { mean: 1, sd: 0 }, follicleOnsetSpreadYears: T }, [], 16, 0.1);
    const v = simulateHumanScalp(s, { seed: 9 }).series.regions.vertex;
    const n = v.follicles;
    const P = CYCLE.anagenDays + CYCLE.catagenDays + CYCLE.telogenDays;
    const spanDays = T * 365.25;
    let worst = 0;
    for (let i = 0; i < v.dormant.length; i++) {
      const day = 10 * i;
      const p = Math.min(1, (Math.floor(day / P) * P) / spanDays);
      const tol = Z * Math.sqrt((p * (1 - p)) / n) + (Z * Z) / (2 * n);
      worst = Math.max(worst, Math.abs(v.dormant[i] / n - p) / tol);
      assert.ok(Math.abs(v.dormant[i] / n - p) <= tol, `day ${day}: dormant ${v.dormant[i] / n} vs ${p} ± ${tol}`);
    }
    const at5y = v.dormant[Math.round(1826 / 10)] / n;
    t.diagnostic(`N = ${n}: dormant at 5 y ${at5y.toFixed(3)} (spread 0 would give 1 after the first cycle); worst |Δ|/tol ${worst.toFixed(3)}`);
    assert.ok(at5y > 0.3 && at5y < 0.7, 'about half the follicles have started AGA at T/2');
  });
});
