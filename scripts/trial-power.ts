/**
 * Power of a virtual trial by replicate trials: for each n per arm, R trials with independent seeds (a
 * plain loop over seeds; the sweep engine will take this over), counting how often the ITT ANCOVA
 * difference of `arm` against the control is significant at α = 0.05. Prints P(significant) with its
 * Wilson interval per n, and the smallest n reaching 80 % and 90 %.
 *
 *   node --import tsx scripts/trial-power.ts examples/trials/minoxidil-olsen-2002.yaml minoxidil5 20,40,80 10
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/index.ts';
import { reduceTrial } from '../src/tasks/trial.ts';
import { wilson } from '../src/trial/analysis.ts';
import { planTrial, runTrialUnit } from '../src/trial/run.ts';
import type { TrialScenario } from '../src/trial/schema.ts';

const [file, armId, nsArg = '20,40,80', repArg = '10'] = process.argv.slice(2);
const parsed = parseScenario(readFileSync(file, 'utf8'));
if (!parsed.ok || parsed.value.model !== 'trial') throw new Error('not a valid trial scenario');
const base = parsed.value as TrialScenario;
const control = base.analysis.control ?? base.arms[0].id;
const reps = Number(repArg);
const rows: { n: number; p: number; lo: number; hi: number }[] = [];
for (const n of nsArg.split(',').map(Number)) {
  let sig = 0;
  for (let r = 0; r < reps; r++) {
    const arms = base.arms.filter((a) => a.id === armId || a.id === control).map((a) => ({ ...a, n }));
    const s: TrialScenario = { ...base, arms, population: { ...base.population, candidates: 5 * 2 * n }, analysis: { ...base.analysis, control } };
    const seed = 100000 + r;
    const out = reduceTrial(s, planTrial(s).flatMap((u) => runTrialUnit(s, u, seed)));
    const d = out.summary as { differencesItt: { p: number; perCm2: number }[] };
    if (d.differencesItt[0].p < 0.05) sig++;
  }
  const w = wilson(sig, reps);
  rows.push({ n, p: w.p, lo: w.lo, hi: w.hi });
  console.log(`n ${n}/arm: P(significant) ${(100 * w.p).toFixed(0)} % (95 % CI ${(100 * w.lo).toFixed(0)}-${(100 * w.hi).toFixed(0)} %), ${reps} replicate trials`);
}
for (const target of [0.8, 0.9]) {
  const hit = rows.find((r) => r.p >= target);
  console.log(`smallest n with ≥ ${100 * target} % power: ${hit ? hit.n : `> ${rows[rows.length - 1].n}`}`);
}
