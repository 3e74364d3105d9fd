import type { SeedPath } from '../core/random/seeds.ts';

/**
 * A cohort: a population of subjects with its variability, each subject identified by an id whose random
 * streams depend on nothing else (not the arm, not the other subjects). Two arms that draw the same ids share
 * subjects: common random numbers, so their difference carries no between-subject noise.
 */
export interface Cohort {
  id: string;
  /** Subjects drawn by the design (ids are allocated to arms by the design). */
  size: number;
  /** Population traits that differ between cohorts (e.g. androgen level of AGA vs normal mice; 1 = model dose). */
  population: { androgenLevel: number };
  /** Between-subject coefficients of variation of lognormal multipliers (1). */
  variability: Record<string, number>;
}

/** Seed path of a subject: independent of the arm it is allocated to. */
export function subjectPath(subjectId: number): SeedPath {
  return ['subject', subjectId];
}
