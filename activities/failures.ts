// Which activity failures a retry can cure. Every activity factory's output
// goes through `classifyFailures` (activities/index.ts), so a process never
// retries forever on data the database will always refuse: an encoding error
// (22021 invalid byte sequence for a lone surrogate or a NUL byte), a value
// out of range, a constraint violation or a validation error fails at once,
// non-retryable, with type DATA_REJECTED; the workflow then refuses and rolls
// back the action, or records an incident (workflows/failures.ts). Everything
// else (a connection lost, a deadlock, a serialisation failure, a timeout)
// keeps retrying, with a warning on every retry after the third so that a
// stuck step is visible in the log long before anyone notices the process.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { ZodError } from 'zod';

/** Failure type of a non-retryable data error; the workflow side tests for it. */
export const DATA_REJECTED = 'DATA_REJECTED';

/** Retries before every further retry logs a warning. */
export const QUIET_RETRIES = 3;

/**
 * SQLSTATE classes a retry cannot cure: 22 data exception (invalid byte
 * sequence, value too long, out of range, bad datetime), 23 integrity
 * constraint violation; P0001 is an exception raised by a trigger.
 */
function isDataSqlState(state: string): boolean {
  return state.startsWith('22') || state.startsWith('23') || state === 'P0001';
}

/** Prisma's request errors that mean "this value will never be stored" (https://www.prisma.io/docs/orm/reference/error-reference). */
const PRISMA_DATA_CODES = new Set(['P2000', 'P2002', 'P2003', 'P2004', 'P2005', 'P2006', 'P2007', 'P2011', 'P2012', 'P2019', 'P2020', 'P2023']);

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: string;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } & Record<string, unknown>;
  cause?: unknown;
}

/** The SQLSTATE of a PostgreSQL error as Prisma's pg adapter or node-postgres reports it. */
function sqlStateOf(e: ErrorLike): string | null {
  const fromAdapter = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof fromAdapter === 'string') return fromAdapter;
  const original = (e as { originalCode?: unknown }).originalCode;
  if (typeof original === 'string') return original;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return null;
}

export interface DataRejection {
  /** SQLSTATE, Prisma code or error name, for the log and the incident. */
  reason: string;
  message: string;
}

/** Whether `err` (or anything in its cause chain) is an error that no retry can cure; null when a retry may help. */
export function dataRejection(err: unknown): DataRejection | null {
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const e = current as ErrorLike;
    const state = sqlStateOf(e);
    if (state && isDataSqlState(state)) return { reason: `SQLSTATE ${state}`, message: e.message ?? state };
    if (typeof e.code === 'string' && PRISMA_DATA_CODES.has(e.code)) return { reason: e.code, message: e.message ?? e.code };
    if (e.name === 'PrismaClientValidationError') return { reason: e.name, message: e.message ?? e.name };
    if (current instanceof ZodError) return { reason: 'ZodError', message: e.message ?? 'validation failed' };
    current = e.cause;
  }
  return null;
}

/** The failure the activity throws instead of `err`: non-retryable DATA_REJECTED, or `err` itself. */
export function classifyActivityFailure(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  const rejection = dataRejection(err);
  if (!rejection) return err;
  return ApplicationFailure.create({
    type: DATA_REJECTED,
    nonRetryable: true,
    message: `数据库拒绝写入(${rejection.reason})`,
    details: [{ reason: rejection.reason }],
    cause: err instanceof Error ? err : undefined,
  });
}

function currentAttempt(): { attempt: number; log: Context['log'] } | null {
  try {
    const ctx = Context.current();
    return { attempt: ctx.info.attempt, log: ctx.log };
  } catch {
    return null; // called outside an activity (a unit test calling the factory's function directly)
  }
}

type AnyFn = (...args: never[]) => Promise<unknown>;

/** Wraps every function of an activities object: classified failures, a warning per late retry. */
export function classifyFailures<T extends Record<string, AnyFn>>(activities: T): T {
  const wrapped: Record<string, AnyFn> = {};
  for (const [name, fn] of Object.entries(activities)) {
    const run = async (...args: never[]) => {
      const ctx = currentAttempt();
      if (ctx && ctx.attempt - 1 > QUIET_RETRIES) ctx.log.warn(`activity ${name}: retry ${ctx.attempt - 1}`, { activity: name, attempt: ctx.attempt });
      try {
        return await fn(...args);
      } catch (err) {
        const failure = classifyActivityFailure(err);
        if (failure !== err && ctx) ctx.log.error(`activity ${name}: data refused by the database, not retried`, { activity: name, reason: dataRejection(err)?.reason });
        throw failure;
      }
    };
    Object.defineProperty(run, 'name', { value: name });
    wrapped[name] = run;
  }
  return wrapped as T;
}
