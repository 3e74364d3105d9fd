import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { parameterMarkdown } from '../../src/parameters/format.ts';
import { humanParameters } from '../../src/species/human.ts';
import { microenvParameters } from '../../src/species/microenv.ts';
import { ceriaTransport, humanSkinParameters, microneedlePatch, mouseDorsalSkin } from '../../src/species/skin.ts';
import { PARAM_BLOCKS, paramBlock } from '../../scripts/paramBlocks.ts';
import { assertDocumented } from '../helpers/docs.ts';

const MODEL = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'model.md'), 'utf8');

it('the parameter tables of docs/model.md are the catalog\'s own (regenerate: scripts/param-table.ts --write)', () => {
  for (const name of PARAM_BLOCKS) {
    const block = paramBlock(MODEL, name);
    assert.ok(block !== undefined, `docs/model.md has no params:${name} block`);
    assert.equal(block.trim(), parameterMarkdown(name).trim(), `docs/model.md params:${name} is stale: run node --import tsx scripts/param-table.ts --write`);
  }
});
it('every human parameter is documented in docs/model.md §1 with its value and provenance', () => assertDocumented(humanParameters, 1));
it('every skin, transport and patch parameter is documented in docs/model.md §4', () => {
  assertDocumented(mouseDorsalSkin, 4, 'Mouse dorsal skin');
  assertDocumented(humanSkinParameters, 4, 'Human scalp skin');
  assertDocumented(ceriaTransport, 4, 'Ceria transport');
  assertDocumented(microneedlePatch, 4, 'Microneedle patch');
});
it('every microenvironment parameter is documented in docs/model.md §5', () => assertDocumented(microenvParameters, 5));
