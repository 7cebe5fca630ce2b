// A Temporal worker in a process of its own, started as the platform starts
// its worker (WORKER_NODE_ARGS: the activation guard preloaded), with the
// engine suite's workflows on one workflow thread, so that a workflow that
// loops and the others share it. Prints "ready" once polling.
// Arguments: <engine address> <task queue>.
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEngineTestActivities } from '../engine/activities';
import { engineTestBundle, installQuietRuntime } from '../engine/harness';

const [address, taskQueue] = process.argv.slice(2);
installQuietRuntime();
const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  taskQueue: taskQueue!,
  workflowBundle: await engineTestBundle(),
  activities: createEngineTestActivities(),
  workflowThreadPoolSize: 1,
  // Honoured by the SDK though not in its options type (default 5 s): a short one keeps the test short.
  ...({ isolateExecutionTimeout: '1s' } as object),
});
process.once('SIGTERM', () => worker.shutdown());
const running = worker.run();
console.log('ready');
await running;
await connection.close();
