/** follisim public library API (platform-neutral). */
export { parseScenario, validateScenario, scenarioJsonSchema, scenarioSchema } from './scenario/index.ts';
export type { Scenario, HumanScenario } from './scenario/index.ts';
export { runScenario } from './tasks/run.ts';
export { runTask, setThreadExecutorFactory, type RunTaskOptions, type TaskRun } from './tasks/runTask.ts';
export { registerTask, getTask, taskNames, taskForScenario } from './tasks/registry.ts';
export { serialExecutor, type UnitExecutor, type ExecOptions } from './tasks/executor.ts';
export { TaskAbortedError, type Task, type AnyTask, type UnitContext } from './tasks/task.ts';
export type { TaskOutput, TaskOptions, TaskProgress } from './tasks/types.ts';
export { simulateHumanScalp, runHumanScalpTask } from './tasks/humanScalpRun.ts';
export { naturalHistoryMetrics } from './tasks/humanNaturalHistory.ts';
export { humanMeanField } from './follicle/human/meanField.ts';
export { RandomStream, generateRootSeed } from './core/random/index.ts';
export { formatIssue } from './core/scenario/parse.ts';
export { VERSION } from './version.ts';
