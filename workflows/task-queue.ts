// The task queue every process workflow and its activities run on. The worker
// may listen on another queue (config TEMPORAL_TASK_QUEUE, or a unique queue
// per test file); clients starting workflows must then use the same name.
export const TASK_QUEUE = 'governance';
