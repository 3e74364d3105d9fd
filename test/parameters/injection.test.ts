import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Parameters reach the engine only through the scenario: engine code imports no parameter-default module
 * (src/species/*) and holds no model constant as a literal. Schemas (their defaults are the parameters),
 * the catalog and the assembly steps (src/parameters/) may import the defaults.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const mayImportDefaults = (rel: string) =>
  rel.startsWith('src/species/') || rel.startsWith('src/parameters/') || rel.endsWith('/schema.ts') || rel === 'src/microenv/defaultRules.ts';

/** Mechanism and driver files whose numbers must all be pure math, units or numerics. */
const ENGINE = [
  'src/microenv/tile.ts', 'src/microenv/chemistry.ts', 'src/microenv/follicleCoupling.ts', 'src/microenv/rules.ts',
  'src/microenv/perifollicularKernel.ts', 'src/microenv/follicleSheet.ts', 'src/microenv/kernelAxis.ts', 'src/microenv/processes/vegf.ts', 'src/microenv/processes/ros.ts',
  'src/delivery/applications.ts', 'src/delivery/substrates.ts', 'src/patch/geometry.ts', 'src/patch/release.ts',
  'src/skin/follicles.ts', 'src/study/animal.ts', 'src/study/aggregate.ts', 'src/tasks/humanMicroenvironment.ts',
  'src/tasks/patchDeliveryRun.ts', 'src/tasks/mouseStudyRun.ts', 'src/tasks/humanScalpRun.ts',
];

/** Reviewed literals and why each is not a model constant. */
const ALLOWED: Record<string, string> = {
  '0': 'arithmetic', '1': 'arithmetic', '2': 'arithmetic (halves, squares, 2·GPx stoichiometry)', '0.5': 'mid-points, halves, ½ H2O2 per dismutation',
  '3': 'chemistry state stride [S, H, G]; cone volume /3; integer Hill fast path',
  '4': 'pyramid cross-section 4w²; integer Hill fast path; 4-voxel depth margin below the bulbs; 4σ truncation of the perifollicular Gaussian (numerical)',
  '5': 'Jacobian/readout array index', '6': 'surface/volume 6/d of a sphere; Jacobian index; toPrecision digits',
  '7': 'Jacobian/readout array index', '8': 'Jacobian/readout index; quadrature sub-steps per slab (numerical)',
  '1e-6': 'µm → m', '1e-9': 'nm → m; comparison tolerance', '1e-12': 'ng → kg', '1e3': 'mol/m³ → µM; kg/m³ → µg/mL',
  '1e6': '1/mm² → 1/m²', '1e12': 'kg → ng', '60': 'min → s', '3600': 'h → s', '86400': 'd → s', '100': 'fraction → %',
  '1e-15': 'Newton tolerance (numerical)', '1e-11': 'Newton tolerance (numerical)', '1e-8': 'Newton tolerance (numerical)',
  '0.999': 'keeps a bulb inside the window (numerical)',
  '20': 'the 20 nm reference size that defines ceria.transport.lymphaticClearanceAt20nmPerDay; largest Hill coefficient a rule schema accepts',
  '50': 'progress-report cadence (steps)',
  '4096': 'distinct bulb depths the kernel z-weight cache holds before it restarts (memory bound, numerical)',
  '16': 'initial capacity of the kernel z-weight cache (grows by doubling; numerical)',
  '32': 'most tile fields one fused kernel readout takes (buffer size; numerical)',
  '200': 'iteration cap of the safeguarded Newton/bisection ROS step (numerical; bisection reaches round-off well before)',
  '0.01': 'validation bound of a rule Hill coefficient (schema range, not a model value)',
  '1e-3': 'validation bound of a rule saturation (schema range, not a model value)',
};

/** Numeric literals of TypeScript source, outside comments and strings. */
function literals(text: string): string[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\])*"/g, "''");
  return [...code.matchAll(/(?<![\w.])(\d+\.?\d*(?:e[-+]?\d+)?|\.\d+)(?!\w)/g)].map((m) => m[1]);
}

describe('parameters are injected, not read from globals', () => {
  it('only schemas, the catalog and assembly import the parameter defaults (src/species)', () => {
    const offenders = tsFiles(SRC)
      .map((f) => relative(ROOT, f).replace(/\\/g, '/'))
      .filter((rel) => !rel.startsWith('src/node/') && !mayImportDefaults(rel))
      .filter((rel) => /from\s+'[^']*\/species\//.test(readFileSync(join(ROOT, rel), 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('engine files hold no model constant as a literal (reviewed allow-list of pure-math, unit and numerical values)', () => {
    const found: string[] = [];
    for (const rel of ENGINE) {
      for (const lit of literals(readFileSync(join(ROOT, rel), 'utf8'))) if (!(lit in ALLOWED)) found.push(`${rel}: ${lit}`);
    }
    assert.deepEqual(found, []);
  });

  it('the literal scan finds a planted constant', () => {
    assert.deepEqual(literals("const k = 0.315; // 2.2 s\nconst s = 'v1.5';"), ['0.315']);
  });
});
