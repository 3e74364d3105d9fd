/**
 * Units of the result columns the tasks write, by column name (one definition for summary, CSV metadata and
 * reports). Suffixes `_mean`/`_sd` take the unit of their base column.
 */
const COLUMN_UNITS: Record<string, string> = {
  // identifiers and time
  arm: 'label', region: 'label', layer: 'label', endpoint: 'label', reference: 'label', test: 'label',
  mouse: 'index', subject: 'index', day: 'd', hours: 'h', depthUm: 'µm',
  // fractions and indices (dimensionless)
  anagenFraction: '1', catagenFraction: '1', telogenFraction: '1', latencyFraction: '1', refractoryFraction: '1', competentFraction: '1',
  skinDarkness: '1 (0 pink - 1 black)', hairCoverage: '1 (fraction of skin hidden)', nonMiniaturizedFraction: '1', nonMiniaturizedFollicles: 'follicles',
  meanCycles: 'cycles', perifollicularFractionOfDose: '1',
  rosIndex: '× healthy reference', superoxideIndex: '× healthy reference', damage: '1 (0-1)', pS6: '1 (0-1)', perfusion: '× healthy reference',
  vegfFold: '× reference level', woundAu: 'a.u.', meanWoundDermisAu: 'a.u.',
  // amounts and sizes
  visibleHairsPerMm2: '1/mm²', meanShaftLengthMm: 'mm', meanHairDiameterUm: 'µm', meanDiameterUm: 'µm',
  hairs: 'hairs', terminalHairs: 'hairs', miniaturized: 'follicles', dormant: 'follicles', shedPerDay: 'hairs/d',
  hairDensityPerCm2: '1/cm²', terminalDensityPerCm2: '1/cm²',
  minoxidilUm: 'µM', ceriaUgPerMl: 'µg/mL', maxCeriaUgPerMl: 'µg/mL',
  releasedNg: 'ng', retainedNg: 'ng', clearedNg: 'ng', perifollicularNg: 'ng',
  // statistics
  meanDifference: 'unit of the endpoint', p: '1', holmP: '1', mannWhitneyP: '1',
};

/** The unit of a result column ('' when none is declared). */
export function columnUnit(name: string): string {
  const base = name.replace(/_(mean|sd)$/, '');
  return COLUMN_UNITS[base] ?? '';
}

/** Units of every column of the given tables, by table then column. */
export function tableUnits(tables: Record<string, Record<string, unknown>>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(tables).map(([t, cols]) => [t, Object.fromEntries(Object.keys(cols).map((c) => [c, columnUnit(c)]))]));
}
