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
}

/** Refusals that only say the process has moved past the action: all a resend whose first attempt ran can meet. */
const MOVED_ON: ReadonlySet<string> = new Set(['WRONG_STAGE', 'ALREADY_DONE']);

/** PROCESS_ANSWER_TIMEOUT_MS's default, for callers whose config has no server part (the seeds). */
const DEFAULT_TIMEOUT_MS = 10_000;

export async function runUpdate<R>({ deps, label, execute, refusal }: RunUpdateOptions<R>): Promise<R> {
  const updateId = updateIdForRequest();
  if (refusal && !(updateId && MOVED_ON.has(refusal.code))) throw refusal;
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
  const work = deps.temporal.withAbortSignal(abort.signal, () => execute(updateId ? { updateId } : {}));
  // Once the answer is "busy", the cancelled call's own rejection is of no interest.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, busy]);
  } catch (err) {
    // The workflow has ended without ever taking this update: the saved state's refusal is the answer.
    if (refusal && err instanceof WorkflowNotFoundError) throw refusal;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
