import assert from 'node:assert/strict';
import { it } from 'node:test';
import { paramsText } from '../../src/node/cli/paramsCommand.ts';
import { parameterCatalog } from '../../src/parameters/catalog.ts';

it('follisim params lists every parameter with path, value, unit, range and provenance in each format', () => {
  const n = parameterCatalog().size;
  const json = JSON.parse(paramsText(undefined, 'json')) as { path: string; value: number; unit: string; min: number; max: number; provenance: { kind: string } }[];
  assert.equal(json.length, n);
  const ros = json.find((r) => r.path === 'ros.h2o2ClearancePerS');
  assert.deepEqual(ros && [ros.value, ros.unit, ros.min, ros.max, ros.provenance.kind], [0.315, '1/s', 0.05, 2, 'literature']);
  const table = paramsText(undefined, 'table').trimEnd().split('\n');
  assert.equal(table.length, n + 1);
  assert.match(table[0], /^path\s+value\s+unit\s+range\s+provenance$/);
  const delivery = JSON.parse(paramsText('patchDelivery', 'json')) as { path: string }[];
  assert.ok(delivery.some((r) => r.path === 'patch.pitchUm') && !delivery.some((r) => r.path.startsWith('human.')));
  const md = paramsText('humanScalp', 'md');
  assert.match(md, /\| `human\.aga\.miniaturizationPerCycle` \| 0\.243 \| 1 \| 0\.05 – 0\.6/);
  assert.ok(!md.includes('`mouse.'));
});
