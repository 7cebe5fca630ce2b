// Dispatch: the task queues and what is offered on them — a run's workflow
// task (on its sticky queue, with a fallback to the normal queue, or on the
// normal queue), query-only tasks, and activity attempts. It sits at the
// bottom beside the store and the clock: it reads runs' routing state
// (run-state.ts) and hands references to matching (matching.ts), and imports
// nothing above. What a sticky timeout changes in a run (its state, the log)
// is the core's: dispatch only tells it, through `DispatchHost`.
//
// The sticky fallback runs on wall time, not the virtual clock, on purpose:
// it detects a worker that went away, which is a wall-clock fact. On the
// virtual clock it could never fire while `advanceTime` holds the clock
// (that wait would give up after 10 s and advance past a task nobody ran),
// and time skipping never moves the clock while a workflow task is
// scheduled, so it could not fire there either. On wall time the task moves
// to the normal queue `scheduleToStartTimeout` after it was offered, however
// the virtual clock is driven (tests/engine/workflow-tasks.test.ts checks it
// with skipping unlocked).
import type { Logger } from 'pino';
import { TaskQueues } from './matching';
import type { ActivityState, PendingQuery, Run } from './run-state';

/** A queue's reference to a workflow task or a query-only task; `dispatch` tells a current offer from a stale one. */
export type WorkflowTaskRef =
  | { kind: 'task'; runKey: string; dispatch: number }
  | { kind: 'query'; queryId: string; dispatch: number };

export interface ActivityTaskRef {
  runKey: string;
  scheduledEventId: number;
  attempt: number;
}

/** A query dispatched to a worker as a query-only task. */
export interface QueryTask {
  run: Run;
  query: PendingQuery;
  onSticky: boolean;
  dispatch: number;
  fallback?: NodeJS.Timeout;
}

/** What dispatch needs from the core below which nothing else sits. */
export interface DispatchHost {
  readonly logger: Logger;
  /** A workflow task waited on the run's sticky queue for its schedule-to-start timeout: route the run normally (one step). */
  stickyExpired(run: Run): void;
}

export class Dispatch {
  readonly workflowQueues = new TaskQueues<WorkflowTaskRef>();
  readonly activityQueues = new TaskQueues<ActivityTaskRef>();
  /** Query-only tasks by query id, from dispatch until answered or timed out. */
  private readonly queryTasks = new Map<string, QueryTask>();
  /** Wall time this process began dispatching: a queue nobody has polled since has been silent at least that long. */
  private readonly startedAt = Date.now();

  constructor(private readonly host: DispatchHost) {}

  /** Offers the run's scheduled workflow task on its sticky queue (with a fallback) or the normal queue. */
  offerWorkflowTask(run: Run): void {
    run.taskDispatch++;
    this.dropStickyFallback(run);
    const ref: WorkflowTaskRef = { kind: 'task', runKey: run.key, dispatch: run.taskDispatch };
    const sticky = run.s.sticky;
    if (sticky) {
      const queue = this.workflowQueues.get(run.s.namespace, 'workflow', sticky.queue);
      queue.offer(ref);
      // The sticky worker may be gone without saying so (killed: no
      // ShutdownWorker); the task then moves to the normal queue, where any
      // worker can rebuild the state, once the sticky queue has gone
      // unpolled for the schedule-to-start timeout. A queue that was polled
      // and fell silent has been silent since its last poll: counted from
      // there, not from this offer, each run the dead worker held does not
      // wait out the whole timeout in turn (a crash drill's worker kill had
      // every deadline instant after it stall 10 s in advanceTime). A queue
      // nobody has polled since this process started has been silent since
      // then: after an engine restart, the runs still sticky to workers
      // killed before it (their state keeps the queue) would otherwise each
      // wait the whole timeout on their next task; a full-scale crash drill
      // lost 8 minutes to that after one engine kill (2026-12-04). A worker
      // that lived through the restart polls again within a second or two.
      run.stickyFallback = setTimeout(() => {
        run.stickyFallback = undefined;
        if (run.s.wft && run.s.wft.startedEventId === undefined && run.s.sticky) {
          this.host.logger.debug({ workflowId: run.s.workflowId }, 'sticky queue timed out; using the normal queue');
          this.host.stickyExpired(run);
        }
      }, this.stickyWait(queue, sticky.timeoutMs));
      run.stickyFallback.unref?.();
    } else {
      this.workflowQueues.get(run.s.namespace, 'workflow', run.s.taskQueue).offer(ref);
    }
  }

  /** How long an offer on a sticky queue waits before it falls back: the timeout, counted from when the queue fell silent. */
  private stickyWait(queue: { waitingPollers: number; lastPollActivity: number }, timeoutMs: number): number {
    const silentSince = queue.waitingPollers > 0 ? Date.now() : queue.lastPollActivity > 0 ? queue.lastPollActivity : this.startedAt;
    return Math.max(0, silentSince + timeoutMs - Date.now());
  }

