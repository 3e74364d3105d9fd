/**
 * The browser bundle of the core (scripts/build-browser.ts, `npm run build:browser`): built here from the
 * current source into a temporary folder, it must be self-contained (no imports left), export the library
 * API, and run in a JavaScript realm that has only web-standard globals (no process, require or Buffer),
 * computing exactly what the source computes in Node for the same seed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import vm from 'node:vm';
import { buildBrowser } from '../../scripts/build-browser.ts';
import { parseScenario, runScenario } from '../../src/index.ts';

const SCENARIO = 'model: humanScalp\ndurationDays: 365\nrecord: { everyDays: 73 }\nscalp: { regions: { vertex: { areaCm2: 1 }, frontal: { areaCm2: 1 }, midScalp: { areaCm2: 1 }, occipital: { areaCm2: 1 } } }\n';
const SEED = 5;

/** A realm with the language built-ins plus a few web-platform globals, nothing Node-specific. */
function browserLikeContext(): vm.Context {
  return vm.createContext({
    console,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    crypto: globalThis.crypto,
    performance,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    structuredClone,
    atob,
    btoa,
  });
}

interface BundleApi {
  parseScenario(text: string): { ok: true; value: unknown } | { ok: false; issues: unknown[] };
  runScenario(scenario: unknown, options: { seed: number }): { summary: Record<string, unknown> };
  VERSION: string;
}

describe('browser bundle of the core', () => {
  const dir = mkdtempSync(join(tmpdir(), 'follisim-browser-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let built: Awaited<ReturnType<typeof buildBrowser>>;

  it('builds a self-contained ES module exporting the library API', async () => {
    built = await buildBrowser(dir);
    const [esmOut] = Object.entries(built.esm.outputs).filter(([f]) => f.endsWith('follisim.js'));
    assert.ok(esmOut, 'follisim.js written');
    assert.deepEqual(esmOut[1].imports, [], 'no imports left in the bundle');
    for (const name of ['parseScenario', 'runScenario', 'validateScenario', 'scenarioJsonSchema', 'RandomStream', 'VERSION']) {
      assert.ok(esmOut[1].exports.includes(name), `exports ${name}`);
    }
    const inputs = Object.keys(built.esm.inputs);
    assert.ok(!inputs.some((f) => f.includes('src/node/')), 'nothing from the Node edge is bundled');
  });

  it('runs in a realm without process, require or Buffer, with the same numbers as Node', () => {
    const context = browserLikeContext();
    assert.equal(vm.runInContext('typeof process + typeof require + typeof Buffer', context), 'undefinedundefinedundefined');
    vm.runInContext(readFileSync(join(dir, 'follisim.iife.js'), 'utf8'), context, { filename: 'follisim.iife.js' });
    const api = (context as { follisim?: BundleApi }).follisim;
    assert.ok(api, 'the bundle defines the global follisim');
    const r = api.parseScenario(SCENARIO);
    assert.ok(r.ok, JSON.stringify(r));
    if (!r.ok) return;
    const inBrowser = api.runScenario(r.value, { seed: SEED }).summary;
    const regions = inBrowser.regions as Record<string, { anagenFraction: number }>;
    assert.ok(Number.isFinite(regions.vertex.anagenFraction) && regions.vertex.anagenFraction > 0);

    const s = parseScenario(SCENARIO);
    assert.ok(s.ok);
    if (!s.ok) return;
    assert.equal(JSON.stringify(inBrowser), JSON.stringify(runScenario(s.value, { seed: SEED }).summary), 'same seed, same numbers');
    const bad = api.parseScenario('model: humanScalp\ndurationDays: -1\n');
    assert.equal(bad.ok, false, 'scenario validation works in the bundle');
  });
});
