import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanMeanField } from '../../src/follicle/human/meanField.ts';
import { assembleHumanScalp } from '../../src/follicle/human/model.ts';
import { runHumanScalpTask, simulateHumanScalp } from '../../src/tasks/humanScalpRun.ts';
import { toCsv } from '../../src/core/recorder.ts';
import { chiSquareLower, chiSquareUpper, meanVar, Z } from '../helpers/stats.ts';
import { humanScenario, vertexOnly } from './scenarios.ts';

const VERTEX = 2; // region index of the vertex in HUMAN_REGION_IDS

/** Renewal-theory stationary anagen share of a healthy terminal follicle: m_A / (m_A + m_C + m_T + p_L m_L). */
function renewalAnagenShare(s: ReturnType<typeof humanScenario>): number {
  const c = s.scalp.cycle;
  return c.anagen.meanDays / (c.anagen.meanDays + c.catagen.meanDays + c.telogen.meanDays + c.latency.probability * c.latency.meanDays);
}

describe('human automaton: verification', () => {
  it('stationary phase fractions equal the mean-duration ratios (renewal theory), within z·SE(N)', () => {
    const s = humanScenario({
      durationDays: 3652.5,
      record: { everyDays: 365.25 },
      scalp: { regions: vertexOnly(200), follicle: { vellusFraction: 0 }, aga: { androgenLevel: 0 } },
    });
    const { series } = simulateHumanScalp(s, { seed: 101 });
    const v = series.regions.vertex;
    const n = v.follicles;
    const c = s.scalp.cycle;
    const cycle = c.anagen.meanDays + c.catagen.meanDays + c.telogen.meanDays + c.latency.probability * c.latency.meanDays;
    const expected = {
      anagenFraction: c.anagen.meanDays / cycle,
      catagenFraction: c.catagen.meanDays / cycle,
      telogenFraction: c.telogen.meanDays / cycle,
      latencyFraction: (c.latency.probability * c.latency.meanDays) / cycle,
    };
    assert.equal(n, 50_000);
    for (const [key, p] of Object.entries(expected)) {
      const series_ = v[key as keyof typeof expected];
      const tol = Z * Math.sqrt((p * (1 - p)) / n);
      for (let i = 0; i < series_.length; i++) {
        assert.ok(Math.abs(series_[i] - p) <= tol, `${key} at sample ${i}: ${series_[i]} vs ${p} ± ${tol}`);
      }
    }
    assert.ok(expected.anagenFraction > 0.85 && expected.anagenFraction < 0.9, 'defaults give 85-90 % anagen');
  });

  it('the deterministic renewal mean field agrees with the stochastic mean (AGA, anagen onset)', () => {
    const s = humanScenario({
      durationDays: 3650,
      record: { everyDays: 10 },
      scalp: {
        initialization: 'anagenOnset',
        regions: vertexOnly(100),
        follicle: { terminalDiameterUm: { sd: 0 }, vellusFraction: 0 },
        aga: { miniaturizationPerCycle: 0.4, susceptibility: { mean: 0.6, sd: 0 } },
      },
    });
    const model = assembleHumanScalp(s.scalp);
    const h = 10 * 86400;
    const mf = humanMeanField(model, VERTEX, 3650 * 86400, h);
    const fine = humanMeanField(model, VERTEX, 3650 * 86400, h / 2);
    const { series } = simulateHumanScalp(s, { seed: 7 });
    const v = series.regions.vertex;
    const n = v.follicles;
    let worst = 0;
    for (let i = 0; i < v.anagen.length; i++) {
      for (const [sim, det, detFine] of [
        [v.anagenFraction[i], mf.anagenFraction[i], fine.anagenFraction[2 * i]],
        [v.terminalHairs[i] / n, mf.terminalHairsPerFollicle[i], fine.terminalHairsPerFollicle[2 * i]],
        [v.dormant[i] / n, mf.dormantFraction[i], fine.dormantFraction[2 * i]],
      ]) {
        // statistical part from N, discretisation part from the h vs h/2 difference (first-order estimate, ×4)
        const tol = Z * Math.sqrt((det * (1 - det)) / n) + 4 * Math.abs(det - detFine) + 1e-12;
        worst = Math.max(worst, Math.abs(sim - det) / tol);
        assert.ok(Math.abs(sim - det) <= tol, `sample ${i}: stochastic ${sim} vs mean field ${det} ± ${tol}`);
      }
    }
    // the comparison is not vacuous: AGA moved the terminal share well away from 1 over 10 years
    assert.ok(mf.terminalHairsPerFollicle[mf.terminalHairsPerFollicle.length - 1] < 0.8);
    assert.ok(worst > 0, 'worst normalised deviation computed');
  });

  it('fluctuations shrink as 1/sqrt(N): replicate SDs match the binomial SD, slope −1/2', () => {
    const sizes = [400, 1600, 6400];
    const replicates = 40;
    const logN: number[] = [];
    const logSd: number[] = [];
    for (const n of sizes) {
      const s = humanScenario({
        durationDays: 365,
        record: { everyDays: 365 },
        scalp: { regions: vertexOnly(n / 250), follicle: { vellusFraction: 0 }, aga: { androgenLevel: 0 } },
      });
      const p = renewalAnagenShare(s);
      const xs = new Float64Array(replicates);
      for (let r = 0; r < replicates; r++) xs[r] = simulateHumanScalp(s, { seed: 1000 + r }).series.regions.vertex.anagenFraction[1];
      const { variance } = meanVar(xs);
      const sigma2 = (p * (1 - p)) / n;
      const stat = ((replicates - 1) * variance) / sigma2; // ~ χ²(R−1) if the SD is binomial
      assert.ok(stat >= chiSquareLower(replicates - 1) && stat <= chiSquareUpper(replicates - 1), `N=${n}: (R-1)s²/σ² = ${stat}`);
      logN.push(Math.log(n));
      logSd.push(0.5 * Math.log(variance));
    }
    const slope = (logSd[2] - logSd[0]) / (logN[2] - logN[0]);
    // SE of log s from R replicates ≈ 1/sqrt(2(R−1)); slope SE = sqrt(2)·that / Δlog N
    const tol = (Z * Math.SQRT2) / Math.sqrt(2 * (replicates - 1)) / (logN[2] - logN[0]);
    assert.ok(Math.abs(slope + 0.5) <= tol, `slope ${slope} vs −0.5 ± ${tol}`);
  });

  it('same seed gives identical output; a different seed a different one', () => {
    const s = humanScenario({ durationDays: 1000, record: { everyDays: 50 }, scalp: { regions: vertexOnly(20) } });
    const csv = (seed: number) => {
      const out = runHumanScalpTask(s, { seed });
      return toCsv(out.tables.timeseries) + JSON.stringify(out.summary);
    };
    assert.equal(csv(5), csv(5));
    assert.notEqual(csv(5), csv(6));
  });
});

