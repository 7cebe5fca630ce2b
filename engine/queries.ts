// Queries (QueryWorkflow): a query waits for the run's pending workflow task
// (so it sees every event before it) or goes to a worker as a query-only task
// (dispatch.ts offers it, sticky first); answers come back on the workflow
// task's completion or as RespondQueryTaskCompleted.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { Dispatch } from './dispatch';
import { EngineError, deadlineExceeded, invalidArgument, notFound } from './errors';
import type { HistoryEvent, PendingQuery, QueryAnswer, Run } from './run-state';
import { decodeToken, encodeToken } from './task-tokens';
import type { QueryAnswerWire, Request } from './wire';

type Response = Record<string, unknown>;

/** What queries need from the core. */
export interface QueryCore {
  findRun(namespace: string | undefined, execution: { workflowId?: string; runId?: string } | undefined): Run;
  events(run: Run, from: number, to: number): HistoryEvent[];
}

function settleQuery(query: PendingQuery, result: QueryAnswerWire): void {
  if (result?.resultType === 'QUERY_RESULT_TYPE_ANSWERED') {
    query.resolve({ queryResult: result.answer ?? { payloads: [] } });
  } else {
    const message = result?.errorMessage || result?.failure?.message || 'query failed';
    query.reject(new EngineError(grpc.status.INVALID_ARGUMENT, message));
  }
}

export class Queries {
  constructor(
    private readonly core: QueryCore,
    private readonly dispatch: Pick<Dispatch, 'addQueryTask' | 'takeQueryTask' | 'removeQueryTask'>,
  ) {}

  async queryWorkflow(req: Request<'QueryWorkflow'>, deadline: number): Promise<QueryAnswer> {
    if (!req.query?.queryType) throw invalidArgument('QueryType is not set on request.');
    const run = this.core.findRun(req.namespace, req.execution);
    if (!run.running) {
      const condition = req.queryRejectCondition;
      if (
        condition === 'QUERY_REJECT_CONDITION_NOT_OPEN' ||
        (condition === 'QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY' && run.s.status !== 'COMPLETED')
      ) {
        return { queryRejected: { status: `WORKFLOW_EXECUTION_STATUS_${run.s.status}` } };
      }
    }
    let query!: PendingQuery;
    const answer = new Promise<QueryAnswer>((resolve, reject) => {
      query = { id: randomUUID(), request: req, resolve, reject };
    });
    if (run.running && run.s.wft) {
      // Answered by (or right after) the pending workflow task, so it sees every event that came before it.
      run.pendingQueries.push(query);
    } else {
      this.dispatch.addQueryTask(run, query);
    }
    const timer = setTimeout(() => {
      run.pendingQueries = run.pendingQueries.filter((q) => q !== query);
      run.attachedQueries.delete(query.id);
      this.dispatch.removeQueryTask(query.id);
      query.reject(deadlineExceeded('query timed out before a worker answered it'));
    }, Math.max(0, deadline - Date.now()));
    try {
      return await answer;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The run has no workflow task to carry its waiting queries (or closed): each goes out as a query-only task. */
  dispatchPendingQueries(run: Run): void {
    const pending = [...run.attachedQueries.values(), ...run.pendingQueries];
    run.attachedQueries.clear();
    run.pendingQueries = [];
    for (const query of pending) this.dispatch.addQueryTask(run, query);
  }

  /** Settles the queries a completed workflow task answered. */
  answerAttachedQueries(run: Run, results: Record<string, QueryAnswerWire | undefined> | undefined): void {
    for (const [id, result] of Object.entries(results ?? {})) {
      const query = run.attachedQueries.get(id);
      if (!query) continue;
      run.attachedQueries.delete(id);
      settleQuery(query, result ?? {});
    }
    // Queries the worker did not answer are asked again after this task.
    run.pendingQueries.unshift(...run.attachedQueries.values());
    run.attachedQueries.clear();
  }

  completeQueryTask(req: Request<'RespondQueryTaskCompleted'>): Response {
    const token = decodeToken(req.taskToken, 'q');
    const task = this.dispatch.removeQueryTask(token.id);
    if (!task) throw notFound('query not found, or it timed out');
    settleQuery(task.query, {
      resultType: req.completedType === 'QUERY_RESULT_TYPE_ANSWERED' ? 'QUERY_RESULT_TYPE_ANSWERED' : 'QUERY_RESULT_TYPE_FAILED',
      answer: req.queryResult,
      errorMessage: req.errorMessage,
      failure: req.failure,
    });
    return {};
  }

  /** Turns a query reference a poller took into a poll response, or undefined when the reference went stale. */
  startQueryTask(queryId: string, dispatch: number): Response | undefined {
    const task = this.dispatch.takeQueryTask(queryId, dispatch);
    if (!task) return undefined;
    const run = task.run;
    return {
      taskToken: encodeToken({ k: 'q', id: queryId }),
      workflowExecution: run.execution,
      workflowType: { name: run.s.workflowType },
      previousStartedEventId: run.s.lastCompletedStartedEventId,
      startedEventId: 0,
      attempt: 1,
      // The sticky worker answers from its cached state; any other needs the whole history to rebuild it.
      history: { events: task.onSticky ? [] : this.core.events(run, 1, run.s.nextEventId) },
      query: task.query.request.query,
      workflowExecutionTaskQueue: { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    };
  }
}
