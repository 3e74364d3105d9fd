import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadTaskFile } from '../../src/node/cli/taskFile.ts';
import { mouseOrderingsSection, ORDERINGS_HOW_TO } from '../../src/output/reports/mouseOrderingsSection.ts';
import { orderingAnalysisFrom, sensitivityManifestSchema, sensitivitySummarySchema } from '../../src/results/orderingAnalysis.ts';
import { parseScenario, validateScenario } from '../../src/scenario/index.ts';
import { ROOT } from '../helpers/cli.ts';

const fixture = (f: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/orderings/sensitivity-out', f), 'utf8'));
const source = { path: 'x', summarySha256: '0', manifestSha256: '0' };

describe('ordering analysis in the mouse report', () => {
  it('without an analysis the section gives the commands that produce one and no probability', () => {
    const html = mouseOrderingsSection(undefined);
    for (const c of ORDERINGS_HOW_TO) assert.ok(html.includes(c), c);
    assert.match(html, /no probability is shown/);
    assert.doesNotMatch(html, /<table/);
  });

  it('the flagship and the shipped ordering analyses describe the same study (name, compared arms, threshold)', () => {
    const flagship = parseScenario(readFileSync(join(ROOT, 'examples/mouse-cemn-study.yaml'), 'utf8'));
    assert.ok(flagship.ok);
    for (const file of ['mouse-orderings-quick.yaml', 'mouse-orderings-sobol.yaml']) {
      const { spec } = loadTaskFile(join(ROOT, 'examples/sweeps', file), 'sensitivity');
      const manifest = sensitivityManifestSchema.parse({ ...fixture('manifest.json'), scenario: { outputs: spec.outputs, subtask: spec.subtask } });
      const sub = validateScenario(spec.subtask);
      assert.ok(sub.ok);
      const r = orderingAnalysisFrom(sensitivitySummarySchema.parse(fixture('summary.json')), manifest, flagship.value as never, sub.value as never, source);
      assert.ok(r.ok, `${file}: ${r.ok ? '' : r.problems.join('; ')}`);
      assert.equal(r.value.size.days, 35);
      assert.deepEqual(r.value.orderings.map((o) => o.armB), ['minoxidil', 'emptyPatch']);
    }
  });

  it('a Morris-only analysis has no probabilities and is refused as such', () => {
    const flagshipLike = parseScenario(readFileSync(join(ROOT, 'test/fixtures/orderings/study.yaml'), 'utf8'));
    assert.ok(flagshipLike.ok);
    const summary = sensitivitySummarySchema.parse({ ...fixture('summary.json'), method: 'morris', probabilities: [] });
    const r = orderingAnalysisFrom(summary, sensitivityManifestSchema.parse(fixture('manifest.json')), flagshipLike.value as never, flagshipLike.value as never, source);
    assert.ok(!r.ok);
    assert.match(r.problems.join('\n'), /no probabilities/);
  });
});
