import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { siblingModuleUrl, spawnModuleWorker } from '../../src/node/workers.ts';

describe('worker modules from source (.ts) and from the build (.js)', () => {
  it('siblingModuleUrl keeps the caller extension', () => {
    assert.equal(siblingModuleUrl('worker', 'file:///p/src/node/study/parallel.ts'), 'file:///p/src/node/study/worker.ts');
    assert.equal(siblingModuleUrl('worker', 'file:///p/dist/node/study/parallel.js'), 'file:///p/dist/node/study/worker.js');
    assert.equal(siblingModuleUrl('worker', 'file:///p%20q/dist/x.mjs'), 'file:///p%20q/dist/worker.mjs');
  });

  it('spawnModuleWorker starts a .js module directly and a .ts module through tsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'follisim-workers-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
      const body = `import { parentPort, workerData } from 'node:worker_threads';\n`;
      writeFileSync(join(dir, 'w.mjs'), body + `parentPort.postMessage(workerData * 2);\n`);
      writeFileSync(join(dir, 'w.ts'), body + `const n: number = workerData;\nparentPort!.postMessage(n * 3);\n`);
      for (const [file, expected] of [['w.mjs', 42], ['w.ts', 63]] as const) {
        const w = spawnModuleWorker(pathToFileURL(join(dir, file)).href, 21);
        const [message] = await once(w, 'message');
        assert.equal(message, expected, file);
        await w.terminate();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
