/**
 * Browser bundle of the platform-neutral core (src/index.ts and its dependencies zod, yaml, pure-rand,
 * fflate), written by `npm run build:browser` (part of `npm run build`):
 *   dist/browser/follisim.js       ES module: <script type="module"> / import { runScenario } from '…/follisim.js'
 *   dist/browser/follisim.iife.js  classic script defining the global `follisim`
 * Usage: node --import tsx scripts/build-browser.ts [outDir]
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

/** esbuild options of the browser bundle; `iife` adds the global name `follisim`. */
export function browserBuildOptions(format: 'esm' | 'iife'): BuildOptions {
  return {
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format,
    target: 'es2022',
    ...(format === 'iife' ? { globalName: 'follisim' } : {}),
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  };
}

/** Writes follisim.js (ESM) and follisim.iife.js into outDir; returns the esbuild metafiles. */
export async function buildBrowser(outDir: string): Promise<{ esm: Metafile; iife: Metafile }> {
  const esm = await build({ ...browserBuildOptions('esm'), outfile: join(outDir, 'follisim.js') });
  const iife = await build({ ...browserBuildOptions('iife'), outfile: join(outDir, 'follisim.iife.js') });
  return { esm: esm.metafile!, iife: iife.metafile! };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildBrowser(resolve(process.argv[2] ?? join(ROOT, 'dist', 'browser')));
}
