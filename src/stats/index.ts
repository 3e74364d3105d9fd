/** Statistics for comparing the arms of virtual studies and trials (platform-neutral, dependency-free). */
export {
  chiSquaredCdf,
  chiSquaredSf,
  fCdf,
  fSf,
  logBeta,
  logGamma,
  regularizedBeta,
  regularizedBetaComplement,
  regularizedGammaP,
  regularizedGammaQ,
  standardNormalCdf,
  standardNormalPdf,
  standardNormalQuantile,
  standardNormalSf,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSidedP,
} from './special.ts';
export {
  count,
  dropNaN,
  mean,
  meanConfidenceInterval,
  median,
  quantile,
  quantiles,
  sd,
  sem,
  summarize,
  variance,
} from './descriptive.ts';
export type { MeanConfidenceInterval, Summary } from './descriptive.ts';
export { fisherExact } from './fisher.ts';
export type { FisherExactResult, Table2x2 } from './fisher.ts';
export { logRankTest } from './survival.ts';
export type { LogRankResult, SurvivalSample } from './survival.ts';
export {
  cohensD,
  hedgesG,
  holmAdjust,
  mannWhitneyExactDistribution,
  mannWhitneyU,
  oneWayAnova,
  pooledSd,
  studentTTest,
  welchTTest,
} from './tests.ts';
export type {
  AnovaResult,
  MannWhitneyOptions,
  MannWhitneyResult,
  TTestOptions,
  TTestResult,
} from './tests.ts';
export { clopperPearson, type BinomialInterval } from './binomial.ts';
export { kaplanMeier, kmMedian, restrictedMean, rmstDifference, type KmMedian, type KmStep } from './kaplanMeier.ts';
