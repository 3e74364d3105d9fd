import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kaplanMeier, kmMedian, restrictedMean, rmstDifference } from '../../src/stats/kaplanMeier.ts';

describe('Kaplan–Meier', () => {
  it('matches the textbook curve with censoring (Greenwood variance)', () => {
    // times 6+,6,6,6,7,9+,10,10+: S(6) = 5/8; 4 at risk at 7, S(7) = 5/8·3/4
    const km = kaplanMeier([6, 6, 6, 6, 7, 9, 10, 10], [false, true, true, true, true, false, true, false]);
    assert.equal(km[0].atRisk, 8);
    assert.ok(Math.abs(km[0].survival - 5 / 8) < 1e-12);
    assert.ok(Math.abs(km[1].survival - (5 / 8) * (3 / 4)) < 1e-12);
    const gw = (3 / (8 * 5) + 1 / (4 * 3)) * ((5 / 8) * (3 / 4)) ** 2;
    assert.ok(Math.abs(km[1].variance - gw) < 1e-12);
    assert.equal(kmMedian(km).median, 7);
  });

  it('administrative censoring only: the median equals the empirical median, censored mice never become events', () => {
    const km = kaplanMeier([10, 11, 12, 13, 35, 35], [true, true, true, true, false, false]);
    assert.equal(kmMedian(km).median, 12);
    const none = kaplanMeier([35, 35, 35], [false, false, false]);
    assert.deepEqual(kmMedian(none), { median: null, low: null, high: null, level: 0.95 });
  });

  it('median interval contains the median; RMST of uncensored data is the mean; differences have intervals', () => {
    const t = [10, 11, 12, 13, 14, 15, 16, 17];
    const km = kaplanMeier(t, t.map(() => true));
    const m = kmMedian(km);
    assert.ok(m.low !== null && m.median !== null && m.low <= m.median && (m.high === null || m.high >= m.median));
    assert.ok(Math.abs(restrictedMean(km, 35).rmst - 13.5) < 1e-12);
    const later = kaplanMeier(t.map((x) => x + 3), t.map(() => true));
    const d = rmstDifference(later, km, 35);
    assert.ok(Math.abs(d.estimate - 3) < 1e-12 && d.low < 3 && d.high > 3);
  });
});
