/** Prints the trial parameter sets with ranges as markdown tables for docs/model.md §9:  node --import tsx scripts/trial-param-table.ts */
import { provenanceText, type ParameterSet } from '../src/core/parameter.ts';
import { ceriaHuman, drugRanges, dutasteride, finasteride, microneedling, minoxidil } from '../src/species/drugs.ts';
import { trialExecution, trialMeasurement, trialMinoxidil, trialPopulation, trialProgression, trialRanges } from '../src/species/trial.ts';

const ranges = { ...drugRanges, ...trialRanges };
function table(title: string, prefix: string, set: ParameterSet): string {
  const rows = Object.entries(set).map(([k, p]) => {
    const r = ranges[`${prefix}.${k}`];
    return `| \`${prefix}.${k}\` | ${p.value} | ${p.unit} | ${p.min} – ${p.max}${r ? ` (${r.reason})` : ''} | ${p.description} | ${p.provenance.kind} | ${provenanceText(p.provenance).replace(/\|/g, '/')} |`;
  });
  return [`#### ${title}`, '', '| parameter | value | unit | plausible range | meaning | kind | source |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
const sets: [string, string, ParameterSet][] = [
  ['Finasteride (`src/species/drugs.ts: finasteride`)', 'finasteride', finasteride],
  ['Dutasteride (`dutasteride`)', 'dutasteride', dutasteride],
  ['Topical minoxidil (`minoxidil`)', 'minoxidil', minoxidil],
  ['Microneedling (`microneedling`)', 'microneedling', microneedling],
  ['Ceria patch on human scalp (`ceriaHuman`)', 'ceriaHuman', ceriaHuman],
  ['Population (`src/species/trial.ts: trialPopulation`)', 'trialPopulation', trialPopulation],
  ['Progression (`trialProgression`)', 'trialProgression', trialProgression],
  ['Execution (`trialExecution`)', 'trialExecution', trialExecution],
  ['Measurement (`trialMeasurement`)', 'trialMeasurement', trialMeasurement],
  ['Minoxidil gain (`trialMinoxidil`)', 'trialMinoxidil', trialMinoxidil],
];
console.log(sets.map(([t, p, s]) => table(t, p, s)).join('\n'));
