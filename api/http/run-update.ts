// Every action of every process reaches its workflow as an update; this is
// the one place that bounds how long the API waits. A process that is busy
// (an earlier step still saving, a retry in progress) answers 503
// PROCESS_BUSY with Retry-After within `PROCESS_ANSWER_TIMEOUT_MS`, instead of
// holding the request open for as long as the process takes. The update
// itself is not withdrawn: if the workflow already accepted it, it still
// runs; a retry with the same Idempotency-Key finds the same update: its id
// derives from the person, the key and the request (updateIdForRequest), so
// the engine runs it once and a resend gets the first answer.
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
}

/** PROCESS_ANSWER_TIMEOUT_MS's default, for callers whose config has no server part (the seeds). */
const DEFAULT_TIMEOUT_MS = 10_000;

export async function runUpdate<R>({ deps, label, execute }: RunUpdateOptions<R>): Promise<R> {
  const timeoutMs = deps.config.server?.processAnswerTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(
        new AppError('PROCESS_BUSY', `流程正在处理其他操作,「${label}」未能在${Math.round(timeoutMs / 1000)}秒内完成,请${BUSY_RETRY_AFTER_SECONDS}秒后重试(使用相同的 Idempotency-Key 不会重复办理)。`, {
          details: { retryAfter: BUSY_RETRY_AFTER_SECONDS },
        }),
      );
    }, timeoutMs);
  });
  const updateId = updateIdForRequest();
  const work = deps.temporal.withAbortSignal(abort.signal, () => execute(updateId ? { updateId } : {}));
  // Once the answer is "busy", the cancelled call's own rejection is of no interest.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, busy]);
  } finally {
    clearTimeout(timer);
  }
}