  /** The run's workflow task was taken, or the run closed: its sticky fallback is moot. */
  dropStickyFallback(run: Run): void {
    if (run.stickyFallback) clearTimeout(run.stickyFallback);
    run.stickyFallback = undefined;
  }

  /** The run stopped routing to its sticky queue: its query tasks waiting there move to the normal queue. */
  unstick(run: Run): void {
    for (const [id, task] of this.queryTasks) {
      if (task.run === run && task.onSticky) this.offerQueryTask(id, task, false);
    }
  }

  /** Dispatches a query as a query-only task (on the sticky queue first while the run is open). */
  addQueryTask(run: Run, query: PendingQuery): void {
    const task: QueryTask = { run, query, onSticky: false, dispatch: 0 };
    this.queryTasks.set(query.id, task);
    this.offerQueryTask(query.id, task, run.running);
  }

  private offerQueryTask(queryId: string, task: QueryTask, sticky: boolean): void {
    const run = task.run;
    if (task.fallback) clearTimeout(task.fallback);
    task.fallback = undefined;
    task.onSticky = sticky && !!run.s.sticky;
    task.dispatch++;
    const ref: WorkflowTaskRef = { kind: 'query', queryId, dispatch: task.dispatch };
    if (task.onSticky && run.s.sticky) {
      const queue = this.workflowQueues.get(run.s.namespace, 'workflow', run.s.sticky.queue);
      queue.offer(ref);
      // As a workflow task's (offerWorkflowTask): a query to a run sticky to a
      // killed worker, or to one from before an engine restart, does not wait
      // the whole timeout when that queue has been silent for it already.
      task.fallback = setTimeout(() => {
        if (this.queryTasks.get(queryId) === task && task.onSticky) this.offerQueryTask(queryId, task, false);
      }, this.stickyWait(queue, run.s.sticky.timeoutMs));
      task.fallback.unref?.();
    } else {
      this.workflowQueues.get(run.s.namespace, 'workflow', run.s.taskQueue).offer(ref);
    }
  }

  /** Whether a query reference is current: its task is still offered under that dispatch. */
  hasQueryTask(queryId: string, dispatch: number): boolean {
    return this.queryTasks.get(queryId)?.dispatch === dispatch;
  }

  /** A poller took a query reference: the task if the reference is current (it is then no longer offered). */
  takeQueryTask(queryId: string, dispatch: number): QueryTask | undefined {
    const task = this.queryTasks.get(queryId);
    if (task?.dispatch !== dispatch) return undefined;
    if (task.fallback) clearTimeout(task.fallback);
    task.fallback = undefined;
    task.dispatch = -1;
    return task;
  }

  /** Forgets a query task (answered or timed out); returns it when it was still there. */
  removeQueryTask(queryId: string): QueryTask | undefined {
    const task = this.queryTasks.get(queryId);
    if (!task) return undefined;
    if (task.fallback) clearTimeout(task.fallback);
    this.queryTasks.delete(queryId);
    return task;
  }

  offerActivity(run: Run, activity: Pick<ActivityState, 'scheduledEventId' | 'attempt' | 'taskQueue'>): void {
    this.activityQueues
      .get(run.s.namespace, 'activity', activity.taskQueue)
      .offer({ runKey: run.key, scheduledEventId: activity.scheduledEventId, attempt: activity.attempt });
  }

  /** A worker stopped: polls still waiting on its sticky queue end empty. */
  releaseStickyQueue(namespace: string, stickyQueue: string): void {
    this.workflowQueues.find(namespace, 'workflow', stickyQueue)?.releaseAll();
  }

  /**
   * Whether a worker polled the queue within the last second (or is polling
   * now). Tasks on queues nobody polls are not waited for by `advanceTime`.
   */
  polledRecently(type: 'workflow' | 'activity', namespace: string, name: string): boolean {
    const recently = Date.now() - 1000;
    const queue = type === 'workflow' ? this.workflowQueues.find(namespace, type, name) : this.activityQueues.find(namespace, type, name);
    return !!queue && (queue.waitingPollers > 0 || queue.lastPollActivity >= recently);
  }

  /** Ends every poll and cancels every fallback (the engine stops serving). */
  stop(runs: Iterable<Run>): void {
    for (const run of runs) this.dropStickyFallback(run);
    for (const task of this.queryTasks.values()) if (task.fallback) clearTimeout(task.fallback);
    for (const queue of this.workflowQueues.all()) queue.releaseAll();
    for (const queue of this.activityQueues.all()) queue.releaseAll();
  }
}
