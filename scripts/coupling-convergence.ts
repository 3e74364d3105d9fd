/**
 * Operator-splitting step convergence of a mouse study's endpoints: runs the study (3 mice per arm, same seed)
 * at each coupling step given (hours)
 *   [SCHEME=modal|lod] [MICE=3] node --import tsx scripts/coupling-convergence.ts examples/mouse-cemn-study.yaml 0.5 1 2 3
 * and prints one JSON line per step with the endpoints users read (days to 50 %, coverage d35, ROS over the
 * study, VEGF fold day 10, darkening) and the run time.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';
const raw = parse(readFileSync(process.argv[2] ?? 'examples/mouse-cemn-study.yaml', 'utf8')) as Record<string, unknown>;
raw.animals = { perArm: Number(process.env.MICE ?? 3) };
for (const stepH of process.argv.slice(3).map(Number)) {
  const r = validateScenario({ ...raw, microenvironment: { ...(raw.microenvironment as object | undefined), couplingStepH: stepH, ...(process.env.SCHEME ? { transportScheme: process.env.SCHEME } : {}) } });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r));
  const t0 = performance.now();
  const out = runMouseStudyTask(r.value, { seed: 2021 });
  const row: Record<string, unknown> = { scheme: r.value.microenvironment.transportScheme, couplingStepH: stepH, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
  for (const a of out.arms) {
    const s = (out.summary.arms as Record<string, { daysTo50PctCoverage: number | null; final: { coverage: { mean: number } }; microenvironmentMeanOverStudy: { rosIndex: number }; daysToSkinDarkening: number | null }>)[a.id];
    const vegf10 = a.byDay.vegfFold.find((d) => d.day >= 10)?.mean ?? Number.NaN;
    const fix = (x: number | null, d: number) => (x === null ? null : +x.toFixed(d));
    row[a.id] = { d50: fix(s.daysTo50PctCoverage, 2), cov35: fix(s.final.coverage.mean, 3), ros: fix(s.microenvironmentMeanOverStudy.rosIndex, 3), vegf10: fix(vegf10, 3), dark: fix(s.daysToSkinDarkening, 2) };
  }
  console.log(JSON.stringify(row));
}
