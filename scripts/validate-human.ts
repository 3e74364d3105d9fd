/**
 * Prints the human-scalp validation table of docs/validation.md: each target with its source and the
 * simulated value (mean ± SD over seeds).   node --import tsx scripts/validate-human.ts
 */
import { validateScenario, type HumanScenario } from '../src/scenario/index.ts';
import { runHumanScalpTask } from '../src/tasks/humanScalpRun.ts';
import { naturalHistoryMetrics } from '../src/tasks/humanNaturalHistory.ts';

function scenario(over: Record<string, unknown>): HumanScenario {
  const r = validateScenario({ model: 'humanScalp', durationDays: 3652.5, record: { everyDays: 30.4375 }, ...over });
  if (!r.ok || r.value.model !== 'humanScalp') throw new Error('invalid');
  return r.value;
}
const seeds = [1, 2, 3, 4, 5];
const stat = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return `${m.toFixed(m > 10 ? 1 : 3)} ± ${sd.toFixed(m > 10 ? 1 : 3)}`;
};

const healthy = scenario({ scalp: { aga: { androgenLevel: 0 } } });
const h = seeds.map((s) => runHumanScalpTask(healthy, { seed: s }).summary.scalp as Record<string, number>);
console.log('healthy scalp (androgenLevel 0, 100k follicles, year 10):');
for (const k of ['anagenFraction', 'catagenFraction', 'telogenFraction', 'latencyFraction', 'hairDensityPerCm2', 'terminalDensityPerCm2', 'meanShedPerDay', 'miniaturizedFraction']) {
  console.log(`  ${k}: ${stat(h.map((x) => x[k]))}`);
}
const long = (delta?: number) =>
  scenario({
    durationDays: 30 * 365.25,
    scalp: {
      regions: { frontal: { areaCm2: 1e-9 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: 400 }, occipital: { areaCm2: 40 } },
      ...(delta ? { aga: { miniaturizationPerCycle: delta } } : {}),
    },
  });
const nh = seeds.map((s) => naturalHistoryMetrics(long(), 100 + s));
console.log('AGA natural history (vertex 100k follicles, 30 y, default parameters):');
for (const k of ['entryYear', 'change1yPct', 'change192wPct', 'change5yPct', 'yearsToNorwoodRatio'] as const) {
  console.log(`  ${k}: ${stat(nh.map((x) => x[k]))}`);
}
const ex = scenario({ scalp: { spinUpDays: 3652.5 } });
const e = seeds.map((s) => runHumanScalpTask(ex, { seed: s }).summary.regions as Record<string, Record<string, number>>);
console.log('example scenario (10 y after 10 y of AGA), end of run:');
for (const region of ['frontal', 'midScalp', 'vertex', 'occipital']) {
  console.log(`  ${region}: terminal density ${stat(e.map((x) => x[region].terminalDensityPerCm2))} /cm², change ${stat(e.map((x) => x[region].terminalDensityChangePct))} %, anagen ${stat(e.map((x) => x[region].anagenFraction))}, diameter ${stat(e.map((x) => x[region].meanDiameterUm))} µm`);
}
