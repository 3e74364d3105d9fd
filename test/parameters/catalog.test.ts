import { assembleTrialMicroenv } from '../../src/parameters/assemble/trialMicroenvironment.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assumed, lit, type Parameter } from '../../src/core/parameter.ts';
import { assembleAnimal } from '../../src/parameters/assemble/animal.ts';
import { assembleDelivery } from '../../src/parameters/assemble/delivery.ts';
import { assembleHumanTiles } from '../../src/parameters/assemble/humanTiles.ts';
import { assembleSkin } from '../../src/parameters/assemble/skin.ts';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { MODEL_NAMES } from '../../src/parameters/bindings.ts';
import { defaultParameterValues, parameterCatalog, parameterReader } from '../../src/parameters/catalog.ts';
import { parameterProblems } from '../../src/parameters/check.ts';
import { PARAMETER_GROUPS } from '../../src/parameters/groups.ts';
import { validateScenario } from '../../src/scenario/index.ts';

/** A default scenario of each model, with one patched arm so arm-level patch bindings have a target. */
const BASE: Record<string, Record<string, unknown>> = {
  mouseStudy: { model: 'mouseStudy', durationDays: 1, arms: [{ id: 'a', patch: {} }], endpoints: { reference: 'a', compareDays: [1] }, photos: { days: [1] } },
  humanScalp: { model: 'humanScalp', durationDays: 100 },
  patchDelivery: { model: 'patchDelivery', durationDays: 7 },
  trial: { model: 'trial', durationWeeks: 4, visitsWeeks: [0, 4], arms: [{ id: 'a', n: 1, treatments: { ceriaPatch: {} } }] },
};

function fieldAt(data: unknown, path: string): unknown {
  let cur = data;
  for (const k of path.replace(/\?/g, '').replace(/\*/g, '0').split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return cur;
}

describe('parameter catalog', () => {
  it('every parameter has a unit, a provenance and a range (min < max) that contains its default', () => {
    const bad = [...parameterCatalog().values()].flatMap((d) => parameterProblems(d).map((p) => `${d.path}: ${p}`));
    assert.deepEqual(bad, []);
  });

  it('the check fails a parameter that lacks a unit, a range or a provenance', () => {
    const good = lit(1, 'd', 'x', 'a source', [0, 2]);
    assert.deepEqual(parameterProblems(good), []);
    assert.match(parameterProblems({ ...good, unit: '' }).join(), /no unit/);
    assert.match(parameterProblems({ ...good, min: Number.NaN }).join(), /no range/);
    assert.match(parameterProblems({ ...good, min: 2, max: 2 }).join(), /empty/);
    assert.match(parameterProblems(lit(3, 'd', 'x', 'a source', [0, 2])).join(), /outside its range/);
    assert.match(parameterProblems(assumed(1, 'd', 'x', '', [0, 2])).join(), /no provenance/);
    assert.match(parameterProblems({ ...good, provenance: undefined } as unknown as Parameter).join(), /no provenance/);
  });

  it('paths are unique, dotted, and every group contributes all of its keys', () => {
    const cat = parameterCatalog();
    const total = PARAMETER_GROUPS.reduce((n, g) => n + Object.keys(g.set).length, 0);
    assert.equal(cat.size, total, 'a path repeats');
    for (const path of cat.keys()) assert.match(path, /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, path);
    const read = parameterReader({});
    for (const [path, def] of cat) assert.equal(read(path), def.value);
    assert.throws(() => read('ros.noSuchThing'), /unknown parameter path/);
  });

  it('each bound field exists in its model and defaults to the parameter value', () => {
    const parsed = Object.fromEntries(
      MODEL_NAMES.map((m) => {
        const r = validateScenario(BASE[m]);
        assert.ok(r.ok, m);
        return [m, r.value];
      }),
    );
    for (const def of parameterCatalog().values()) {
      for (const [model, fields] of Object.entries(def.bindings)) {
        for (const f of fields) assert.equal(fieldAt(parsed[model], f), def.value, `${def.path} -> ${model}: ${f}`);
      }
    }
  });

  it('every parameter is reachable: bound to a scenario field, a rule, or read by an assembly step', () => {
    const assembled = (values: Record<string, number>) =>
      JSON.stringify([assembleAnimal(values), assembleHumanTiles(values), assembleDelivery(values), assembleSkin(values, 'mouseDorsal'), assembleSkin(values, 'humanScalp'), assembleTrial(values), assembleTrialMicroenv(values)]);
    const base = assembled(defaultParameterValues());
    const unreached: string[] = [];
    for (const def of parameterCatalog().values()) {
      if (Object.keys(def.bindings).length > 0 || def.path.startsWith('rules.')) continue;
      const values = { ...defaultParameterValues(), [def.path]: def.value === def.max ? def.min : def.max };
      if (assembled(values) === base) unreached.push(def.path);
    }
    assert.deepEqual(unreached, []);
  });
});
