/** Registers the sweep-family tasks (imported by tasks/builtin.ts, hence by every unit worker). */
import { getTask, registerTask } from '../registry.ts';
import { calibrateTask } from './calibrateTask.ts';
import { sensitivityTask } from './sensitivityTask.ts';
import { sweepTask } from './sweepTask.ts';

if (!getTask(sweepTask.name)) registerTask(sweepTask);
if (!getTask(sensitivityTask.name)) registerTask(sensitivityTask);
if (!getTask(calibrateTask.name)) registerTask(calibrateTask);
