export { connectWorker, createPlatformWorker, type PlatformWorker, type PlatformWorkerOptions } from './platform-worker';
export { getWorkflowBundle, WORKFLOWS_PATH } from './bundle';
export { installTemporalRuntime } from './runtime';
export { createWorkerMetrics, type WorkerMetrics } from './metrics';
