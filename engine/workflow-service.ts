// gRPC handlers of temporal.api.workflowservice.v1.WorkflowService: decode,
// validate, run one engine step, wait until it is durable, answer. Methods
// not listed here answer UNIMPLEMENTED (grpc-server.ts does that for missing ones).
import type * as grpc from '@grpc/grpc-js';
import type { ActivityTasks } from './activity-tasks';
import type { WorkflowEngine } from './engine';
import { durationToMs, msToDuration, msToTimestamp } from './clock';
import { invalidArgument } from './errors';
import { describeWorkflow, getHistory, type HistoryCore } from './history-views';
import type { TaskQueue } from './matching';
import type { Queries } from './queries';
import type { Updates } from './updates';
import type { WorkflowTasks } from './workflow-tasks';
import type { CallContext, Handler } from './grpc-server';
import type { Request } from './wire';

/** What the service's own handlers need of the core (histories and descriptions through HistoryCore). */
export type WorkflowServiceCore = HistoryCore &
  Pick<
    WorkflowEngine,
    'checkNamespace' | 'clearSticky' | 'currentRuns' | 'dispatch' | 'isClosed' | 'mutate' | 'requestCancel' | 'searchAttributes' | 'shutdownWorker' | 'signal' | 'startWorkflow' | 'terminate'
  >;

/** The layers above the core whose requests these handlers serve. */
export interface TaskLayers {
  workflowTasks: WorkflowTasks;
  activityTasks: ActivityTasks;
  updates: Updates;
  queries: Queries;
}

/** Longest a long-poll is held before answering empty; callers poll again. */
const LONG_POLL_MS = 60_000;

export function pollDeadline(call: CallContext): number {
  const callDeadline = call.deadline;
  return Math.min(Date.now() + LONG_POLL_MS, callDeadline - 500);
}

const SERVER_VERSION = '1.24.0-embedded';

/** What DescribeTaskQueue reports as a poller's rate: the engine sets no rate limit (Temporal's default is 100,000/s). */
const POLLER_RATE_PER_SECOND = 100_000;

/** A queue's pollers and its current backlog; a queue nobody polled or offered to has neither. */
function describeQueue<T>(queue: TaskQueue<T> | undefined, current: (task: T) => boolean) {
  return { pollers: queue?.pollers() ?? [], waiting: queue?.waiting(current) ?? { count: 0, oldestAt: undefined } };
}

