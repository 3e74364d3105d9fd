/**
 * Fits the AGA miniaturization rate δ (fraction of terminal size lost per cycle at full exposure) to the
 * untreated 5-year vertex decline of the finasteride placebo arm (−26.3 %, references §5.2), by bisection
 * with common random numbers. The other natural-history numbers it prints are checks, not fitted.
 *
 *   node --import tsx scripts/calibrate-human.ts [--seeds 3]
 */
import { validateScenario, type HumanScenario } from '../src/scenario/index.ts';
import { naturalHistoryMetrics } from '../src/tasks/humanNaturalHistory.ts';

const TARGET_5Y_PCT = -26.3;
const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 3;

function scenario(delta: number): HumanScenario {
  const r = validateScenario({
    model: 'humanScalp',
    durationDays: 30 * 365.25,
    record: { everyDays: 30.4375 },
    scalp: {
      regions: { frontal: { areaCm2: 1e-9 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: 400 }, occipital: { areaCm2: 40 } },
      aga: { miniaturizationPerCycle: delta },
    },
  });
  if (!r.ok || r.value.model !== 'humanScalp') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  return r.value;
}

function metric(delta: number): number {
  let sum = 0;
  for (let s = 0; s < seeds; s++) sum += naturalHistoryMetrics(scenario(delta), 9000 + s).change5yPct;
  return sum / seeds;
}

let lo = 0.05;
let hi = 0.95;
for (let it = 0; it < 14; it++) {
  const mid = 0.5 * (lo + hi);
  const m = metric(mid);
  console.log(`δ = ${mid.toFixed(4)}  5-y vertex change ${m.toFixed(2)} %`);
  if (m > TARGET_5Y_PCT) lo = mid; // not enough loss: miniaturize faster
  else hi = mid;
}
const delta = Number((0.5 * (lo + hi)).toFixed(3));
const m = naturalHistoryMetrics(scenario(delta), 9000);
console.log(`\nfitted miniaturizationPerCycle = ${delta}`);
console.log(JSON.stringify(m, null, 2));
