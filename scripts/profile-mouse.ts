/**
 * Profiling driver: a reduced flagship mouse study in this thread (no file output), for
 * `[SCHEME=modal|lod] [COUPLING_H=h] node --cpu-prof --import tsx scripts/profile-mouse.ts [micePerArm] [days] [arms]`.
 * Prints the wall time; keep it small on the shared machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';

const [mice = '1', days = '35', arms = 'all'] = process.argv.slice(2);
const text = readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8');
const r = parseScenario(text);
if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
const base = r.value;
const scenario = {
  ...base,
  durationDays: Number(days),
  animals: { ...base.animals, perArm: Number(mice) },
  arms: arms === 'all' ? base.arms : base.arms.filter((a) => arms.split(',').includes(a.id)),
  endpoints: { ...base.endpoints, compareDays: base.endpoints.compareDays.filter((d) => d <= Number(days)) },
  photos: { ...base.photos, days: base.photos.days.filter((d) => d <= Number(days)) },
  // SCHEME / COUPLING_H override the tile's transport scheme and coupling step (hours)
  microenvironment: {
    ...base.microenvironment,
    ...(process.env.SCHEME ? { transportScheme: process.env.SCHEME as 'lod' | 'modal' } : {}),
    ...(process.env.COUPLING_H ? { couplingStepH: Number(process.env.COUPLING_H) } : {}),
  },
};
const c0 = process.cpuUsage();
const t0 = performance.now();
const out = runMouseStudyTask(scenario, { seed: 1 });
const s = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0).user / 1e6;
console.log(`${scenario.arms.length} arms x ${mice} mice x ${days} d: ${s.toFixed(2)} s (${(s / (scenario.arms.length * Number(mice))).toFixed(3)} s/mouse; cpu ${cpu.toFixed(2)} s)`);
console.log(JSON.stringify(out.arms.map((a) => [a.id, a.daysToThreshold])));
