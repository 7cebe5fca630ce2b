// What the worker's preloads (activation-guard.mjs, promise-hook-off.mjs)
// patch: the Temporal SDK's workflow-thread module `vm-shared.js`, an
// internal, so only for the SDK version they were written and tested
// against (package.json pins it). On another version each leaves the SDK
// alone and says so once, naming what stays as the SDK has it.
/* global process */
import { createRequire } from 'node:module';

export const SDK_VERSION = '1.24.0';

/**
 * The SDK's `vm-shared.js` exports, or null (with a warning) when the SDK is
 * not the version the preload `file` was written for. Required from the
 * thread's own CommonJS cache: the same module instance the SDK's workflow
 * thread loads next, so a patch made here is the one it runs.
 */
export function workflowVmInternals(file, whatStays) {
  const require = createRequire(import.meta.url);
  const version = require('@temporalio/worker/package.json').version;
  if (version !== SDK_VERSION) {
    process.emitWarning(`worker/${file}: written for @temporalio/worker ${SDK_VERSION}, found ${version}: ${whatStays}`);
    return null;
  }
  return require('@temporalio/worker/lib/workflow/vm-shared.js');
}
