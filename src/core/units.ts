/** Unit conversions used at the edges (scenario files and reports); SI inside. */
export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
export const M_PER_UM = 1e-6;
export const M2_PER_CM2 = 1e-4;

/** Days → seconds. */
export const daysToS = (days: number): number => days * SECONDS_PER_DAY;
/** Seconds → days. */
export const sToDays = (s: number): number => s / SECONDS_PER_DAY;
/** Micrometres → metres. */
export const umToM = (um: number): number => um * M_PER_UM;
/** Metres → micrometres. */
export const mToUm = (m: number): number => m / M_PER_UM;
/** Square centimetres → square metres. */
export const cm2ToM2 = (cm2: number): number => cm2 * M2_PER_CM2;
/** Square metres → square centimetres. */
export const m2ToCm2 = (m2: number): number => m2 / M2_PER_CM2;
