// Idempotency-Key for POSTs (per person): the first request inserts a pending
// row *before* it runs, so a concurrent duplicate finds the row and is refused
// instead of executing twice; the finished response is stored and replayed.
// A pending row is marked by statusCode 0. On failure the row is removed, so
// the client may retry with the same key. A pending row whose API process
// has died (its lease is gone, ./instance-lease.ts) or that is older than a
// minute belongs to a request that will never finish: a resend takes it over.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Request } from 'express';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { rawDb } from '../../db/raw-sql';
import { businessTime, type AppDeps } from '../deps';
import { leaseHeld } from './instance-lease';

export type IdempotencyMode = 'off' | 'optional' | 'required';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const PENDING = 0;
/** A pending row older than this is taken to belong to a crashed request and may be taken over. */
const STALE_PENDING_MS = 60_000;
const KEY_PATTERN = /^[\w.:-]{8,128}$/;
/** What a clerk reads when a resend meets the first attempt still running (the console sends the same key again by itself). */
const IN_PROGRESS_MESSAGE = '这项操作已经提交,正在办理中,请稍候再试;再次提交不会重复办理。';

export interface StoredOutcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Stable JSON: object keys sorted, so {a,b} and {b,a} hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/** The request running under an Idempotency-Key, for the workflow updates it sends (`updateIdForRequest`). */
interface KeyedRequest {
  personId: string;
  key: string;
  requestHash: string;
  /** Updates sent so far by this request: the nth update of a resend gets the nth id. */
  updates: number;
  /** What this attempt noted for its resend (`noteForResend`), stored with its row. */
  note: ResendNote | null;
  /** What the attempt this one resends noted, found on the abandoned row it took over. */
  earlier: ResendNote | null;
}

/**
 * What an attempt learnt before acting that its resend cannot learn again,
 * because the action itself changed it. One kind so far: a deputy acted "代 X"
 * on a record through X's open task, which the action closes; the resend
 * then finds neither the task that let the deputy read the record nor the
 * principal it acted for (api/tasks/acting-as.ts).
 */
export interface ResendNote {
  deputy?: { process: string; subjectId: string; workflowId: string; principalId: string };
}

// Carried implicitly so every action route's `runUpdate` gets it without
// threading the request through each process's perform function.
const keyedRequest = new AsyncLocalStorage<KeyedRequest>();

/**
 * A Temporal update id for the next update this request sends, derived from
 * the person, the Idempotency-Key and the request (undefined without a key).
 * A resend after a lost answer (the first attempt's row is gone or stale)
 * then sends the same update, which the engine answers once: with the first
 * attempt's result, not a second run refused as already done.
 */
export function updateIdForRequest(): string | undefined {
  const r = keyedRequest.getStore();
  if (!r) return undefined;
  const n = r.updates++;
  return `idem-${createHash('sha256').update(`${r.personId}\n${r.key}\n${r.requestHash}\n${n}`).digest('hex').slice(0, 40)}`;
}

/**
 * What names a row the keyed request running now writes (a hash of the
 * person, the key, the request and `part`: which row of the request), so that
 * its resend writes that row once; undefined without a key.
 */
export function requestRowKey(part: string): string | undefined {
  const r = keyedRequest.getStore();
  return r && createHash('sha256').update(`${r.personId}\n${r.key}\n${r.requestHash}\n${part}`).digest('hex').slice(0, 40);
}

/**
 * The id of a record (a project, a case, an incident) created by a request
 * sent with an Idempotency-Key: derived from what it is, the person and the
 * key (a UUID-shaped SHA-256), so a client's retry after a crash lands on the
 * record the first attempt wrote, and finishes what that attempt left undone.
 */
