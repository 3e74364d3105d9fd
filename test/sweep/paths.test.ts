import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getAtPath, setAtPath, splitPath } from '../../src/tasks/sweep/paths.ts';

describe('parameter and output paths', () => {
  it('splits dotted paths; after `parameters` the rest is one catalog key', () => {
    assert.deepEqual(splitPath('arms.2.minoxidil.doseFactor'), ['arms', '2', 'minoxidil', 'doseFactor']);
    assert.deepEqual(splitPath('parameters.ros.h2o2ClearancePerS'), ['parameters', 'ros.h2o2ClearancePerS']);
  });

  it('sets values in objects and lists, creating missing objects', () => {
    const s: Record<string, unknown> = { arms: [{ id: 'a' }, { id: 'b', minoxidil: { doseFactor: 1 } }] };
    assert.equal(setAtPath(s, 'arms.1.minoxidil.doseFactor', 2), null);
    assert.equal(setAtPath(s, 'scalp.aga.miniaturizationPerCycle', 0.3), null);
    assert.equal(setAtPath(s, 'parameters.ros.h2o2ClearancePerS', 5), null);
    assert.deepEqual(s, { arms: [{ id: 'a' }, { id: 'b', minoxidil: { doseFactor: 2 } }], scalp: { aga: { miniaturizationPerCycle: 0.3 } }, parameters: { 'ros.h2o2ClearancePerS': 5 } });
    assert.match(setAtPath(s, 'arms.5.x', 1) ?? '', /has 2 entries: no index 5/);
    assert.match(setAtPath(s, 'arms.first.x', 1) ?? '', /is a list/);
    assert.match(setAtPath(s, 'arms.0.id.x', 1) ?? '', /is a string/);
  });

  it('reads values and tells a null value from a missing key', () => {
    const r = { arms: { ceria: { d50: null, n: 8 } }, list: [1, 2] };
    assert.deepEqual(getAtPath(r, 'arms.ceria.n'), { found: true, value: 8 });
    assert.deepEqual(getAtPath(r, 'arms.ceria.d50'), { found: true, value: null });
    assert.equal(getAtPath(r, 'arms.ceria.nope').found, false);
    assert.deepEqual(getAtPath(r, 'list.1'), { found: true, value: 2 });
    assert.equal(getAtPath(r, 'list.2').found, false);
  });
});
