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
// version it was written against (./sdk-internals.mjs).
import { isMainThread } from 'node:worker_threads';
import { workflowVmInternals } from './sdk-internals.mjs';

function install() {
  const internals = workflowVmInternals('promise-hook-off.mjs', "the SDK's promise hook stays");
  // `install()` in the SDK's thread then sets the stack-trace formatter but no promise hook, and `promiseHookInstalled` stays false.
  if (internals) internals.globalHandlers.setPromiseHook = () => {};
}

// The main thread runs no workflow code (the SDK's thread pool does).
if (!isMainThread) install();
