import assert from 'node:assert/strict';
import { it } from 'node:test';
// The README's library example, through the package's own export map (self-reference by name).
import { parseScenario, runScenario, VERSION } from 'follisim';

it("the README's library example runs through the package export", () => {
  const r = parseScenario('model: humanScalp\ndurationDays: 365\nscalp: { regions: { vertex: { areaCm2: 2 }, frontal: { areaCm2: 1 }, midScalp: { areaCm2: 1 }, occipital: { areaCm2: 1 } } }\n');
  assert.ok(r.ok);
  if (!r.ok) return;
  const summary = runScenario(r.value, { seed: 1 }).summary as { regions: Record<string, { anagenFraction: number }> };
  assert.ok(summary.regions.vertex.anagenFraction > 0.5);
  assert.match(VERSION, /^\d+\.\d+\.\d+$/);
});
