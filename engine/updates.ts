// Updates (UpdateWorkflowExecution, PollWorkflowExecutionUpdate, the update
// half of update-with-start): admitting a request, waiting for the stage the
// caller asked for, and applying the worker's protocol messages. Updates ride
// on workflow tasks (workflow-tasks.ts hands their requests to the worker and
// passes its messages here); the run's state keeps them (run-state.ts).
import { anyTypeName, unpackAny } from './proto';
import { invalidArgument, notFound } from './errors';
import type { Run, UpdateState } from './run-state';
import type { Failure, ProtocolMessage, Request, UpdateOutcome, WaitPolicy } from './wire';

type Response = Record<string, unknown>;

/** What updates need from the core. */
export interface UpdateCore {
  readonly isClosed: boolean;
  now(): number;
  touch(run: Run): void;
  needTask(run: Run, speculative?: boolean): void;
  commit(): Promise<void>;
  findRun(namespace: string | undefined, execution: { workflowId?: string; runId?: string } | undefined): Run;
  completeUpdate(run: Run, update: UpdateState, eventId: number, outcome: UpdateOutcome | undefined): void;
  completedUpdate(run: Run, updateId: string): UpdateState | undefined;
}

const STAGE_ORDER = ['admitted', 'accepted', 'completed'] as const;
const STAGE_NAMES: Record<string, string> = {
  admitted: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED',
  accepted: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED',
  completed: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED',
};

function wantedStage(waitPolicy: WaitPolicy | undefined): number {
  switch (waitPolicy?.lifecycleStage) {
    case 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED':
      return 2;
    case 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED':
      return 0;
    default:
      return 1;
  }
}

export class Updates {
  constructor(private readonly core: UpdateCore) {}

  /** Applies what the worker answered to an update's request (acceptance, rejection, outcome) in its completed task. */
  applyMessage(run: Run, message: ProtocolMessage): void {
    const update: UpdateState | undefined = run.s.updates[message.protocolInstanceId ?? ''];
    if (!update || !run.running) return;
    const body: Record<string, unknown> = unpackAny(message.body) ?? {};
    const now = this.core.now();
    switch (anyTypeName(message.body)) {
      case 'temporal.api.update.v1.Acceptance': {
        if (update.stage !== 'admitted') return;
        const event = run.append(
          'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
          {
            protocolInstanceId: update.updateId,
            acceptedRequestMessageId: body.acceptedRequestMessageId,
            acceptedRequestSequencingEventId: body.acceptedRequestSequencingEventId,
            acceptedRequest: update.request,
          },
          now,
        );
        update.stage = 'accepted';
        update.acceptedEventId = event.eventId;
        update.deliveredInTask = undefined;
        break;
      }
      case 'temporal.api.update.v1.Rejection':
        if (update.stage !== 'admitted') return;
        // A rejected update leaves no trace in history.
        this.core.completeUpdate(run, update, 0, { failure: body.failure as Failure | undefined });
        break;
      case 'temporal.api.update.v1.Response': {
        if (update.stage === 'completed') return;
        const event = run.append(
          'WORKFLOW_EXECUTION_UPDATE_COMPLETED',
          { meta: body.meta ?? { updateId: update.updateId }, acceptedEventId: update.acceptedEventId, outcome: body.outcome },
          now,
        );
        this.core.completeUpdate(run, update, event.eventId, body.outcome as UpdateOutcome | undefined);
        break;
      }
    }
    this.core.touch(run);
  }

  admitUpdate(req: Request<'UpdateWorkflowExecution'>): { run: Run; update: UpdateState } {
    const updateId = req.request?.meta?.updateId;
    if (!updateId) throw invalidArgument('Update ID is not set on request.');
    if (!req.request?.input?.name) throw invalidArgument('Update name is not set on request.');
    const run = this.core.findRun(req.namespace, req.workflowExecution);
    // As in Temporal, a rejected update left nothing in history: the same id
    // sent again is a new request whose validator runs again (a refusal such
    // as "busy, retry later" must be retryable with the client's same key).
    // An accepted one is answered from its recorded outcome.
    const accepted = (run.completedUpdates.get(updateId) ?? 0) > 0;
    const existing = run.s.updates[updateId] ?? (accepted ? this.core.completedUpdate(run, updateId) : undefined);
    if (existing) return { run, update: existing };
    if (!run.running) throw notFound('workflow execution already completed');
    const update: UpdateState = { updateId, request: req.request, stage: 'admitted' };
    run.s.updates[updateId] = update;
    this.core.touch(run);
    this.core.needTask(run, true);
    return { run, update };
  }

  /** Long-polls an update until it reaches the wanted stage (or the poll interval ends) and builds the answer. */
  async awaitUpdate(run: Run, update: UpdateState, waitPolicy: WaitPolicy | undefined, deadline: number): Promise<Response> {
    const wanted = wantedStage(waitPolicy);
    const reached = () => STAGE_ORDER.indexOf(update.stage) >= wanted || this.core.isClosed;
    while (!reached() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          run.updateWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        run.updateWaiters.add(done);
      });
    }
    await this.core.commit();
    return {
      updateRef: { workflowExecution: run.execution, updateId: update.updateId },
      outcome: update.stage === 'completed' ? update.outcome : undefined,
      stage: STAGE_NAMES[update.stage],
    };
  }

  findUpdate(req: Request<'PollWorkflowExecutionUpdate'>): { run: Run; update: UpdateState } {
    const updateId = req.updateRef?.updateId;
    if (!updateId) throw invalidArgument('Update ID is not set on request.');
    const run = this.core.findRun(req.namespace, req.updateRef?.workflowExecution);
    const update = run.s.updates[updateId] ?? this.core.completedUpdate(run, updateId);
    if (!update) throw notFound(`update ${updateId} not found`);
    return { run, update };
  }

  /** When a run closes, updates still waiting can never be answered by it. */
  failPendingUpdates(run: Run): void {
    for (const update of Object.values(run.s.updates)) {
      this.core.completeUpdate(run, update, 0, {
        failure: {
          message: 'Workflow Update failed because the Workflow completed before the Update completed.',
          source: 'Server',
          applicationFailureInfo: { type: 'AcceptedUpdateCompletedWorkflow', nonRetryable: true },
        },
      });
    }
    this.core.touch(run);
  }
}
