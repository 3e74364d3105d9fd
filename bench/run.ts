/**
 * `npm run bench` prints the measured figures; `npm run bench -- --json` prints one JSON object per line
 * ({name, value, unit, ...details}). `--only NAME` runs the suites whose name or file contains NAME, spaces
 * and hyphens alike (`--only mouse-study` runs the "mouse study" suite).
 */
import { readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchResult, BenchSuite } from './types.ts';

/** Every bench/*.bench.ts file and every BenchSuite it exports (a new suite needs no edit here). */
const FILES = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts')).sort();
const isSuite = (x: unknown): x is BenchSuite => typeof x === 'object' && x !== null && typeof (x as BenchSuite).run === 'function' && typeof (x as BenchSuite).name === 'string';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const key = (x: string) => x.toLowerCase().replace(/[\s_-]+/g, '-');

function fmt(v: number): string {
  if (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0)) return v.toExponential(3);
  return v.toPrecision(4);
}

if (!json) console.log(`follisim bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})`);
for (const file of FILES) {
  const mod = (await import(join(import.meta.dirname, file))) as Record<string, unknown>;
  for (const suite of Object.values(mod).filter(isSuite)) {
    if (only && !key(suite.name).includes(key(only)) && !key(file).includes(key(only))) continue;
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
}
