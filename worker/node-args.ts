// Node options of every worker process, wherever it is launched (the
// supervisor of `npm start` and the simulator, `npm run worker`, the tests'
// worker process): preloaded into its workflow threads, the activation guard
// (worker/activation-guard.mjs) and the SDK's promise hook left off
// (worker/promise-hook-off.mjs). The paths hold from this folder and from
// dist/, one level below the root both.
import { fileURLToPath } from 'node:url';

const GUARD = fileURLToPath(new URL('../worker/activation-guard.mjs', import.meta.url));
const PROMISE_HOOK_OFF = fileURLToPath(new URL('../worker/promise-hook-off.mjs', import.meta.url));

export const WORKER_NODE_ARGS: readonly string[] = ['--import', GUARD, '--import', PROMISE_HOOK_OFF];

/** Whether this process was started with the guard (its "workers running" line says so): the SDK's per-call timeouts otherwise. */
export const activationGuardPreloaded = (): boolean => process.execArgv.some((arg) => arg.endsWith('activation-guard.mjs'));
