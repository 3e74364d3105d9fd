/** follisim public library API (platform-neutral). */
export { parseScenario, validateScenario, scenarioJsonSchema, scenarioSchema } from './scenario/index.ts';
export type { Scenario, HumanScenario } from './scenario/index.ts';
export { runScenario } from './tasks/run.ts';
export type { TaskOutput, TaskOptions, TaskProgress } from './tasks/types.ts';
export { simulateHumanScalp, runHumanScalpTask } from './tasks/humanScalpRun.ts';
export { naturalHistoryMetrics } from './tasks/humanNaturalHistory.ts';
export { humanMeanField } from './follicle/human/meanField.ts';
export { BEHAVIOUR_SPECS, FOLLICLE_BEHAVIOURS, MOUSE_RULE_BEHAVIOURS } from './follicle/behaviour.ts';
export type { FollicleBehaviour, BehaviourSpec } from './follicle/behaviour.ts';
export { stepFromIntervals, multiplySchedules, scheduleProblems } from './follicle/schedule.ts';
export type { BehaviourSchedule, StepFunction, ScheduleInterval } from './follicle/schedule.ts';
export type { HumanScalpInputs } from './tasks/humanScalpRun.ts';
export { RandomStream, generateRootSeed } from './core/random/index.ts';
export { formatIssue } from './core/scenario/parse.ts';
export { VERSION } from './version.ts';
