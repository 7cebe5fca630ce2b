// The SDK's promise hook, left off in the workflow threads. Preloaded into
// every worker process beside the activation guard (WORKER_NODE_ARGS in
// worker/node-args.ts); Node runs a preload in each worker thread too.
//
// Why: for its stack-trace query (`__stack_trace`, the "stack trace" tab of
// Temporal's web UI) the SDK installs a V8 promise hook in each workflow
// thread that, for every promise a workflow creates and again when it
// settles, compiles a `Function` to find the promise's workflow, captures
// and formats a stack and keeps it in maps. Workflow code here captures no
// stack frames at all (workflows/sandbox.ts sets `Error.stackTraceLimit = 0`
// in the sandbox), so what the hook kept was empty stacks, and the query
// had nothing to show: a profile of a simulated year at a tenth still put
// 9–10% of a workflow thread's busy time in the hook (README, "The promise
// hook off"). Without it the SDK says the worker has stack traces disabled
// (the query fails with "Workflow stack traces are not enabled on this
// worker"); nothing else in the SDK reads it.
//
// It replaces a method of the SDK's internals, so it applies only to the SDK
// version it was written against (package.json pins it); on another it
// leaves the SDK alone and says so once.
/* global process */
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const SDK_VERSION = '1.24.0';

function install() {
  const require = createRequire(import.meta.url);
  const version = require('@temporalio/worker/package.json').version;
  if (version !== SDK_VERSION) {
    process.emitWarning(`worker/promise-hook-off.mjs: written for @temporalio/worker ${SDK_VERSION}, found ${version}: the SDK's promise hook stays`);
    return;
  }
  // The same module instance the SDK's workflow thread loads next (one CommonJS cache per thread):
  // `install()` then sets the stack-trace formatter but no promise hook, and `promiseHookInstalled` stays false.
  const { globalHandlers } = require('@temporalio/worker/lib/workflow/vm-shared.js');
  globalHandlers.setPromiseHook = () => {};
}

// The main thread runs no workflow code (the SDK's thread pool does).
if (!isMainThread) install();
