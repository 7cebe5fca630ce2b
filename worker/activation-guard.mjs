// One watchdog per workflow activation instead of one per call into the
// workflow sandbox. Preloaded into the worker process with
// `node --import ./worker/activation-guard.mjs` (WORKER_NODE_ARGS in
// worker/node-args.ts); Node runs a preload in every worker thread too, and
// the Temporal SDK runs workflow code in worker threads.
//
// Why: the SDK guards against a workflow that never yields (a loop in
// workflow code) by passing `timeout: isolateExecutionTimeout` to every
// `vm` call into the sandbox. Node enforces a vm timeout by creating and
// joining a thread of its own for each call (nodejs/node#47739, not merged),
// about 120 µs of CPU a call on an idle machine against 4 µs without, and
// an activation makes 3.3 such calls on average over a district's year
// (activate, the conditions until none unblock, conclude). A profile of the
// worker put 44% of the workflow threads' busy time there; without any
// per-call timeout a year at a tenth took 17% less worker CPU (README, "One
// watchdog per workflow activation").
//
// What stays: the guard itself. The activation's synchronous part, where
// every call into the sandbox happens, runs inside one vm call with the same
// timeout; the calls nested in it run without their own. A workflow that
// loops is stopped after isolateExecutionTimeout (now counted for the whole
// activation rather than each call), its activation answered as failed, as
// the SDK answers a timed-out call, and the thread goes on with the other
// workflows. tests/worker/activation-guard.test.ts runs such a loop.
//
// It patches the SDK's internals, so it applies only to the SDK version it
// was written and tested against (./sdk-internals.mjs).
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { workflowVmInternals } from './sdk-internals.mjs';

function install() {
  const internals = workflowVmInternals('activation-guard.mjs', "the SDK's per-call timeouts stay");
  if (!internals) return;
  const { BaseVMWorkflow } = internals;

  // The SDK's isolateExecutionTimeout, as it passes it: the first timed call (creating a workflow) precedes any activation.
  let timeoutMs;
  // True while an activation runs under the guard: the calls nested in it drop their own timeout.
  let guarded = false;
  const runInContext = vm.Script.prototype.runInContext;
  vm.Script.prototype.runInContext = function (context, options) {
    if (options?.timeout !== undefined) {
      timeoutMs ??= options.timeout;
      if (guarded) {
        const untimed = { ...options };
        delete untimed.timeout;
        return runInContext.call(this, context, untimed);
      }
    }
    return runInContext.call(this, context, options);
  };

  // The outer call: a script in an empty context of its own, calling back out to run the activation.
  const guardContext = vm.createContext({});
  const enter = new vm.Script('run()', { filename: 'workflow-activation-guard' });
  const activate = BaseVMWorkflow.prototype.activate;

  BaseVMWorkflow.prototype.activate = function (activation) {
    if (timeoutMs === undefined) return activate.call(this, activation);
    let pending;
    guardContext.run = () => {
      // An async function: what it does up to its first await (every call into the sandbox) happens here.
      pending = activate.call(this, activation);
    };
    guarded = true;
    try {
      // The original method: the patched one would drop this timeout too, `guarded` being set.
      runInContext.call(enter, guardContext, { timeout: timeoutMs });
    } catch (err) {
      if (err?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
      const deadlock = new Error(`Potential deadlock: a workflow activation ran past ${timeoutMs} ms (isolateExecutionTimeout) without yielding`);
      // As the SDK answers an activation whose call into the sandbox timed out: failed, the run then evicted and its task retried.
      return Promise.resolve({ runId: this.activator.info.runId, failed: { failure: this.activator.errorToFailure(deadlock) } });
    } finally {
      guarded = false;
      guardContext.run = undefined;
    }
    return pending;
  };
}

// The main thread runs no workflow code (the SDK's thread pool does).
if (!isMainThread) install();
