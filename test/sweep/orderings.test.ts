import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterCatalog } from '../../src/parameters/catalog.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import type { MouseStudyScenario } from '../../src/scenario/schema.ts';
import { clopperPearson, kaplanMeier, restrictedMean } from '../../src/stats/index.ts';
import type { ArmSummary } from '../../src/study/aggregate.ts';
import { armOrderings } from '../../src/study/ordering.ts';
import { loadTaskFile } from '../../src/node/cli/taskFile.ts';
import '../../src/tasks/builtin.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';
import type { MorrisDesign } from '../../src/tasks/methods/morris.ts';
import { catalogParameterPaths, catalogParameterSpecs } from '../../src/tasks/sweep/catalogParameters.ts';
import { morrisStage } from '../../src/tasks/sweep/sensitivityStages.ts';
import { sensitivitySpecSchema, sensitivityTask } from '../../src/tasks/sweep/sensitivityTask.ts';
import { readOutput } from '../../src/tasks/sweep/subtask.ts';

/** An arm whose mice reach the threshold at `times` (null: never, censored at tau). */
function arm(id: string, times: (number | null)[], tau: number): ArmSummary {
  return { id, km: kaplanMeier(times.map((t) => t ?? tau), times.map((t) => t !== null)) } as ArmSummary;
}

describe('ordering readout (restricted mean days to the coverage threshold)', () => {
  it('uses the area under the Kaplan–Meier curve, censoring mice that never reach it at the end', () => {
    const tau = 35;
    const o = armOrderings([arm('a', [10, 14], tau), arm('b', [null, 20], tau), arm('c', [null, null], tau), arm('d', [null, null], tau)], tau);
    assert.equal(o.a.b.daysA, 12); // (10 + 14) / 2: both reached
    assert.equal(o.a.b.daysB, (20 + 35) / 2); // the censored mouse counts the whole study
    assert.equal(o.a.b.daysDifference, 12 - 27.5);
    assert.equal(o.a.b.first, 1);
    assert.equal(o.b.a.first, 0);
    assert.equal(o.c.d.daysDifference, 0); // neither arm reaches it: a tie, not "first"
    assert.equal(o.c.d.first, 0);
  });

  it('reads ordering.A.B.* from a (tiny) mouse study, consistent with its arms and effect sizes', () => {
    const r = validateScenario({
      model: 'mouseStudy',
      durationDays: 12,
      animals: { perArm: 2 },
      skin: { lattice: { nx: 8, ny: 8 } },
      microenvironment: { voxelUm: 125 },
      arms: [{ id: 'minoxidil', minoxidil: {} }, { id: 'ceriaPatch', patch: { schedule: { days: [0, 4, 8] } } }],
      photos: { days: [12], widthPx: 16, heightPx: 16 },
      endpoints: { compareDays: [12], reference: 'minoxidil', coverageThreshold: 0.2 },
    });
    assert.ok(r.ok);
    const out = runMouseStudyTask(r.value as MouseStudyScenario, { seed: 4 });
    const read = (path: string) => {
      const v = readOutput(out, { path });
      assert.ok(v.ok, path);
      return v.value;
    };
    const [mx, ce] = ['minoxidil', 'ceriaPatch'].map((id) => out.arms.find((a) => a.id === id)!);
    const diff = restrictedMean(ce.km, 12).rmst - restrictedMean(mx.km, 12).rmst;
    assert.equal(read('ordering.ceriaPatch.minoxidil.daysDifference'), diff);
    assert.equal(read('ordering.ceriaPatch.minoxidil.first'), diff < 0 ? 1 : 0);
    assert.equal(read('ordering.minoxidil.ceriaPatch.daysDifference'), -diff);
    const effect = out.effects.find((e) => e.a === 'ceriaPatch' && e.b === 'minoxidil')!;
    assert.ok(Math.abs(effect.estimateDays - diff) < 1e-12);
    // with every mouse reaching the threshold, the restricted mean is the arms' mean day, so the ordering
    // agrees with the per-arm days (and with the KM medians unless these cross between the two mice)
    if (ce.daysToThresholdByAnimal.every((t) => t !== null) && mx.daysToThresholdByAnimal.every((t) => t !== null)) {
      const mean = (a: ArmSummary) => (a.daysToThresholdByAnimal as number[]).reduce((s, t) => s + t, 0) / a.n;
      assert.ok(Math.abs(diff - (mean(ce) - mean(mx))) < 1e-9);
    }
  });
});

