// What schedules need from the engine's core, and nothing more: the virtual
// clock and its deadlines, starting and stopping workflows, hearing when a
// run closes, and the store. The core implements it (index.ts wires it);
// schedules never see runs, queues or the store's records.
import type { Logger } from 'pino';
import type { Failure, Payloads, SearchAttributes, StartWorkflowRequest } from '../wire';

export interface Cancellable {
  cancel(): void;
}

export type ClosedStatus = 'COMPLETED' | 'FAILED' | 'CANCELED' | 'TERMINATED' | 'CONTINUED_AS_NEW' | 'TIMED_OUT';

/** What a closed run left: its result when it completed, its failure when it failed. */
export interface RunOutcome {
  result?: Payloads;
  failure?: Failure;
}

export interface SchedulerCore {
  readonly logger: Logger;
  /** Virtual time, epoch ms. */
  now(): number;
  /**
   * Calls `fire` inside one engine step when the virtual clock reaches `at`.
   * Such a deadline counts like a timer: time skipping, `advanceTime` and
   * ClockControl's next deadline all see it.
   */
  addDeadline(at: number, fire: () => void): Cancellable;
  /** Runs `fn` as one engine step (its changes are appended to the store together). */
  step<T>(fn: () => T): T;
  /** Resolves once everything appended so far is durable. */
  commit(): Promise<void>;
  /** The namespace, checked (NOT_FOUND when unknown). */
  checkNamespace(namespace: string | undefined): string;
  /** Starts a workflow as StartWorkflowExecution does (same validation and errors); inside a step. */
  startWorkflow(request: StartWorkflowRequest): { runId: string; started: boolean };
  /** Whether the workflow's current run is open (a continue-as-new chain counts as one). */
  isRunning(namespace: string, workflowId: string): boolean;
  requestCancel(namespace: string, workflowId: string, reason: string): void;
  terminate(namespace: string, workflowId: string, reason: string): void;
  /** Called inside the step that closes any run. */
  onRunClosed(listener: (namespace: string, workflowId: string, runId: string, status: ClosedStatus, outcome: RunOutcome) => void): void;
  /** Appends a schedule's state (undefined: deleted) to the store, in the current step. */
  persist(key: string, state: unknown): void;
  /** Schedules the store held at start, by key. */
  loaded(): Record<string, unknown>;
  /** Refuses (INVALID_ARGUMENT) search attributes the namespace has not registered, as a start does. */
  validateSearchAttributes(namespace: string, searchAttributes: SearchAttributes | undefined): void;
  /** The type of a search attribute in the namespace, for ListSchedules queries. */
  searchAttributeType(namespace: string, name: string): string | undefined;
}