export function workflowServiceHandlers(engine: WorkflowServiceCore, { workflowTasks, activityTasks, updates, queries }: TaskLayers): Record<string, Handler> {
  const step = <T>(fn: () => T): T => engine.mutate(fn);

  return {
    GetSystemInfo: async () => ({
      serverVersion: SERVER_VERSION,
      capabilities: {
        signalAndQueryHeader: true,
        internalErrorDifferentiation: true,
        activityFailureIncludeHeartbeat: true,
        supportsSchedules: true,
        encodedFailureAttributes: true,
        buildIdBasedVersioning: false,
        upsertMemo: true,
        eagerWorkflowStart: false,
        sdkMetadata: true,
        countGroupByExecutionStatus: true,
        nexus: false,
      },
    }),

    StartWorkflowExecution: async (req: Request<'StartWorkflowExecution'>) => {
      const { run, started } = step(() => {
        engine.searchAttributes.validate(engine.checkNamespace(req.namespace), req.searchAttributes);
        return engine.startWorkflow(req);
      });
      await engine.commit();
      return { runId: run.s.runId, started, status: `WORKFLOW_EXECUTION_STATUS_${run.s.status}` };
    },

    SignalWithStartWorkflowExecution: async (req: Request<'SignalWithStartWorkflowExecution'>) => {
      if (!req.signalName) throw invalidArgument('SignalName is not set on request.');
      const signal = { signalName: req.signalName, input: req.signalInput, identity: req.identity, header: req.header, requestId: req.requestId };
      const { run, started } = step(() => {
        const ns = engine.checkNamespace(req.namespace);
        if (!req.workflowId) throw invalidArgument('WorkflowId is not set on request.');
        engine.searchAttributes.validate(ns, req.searchAttributes);
        const current = engine.currentRuns.get(`${ns}\u0000${req.workflowId}`);
        if (current?.running && req.workflowIdConflictPolicy !== 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING') {
          engine.signal(current, signal);
          return { run: current, started: false };
        }
        return engine.startWorkflow({ ...req, workflowIdConflictPolicy: req.workflowIdConflictPolicy }, { signal });
      });
      await engine.commit();
      return { runId: run.s.runId, started };
    },

    SignalWorkflowExecution: async (req: Request<'SignalWorkflowExecution'>) => {
      step(() => engine.signal(engine.findRun(req.namespace, req.workflowExecution), req));
      await engine.commit();
      return {};
    },

    RequestCancelWorkflowExecution: async (req: Request<'RequestCancelWorkflowExecution'>) => {
      step(() => engine.requestCancel(engine.findRun(req.namespace, req.workflowExecution), req));
      await engine.commit();
      return {};
    },

    TerminateWorkflowExecution: async (req: Request<'TerminateWorkflowExecution'>) => {
      step(() => engine.terminate(engine.findRun(req.namespace, req.workflowExecution), req.reason, req.identity, req.details));
      await engine.commit();
      return {};
    },

    // Activity operations (Temporal 1.28): ResetActivity only; Pause, Unpause and UpdateActivityOptions answer UNIMPLEMENTED.
    ResetActivity: async (req: Request<'ResetActivity'>) => {
      step(() =>
        activityTasks.resetActivities(engine.findRun(req.namespace, req.execution), req, {
          resetHeartbeat: req.resetHeartbeat,
          jitterMs: durationToMs(req.jitter),
        }),
      );
      await engine.commit();
      return {};
    },

    QueryWorkflow: async (req: Request<'QueryWorkflow'>, call) => {
      const response = await queries.queryWorkflow(req, pollDeadline(call));
      await engine.commit();
      return response;
    },

    UpdateWorkflowExecution: async (req: Request<'UpdateWorkflowExecution'>, call) => {
      const { run, update } = step(() => updates.admitUpdate(req));
      return updates.awaitUpdate(run, update, req.waitPolicy, pollDeadline(call));
    },

    // Update-with-start: [startWorkflow, updateWorkflow] in one step; the
    // update rides on the new run's first workflow task.
    ExecuteMultiOperation: async (req: Request<'ExecuteMultiOperation'>, call) => {
      const ops = req.operations ?? [];
      if (ops.length !== 2 || !ops[0]?.startWorkflow || !ops[1]?.updateWorkflow) {
        throw invalidArgument('ExecuteMultiOperation supports exactly [startWorkflow, updateWorkflow].');
      }
      const start = { ...ops[0].startWorkflow, namespace: req.namespace };
      const update = ops[1].updateWorkflow;
      const conflict = start.workflowIdConflictPolicy;
      if (!conflict || conflict === 'WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED') {
        throw invalidArgument('WorkflowIdConflictPolicy must be set for update-with-start.');
      }
      if (update.workflowExecution?.workflowId && update.workflowExecution.workflowId !== start.workflowId) {
        throw invalidArgument('The update and the start name different workflow ids.');
      }
      const admitted = step(() => {
        engine.searchAttributes.validate(engine.checkNamespace(start.namespace), start.searchAttributes);
        const { run, started } = engine.startWorkflow(start);
        const { update: state } = updates.admitUpdate({ ...update, namespace: req.namespace, workflowExecution: run.execution });
        return { run, started, state };
      });
      await engine.commit();
      const updateResponse = await updates.awaitUpdate(admitted.run, admitted.state, update.waitPolicy, pollDeadline(call));
      return {
        responses: [
          { startWorkflow: { runId: admitted.run.s.runId, started: admitted.started, status: `WORKFLOW_EXECUTION_STATUS_${admitted.run.s.status}` } },
          { updateWorkflow: updateResponse },
        ],
      };
    },

    PollWorkflowExecutionUpdate: async (req: Request<'PollWorkflowExecutionUpdate'>, call) => {
      const { run, update } = updates.findUpdate(req);
      return updates.awaitUpdate(run, update, req.waitPolicy, pollDeadline(call));
    },

    PollWorkflowTaskQueue: async (req: Request<'PollWorkflowTaskQueue'>, call) => {
      const ns = engine.checkNamespace(req.namespace);
      const name = req.taskQueue?.name;
      if (!name) throw invalidArgument('TaskQueue is not set on request.');
      const queue = engine.dispatch.workflowQueues.get(ns, 'workflow', name);
      queue.notePoller(req.identity);
      const response = await queue.poll(
        pollDeadline(call),
        () => call.cancelled || engine.isClosed,
        call.onCancel,
        (ref) => step(() => workflowTasks.startWorkflowTask(ref, req, name)),
      );
      await engine.commit();
      return response ?? {};
    },

    RespondWorkflowTaskCompleted: async (req: Request<'RespondWorkflowTaskCompleted'>) => {
      const response = step(() => workflowTasks.completeWorkflowTask(req));
      await engine.commit();
      return response;
    },

    RespondWorkflowTaskFailed: async (req: Request<'RespondWorkflowTaskFailed'>) => {
      step(() => workflowTasks.failWorkflowTask(req));
      await engine.commit();
      return {};
    },

    RespondQueryTaskCompleted: async (req: Request<'RespondQueryTaskCompleted'>) => queries.completeQueryTask(req),

    PollActivityTaskQueue: async (req: Request<'PollActivityTaskQueue'>, call) => {
      const ns = engine.checkNamespace(req.namespace);
      const name = req.taskQueue?.name;
      if (!name) throw invalidArgument('TaskQueue is not set on request.');
      const queue = engine.dispatch.activityQueues.get(ns, 'activity', name);
      queue.notePoller(req.identity);
      const response = await queue.poll(
        pollDeadline(call),
        () => call.cancelled || engine.isClosed,
        call.onCancel,
        (ref) => step(() => activityTasks.startActivityTask(ref, req)),
      );
      await engine.commit();
      return response ?? {};
    },

    RespondActivityTaskCompleted: async (req: Request<'RespondActivityTaskCompleted'>) => {
      step(() => activityTasks.completeActivity(activityTasks.activityByToken(req.taskToken), req));
      await engine.commit();
      return {};
    },
    RespondActivityTaskCompletedById: async (req: Request<'RespondActivityTaskCompletedById'>) => {
      step(() => activityTasks.completeActivity(activityTasks.activityById(req), req));
      await engine.commit();
      return {};
    },
    RespondActivityTaskFailed: async (req: Request<'RespondActivityTaskFailed'>) => {
      step(() => activityTasks.failActivity(activityTasks.activityByToken(req.taskToken), req));
      await engine.commit();
      return {};
    },
    RespondActivityTaskFailedById: async (req: Request<'RespondActivityTaskFailedById'>) => {
      step(() => activityTasks.failActivity(activityTasks.activityById(req), req));
      await engine.commit();
      return {};
    },
    RespondActivityTaskCanceled: async (req: Request<'RespondActivityTaskCanceled'>) => {
      step(() => activityTasks.cancelActivity(activityTasks.activityByToken(req.taskToken), req));
      await engine.commit();
      return {};
    },
    RespondActivityTaskCanceledById: async (req: Request<'RespondActivityTaskCanceledById'>) => {
      step(() => activityTasks.cancelActivity(activityTasks.activityById(req), req));
      await engine.commit();
      return {};
    },
    RecordActivityTaskHeartbeat: async (req: Request<'RecordActivityTaskHeartbeat'>) => {
      const response = step(() => activityTasks.heartbeatActivity(activityTasks.activityByToken(req.taskToken), req.details));
      await engine.commit();
      return response;
    },
    RecordActivityTaskHeartbeatById: async (req: Request<'RecordActivityTaskHeartbeatById'>) => {
      const response = step(() => activityTasks.heartbeatActivity(activityTasks.activityById(req), req.details));
      await engine.commit();
      return response;
    },

    // Default mode only: the pollers seen in the last five minutes and, when asked, the backlog. Times are
    // wall-clock (as the sticky fallback's): a poller's last access is a fact about a machine, not the business clock.
    DescribeTaskQueue: async (req: Request<'DescribeTaskQueue'>) => {
      const ns = engine.checkNamespace(req.namespace);
      const name = req.taskQueue?.name;
      if (!name) throw invalidArgument('TaskQueue is not set on request.');
      if (req.apiMode === 'DESCRIBE_TASK_QUEUE_MODE_ENHANCED') {
        throw invalidArgument('DescribeTaskQueue: the embedded engine serves the default mode only (the ENHANCED mode is deprecated); leave api_mode unset.');
      }
      const type = req.taskQueueType ?? 'TASK_QUEUE_TYPE_UNSPECIFIED';
      if (type !== 'TASK_QUEUE_TYPE_UNSPECIFIED' && type !== 'TASK_QUEUE_TYPE_WORKFLOW' && type !== 'TASK_QUEUE_TYPE_ACTIVITY') {
        throw invalidArgument(`DescribeTaskQueue: task queue type ${type} is not served by the embedded engine.`);
      }
      const { pollers, waiting } =
        type === 'TASK_QUEUE_TYPE_ACTIVITY'
          ? describeQueue(engine.dispatch.activityQueues.find(ns, 'activity', name), (ref) => activityTasks.isCurrent(ref))
          : describeQueue(engine.dispatch.workflowQueues.find(ns, 'workflow', name), (ref) => workflowTasks.isCurrent(ref));
      const backlogAgeMs = waiting.oldestAt === undefined ? 0 : Date.now() - waiting.oldestAt;
      return {
        pollers: pollers.map((p) => ({ identity: p.identity, lastAccessTime: msToTimestamp(p.lastAccess), ratePerSecond: POLLER_RATE_PER_SECOND })),
        ...(req.reportStats ? { stats: { approximateBacklogCount: waiting.count, approximateBacklogAge: msToDuration(backlogAgeMs) } } : {}),
        ...(req.includeTaskQueueStatus ? { taskQueueStatus: { backlogCountHint: waiting.count, ratePerSecond: POLLER_RATE_PER_SECOND } } : {}),
      };
    },

    GetWorkflowExecutionHistory: async (req: Request<'GetWorkflowExecutionHistory'>, call) => getHistory(engine, req, pollDeadline(call), call.onCancel),

    DescribeWorkflowExecution: async (req: Request<'DescribeWorkflowExecution'>) => {
      await engine.commit();
      return describeWorkflow(engine, req);
    },

    ShutdownWorker: async (req: Request<'ShutdownWorker'>) => {
      engine.shutdownWorker(engine.checkNamespace(req.namespace), req.stickyTaskQueue);
      await engine.commit();
      return {};
    },

    ResetStickyTaskQueue: async (req: Request<'ResetStickyTaskQueue'>) => {
      step(() => engine.clearSticky(engine.findRun(req.namespace, req.execution)));
      await engine.commit();
      return {};
    },
  };
}

export type { grpc };
