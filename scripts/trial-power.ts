/**
 * Power of a virtual trial by replicate trials, through the sweep engine: builds a `sweep` with the trial
 * as its subtask (only `arm` and the control kept), n per arm swept on a grid (both arms tied), R replicate
 * trials per n with independent seeds, and the `power` section (P(ITT ANCOVA difference significant), Wilson
 * interval, the n reaching 80 % and 90 %). The same as running a sweep file such as
 * examples/sweeps/trial-power.yaml with `follisim sweep`; this script only writes the file for a trial.
 *
 *   node --import tsx scripts/trial-power.ts examples/trials/minoxidil-olsen-2002.yaml minoxidil5 10 50 5 20
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parse } from 'yaml';
import { threadExecutor } from '../src/node/pool/threadExecutor.ts';
import { runTask } from '../src/tasks/runTask.ts';
import { sweepSpecSchema } from '../src/tasks/sweep/sweepTask.ts';

const [file, armId, nMin = '10', nMax = '50', levels = '5', reps = '20'] = process.argv.slice(2);
if (!file || !armId) throw new Error('usage: trial-power.ts TRIAL.yaml ARM [nMin nMax levels replicates]');
const trial = parse(readFileSync(file, 'utf8')) as { arms: { id: string }[]; analysis?: { control?: string }; population?: Record<string, unknown>; seed?: number };
const control = trial.analysis?.control ?? trial.arms[0].id;
const arms = trial.arms.filter((a) => a.id === armId || a.id === control);
if (arms.length !== 2) throw new Error(`need arm '${armId}' and a different control arm ('${control}')`);
const subtask = { ...trial, arms, analysis: { ...trial.analysis, control }, population: { ...trial.population, candidates: 10 * Number(nMax) } };
const spec = sweepSpecSchema.parse({
  kind: 'sweep',
  name: `power ${armId} vs ${control}`,
  seed: trial.seed ?? 1,
  subtask,
  parameters: [{ path: 'arms.0.n', alsoPaths: ['arms.1.n'], name: 'n per arm', min: Number(nMin), max: Number(nMax), levels: Number(levels), integer: true }],
  outputs: [{ path: 'differencesItt.0.significant', name: 'significant' }],
  design: { method: 'grid' },
  replicates: Number(reps),
  power: { output: 'significant', targets: [0.8, 0.9] },
});
const run = await runTask(spec, { executor: threadExecutor(availableParallelism()) });
const power = (run.output.summary as { power: { points: { value: number; power: number; lo: number; hi: number; replicates: number }[]; targets: { target: number; smallestReaching: number | null; interpolated: number | null }[] } }).power;
for (const p of power.points) console.log(`n ${p.value}/arm: P(significant) ${(100 * p.power).toFixed(0)} % (95 % CI ${(100 * p.lo).toFixed(0)}-${(100 * p.hi).toFixed(0)} %), ${p.replicates} replicate trials`);
for (const t of power.targets) console.log(`n per arm for ${100 * t.target} % power: ${t.smallestReaching ?? `> ${nMax}`}${t.interpolated !== null ? ` (≈ ${t.interpolated.toFixed(0)} interpolated)` : ''}`);
