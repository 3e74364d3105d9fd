/**
 * Ordering uncertainty of a mouse study (src/study/orderingUncertainty.ts):
 *   node --import tsx scripts/ordering-uncertainty.ts examples/mouse-cemn-study.yaml [--samples N] [--per-arm M] [--seed S] [--out file.json]
 * Prints P(Ce-MN reaches 50 % coverage before minoxidil / the empty patch) and the top drivers of each ordering.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { orderingUncertainty } from '../src/study/orderingUncertainty.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const raw = parse(readFileSync(args[0] ?? 'examples/mouse-cemn-study.yaml', 'utf8')) as Record<string, unknown>;
const perArm = Number(opt('per-arm', '0'));
if (perArm > 0) raw.animals = { ...(raw.animals as object), perArm };
const result = orderingUncertainty(raw, {
  samples: Number(opt('samples', '20')),
  seed: Number(opt('seed', '2021')),
  test: 'ceriaPatch',
  comparators: ['minoxidil', 'emptyPatch'],
  runStudy: (s, seed) => runMouseStudyTask(s, { seed }).arms,
  onSample: (d, n) => process.stderr.write(`sample ${d}/${n}\n`),
});
const out = opt('out', '');
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
console.log(JSON.stringify({ probabilities: result.probabilities, drivers: result.drivers }, null, 2));
