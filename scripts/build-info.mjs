// Stamps the build with follisim's own commit (build-info.json at the package root), so an installed copy
// reports the commit it was built from rather than the surrounding repository's (src/node/provenance.ts).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  if (dirty) commit += '-dirty';
} catch {
  commit = null;
}
writeFileSync(join(root, 'build-info.json'), JSON.stringify({ commit, builtAt: new Date().toISOString() }, null, 2) + '\n');