describe('human automaton: AGA natural history', () => {
  const s = humanScenario({
    durationDays: 3652.5,
    record: { everyDays: 30.4375 },
    scalp: {
      spinUpDays: 3652.5,
      regions: {
        frontal: { areaCm2: 40 },
        midScalp: { areaCm2: 40 },
        vertex: { areaCm2: 40 },
        occipital: { areaCm2: 40 },
      },
    },
  });
  const out = runHumanScalpTask(s, { seed: 3 });
  const r = out.summary.regions as Record<string, Record<string, number>>;

  it('vertex and frontal lose terminal density; occipital is spared; mid-scalp in between', () => {
    const occ = out.series.regions.occipital;
    const n = occ.follicles;
    const p0 = occ.terminalHairs[0] / n;
    const tolPct = (100 * Z * Math.sqrt(2 * p0 * (1 - p0) / n)) / p0;
    assert.ok(Math.abs(r.occipital.terminalDensityChangePct) <= tolPct, `occipital changed ${r.occipital.terminalDensityChangePct} % (±${tolPct})`);
    assert.ok(r.vertex.terminalDensityChangePct < -20, `vertex ${r.vertex.terminalDensityChangePct} %`);
    assert.ok(r.frontal.terminalDensityChangePct < -20, `frontal ${r.frontal.terminalDensityChangePct} %`);
    assert.ok(r.midScalp.terminalDensityChangePct < -tolPct && r.midScalp.terminalDensityChangePct > r.vertex.terminalDensityChangePct);
  });

  it('miniaturization: vertex shafts thin, vellus and dormant follicles accumulate, anagen share falls', () => {
    assert.ok(r.vertex.meanDiameterUm < r.occipital.meanDiameterUm - 10, `diameters ${r.vertex.meanDiameterUm} vs ${r.occipital.meanDiameterUm}`);
    assert.ok(r.vertex.miniaturizedFraction > 2 * r.occipital.miniaturizedFraction, `miniaturized ${r.vertex.miniaturizedFraction} vs ${r.occipital.miniaturizedFraction}`);
    assert.ok(r.vertex.dormantFraction > 0, `vertex dormant ${r.vertex.dormantFraction}`);
    // occipital follicles go dormant only by exhausting their cycle budget (fast-cycling vellus ones)
    assert.ok(r.occipital.dormantFraction < r.vertex.dormantFraction / 10, `occipital dormant ${r.occipital.dormantFraction}`);
    assert.ok(r.vertex.anagenFraction < r.occipital.anagenFraction);
  });

  it('vertex terminal density declines monotonically on average (yearly means)', () => {
    const d = out.series.regions.vertex.terminalDensityPerCm2;
    const yearly = [];
    for (let y = 0; y < 10; y++) yearly.push(meanVar(d.slice(y * 12, y * 12 + 12)).mean);
    for (let y = 3; y < 10; y++) assert.ok(yearly[y] < yearly[y - 1], `year ${y}: ${yearly[y]} !< ${yearly[y - 1]}`);
  });

  it('no androgen, no loss: the same man without DHT keeps his vertex', () => {
    const s0 = humanScenario({ ...s, seed: undefined, scalp: { ...s.scalp, aga: { ...s.scalp.aga, androgenLevel: 0 } } });
    const v = runHumanScalpTask(s0, { seed: 3 }).summary.regions as Record<string, Record<string, number>>;
    assert.ok(Math.abs(v.vertex.terminalDensityChangePct) < 5);
  });
});