export function recordIdForKey(kind: string, personId: string, key: string): string {
  const h = createHash('sha256').update(`${kind}\0${personId}\0${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Stores `note` with the keyed request's row before it acts, so that a resend
 * of an attempt that died after acting finds it (`earlierNote`); nothing
 * without a key. Stored in the pending row's body, and kept beside the
 * answer once there is one.
 */
export async function noteForResend(prisma: AppDeps['prisma'], note: ResendNote): Promise<void> {
  const r = keyedRequest.getStore();
  if (!r) return;
  r.note = { ...r.note, ...note };
  await rawDb(prisma).$executeRaw`
    UPDATE "IdempotencyRecord" SET "responseBody" = jsonb_build_object('resend', ${JSON.stringify(r.note)}::jsonb)
     WHERE "personId" = ${r.personId} AND key = ${r.key} AND "statusCode" = ${PENDING}`;
}

/** What the abandoned attempt this request resends noted before it acted (null: not a resend, or nothing noted). */
export function earlierNote(): ResendNote | null {
  return keyedRequest.getStore()?.earlier ?? null;
}

/** The person sending the keyed request running now, if any. */
export const keyedPersonId = (): string | undefined => keyedRequest.getStore()?.personId;

/**
 * Starts the workflow of a record created under recordIdForKey. `retrying`:
 * the record's row was already there (its first attempt died after writing
 * it); then a workflow already started by that attempt is the start.
 */
export async function startRecordWorkflow(retrying: boolean, start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (err) {
    if (!(retrying && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The person and the Idempotency-Key of the request running now (undefined without a key), for ids a resend must repeat. */
export function requestKey(): { personId: string; key: string } | undefined {
  const r = keyedRequest.getStore();
  return r && { personId: r.personId, key: r.key };
}

export interface RunIdempotentOptions {
  deps: AppDeps;
  req: Request;
  actor: Actor;
  mode: IdempotencyMode;
  /** The validated body; hashed with method and path. */
  body: unknown;
  execute: () => Promise<StoredOutcome | null>;
}

export async function runIdempotent({ deps, req, actor, mode, body, execute }: RunIdempotentOptions): Promise<StoredOutcome | null> {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined) {
    if (mode === 'required') {
      throw new AppError('VALIDATION_FAILED', `该请求需要 ${IDEMPOTENCY_HEADER} 请求头。`, {
        details: [{ in: 'headers', field: IDEMPOTENCY_HEADER, code: 'missing', message: '必填:每个操作一个唯一值(如 UUID)' }],
      });
    }
    return execute();
  }
  if (!KEY_PATTERN.test(key)) {
    throw new AppError('VALIDATION_FAILED', `${IDEMPOTENCY_HEADER} 请求头格式不正确。`, {
      details: [{ in: 'headers', field: IDEMPOTENCY_HEADER, code: 'invalid_format', message: '8–128 个字符,只能包含字母、数字和 _ . : -' }],
    });
  }

  const { prisma } = deps;
  const owner = deps.instanceLease?.key ?? null;
  const now = businessTime(deps);
  const path = req.originalUrl.split('?')[0];
  const hash = requestHash(req.method, path, body);
  const id = { personId_key: { personId: actor.personId, key } };
  const ttlMs = deps.config.server.idempotencyTtlHours * 3600_000;

  // ON CONFLICT DO NOTHING: the loser of a race learns it from the count,
  // without an error (and without a unique-violation line in the log).
  // Raw statements for the claim and the answer: every action passes here
  // (a model query costs about 0.5 ms more CPU; see InboxDb in activities/inbox).
  const claim = async (): Promise<boolean> => {
    // Stamped with the same clock that judges expiry, never the database's.
    const count = await rawDb(prisma).$executeRaw`
      INSERT INTO "IdempotencyRecord" ("personId", key, method, path, "requestHash", "statusCode", "responseBody", "createdAt", owner)
      VALUES (${actor.personId}, ${key}, ${req.method}, ${path}, ${hash}, ${PENDING}, '{}'::jsonb, ${now}, ${owner}::int)
      ON CONFLICT DO NOTHING`;
    return count === 1;
  };

  // The process that claimed a pending row is known (its lease key), not this one, and holds its lease no more.
  const ownerGone = async (claimedBy: number | null): Promise<boolean> =>
    claimedBy !== null && claimedBy !== owner && !(await leaseHeld(prisma, claimedBy));

  let earlier: ResendNote | null = null;
  if (!(await claim())) {
    const existing = await prisma.idempotencyRecord.findUnique({ where: id });
    if (!existing) {
      // Removed between our insert and read (a failed first attempt): try once more.
      if (!(await claim())) throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS', IN_PROGRESS_MESSAGE);
    } else {
      const expired = now.getTime() - existing.createdAt.getTime() > ttlMs;
      if (expired) {
        // An old key may be reused: take the row over atomically (only one request wins).
        const taken = await prisma.idempotencyRecord.updateMany({
          where: { personId: actor.personId, key, createdAt: existing.createdAt },
          data: { method: req.method, path, requestHash: hash, statusCode: PENDING, responseBody: {}, createdAt: now, owner },
        });
        if (taken.count !== 1) throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS', IN_PROGRESS_MESSAGE);
      } else if (existing.requestHash !== hash) {
        // A clerk meets this after changing a form whose first submission's answer never arrived: that one may have been done.
        throw new AppError('IDEMPOTENCY_KEY_REUSED', `这次提交与先前同一编号(${IDEMPOTENCY_HEADER})的提交内容不同(${existing.method} ${existing.path}),先前那次可能已经办理。请刷新页面查看结果后再操作。`);
      } else if (existing.statusCode !== PENDING) {
        const stored = existing.responseBody as { body?: unknown; headers?: Record<string, string> };
        return {
          status: existing.statusCode,
          body: stored.body ?? null,
          headers: { ...(stored.headers ?? {}), 'Idempotent-Replayed': 'true' },
        };
      } else if (now.getTime() - existing.createdAt.getTime() < STALE_PENDING_MS && !(await ownerGone(existing.owner))) {
        req.res?.set('Retry-After', '1');
        throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS', IN_PROGRESS_MESSAGE);
      } else {
        // Abandoned: its process died, or it is too old to be running still. Only one resend wins it.
        const taken = await prisma.idempotencyRecord.updateMany({
          where: { personId: actor.personId, key, statusCode: PENDING, createdAt: existing.createdAt, owner: existing.owner },
          data: { createdAt: now, owner },
        });
        if (taken.count !== 1) throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS', IN_PROGRESS_MESSAGE);
        earlier = (existing.responseBody as { resend?: ResendNote } | null)?.resend ?? null;
      }
    }
  }

  let outcome: StoredOutcome | null;
  const running: KeyedRequest = { personId: actor.personId, key, requestHash: hash, updates: 0, note: null, earlier };
  try {
    outcome = await keyedRequest.run(running, execute);
  } catch (err) {
    await prisma.idempotencyRecord.deleteMany({ where: { personId: actor.personId, key, statusCode: PENDING } }).catch(() => undefined);
    throw err;
  }
  if (!outcome) {
    // The handler wrote the response itself; nothing replayable was captured.
    await prisma.idempotencyRecord.deleteMany({ where: { personId: actor.personId, key, statusCode: PENDING } });
    return null;
  }
  // Wrapped, because a Json column cannot hold a bare null body.
  const stored = JSON.stringify({ body: outcome.body ?? null, headers: outcome.headers ?? {}, ...(running.note ? { resend: running.note } : {}) });
  await rawDb(prisma).$executeRaw`
    UPDATE "IdempotencyRecord" SET "statusCode" = ${outcome.status}, "responseBody" = ${stored}::jsonb
     WHERE "personId" = ${actor.personId} AND key = ${key}`;
  return outcome;
}

export interface PurgeIdempotencyRecordsOptions {
  prisma: AppDeps['prisma'];
  /** Rows created before this instant are deleted (use now − IDEMPOTENCY_TTL_HOURS). */
  olderThan: Date;
}

/** Deletes expired keys; expired rows are already ignored, this only keeps the table small. */
export async function purgeIdempotencyRecords({ prisma, olderThan }: PurgeIdempotencyRecordsOptions): Promise<number> {
  const { count } = await prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
