import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateScenario } from '../../src/scenario/index.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import type { Table } from '../../src/tasks/types.ts';

/**
 * Trial parameters reach the model through the scenario's `parameters:` section and the assembly step
 * (src/parameters/assemble/trial.ts), like every other model's: an override changes exactly the arms whose
 * mechanism reads it (common random numbers: the same men in every arm), and the default run is unchanged.
 */

const base = {
  model: 'trial',
  seed: 5,
  durationWeeks: 24,
  visitsWeeks: [0, 24],
  design: { commonRandomNumbers: true },
  arms: [
    { id: 'placebo', n: 8 },
    { id: 'minox5', n: 8, treatments: { minoxidil: { concentrationPct: 5 } } },
    { id: 'fin1', n: 8, treatments: { finasteride: { doseMg: 1 } } },
  ],
  analysis: { photoSubjects: 0 },
};

async function trueChange(extra: Record<string, unknown>): Promise<Record<string, number[]>> {
  const r = validateScenario({ ...base, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const run = await runTask(r.value);
  const t = run.output.tables.subjects as Table;
  const out: Record<string, number[]> = {};
  (t.arm as string[]).forEach((a, i) => (out[a] ??= []).push((t.trueChangePct as Float64Array)[i]));
  return out;
}

describe('trial parameters through `parameters:`', () => {
  it('the minoxidil EC50 changes only the minoxidil arm, the finasteride ED50 only the finasteride arm; defaults are unchanged', async () => {
    const plain = await trueChange({});
    assert.ok(plain.placebo.length >= 5, `only ${plain.placebo.length} men`);
    // an empty section and the defaults written out give the very same run
    assert.deepEqual(await trueChange({ parameters: {} }), plain);
    assert.deepEqual(await trueChange({ parameters: { 'trial.minoxidil.ec50': 1, 'trial.finasteride.scalpEd50Mg': 0.0188 } }), plain);

    const ec50 = await trueChange({ parameters: { 'trial.minoxidil.ec50': 3 } });
    assert.deepEqual(ec50.placebo, plain.placebo);
    assert.deepEqual(ec50.fin1, plain.fin1);
    assert.notDeepEqual(ec50.minox5, plain.minox5);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(ec50.minox5) < mean(plain.minox5), `a higher EC50 weakens minoxidil: ${mean(ec50.minox5)} vs ${mean(plain.minox5)}`);

    const ed50 = await trueChange({ parameters: { 'trial.finasteride.scalpEd50Mg': 0.05, 'trial.finasteride.scalpEmax': 0.56 } });
    assert.deepEqual(ed50.placebo, plain.placebo);
    assert.deepEqual(ed50.minox5, plain.minox5);
    assert.notDeepEqual(ed50.fin1, plain.fin1);
  });

  it('bound trial parameters are written to their fields; the resolved values are recorded; bad overrides name the path', () => {
    const r = validateScenario({ ...base, parameters: { 'trialExecution.dropoutPerYear': 0.2, 'trial.minoxidil.ec50': 2 } });
    assert.ok(r.ok);
    const s = r.value as { execution: { dropoutPerYear: number }; parameterValues: Record<string, number> };
    assert.equal(s.execution.dropoutPerYear, 0.2);
    assert.equal(s.parameterValues['trial.minoxidil.ec50'], 2);
    assert.equal(s.parameterValues['trial.finasteride.scalpEd50Mg'], 0.0188);
    const bad = validateScenario({ ...base, parameters: { 'trial.minoxidil.ec50': 1e6, 'minoxidil.ec50': 1 } });
    assert.ok(!bad.ok);
    const text = bad.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    assert.match(text, /trial\.minoxidil\.ec50.*out of range/);
    assert.match(text, /unknown parameter 'minoxidil\.ec50' \(did you mean 'trial\.minoxidil\.ec50'/);
    const conflict = validateScenario({ ...base, execution: { dropoutPerYear: 0.3 }, parameters: { 'trialExecution.dropoutPerYear': 0.2 } });
    assert.ok(!conflict.ok);
    assert.match(conflict.issues.map((i) => i.message).join(), /conflicts with execution\.dropoutPerYear/);
  });
});
