import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTask } from '../../src/tasks/runTask.ts';
import { sweepSpecSchema } from '../../src/tasks/sweep/sweepTask.ts';
import { standardNormalCdf, standardNormalPdf, studentTQuantile } from '../../src/stats/special.ts';

/**
 * Power of a virtual trial through the sweep engine: replicate trials over seeds, each reading whether its
 * ITT ANCOVA difference is significant. The proportion of significant replicates must agree with the
 * analytic two-sample power at the effect and residual SD the replicates themselves observed, within a
 * tolerance built from the number of replicates.
 */

const N_PER_ARM = 15; // 30 men per trial
const REPLICATES = 20;

const trial = (n: number) => ({
  model: 'trial',
  durationWeeks: 48,
  visitsWeeks: [0, 24, 48],
  population: { candidates: 500 },
  arms: [
    { id: 'minoxidil5', n, treatments: { minoxidil: { concentrationPct: 5 } } },
    { id: 'placebo', n },
  ],
  analysis: { control: 'placebo', photoSubjects: 0 },
});

function spec(extra: Record<string, unknown>) {
  const r = sweepSpecSchema.safeParse({
    kind: 'sweep',
    seed: 11,
    subtask: trial(N_PER_ARM),
    parameters: [],
    outputs: [{ path: 'differencesItt.0.significant', name: 'significant' }, { path: 'differencesItt.0.perCm2', name: 'diff' }, { path: 'differencesItt.0.residualSdPerCm2', name: 'sd' }],
    design: { method: 'replicates' },
    replicates: REPLICATES,
    power: { output: 'significant' },
    ...extra,
  });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

describe('trial power through the sweep engine', () => {
  it(`${REPLICATES} replicate trials of ${2 * N_PER_ARM} men: P(significant) agrees with the analytic power at the observed effect and SD`, async (t) => {
    const run = await runTask(spec({}));
    const runs = run.output.tables.runs as Record<string, ArrayLike<number>>;
    assert.equal(new Set(Array.from(runs.seed)).size, REPLICATES, 'every replicate trial has its own seed');
    const sig = Array.from(runs.significant);
    assert.ok(sig.every((x) => x === 0 || x === 1));
    const power = (run.output.summary as { power: { points: { power: number; replicates: number; lo: number; hi: number }[] } }).power.points[0];
    assert.equal(power.replicates, REPLICATES);
    assert.equal(power.power, sig.reduce((a: number, b) => a + b, 0) / REPLICATES);

    // analytic power at the pooled observed effect and residual SD (t critical value, df of the ANCOVA)
    const diffs = Array.from(runs.diff);
    const delta = diffs.reduce((a, b) => a + b, 0) / REPLICATES;
    const sigma = Array.from(runs.sd).reduce((a, b) => a + b, 0) / REPLICATES;
    const se = sigma * Math.sqrt(2 / N_PER_ARM);
    const x = Math.abs(delta) / se - studentTQuantile(0.975, 2 * N_PER_ARM - 3);
    const analytic = standardNormalCdf(x);
    assert.ok(analytic > 0.15 && analytic < 0.95, `the check is informative only away from 0 and 1: analytic power ${analytic}`);
    // tolerance: binomial SE of the simulated proportion, plus the SE the estimated effect carries into
    // the analytic power (the replicates' spread of Δ over √R, through the slope φ(x)/SE), 3 SE in all
    const sdDiff = Math.sqrt(diffs.reduce((a, d) => a + (d - delta) ** 2, 0) / (REPLICATES - 1));
    const seBinomial = Math.sqrt((analytic * (1 - analytic)) / REPLICATES);
    const seAnalytic = (standardNormalPdf(x) * sdDiff) / Math.sqrt(REPLICATES) / se;
    const tol = 3 * Math.hypot(seBinomial, seAnalytic);
    t.diagnostic(`simulated ${power.power} (Wilson ${power.lo.toFixed(2)}-${power.hi.toFixed(2)}), analytic ${analytic.toFixed(3)} at Δ ${delta.toFixed(2)}, σ ${sigma.toFixed(2)}; tolerance ${tol.toFixed(3)}`);
    assert.ok(Math.abs(power.power - analytic) <= tol, `simulated power ${power.power} vs analytic ${analytic.toFixed(3)} (Δ ${delta.toFixed(2)}, σ ${sigma.toFixed(2)}, tolerance ${tol.toFixed(3)})`);
    // the replicates' spread of Δ is the sampling SE the analysis itself assumes (within 3 SE of an SD)
    assert.ok(Math.abs(sdDiff - se) <= 3 * se / Math.sqrt(2 * (REPLICATES - 1)), `SD of Δ over replicates ${sdDiff} vs σ√(2/n) ${se}`);
    assert.ok(power.lo <= power.power && power.power <= power.hi);
  });

  it('sweeps n per arm with tied paths and reports the n reaching each target power', async () => {
    const run = await runTask(spec({ parameters: [{ path: 'arms.0.n', alsoPaths: ['arms.1.n'], name: 'n', min: 4, max: 16, levels: 2, integer: true }], design: { method: 'grid' }, replicates: 4, power: { output: 'significant', targets: [0.5] } }));
    const runs = run.output.tables.runs as Record<string, ArrayLike<number>>;
    assert.deepEqual(Array.from(runs.n), [4, 4, 4, 4, 16, 16, 16, 16]);
    const p = run.output.summary as { power: { points: { value: number; power: number }[]; targets: { target: number; smallestReaching: number | null }[] } };
    assert.deepEqual(p.power.points.map((x) => x.value), [4, 16]);
    const t = p.power.targets[0];
    const reaching = p.power.points.find((x) => x.power >= 0.5);
    assert.equal(t.smallestReaching, reaching ? reaching.value : null);
    const table = run.output.tables.power as Record<string, ArrayLike<number>>;
    assert.deepEqual(Array.from(table.power), p.power.points.map((x) => x.power));
  });

  it('bad power sections name the field', () => {
    const bad = (extra: Record<string, unknown>) => sweepSpecSchema.safeParse({ kind: 'sweep', subtask: trial(10), parameters: [], outputs: [{ path: 'differencesItt.0.significant', name: 'significant' }], design: { method: 'replicates' }, replicates: 5, power: { output: 'significant' }, ...extra });
    const paths = (r: ReturnType<typeof bad>) => (r.success ? [] : r.error.issues.map((i) => i.path.join('.')));
    assert.ok(paths(bad({ power: { output: 'nothing' } })).includes('power.output'));
    assert.ok(paths(bad({ replicates: 1 })).includes('replicates'));
    assert.ok(paths(bad({ power: { output: 'significant', targets: [1.2] } })).some((p) => p.startsWith('power.targets')));
  });
});
