// Every action of every process reaches its workflow as an update; this is
// the one place that bounds how long the API waits. A process that is busy
// (an earlier step still saving, a retry in progress) answers 503
// PROCESS_BUSY with Retry-After within `PROCESS_ANSWER_TIMEOUT_MS`, instead of
// holding the request open for as long as the process takes. The update
// itself is not withdrawn: if the workflow already accepted it, it still
// runs; a retry with the same Idempotency-Key finds the same update: its id
// derives from the person, the key and the request (updateIdForRequest), so
// the engine runs it once and a resend gets the first answer.
//
// That holds even where the saved state already says no. A resend whose first
// attempt ran (its answer lost with an API process that stopped before storing
// it under the key) finds the process moved on: the read model says
// WRONG_STAGE or ALREADY_DONE, and a closed process has no running workflow.
// So a keyed request refused only for that reason still goes to the engine
// under its id: a known id is answered from its recorded outcome (Temporal
// keeps it after the workflow closes); an unknown one is judged by the
// workflow's own validator, or, the workflow closed, gets the saved state's
// refusal after all.
//
// A denial is different: who may act (access, the inbox's checks on the
// task). A resend meets one when its first attempt changed exactly what is
// checked (a 退回 closes the task it was sent back from; a 转交 hands it to
// someone else). It is never sent again: under a key, the answer is this
// request's own earlier outcome if the engine has one (looked up by its update
// id, which only this person's same request can name), else the denial.
import { WorkflowNotFoundError } from '@temporalio/client';
import { AppError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { updateIdForRequest } from './idempotency';

/** Seconds a client should wait before retrying a busy process. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export interface RunUpdateOptions<R> {
  deps: AppDeps;
  /** What is being done, in the person's words (for the 503 message). */
  label: string;
  /**
   * Starts the update and waits for its result:
   * `(id) => handle.executeUpdate(update, { args, ...id })`. `id` holds the
   * update id derived from the request's Idempotency-Key, when it has one.
   */
  execute: (id: { updateId?: string }) => Promise<R>;
  /**
   * What the saved state (the read model) says against the action, found
   * before sending it; null or absent when it may go ahead. Only the
   * refusals in MOVED_ON wait for the engine's word; any other (a role, a
   * unit, the input) is the answer at once, the update unsent.
   */
  refusal?: AppError | null;
  /**
   * Why this person may not take the action now (found before sending), and
   * the workflow where a resend's earlier outcome would be. Without a key the
   * error is the answer at once; under one, the earlier outcome if any.
   */
  denial?: { error: AppError; workflowId: string } | null;
}

/** Refusals that only say the process has moved past the action: all a resend whose first attempt ran can meet. */
const MOVED_ON: ReadonlySet<string> = new Set(['WRONG_STAGE', 'ALREADY_DONE']);

/** PROCESS_ANSWER_TIMEOUT_MS's default, for callers whose config has no server part (the seeds). */
const DEFAULT_TIMEOUT_MS = 10_000;

export async function runUpdate<R>({ deps, label, execute, refusal, denial }: RunUpdateOptions<R>): Promise<R> {
  const updateId = updateIdForRequest();
  if (denial) return answerFromEarlier({ deps, label, updateId, denial });
  if (refusal && !(updateId && MOVED_ON.has(refusal.code))) throw refusal;
  return answerInTime({ deps, label, updateId, work: () => execute(updateId ? { updateId } : {}), fallback: refusal ?? undefined });
}

/**
 * For a denial found before anything else is done (a process action's
 * access check): the earlier outcome of this keyed request's update, or the
 * denial. Takes the request's next update id, as runUpdate would have.
 */
export function earlierAnswer<R>({ deps, label, denial }: { deps: AppDeps; label: string; denial: NonNullable<RunUpdateOptions<R>['denial']> }): Promise<R> {
  return answerFromEarlier({ deps, label, updateId: updateIdForRequest(), denial });
}

async function answerFromEarlier<R>({ deps, label, updateId, denial }: { deps: AppDeps; label: string; updateId?: string; denial: { error: AppError; workflowId: string } }): Promise<R> {
  if (!updateId) throw denial.error;
  const earlier = deps.temporal.workflow.getHandle(denial.workflowId).getUpdateHandle<R>(updateId);
  return answerInTime({ deps, label, updateId, work: () => earlier.result(), fallback: denial.error });
}

/**
 * The update's answer, or 503 PROCESS_BUSY once the process has not answered
 * in time. `fallback` answers when the engine knows no such workflow or update
 * (the workflow ended without taking it; no earlier attempt under this id).
 */
async function answerInTime<R>({ deps, label, updateId, work, fallback }: { deps: AppDeps; label: string; updateId?: string; work: () => Promise<R>; fallback?: AppError }): Promise<R> {
  const timeoutMs = deps.config.server?.processAnswerTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(
        new AppError('PROCESS_BUSY', `流程正在处理其他操作,「${label}」未能在${Math.round(timeoutMs / 1000)}秒内完成,请${BUSY_RETRY_AFTER_SECONDS}秒后再提交一次${updateId ? ';再次提交不会重复办理' : ''}。`, {
          details: { retryAfter: BUSY_RETRY_AFTER_SECONDS },
        }),
      );
    }, timeoutMs);
  });
  const running = deps.temporal.withAbortSignal(abort.signal, work);
  // Once the answer is "busy", the cancelled call's own rejection is of no interest.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, busy]);
  } catch (err) {
    if (fallback && err instanceof WorkflowNotFoundError) throw fallback;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
