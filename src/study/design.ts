import type { Arm } from '../experiment/arm.ts';
import { allocateSubjects } from '../experiment/arm.ts';
import type { Cohort } from '../experiment/cohort.ts';
import type { Regimen } from '../experiment/regimen.ts';
import type { MouseStudyScenario } from '../scenario/schema.ts';
import type { ArmConfig } from './schema.ts';

/** Treatments of a mouse-study arm. */
export type MouseRegimen = Regimen<{ minoxidil: NonNullable<ArmConfig['minoxidil']>; patch: NonNullable<ArmConfig['patch']> }>;

/** Index of an arm config in the scenario, kept so workers can find the arm's full configuration. */
export type MouseArm = Arm<MouseRegimen> & { config: ArmConfig };

/**
 * The experiment design of a mouse study: each scenario arm becomes a cohort (the population: androgen level
 * and the between-mouse variability) × a regimen (minoxidil, patch), with subject ids from the allocation.
 */
export function mouseStudyDesign(scenario: MouseStudyScenario): MouseArm[] {
  const perArm = scenario.animals.perArm;
  return scenario.arms.map((a, i) => {
    const cohort: Cohort = {
      id: a.androgenLevel === 0 ? 'normal' : `androgen-${a.androgenLevel}`,
      size: perArm,
      population: { androgenLevel: a.androgenLevel },
      variability: { rosCv: scenario.animals.rosCv, minoxidilAbsorptionCv: scenario.animals.minoxidilAbsorptionCv },
    };
    return {
      id: a.id,
      label: a.label ?? a.id,
      cohort,
      regimen: { treatments: { minoxidil: a.minoxidil, patch: a.patch } },
      subjects: allocateSubjects(i, perArm, scenario.design.allocation),
      config: a,
    };
  });
}
