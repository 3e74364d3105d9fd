/**
 * Prints the mouse-study validation and ablation tables of docs/validation.md: the example study
 * (8 mice per arm) and the ceria arm with each mechanism switched off (same animals: common random
 * numbers).   node --import tsx scripts/validate-mouse.ts [seed]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeToReach } from '../src/follicle/mouse/run.ts';
import { parseScenario, type MouseStudyScenario } from '../src/scenario/index.ts';
import { runMouseStudyAnimals } from '../src/tasks/mouseStudyRun.ts';
import type { AnimalResult } from '../src/study/animal.ts';
import { kaplanMeier, kmMedian } from '../src/stats/kaplanMeier.ts';

const seed = Number(process.argv[2] ?? 2021);
const r = parseScenario(readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8'));
if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
const base: MouseStudyScenario = r.value;

const fmt = (xs: number[], d = 2) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(d)} ± ${sd.toFixed(d)}`;
};
const meanOver = (x: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i <= to; i++) s += x[i];
  return s / (to - from + 1);
};
function row(label: string, animals: readonly AnimalResult[]): string {
  // days to 50 %: Kaplan–Meier median (mice that never reach it are censored at the end, not averaged)
  const km = (k: 'hairCoverage' | 'skinDarkness') => {
    const v = animals.map((a) => timeToReach(a.timesDays, a.series[k], 0.5));
    const reached = v.filter((x) => !Number.isNaN(x)).length;
    const m = kmMedian(kaplanMeier(v.map((x) => (Number.isNaN(x) ? base.durationDays : x)), v.map((x) => !Number.isNaN(x)))).median;
    return `${m === null ? 'not reached' : m.toFixed(1)} (${reached}/${v.length})`;
  };
  return [
    label,
    km('skinDarkness'),
    km('hairCoverage'),
    fmt(animals.map((a) => a.series.hairCoverage[14])),
    fmt(animals.map((a) => a.series.hairCoverage[a.series.hairCoverage.length - 1])),
    fmt(animals.map((a) => a.series.meanHairDiameterUm[a.series.meanHairDiameterUm.length - 1]), 1),
    fmt(animals.map((a) => meanOver(a.series.rosIndex, 1, 14))),
    fmt(animals.map((a) => meanOver(a.series.perfusion, 1, 14))),
    fmt(animals.map((a) => meanOver(a.series.pS6, 1, 14))),
  ].join(' | ');
}
const header =
  '| arm | days to 50 % darkness, KM median (reached) | days to 50 % coverage, KM median (reached) | coverage d14 | coverage d35 | hair diameter d35 (µm) | ROS d1-14 (× healthy) | vessels d1-14 (× healthy) | p-S6 d1-14 |\n|---|---|---|---|---|---|---|---|---|';

console.log(`Example study, seed ${seed}, ${base.animals.perArm} mice per arm (KM medians; other columns mean ± SD over mice):\n`);
console.log(header);
const res = runMouseStudyAnimals(base, { seed });
for (const arm of base.arms) console.log(`| ${row(arm.label ?? arm.id, res.get(arm.id) ?? [])} |`);

console.log('\nAblations of the ceria arm (same mice, same seed):\n');
console.log(header);
const ceria = base.arms.find((a) => a.id === 'ceriaPatch');
if (!ceria) throw new Error('no ceriaPatch arm');
const variants: [string, Record<string, boolean>][] = [
  ['Ce-MN, all mechanisms', {}],
  ['Ce-MN without SOD-like activity', { ceriaSod: false }],
  ['Ce-MN without CAT-like activity', { ceriaCat: false }],
  ['Ce-MN without ROS scavenging (no SOD, no CAT)', { ceriaSod: false, ceriaCat: false }],
  ['Ce-MN without injury angiogenesis', { injuryAngiogenesis: false }],
  ['Ce-MN without injury signalling (angiogenesis and activation)', { injuryAngiogenesis: false, injuryActivation: false }],
];
for (const [label, mech] of variants) {
  const scn: MouseStudyScenario = { ...base, arms: [ceria], microenvironment: { ...base.microenvironment, mechanisms: { ...base.microenvironment.mechanisms, ...mech } } };
  console.log(`| ${row(label, runMouseStudyAnimals(scn, { seed }).get('ceriaPatch') ?? [])} |`);
}
for (const id of ['emptyPatch', 'agaControl']) {
  const arm = base.arms.find((a) => a.id === id);
  if (!arm) continue;
  // the same mice as the ceria arm: reuse its id so the animal streams match
  const scn: MouseStudyScenario = { ...base, arms: [{ ...arm, id: 'ceriaPatch' }] };
  console.log(`| ${row(`${arm.label ?? id} (ceria arm's mice)`, runMouseStudyAnimals(scn, { seed }).get('ceriaPatch') ?? [])} |`);
}
