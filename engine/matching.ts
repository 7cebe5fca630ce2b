// Task queues and long-poll matching. A queue holds references to tasks, not
// the tasks themselves: the workflow's state decides at hand-out time whether
// a reference is still current (a task moved from a sticky to the normal
// queue, or an activity cancelled meanwhile, leaves a stale reference that is
// skipped).

export type TaskQueueType = 'workflow' | 'activity';

/** How long a poller is listed after its last poll (Temporal's matching keeps pollers five minutes). */
export const POLLER_TTL_MS = 5 * 60_000;

/**
 * Hears what matching measures (wall time, not the virtual clock: these are
 * latencies of the machine, and a skipped day must not count as a day's wait).
 */
export interface MatchingObserver<T> {
  /** A task was handed to a poller `waitedMs` after it was offered (schedule-to-start). */
  started(type: TaskQueueType, task: T, waitedMs: number): void;
  /** A poll ended, with a task or empty, after `ms`. */
  pollEnded(type: TaskQueueType, gotTask: boolean, ms: number): void;
}

interface Queued<T> {
  task: T;
  /** Wall-clock time of the offer. */
  at: number;
}

interface Waiter {
  wake: () => void;
}

export class TaskQueue<T> {
  private tasks: Array<Queued<T>> = [];
  private head = 0;
  private waiters: Waiter[] = [];
  /** Wall-clock time of the last poll that arrived or ended on this queue. */
  lastPollActivity = 0;
  /** Poller identity → wall-clock time it last polled (DescribeTaskQueue), kept for POLLER_TTL_MS. */
  private readonly pollerSeen = new Map<string, number>();

  constructor(
    readonly name: string,
    private readonly type: TaskQueueType = 'workflow',
    private readonly observer?: () => MatchingObserver<T> | undefined,
  ) {}

  offer(task: T): void {
    this.tasks.push({ task, at: Date.now() });
    const waiter = this.waiters.shift();
    waiter?.wake();
  }

  take(): T | undefined {
    return this.takeQueued()?.task;
  }

  private takeQueued(): Queued<T> | undefined {
    if (this.head >= this.tasks.length) return undefined;
    const task = this.tasks[this.head++];
    if (this.head > 1024 && this.head * 2 > this.tasks.length) {
      this.tasks = this.tasks.slice(this.head);
      this.head = 0;
    }
    return task;
  }

  get backlog(): number {
    return this.tasks.length - this.head;
  }

  get waitingPollers(): number {
    return this.waiters.length;
  }

  /**
   * The tasks waiting for a poller, those for which `current` holds (a
   * reference left behind when its task moved or was cancelled does not
   * count), and the wall-clock time the oldest of them was offered.
   */
  waiting(current: (task: T) => boolean): { count: number; oldestAt: number | undefined } {
    let count = 0;
    let oldestAt: number | undefined;
    for (let i = this.head; i < this.tasks.length; i++) {
      const queued = this.tasks[i]!;
      if (!current(queued.task)) continue;
      count++;
      oldestAt ??= queued.at;
    }
    return { count, oldestAt };
  }

  /** A poller named `identity` polls now (the SDK names each worker process). */
  notePoller(identity: string | undefined): void {
    const now = Date.now();
    const name = identity ?? '';
    this.pollerSeen.delete(name);
    this.pollerSeen.set(name, now);
    // Oldest first (re-inserted on each poll): a restarted worker's old identity ages out from the front.
    for (const [seen, at] of this.pollerSeen) {
      if (now - at <= POLLER_TTL_MS) break;
      this.pollerSeen.delete(seen);
    }
  }

  /** The pollers seen within POLLER_TTL_MS, most recent first. */
  pollers(): Array<{ identity: string; lastAccess: number }> {
    const since = Date.now() - POLLER_TTL_MS;
    return [...this.pollerSeen]
      .filter(([, at]) => at >= since)
      .map(([identity, lastAccess]) => ({ identity, lastAccess }))
      .reverse();
  }

  /**
   * Long-poll: repeatedly takes a task and lets `tryStart` turn it into a
   * response, waiting for offers until the deadline or until the caller goes
   * away. Resolves to undefined on timeout or cancellation.
   */
  async poll<R>(
    deadline: number,
    isCancelled: () => boolean,
    onCancel: (listener: () => void) => void,
    tryStart: (task: T) => R | undefined,
  ): Promise<R | undefined> {
    const polledAt = (this.lastPollActivity = Date.now());
    const observer = this.observer?.();
    try {
      for (;;) {
        for (let queued = this.takeQueued(); queued !== undefined; queued = this.takeQueued()) {
          const started = tryStart(queued.task);
          if (started !== undefined) {
            const now = Date.now();
            observer?.started(this.type, queued.task, now - queued.at);
            observer?.pollEnded(this.type, true, now - polledAt);
            return started;
          }
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0 || isCancelled()) {
          observer?.pollEnded(this.type, false, Date.now() - polledAt);
          return undefined;
        }
        await new Promise<void>((resolve) => {
          const waiter: Waiter = {
            wake: () => {
              clearTimeout(timer);
              resolve();
            },
          };
          const timer = setTimeout(() => {
            this.removeWaiter(waiter);
            resolve();
          }, remaining);
          onCancel(() => {
            clearTimeout(timer);
            this.removeWaiter(waiter);
            resolve();
          });
          this.waiters.push(waiter);
        });
      }
    } finally {
      this.lastPollActivity = Date.now();
    }
  }

  /** Ends every waiting poll (empty response), e.g. at shutdown. */
  releaseAll(): void {
    for (const waiter of this.waiters.splice(0)) waiter.wake();
  }

  private removeWaiter(waiter: Waiter): void {
    const i = this.waiters.indexOf(waiter);
    if (i >= 0) this.waiters.splice(i, 1);
  }
}

export class TaskQueues<T> {
  private queues = new Map<string, TaskQueue<T>>();
  /** Set by whoever serves metrics (index.ts); read at each poll. */
  observer: MatchingObserver<T> | undefined;

  get(namespace: string, type: TaskQueueType, name: string): TaskQueue<T> {
    const key = `${namespace}\u0000${type}\u0000${name}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new TaskQueue<T>(name, type, () => this.observer);
      this.queues.set(key, queue);
    }
    return queue;
  }

  find(namespace: string, type: TaskQueueType, name: string): TaskQueue<T> | undefined {
    return this.queues.get(`${namespace}\u0000${type}\u0000${name}`);
  }

  all(): IterableIterator<TaskQueue<T>> {
    return this.queues.values();
  }
}
