// Bundling the workflow code takes ~2 s; one bundle per process serves every
// worker it creates (tests create one worker per file or per test). The
// compiled worker (dist/, see platform/build.mjs) loads the bundle built with
// it instead: no webpack and no TypeScript sources needed at run time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundle, type WorkflowBundleOption } from '@temporalio/worker';
import { workflowBundleOptions } from './bundle-options.mjs';

export { WORKFLOWS_PATH } from './bundle-options.mjs';

/**
 * Set when this module runs compiled from dist/ (where import.meta.url is
 * dist/<process>.js): the bundle platform/build.mjs made from the same sources.
 * From the TypeScript sources (tests, tsx) the workflows are always bundled
 * afresh, so an old build can never stand in for edited workflow code.
 */
const PREBUILT = import.meta.url.endsWith('.ts') ? undefined : fileURLToPath(new URL('./workflow-bundle.js', import.meta.url));

/**
 * WORKFLOW_BUNDLE: the path of a bundle its caller has just built from these
 * same sources. The test setup builds dist/ once per run (when stale) and
 * names its bundle here, so the dozens of files that start a worker — each
 * its own process — skip webpack (seconds each on a loaded machine).
 */
const GIVEN: WorkflowBundleOption | undefined = process.env.WORKFLOW_BUNDLE ? { codePath: process.env.WORKFLOW_BUNDLE } : undefined;

let cached: Promise<WorkflowBundle> | undefined;

/** The bundle of `workflows/index.ts`, built on first call and reused afterwards. */
export function getWorkflowBundle(): Promise<WorkflowBundleOption> {
  if (PREBUILT && existsSync(PREBUILT)) return Promise.resolve({ codePath: PREBUILT });
  if (GIVEN) return Promise.resolve(GIVEN);
  // The bundler logs every module at INFO; only problems are worth reading.
  cached ??= bundleWorkflowCode(workflowBundleOptions(quietBundlerLogger)).then(({ code }) => ({ code }));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

const noop = () => undefined;
const quietBundlerLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(`[bundle] ${message}`, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(`[bundle] ${message}`, meta ?? ''),
};
