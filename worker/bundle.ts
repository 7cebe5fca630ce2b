// Bundling the workflow code takes ~2 s; one bundle per process serves every
// worker it creates (tests create one worker per file or per test).
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

let cached: Promise<WorkflowBundle> | undefined;

/** The bundle of `workflows/index.ts`, built on first call and reused afterwards. */
export function getWorkflowBundle(): Promise<WorkflowBundle> {
  cached ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    // The bundler logs every module at INFO; only problems are worth reading.
    logger: quietBundlerLogger,
  }).then(({ code }) => ({ code }));
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
