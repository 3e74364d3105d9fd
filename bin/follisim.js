#!/usr/bin/env node
// The follisim command: runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci`, `npm install`
// and `npm pack` run through the `prepare` script). From source: node --import tsx src/node/cli/main.ts
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('follisim: the compiled build (dist/) is missing; run `npm run build` in the follisim folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
