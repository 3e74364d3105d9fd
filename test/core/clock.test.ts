import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Clock, lowerBound, sampleTimes } from '../../src/core/clock.ts';
import { IntervalRecorder, TableRecorder, toCsv } from '../../src/core/recorder.ts';

describe('clock', () => {
  it('counts integer steps and fires multi-rate processes without float drift', () => {
    // 0.1 is not representable in binary: float accumulation would drift, integer counters do not.
    const clock = new Clock(0.1, 1000);
    const every = clock.periodSteps(0.6, 'phenotype period');
    let fired = 0;
    while (!clock.done) {
      if (clock.isDue(every)) fired++;
      clock.tick();
    }
    assert.equal(clock.totalSteps, 10000);
    assert.equal(fired, Math.ceil(10000 / 6));
    assert.ok(Math.abs(clock.timeS - 1000) < 1e-9);
  });

  it('rejects periods and end times that are not whole steps', () => {
    assert.throws(() => new Clock(0.3, 1), /whole number/);
    assert.throws(() => new Clock(0.1, 1).periodSteps(0.25, 'recording'), /recording 0.25 s is not a whole multiple/);
    assert.throws(() => new Clock(0, 1), /dtS must be > 0/);
  });

  it('sample times end exactly at the end time', () => {
    assert.deepEqual([...sampleTimes(10, 3)], [0, 3, 6, 9, 10]);
    assert.deepEqual([...sampleTimes(9, 3)], [0, 3, 6, 9]);
    const t = sampleTimes(3652.5, 30.4375);
    assert.equal(t.length, 121);
    assert.equal(t[t.length - 1], 3652.5);
    assert.equal(lowerBound(t, 30.4375), 1);
    assert.equal(lowerBound(t, 30.44), 2);
    assert.equal(lowerBound(t, 1e9), t.length);
  });
});

describe('recorders', () => {
  it('interval recorder counts an entity at every sample inside [t0, t1)', () => {
    const rec = new IntervalRecorder(Float64Array.from([0, 1, 2, 3, 4]), 2);
    rec.addInterval(0, 0, 2, 1); // samples 0,1
    rec.addInterval(0, 1.5, Infinity, 2); // samples 2,3,4
    rec.addInterval(1, 0.2, 0.8, 5); // no sample inside
    rec.addEvent(1, 2.5); // interval (2,3] → sample 3
    rec.addEvent(1, 3); // exactly t_3 → sample 3
    assert.deepEqual([...rec.levels(0)], [1, 1, 2, 2, 2]);
    assert.deepEqual([...rec.levels(1)], [0, 0, 0, 0, 0]);
    assert.deepEqual([...rec.eventCounts(1)], [0, 0, 0, 2, 0]);
  });

  it('interval recorder agrees with brute-force sampling on random intervals', () => {
    const times = Float64Array.from({ length: 50 }, (_, i) => i * 0.7);
    const rec = new IntervalRecorder(times, 1);
    const brute = new Float64Array(times.length);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 500; n++) {
      const a = rand() * 40;
      const b = a + rand() * 10;
      const w = rand();
      rec.addInterval(0, a, b, w);
      for (let k = 0; k < times.length; k++) if (times[k] >= a && times[k] < b) brute[k] += w;
    }
    const got = rec.levels(0);
    for (let k = 0; k < times.length; k++) assert.ok(Math.abs(got[k] - brute[k]) < 1e-9);
  });

  it('table recorder and CSV formatting', () => {
    const t = new TableRecorder(['t', 'x']);
    t.push([0, 1.23456789012]);
    t.push([1, Number.NaN]);
    assert.equal(t.rowCount, 2);
    assert.throws(() => t.push([1]), /2 columns/);
    assert.equal(toCsv({ t: t.column('t'), x: t.column('x'), tag: ['a', 'b'] }, 4), 't,x,tag\n0,1.235,a\n1,,b\n');
  });
});
