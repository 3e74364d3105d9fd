import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { validateScenario } from '../../src/scenario/index.ts';
import { reduceTrial } from '../../src/tasks/trial.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { planTrial, runTrialUnit } from '../../src/trial/run.ts';
import { validTrial } from '../helpers/scenarios.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';

function scenario(extra: Record<string, unknown> = {}): TrialScenario {
  return validTrial({
    seed: 11,
    durationWeeks: 16,
    visitsWeeks: [0, 8, 16],
    population: { candidates: 80 },
    design: { commonRandomNumbers: true, subjectsPerUnit: 20 },
    arms: [
      { id: 'placebo', n: 8 },
      { id: 'fin0', n: 8, treatments: { finasteride: { doseMg: 0 } } },
      { id: 'minox0', n: 8, treatments: { minoxidil: { concentrationPct: 0 } } },
      { id: 'minox5', n: 8, treatments: { minoxidil: { concentrationPct: 5 } } },
    ],
    ...extra,
  });
}

const records = (s: TrialScenario) => planTrial(s, assembleTrial(s.parameterValues)).flatMap((u) => runTrialUnit(s, u, s.seed ?? 0, assembleTrial(s.parameterValues)));

it('a drug at dose 0 equals placebo bit for bit with common random numbers; 5 % minoxidil differs', () => {
  const s = scenario();
  const recs = records(s).filter((r) => r.screen === 'eligible');
  assert.ok(recs.length >= 8, `only ${recs.length} eligible`);
  for (const r of recs) {
    const [pl, f0, m0, m5] = r.courses;
    assert.deepEqual(f0.trueCount, pl.trueCount);
    assert.deepEqual(m0.trueCount, pl.trueCount);
    assert.deepEqual(f0.measured, pl.measured);
    assert.deepEqual(m0.shedPerWeek, pl.shedPerWeek);
    // baseline is history, the same under every arm (per-follicle streams)
    assert.equal(m5.trueCount[0], pl.trueCount[0]);
  }
  assert.ok(recs.some((r) => r.courses[3].trueCount[2] !== r.courses[0].trueCount[2]), 'minoxidil changed nobody');
});

it('same seed → identical output; units are independent of how candidates are blocked', () => {
  const a = records(scenario());
  const b = records(scenario({ design: { commonRandomNumbers: true, subjectsPerUnit: 7 } }));
  assert.deepEqual(a, b);
});

it('ITT keeps every randomized man (LOCF), PP only completers with adherence above the threshold', () => {
  const s = scenario({ execution: { dropoutPerYear: 3, perProtocolAdherence: 0.8 } });
  const out = reduceTrial(s, records(s), s.seed ?? 0);
  const f = out.trial.flow;
  assert.deepEqual(f.analysedItt, [8, 8, 8, 8]);
  assert.ok(f.dropped.every((d) => d > 0), 'a 3/y hazard over 16 weeks drops men');
  f.analysedPp.forEach((pp, a) => assert.ok(pp <= f.randomized[a] - f.dropped[a]));
  const subj = out.tables.subjects;
  const comp = subj.completer as ArrayLike<number>;
  const pp = subj.perProtocol as ArrayLike<number>;
  for (let i = 0; i < comp.length; i++) if (pp[i] === 1) assert.equal(comp[i], 1);
});

it('a small randomized trial runs end to end through the task registry', async () => {
  const s = scenario({ design: { commonRandomNumbers: false, subjectsPerUnit: 40 }, population: { candidates: 160 }, arms: [{ id: 'placebo', n: 6 }, { id: 'fin', n: 6, treatments: { finasteride: { doseMg: 1 } } }] });
  const run = await runTask(s);
  assert.equal(run.task.name, 'run:trial');
  const sum = run.output.summary as { flow: { randomized: number[]; screened: number }; differencesItt: unknown[] };
  assert.deepEqual(sum.flow.randomized, [6, 6]);
  assert.equal(sum.flow.screened, 160);
  assert.equal(sum.differencesItt.length, 1);
  for (const t of ['visits', 'differences', 'responders', 'subjects', 'shedding', 'safety', 'flow']) assert.ok(run.output.tables[t], t);
});

