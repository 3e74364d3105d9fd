import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { assumptionParameterPaths, latinHypercube, orderingUncertainty, rangeValue, spearman } from '../../src/study/orderingUncertainty.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

describe('ordering uncertainty (Latin-hypercube Monte Carlo)', () => {
  it('samples every stratum once per dimension; ranges map uniformly or log-uniformly; Spearman of a monotone map is 1', () => {
    const pts = latinHypercube(10, 3, RandomStream.fromSeed(1));
    for (let j = 0; j < 3; j++) assert.deepEqual(pts.map((p) => Math.floor(p[j] * 10)).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(rangeValue(1, 100, 0.5), 10);
    assert.equal(rangeValue(1, 3, 0.5), 2);
    assert.ok(Math.abs(spearman([1, 2, 3, 4], [1, 8, 27, 64]) - 1) < 1e-12);
    assert.ok(assumptionParameterPaths().includes('ceria.catalysis.activityHalfLifeDays'));
  });

  it('runs a small study per sample through the parameters section and reports probabilities and drivers', () => {
    const raw = {
      model: 'mouseStudy',
      durationDays: 12,
      animals: { perArm: 2 },
      skin: { lattice: { nx: 8, ny: 8 } },
      microenvironment: { voxelUm: 125 },
      arms: [{ id: 'minoxidil', minoxidil: {} }, { id: 'ceriaPatch', patch: { schedule: { days: [0, 4, 8] } } }],
      photos: { days: [12], widthPx: 16, heightPx: 16 },
      endpoints: { compareDays: [12], reference: 'minoxidil' },
    };
    const r = orderingUncertainty(raw, {
      samples: 3,
      seed: 5,
      test: 'ceriaPatch',
      comparators: ['minoxidil'],
      paths: ['minoxidil.sulfatedFraction', 'ceria.catalysis.activityHalfLifeDays'],
      runStudy: (s, seed) => runMouseStudyTask(s, { seed }).arms,
    });
    assert.equal(r.samples, 3);
    const p = r.probabilities.minoxidil.pBefore;
    assert.ok(p >= 0 && p <= 1);
    assert.ok(r.drivers.minoxidil.length <= 2);
  });
});
