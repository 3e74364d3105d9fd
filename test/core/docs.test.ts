import { it } from 'node:test';
import { humanParameters } from '../../src/species/human.ts';
import { microenvParameters } from '../../src/species/microenv.ts';
import { ceriaTransport, humanSkinParameters, microneedlePatch, mouseDorsalSkin } from '../../src/species/skin.ts';
import { assertDocumented } from '../helpers/docs.ts';

it('every human parameter is documented in docs/model.md §1 with its value and provenance', () => assertDocumented(humanParameters, 1));
it('every skin, transport and patch parameter is documented in docs/model.md §4', () => {
  assertDocumented(mouseDorsalSkin, 4, 'mouseDorsalSkin');
  assertDocumented(humanSkinParameters, 4, 'humanScalpSkin');
  assertDocumented(ceriaTransport, 4, 'ceriaTransport');
  assertDocumented(microneedlePatch, 4, 'microneedlePatch');
});
it('every microenvironment parameter is documented in docs/model.md §5', () => assertDocumented(microenvParameters, 5));
