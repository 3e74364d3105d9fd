/**
 * Coupling-step error of the flagship's daily readouts (docs/validation.md §7.4): one mouse per arm (seed 2021,
 * subject 0) at each (scheme:step) given, against modal transport at 0.25 h; prints the largest relative
 * deviation over days 1–35 of ROS / VEGF fold / perfusion / damage, in %.
 *   node --import tsx scripts/step-errors.ts modal:6,modal:3,modal:2,modal:1,lod:1
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateScenario } from '../src/scenario/index.ts';
import { runAnimal } from '../src/study/animal.ts';
const raw = parse(readFileSync('examples/mouse-cemn-study.yaml', 'utf8')) as Record<string, unknown>;
const cols = ['rosIndex', 'vegfFold', 'perfusion', 'damage'] as const;
const series = (scheme: string, h: number, armId: string, subject: number) => {
  const r = validateScenario({ ...raw, microenvironment: { transportScheme: scheme, couplingStepH: h } });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r));
  const arm = r.value.arms.find((a) => a.id === armId)!;
  return runAnimal(r.value, arm, subject, 2021, { photos: false }).series as unknown as Record<string, Float64Array>;
};
const specs = (process.argv[2] ?? 'modal:6,modal:3,modal:2,modal:1,lod:1').split(',');
for (const armId of ['normal', 'agaControl', 'minoxidil', 'emptyPatch', 'ceriaPatch']) {
  const ref = series('modal', 0.25, armId, 0);
  const line: string[] = [];
  for (const sp of specs) {
    const [sc, h] = sp.split(':');
    const s = series(sc, Number(h), armId, 0);
    const errs = cols.map((c) => { let m = 0; for (let d = 1; d < ref[c].length; d++) m = Math.max(m, Math.abs(s[c][d] / ref[c][d] - 1)); return (100 * m).toFixed(2); });
    line.push(`${sp} ${errs.join('/')}`);
  }
  console.log(armId.padEnd(11), line.join(' | '));
}
console.log('columns: max over days 1-35 of |relative deviation| (%) from modal 0.25 h:', cols.join('/'));