describe('catalog parameters and the orderings Morris screen', () => {
  it('catalogParameters expands to every assumption-labelled mouse-study parameter over its catalog range', () => {
    const paths = catalogParameterPaths('assumption', 'mouseStudy');
    const cat = parameterCatalog();
    const expected = [...cat.values()].filter((p) => p.provenance.kind === 'assumption' && p.group.models.includes('mouseStudy') && Object.keys(p.bindings).length === 0 && p.max > p.min);
    assert.equal(paths.length, expected.length);
    assert.ok(paths.length > 100, `${paths.length}`);
    for (const spec of catalogParameterSpecs({ provenance: 'assumption', model: 'mouseStudy', exclude: [] })) {
      const p = cat.get(spec.name!)!;
      assert.equal(spec.path, `parameters.${p.path}`);
      assert.equal(spec.min, p.min);
      assert.equal(spec.max, p.max);
      assert.equal(spec.scale, p.min > 0 && p.max / p.min >= 10 ? 'log' : 'linear');
    }
    const parsed = sensitivitySpecSchema.parse({
      kind: 'sensitivity', method: 'morris', subtask: { model: 'mouseStudy' }, outputs: [{ path: 'x' }],
      parameters: [{ path: 'parameters.ceria.catalysis.ce3Fraction', min: 0.2, max: 0.3 }],
      catalogParameters: { provenance: 'assumption', model: 'mouseStudy', exclude: ['ros.h2o2BaselineMolPerM3'] },
    });
    assert.equal(parsed.parameters.length, paths.length - 1); // the file's own entry wins over the catalog's, one excluded
    assert.equal(parsed.parameters[0].min, 0.2);
  });

  it('the example screen varies every one of them once per trajectory, within its range', () => {
    const { spec } = loadTaskFile('examples/sweeps/mouse-orderings-morris.yaml', 'sensitivity');
    const s = sensitivitySpecSchema.parse(spec);
    const paths = catalogParameterPaths('assumption', 'mouseStudy');
    assert.deepEqual(s.parameters.map((p) => p.path).sort(), paths.map((p) => `parameters.${p}`).sort());
    const stage = morrisStage(s, 2021);
    const k = s.parameters.length;
    const d = stage.design as MorrisDesign;
    assert.equal(stage.units.length, s.morris.trajectories * (k + 1));
    for (let t = 0; t < d.trajectories; t++) {
      const moved = new Set<number>();
      for (let step = 1; step <= k; step++) {
        const a = stage.units[t * (k + 1) + step - 1].values;
        const b = stage.units[t * (k + 1) + step].values;
        const changed = a.flatMap((v, j) => (v !== b[j] ? [j] : []));
        assert.equal(changed.length, 1);
        moved.add(changed[0]);
      }
      assert.equal(moved.size, k);
    }
    for (const u of stage.units) s.parameters.forEach((p, j) => assert.ok(u.values[j] >= p.min! && u.values[j] <= p.max!, `${p.path} = ${u.values[j]}`));
    assert.equal(sensitivityTask.plan(s, 2021).length, stage.units.length);
  });

  it('the Sobol and preliminary example files load; the Sobol one marks the two orderings as indicators', () => {
    const sobol = sensitivitySpecSchema.parse(loadTaskFile('examples/sweeps/mouse-orderings-sobol.yaml', 'sensitivity').spec);
    assert.equal(sobol.sobol.screen?.top, 6);
    assert.deepEqual(sobol.outputs.filter((o) => o.indicator).map((o) => o.path), ['ordering.ceriaPatch.minoxidil.first', 'ordering.ceriaPatch.emptyPatch.first']);
    const pre = sensitivitySpecSchema.parse(loadTaskFile('examples/sweeps/mouse-orderings-preliminary.yaml', 'sensitivity').spec);
    assert.equal(pre.subtask.durationDays, 28);
    assert.equal(pre.parameters.length, sobol.parameters.length);
  });
});

