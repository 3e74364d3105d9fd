/** Prints parameter sets as markdown tables for docs/model.md:  node --import tsx scripts/param-table.ts [human|skin|microenv] */
import { provenanceText, type ParameterSet } from '../src/core/parameter.ts';
import { humanAga, humanCycle, humanFollicle, humanRegions } from '../src/species/human.ts';
import { ceriaCatalysis, follicleSignals, minoxidilPk, rosChemistry, vegfVessels } from '../src/species/microenv.ts';
import { ceriaTransport, humanScalpSkin, microneedlePatch, mouseDorsalSkin } from '../src/species/skin.ts';

function table(title: string, set: ParameterSet): string {
  const rows = Object.entries(set).map(
    ([k, p]) => `| \`${k}\` | ${p.value} | ${p.unit} | ${p.description} | ${p.provenance.kind} | ${provenanceText(p.provenance).replace(/\|/g, '/')} |`,
  );
  return [`#### ${title}`, '', '| parameter | value | unit | meaning | kind | source |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
const groups: Record<string, [string, ParameterSet][]> = {
  human: [
    ['Human cycle (`src/species/human.ts: humanCycle`)', humanCycle],
    ['Human follicle and shaft (`humanFollicle`)', humanFollicle],
    ['Human AGA (`humanAga`)', humanAga],
    ['Human scalp regions (`humanRegions`)', humanRegions],
  ],
  skin: [
    ['Mouse dorsal skin (`src/species/skin.ts: mouseDorsalSkin`)', mouseDorsalSkin],
    ['Human scalp skin (`humanScalpSkin`)', humanScalpSkin],
    ['Ceria transport (`ceriaTransport`)', ceriaTransport],
    ['Microneedle patch (`microneedlePatch`)', microneedlePatch],
  ],
  microenv: [
    ['ROS chemistry (`src/species/microenv.ts: rosChemistry`)', rosChemistry],
    ['Ceria catalysis (`ceriaCatalysis`)', ceriaCatalysis],
    ['VEGF and vessels (`vegfVessels`)', vegfVessels],
    ['Minoxidil (`minoxidilPk`)', minoxidilPk],
    ['Follicle damage and p-S6 (`follicleSignals`)', follicleSignals],
  ],
};
const which = process.argv[2];
for (const [name, sets] of Object.entries(groups)) {
  if (which && which !== name) continue;
  for (const [title, set] of sets) console.log(table(title, set));
}
