import type { Scenario } from '../scenario/schema.ts';
import { runHumanScalpTask } from './humanScalpRun.ts';
import { runMouseStudyTask } from './mouseStudyRun.ts';
import { runPatchDeliveryTask } from './patchDeliveryRun.ts';
import type { TaskOptions, TaskOutput } from './types.ts';

/** The `run` task: dispatches on the scenario's model. */
export function runScenario(scenario: Scenario, options: TaskOptions): TaskOutput {
  switch (scenario.model) {
    case 'humanScalp':
      return runHumanScalpTask(scenario, options);
    case 'patchDelivery':
      return runPatchDeliveryTask(scenario, options);
    case 'mouseStudy':
      return runMouseStudyTask(scenario, options);
  }
}
