/**
 * Registers the built-in tasks. Importing this module (the library entry and the worker entry do) is what
 * makes them available; a new task adds its own `registerTask` call here or in its own module.
 */
import { humanScalpTask } from './humanScalpRun.ts';
import { mouseStudyTask } from './mouseStudyRun.ts';
import { patchDeliveryTask } from './patchDeliveryRun.ts';
import { getTask, registerTask } from './registry.ts';
import { trialTask } from './trial.ts';

if (!getTask(humanScalpTask.name)) registerTask(humanScalpTask);
if (!getTask(patchDeliveryTask.name)) registerTask(patchDeliveryTask);
if (!getTask(mouseStudyTask.name)) registerTask(mouseStudyTask);
if (!getTask(trialTask.name)) registerTask(trialTask);
import './sweep/register.ts';
