// The options every bundle of the platform's workflows is built with: by
// platform/build.mjs for dist/ and by ./bundle.ts from the sources. Plain
// JavaScript because build.mjs runs before anything is compiled.
/* global URL */
import { fileURLToPath } from 'node:url';

/** The workflows' entry. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** The sandbox's setup, run before the SDK freezes the sandbox's globals (workflows/sandbox.ts says why). */
export const SANDBOX_SETUP_PATH = fileURLToPath(new URL('../workflows/sandbox.ts', import.meta.url));

/** The workflow interceptors: the workflow's time on every activity it schedules (workflows/time-header.ts says why). */
export const INTERCEPTOR_MODULES = [fileURLToPath(new URL('../workflows/time-header.ts', import.meta.url))];

/** bundleWorkflowCode's options, with the caller's logger. */
export function workflowBundleOptions(logger) {
  return { workflowsPath: WORKFLOWS_PATH, preloadModules: [SANDBOX_SETUP_PATH], workflowInterceptorModules: INTERCEPTOR_MODULES, logger };
}
