import { it } from 'node:test';
import { drugParameters } from '../../src/species/drugs.ts';
import { trialParameters } from '../../src/species/trial.ts';
import { assertDocumented } from '../helpers/docs.ts';

it('every drug/device parameter is documented in docs/model.md §9 with its value and provenance', () => assertDocumented(drugParameters, 9));
it('every trial parameter is documented in docs/model.md §9', () => assertDocumented(trialParameters, 9));