describe('screened Sobol stage, probabilities and drivers (synthetic outputs, no subtask runs)', () => {
  const params = [
    { path: 'scalp.aga.miniaturizationPerCycle', name: 'delta', min: 0.1, max: 0.5 },
    { path: 'scalp.aga.androgenLevel', name: 'androgen', min: 0.5, max: 2, scale: 'log' },
    { path: 'scalp.aga.dormantThreshold', name: 'dormant', min: 0.05, max: 0.3 },
    { path: 'scalp.cycle.anagen.meanDays', name: 'anagen', min: 700, max: 1400 },
    { path: 'scalp.cycle.telogen.meanDays', name: 'telogen', min: 60, max: 120 },
  ];
  // y depends strongly on delta, less on anagen, barely on dormant; the indicator is "y above 6"
  const f = (v: readonly number[]) => {
    const y = (10 * (v[0] - 0.1)) / 0.4 + (3 * (v[3] - 700)) / 700 + 0.01 * v[2];
    return { values: [y, y > 6 ? 1 : 0], missing: [] };
  };
  const spec = sensitivitySpecSchema.parse({
    kind: 'sensitivity',
    method: 'sobol',
    seed: 3,
    subtask: { model: 'humanScalp', durationDays: 365.25 },
    parameters: params,
    outputs: [{ path: 'y' }, { path: 'above', indicator: true }],
    morris: { trajectories: 6, levels: 4 },
    sobol: { samples: 256, bootstrap: 100, base: 'random', screen: { top: 2 } },
  });

  it('runs the screen, keeps the top parameters by μ*, and reports P(indicator) from the base rows with its exact interval', () => {
    assert.deepEqual(sensitivityTask.plan(spec, 3), []); // a session task: the second batch depends on the first
    const session = sensitivityTask.iterate!(spec, 3);
    const all: { values: number[]; missing: string[] }[] = [];
    const units: { point: number; values: number[] }[] = [];
    let batch = session.next([]);
    assert.equal(batch.length, 6 * 6);
    const sizes: number[] = [];
    while (batch.length) {
      sizes.push(batch.length);
      const res = batch.map((u) => f(u.values));
      all.push(...res);
      units.push(...batch);
      batch = session.next(res);
    }
    assert.deepEqual(sizes, [36, 256 * (2 + 1 + 2)]); // Morris r(k+1); Saltelli N(kept + group + 2)
    const out = sensitivityTask.reduce(spec, all, 3);
    const screen = out.summary.screen as { kept: string[]; otherParameters: number };
    assert.deepEqual(screen.kept, ['delta', 'anagen']);
    assert.equal(screen.otherParameters, 3);
    assert.deepEqual([...new Set(out.indices.map((r) => r.parameter))], ['delta', 'anagen', 'other 3 parameters (one group)']);
    const st = (p: string) => out.indices.find((r) => r.output === 'y' && r.parameter === p)!.ST as number;
    assert.ok(st('delta') > st('anagen') && st('anagen') > st('other 3 parameters (one group)'));
    assert.ok(st('other 3 parameters (one group)') < 0.01);
    // base rows A_j, B_j of the Saltelli stage: the first and last of each block of (factors + 2) points
    const first = 36;
    const base = units.filter((u) => u.point >= first && [0, 4].includes((u.point - first) % 5));
    assert.equal(base.length, 2 * 256);
    const yes = base.filter((u) => f(u.values).values[1] === 1).length;
    const p = out.probabilities[0];
    assert.equal(p.output, 'above');
    assert.equal(p.n, 512);
    assert.equal(p.successes, yes);
    assert.equal(p.estimate, yes / 512);
    const ci = clopperPearson(yes, 512, 0.95);
    assert.equal(p.low, ci.low);
    assert.equal(p.high, ci.high);
    // P(10 u0 + 3 u3 > 6) for independent uniforms = 1 − E[(6 − 3 u3) / 10] = 0.55 (the dormant term is ≤ 0.003)
    assert.ok(p.low < 0.55 && p.high > 0.55, `${p.low} – ${p.high}`);
    assert.equal(out.drivers[0].morris[0].parameter, 'delta');
    assert.equal(out.drivers[0].morris[1].parameter, 'anagen');
    assert.equal(out.drivers[0].sobol[0].parameter, 'delta');
    assert.equal(out.tables.screen.parameter.length, 2 * 5);
  });

  it('refuses an indicator on a Morris run and a screen output that names nothing', () => {
    const bad = sensitivitySpecSchema.safeParse({ ...spec, kind: 'sensitivity', method: 'morris', sobol: {} });
    assert.ok(!bad.success && /indicator/.test(JSON.stringify(bad.error.issues)));
    const badScreen = sensitivitySpecSchema.safeParse({ kind: 'sensitivity', method: 'sobol', subtask: spec.subtask, parameters: params, outputs: [{ path: 'y' }], sobol: { screen: { outputs: ['z'] } } });
    assert.ok(!badScreen.success && /names no output/.test(JSON.stringify(badScreen.error.issues)));
  });
});
