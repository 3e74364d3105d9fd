/** A short, small human scalp scenario: cheap enough to run dozens of times in a test. */
export function smallScalp(years = 4): Record<string, unknown> {
  return {
    model: 'humanScalp',
    durationDays: years * 365.25,
    record: { everyDays: 91.3125 },
    scalp: { regions: { frontal: { areaCm2: 0.5 }, midScalp: { areaCm2: 0.5 }, vertex: { areaCm2: 6 }, occipital: { areaCm2: 0.5 } } },
  };
}
