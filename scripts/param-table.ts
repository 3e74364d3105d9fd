/** Prints a parameter set as a markdown table for docs/model.md:  node --import tsx scripts/param-table.ts */
import { provenanceText, type ParameterSet } from '../src/core/parameter.ts';
import { humanAga, humanCycle, humanFollicle, humanRegions } from '../src/species/human.ts';

function table(title: string, set: ParameterSet): string {
  const rows = Object.entries(set).map(
    ([k, p]) => `| \`${k}\` | ${p.value} | ${p.unit} | ${p.description} | ${p.provenance.kind} | ${provenanceText(p.provenance).replace(/\|/g, '/')} |`,
  );
  return [`#### ${title}`, '', '| parameter | value | unit | meaning | kind | source |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
console.log(table('Human cycle (`src/species/human.ts: humanCycle`)', humanCycle));
console.log(table('Human follicle and shaft (`humanFollicle`)', humanFollicle));
console.log(table('Human AGA (`humanAga`)', humanAga));
console.log(table('Human scalp regions (`humanRegions`)', humanRegions));
