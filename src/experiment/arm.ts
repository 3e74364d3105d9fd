import type { Cohort } from './cohort.ts';
import type { Regimen } from './regimen.ts';

/** An arm = a cohort × a regimen, with the subject ids the design allocated to it. */
export interface Arm<R extends Regimen = Regimen> {
  id: string;
  label: string;
  cohort: Cohort;
  regimen: R;
  /** Subject ids (seed paths `subject/<id>`), in the order results are reported. */
  subjects: number[];
}

/** How subjects are allocated to arms. */
export type Allocation = 'independent' | 'shared';

/**
 * Subject ids for arm `armIndex` of `nArms` with `perArm` subjects each. 'independent' (the default, like a
 * real study): every arm gets its own subjects, ids armIndex·perArm … ; 'shared' (common random numbers):
 * every arm gets ids 0 … perArm−1, i.e. the same virtual subjects under different regimens.
 */
export function allocateSubjects(armIndex: number, perArm: number, allocation: Allocation): number[] {
  const first = allocation === 'shared' ? 0 : armIndex * perArm;
  return Array.from({ length: perArm }, (_, m) => first + m);
}