it('inclusion criteria nobody meets: an error naming the field and how many were screened', () => {
  const s = scenario({ inclusion: { ageMin: 18, ageMax: 19, norwoodMin: 7, norwoodMax: 7 }, population: { candidates: 20 } });
  assert.throws(() => reduceTrial(s, records(s), s.seed ?? 0), (e: Error) => e.name === 'TrialDesignError' && /^inclusion: no man met/.test(e.message) && /20 screened/.test(e.message));
});

it('an arm the screened men cannot fill names arms[i].n', () => {
  const s = scenario({ population: { candidates: 60 }, arms: [{ id: 'a', n: 50 }] });
  assert.throws(() => reduceTrial(s, records(s), s.seed ?? 0), /arms\[0\]\.n: only \d+ of 50/);
});

it('bad input is rejected with the field path', () => {
  const bad = (patch: Record<string, unknown>, path: string) => {
    const r = validateScenario({ model: 'trial', durationWeeks: 12, visitsWeeks: [0, 12], arms: [{ id: 'a', n: 5 }], ...patch });
    assert.equal(r.ok, false, `accepted ${JSON.stringify(patch)}`);
    if (!r.ok) assert.ok(JSON.stringify(r.issues).includes(path), `${path} not in ${JSON.stringify(r.issues)}`);
  };
  bad({ arms: [{ id: 'a', n: 5, treatments: { finasteride: { doseMg: -1 } } }] }, 'doseMg');
  bad({ arms: [{ id: 'a', n: 5, treatments: { minoxidil: { concentrationPct: 5, startWeek: 6, stopWeek: 4 } } }] }, 'stopWeek');
  bad({ arms: [{ id: 'a', n: 5, treatments: { microneedling: { everyDays: 0 } } }] }, 'everyDays');
  bad({ arms: [{ id: 'a', n: 5, treatments: { minoxidil: { concentrationPct: 5, perDay: 0 } } }] }, 'perDay');
  bad({ arms: [{ id: 'a', n: 0 }] }, 'an arm needs at least one subject');
  bad({ visitsWeeks: [0, 12, 20] }, 'visit after the end');
  bad({ analysis: { control: 'nope' } }, 'control');
});

it('common random numbers: paired differences per man (dose 0 vs placebo exactly 0, p = 1); a randomized design has none', () => {
  const s = scenario();
  const out = reduceTrial(s, records(s), s.seed ?? 0);
  const t = out.tables.paired;
  assert.ok(t, 'a CRN trial reports paired differences');
  const rows = Array.from(t.arm as readonly string[], (arm, i) => ({ pop: (t.population as readonly string[])[i], arm, d: Number((t.differencePerCm2 as ArrayLike<number>)[i]), p: Number((t.p as ArrayLike<number>)[i]), n: Number((t.n as ArrayLike<number>)[i]) }));
  const itt = (arm: string) => rows.find((r) => r.pop === 'itt' && r.arm === arm);
  assert.equal(itt('fin0')?.d, 0);
  assert.equal(itt('fin0')?.p, 1);
  assert.equal(itt('minox5')?.n, 8);
  // the estimate is the mean of each man's change under minoxidil minus under placebo (subjects table)
  const sub = out.tables.subjects;
  const change = new Map<string, number>();
  Array.from(sub.arm as readonly string[]).forEach((arm, i) => change.set(`${arm}/${(sub.id as ArrayLike<number>)[i]}`, Number((sub.changePerCm2 as ArrayLike<number>)[i])));
  const ids = Array.from(sub.id as ArrayLike<number>).filter((_, i) => (sub.arm as readonly string[])[i] === 'minox5');
  const expected = ids.reduce((a, id) => a + (change.get(`minox5/${id}`) ?? Number.NaN) - (change.get(`placebo/${id}`) ?? Number.NaN), 0) / ids.length;
  assert.ok(Math.abs((itt('minox5')?.d ?? Number.NaN) - expected) < 0.01, `${itt('minox5')?.d} vs ${expected}`);
  const summary = out.summary as { differencesPairedItt?: { arm: string; perCm2: number }[] };
  assert.equal(summary.differencesPairedItt?.find((d) => d.arm === 'minox5')?.perCm2, Math.round(expected * 100) / 100);
  const randomized = scenario({ design: { commonRandomNumbers: false, subjectsPerUnit: 20 }, population: { candidates: 200 } });
  const r = reduceTrial(randomized, records(randomized), randomized.seed ?? 0);
  assert.equal(r.tables.paired, undefined);
  assert.equal((r.summary as { differencesPairedItt?: unknown }).differencesPairedItt, undefined);
});
