/**
 * `npm run bench` prints the measured figures; `npm run bench -- --json` prints one JSON object per line
 * ({name, value, unit, ...details}). `--only NAME` runs the suites whose result names contain NAME.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchResult, BenchSuite } from './types.ts';

const SUITES: [file: string, exportName: string][] = [
  ['scalp.bench.ts', 'scalpBench'],
  ['transport.bench.ts', 'transportBench'],
  ['ode.bench.ts', 'odeBench'],
  ['mouse.bench.ts', 'mouseBench'],
  ['sweeps.bench.ts', 'sweepsBench'],
];

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;

function fmt(v: number): string {
  if (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0)) return v.toExponential(3);
  return v.toPrecision(4);
}

if (!json) console.log(`follisim bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})`);
for (const [file, name] of SUITES) {
  const path = join(import.meta.dirname, file);
  if (!existsSync(path)) continue;
  const mod = (await import(path)) as Record<string, BenchSuite>;
  const suite = mod[name];
  if (!suite) continue;
  if (only && !suite.name.includes(only) && !file.includes(only)) continue;
  if (!json) console.log(`\n${suite.name}`);
  const results: BenchResult[] = await suite.run();
  for (const r of results) {
    if (json) console.log(JSON.stringify({ name: r.name, value: r.value, unit: r.unit, ...(r.details ?? {}) }));
    else {
      const extra = Object.entries(r.details ?? {})
        .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
        .join('  ');
      console.log(`  ${r.name.padEnd(28)} ${fmt(r.value).padStart(11)} ${r.unit.padEnd(10)} ${extra}`);
    }
  }
}
