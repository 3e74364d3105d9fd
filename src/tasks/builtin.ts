/**
 * Registers the built-in tasks. Importing this module (the library entry and the worker entry do) is what
 * makes them available; a new task adds its own `registerTask` call here or in its own module.
 */
import { humanScalpTask } from './humanScalpRun.ts';
import { mouseStudyTask } from './mouseStudyRun.ts';
import { patchDeliveryTask } from './patchDeliveryRun.ts';
import { getTask, registerTask } from './registry.ts';

if (!getTask(humanScalpTask.name)) registerTask(humanScalpTask);
if (!getTask(patchDeliveryTask.name)) registerTask(patchDeliveryTask);
if (!getTask(mouseStudyTask.name)) registerTask(mouseStudyTask);
import './sweep/register.ts';
