/** follisim public library API (platform-neutral). */
export { parseScenario, validateScenario, scenarioJsonSchema, scenarioSchema } from './scenario/index.ts';
export type { Scenario, HumanScenario, PatchDeliveryScenario, MouseStudyScenario } from './scenario/index.ts';
export type { ParseResult, ScenarioIssue } from './core/scenario/parse.ts';
export { runScenario } from './tasks/run.ts';
export type { TaskOutput, TaskOptions, TaskProgress, Table } from './tasks/types.ts';
export { simulateHumanScalp, runHumanScalpTask } from './tasks/humanScalpRun.ts';
export { naturalHistoryMetrics } from './tasks/humanNaturalHistory.ts';
export { humanMeanField } from './follicle/human/meanField.ts';
export { RandomStream, generateRootSeed } from './core/random/index.ts';
export { formatIssue } from './core/scenario/parse.ts';
export { VERSION } from './version.ts';
