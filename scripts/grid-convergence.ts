/**
 * Grid convergence of a mouse study's endpoints: runs the study (3 mice per arm) at each tile voxel size given
 *   node --import tsx scripts/grid-convergence.ts examples/mouse-cemn-study.yaml 125 62.5 31.25
 * and prints one JSON line per resolution (days to 50 %, coverage d35, ROS over the study, VEGF fold day 10, darkening).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';
const raw = parse(readFileSync(process.argv[2] ?? 'examples/mouse-cemn-study.yaml', 'utf8')) as Record<string, unknown>;
raw.animals = { perArm: 3 };
for (const vox of process.argv.slice(3).map(Number)) {
  const r = validateScenario({ ...raw, microenvironment: { voxelUm: vox } });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r));
  const t0 = performance.now();
  const out = runMouseStudyTask(r.value, { seed: 2021 });
  const s = out.summary as any;
  const row: Record<string, unknown> = { voxelUm: vox, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
  for (const [k, v] of Object.entries<any>(s.arms)) {
    const vegfDay10 = out.arms.find((a) => a.id === k)!.byDay.vegfFold.find((d) => d.day >= 10)!.mean;
    row[k] = { d50: v.daysTo50PctCoverage === null ? null : +v.daysTo50PctCoverage.toFixed(2), cov35: +v.final.coverage.mean.toFixed(3), ros: +v.microenvironmentMeanOverStudy.rosIndex.toFixed(3), vegf10: +vegfDay10.toFixed(2), dark: v.daysToSkinDarkening === null ? null : +v.daysToSkinDarkening.toFixed(2) };
  }
  console.log(JSON.stringify(row));
}
