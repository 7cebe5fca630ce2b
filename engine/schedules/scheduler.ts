// Schedules: each one a small state machine over the engine's virtual clock,
// as Temporal's per-schedule scheduler workflow does it (without being a
// workflow: its state is one record in the store). A deadline wakes it at its
// next action time; it takes the actions due (those older than the catch-up
// window are missed), applies the overlap policy against the workflows it
// started that are still running (SKIP, BUFFER_ONE, BUFFER_ALL,
// CANCEL_OTHER, TERMINATE_OTHER, ALLOW_ALL), starts workflows, and arms the
// next deadline. A closing run it started wakes it again (buffered starts,
// pause on failure). Manual actions (trigger, backfill) ignore pause and the
// remaining-actions limit, as in Temporal.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { durationToMs, msToDuration, msToTimestamp, timestampToMs } from '../clock';
import { EngineError, failedPrecondition, invalidArgument, notFound } from '../errors';
import { QueryError, evaluate, fieldsOf, parseListQuery, type FieldValue, type Row, type ValueType } from '../list-filter';
import type { Failure, Memo, Payload, Payloads, Request, Response, Schedule, SearchAttributes, Timestamp } from '../wire';
import type { Cancellable, ClosedStatus, RunOutcome, SchedulerCore } from './core';
import { CompiledSpec, SpecError, canonicalSpec } from './spec';

export type OverlapPolicy =
  | 'SCHEDULE_OVERLAP_POLICY_SKIP'
  | 'SCHEDULE_OVERLAP_POLICY_BUFFER_ONE'
  | 'SCHEDULE_OVERLAP_POLICY_BUFFER_ALL'
  | 'SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER'
  | 'SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER'
  | 'SCHEDULE_OVERLAP_POLICY_ALLOW_ALL';

const OVERLAP_POLICIES = new Set<string>([
  'SCHEDULE_OVERLAP_POLICY_SKIP',
  'SCHEDULE_OVERLAP_POLICY_BUFFER_ONE',
  'SCHEDULE_OVERLAP_POLICY_BUFFER_ALL',
  'SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER',
  'SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER',
  'SCHEDULE_OVERLAP_POLICY_ALLOW_ALL',
]);

const DAY = 24 * 3600 * 1000;
/** Temporal's default catch-up window, and its minimum. */
const DEFAULT_CATCHUP_MS = 365 * DAY;
const MIN_CATCHUP_MS = 10_000;
const RECENT_ACTIONS_KEPT = 10;
const FUTURE_ACTIONS_SHOWN = 10;
const LIST_ACTIONS_SHOWN = 5;
/** Actions one wake or one backfill looks at, so no request can hold the event loop for long. */
const MAX_ACTIONS_PER_PASS = 10_000;
const MAX_MATCHING_TIMES = 1_000;

interface BufferedStart {
  nominal: number;
  actual: number;
  overlap: OverlapPolicy;
  manual: boolean;
}

interface RecentAction {
  nominal: number;
  actual: number;
  workflowId: string;
  runId: string;
}

/** What the store keeps of a schedule (one record, rewritten whole on each change; it stays small). */
export interface ScheduleRecord {
  namespace: string;
  scheduleId: string;
  schedule: Schedule;
  memo?: Memo;
  searchAttributes?: SearchAttributes;
  createTime: number;
  updateTime?: number;
  conflictToken: number;
  /** Nominal times up to here have been looked at. */
  processedUpTo: number;
  buffer: BufferedStart[];
  running: Array<{ workflowId: string; runId: string }>;
  actionCount: number;
  missedCatchupWindow: number;
  overlapSkipped: number;
  recent: RecentAction[];
  /** Request ids of creates answered, so a retried create is not ALREADY_EXISTS. */
  createRequestId?: string;
  /**
   * The result of the last started run that completed, and the failure of the
   * last one that failed after it, passed to every later start (the SDK's
   * `workflowInfo().lastResult` / `lastFailure`), as Temporal's scheduler does.
   */
  lastCompletionResult?: Payloads;
  continuedFailure?: Failure;
}

interface LiveSchedule {
  key: string;
  rec: ScheduleRecord;
  spec: CompiledSpec;
  deadline?: Cancellable;
  /** Failures of started runs seen since the last wake (pause on failure). */
  failedSinceWake: boolean;
}

const scheduleKey = (namespace: string, scheduleId: string) => `${namespace}\u0000${scheduleId}`;

function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function jsonPayload(type: string, value: unknown): Payload {
  return {
    metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from(type) },
    data: Buffer.from(JSON.stringify(value)),
  };
}

function compile(scheduleId: string, schedule: Schedule): CompiledSpec {
  try {
    const spec = new CompiledSpec(schedule.spec ?? {}, scheduleId);
    return spec;
  } catch (error) {
    if (error instanceof SpecError) throw invalidArgument(`Invalid schedule spec: ${error.message}`);
    throw error;
  }
}

function validateSchedule(schedule: Schedule | undefined): Schedule {
  if (!schedule) throw invalidArgument('Schedule is not set on request.');
  const start = schedule.action?.startWorkflow;
  if (!start) throw invalidArgument('Schedule action must be startWorkflow.');
  if (!start.workflowId) throw invalidArgument('WorkflowId is not set on the schedule action.');
  if (!start.workflowType?.name) throw invalidArgument('WorkflowType is not set on the schedule action.');
  if (!start.taskQueue?.name) throw invalidArgument('TaskQueue is not set on the schedule action.');
  const overlap = schedule.policies?.overlapPolicy;
  if (overlap && overlap !== 'SCHEDULE_OVERLAP_POLICY_UNSPECIFIED' && !OVERLAP_POLICIES.has(overlap)) {
    throw invalidArgument(`Unknown overlap policy ${overlap}.`);
  }
  try {
    canonicalSpec(schedule.spec ?? {});
  } catch (error) {
    if (error instanceof SpecError) throw invalidArgument(`Invalid schedule spec: ${error.message}`);
    throw error;
  }
  return schedule;
}

export class Scheduler {
  private readonly schedules = new Map<string, LiveSchedule>();
  /** Schedules to wake after the step that closed one of their runs. */
  private readonly toWake = new Set<string>();
  private wakeQueued = false;
  private stopped = false;

  constructor(private readonly core: SchedulerCore) {
    for (const [key, state] of Object.entries(core.loaded())) {
      const rec = state as ScheduleRecord;
      let spec: CompiledSpec;
      try {
        spec = new CompiledSpec(rec.schedule.spec ?? {}, rec.scheduleId);
      } catch (error) {
        core.logger.error({ scheduleId: rec.scheduleId, err: error }, 'stored schedule has an invalid spec; it stays idle');
        spec = new CompiledSpec({}, rec.scheduleId);
      }
      this.schedules.set(key, { key, rec, spec, failedSinceWake: false });
    }
    core.onRunClosed((namespace, workflowId, _runId, status, outcome) => this.runClosed(namespace, workflowId, status, outcome));
    // Actions that came due while the engine was down are taken (within the catch-up window) at the first wake.
    for (const live of this.schedules.values()) this.arm(live);
    if (this.schedules.size > 0) core.logger.info({ schedules: this.schedules.size }, 'schedules recovered');
  }

  stop(): void {
    this.stopped = true;
    for (const live of this.schedules.values()) live.deadline?.cancel();
  }

  get size(): number {
    return this.schedules.size;
  }

  // ------------------------------------------------------------- requests

  create(req: Request<'CreateSchedule'>): Response<'CreateSchedule'> {
    const namespace = this.core.checkNamespace(req.namespace);
    if (!req.scheduleId) throw invalidArgument('ScheduleId is not set on request.');
    const schedule = validateSchedule(req.schedule);
    this.core.validateSearchAttributes(namespace, schedule.action?.startWorkflow?.searchAttributes ?? undefined);
    this.core.validateSearchAttributes(namespace, req.searchAttributes);
    const key = scheduleKey(namespace, req.scheduleId);
    const existing = this.schedules.get(key);
    if (existing) {
      if (req.requestId && existing.rec.createRequestId === req.requestId) return { conflictToken: tokenOf(existing.rec) };
      throw new EngineError(grpc.status.ALREADY_EXISTS, `schedule ${req.scheduleId} already exists`);
    }
    const spec = compile(req.scheduleId, schedule);
    const now = this.core.now();
    const rec: ScheduleRecord = {
      namespace,
      scheduleId: req.scheduleId,
      schedule: withDefaults(schedule),
      memo: req.memo,
      searchAttributes: req.searchAttributes,
      createTime: now,
      conflictToken: 1,
      processedUpTo: now,
      buffer: [],
      running: [],
      actionCount: 0,
      missedCatchupWindow: 0,
      overlapSkipped: 0,
      recent: [],
      createRequestId: req.requestId || undefined,
    };
    const live: LiveSchedule = { key, rec, spec, failedSinceWake: false };
    this.schedules.set(key, live);
    if (req.initialPatch) this.applyPatch(live, req.initialPatch);
    this.wake(live);
    return { conflictToken: tokenOf(rec) };
  }

  describe(req: Request<'DescribeSchedule'>): Response<'DescribeSchedule'> {
    const live = this.find(req.namespace, req.scheduleId);
    this.refreshRunning(live);
    const rec = live.rec;
    return {
      schedule: { ...rec.schedule, spec: canonicalSpec(rec.schedule.spec ?? {}) },
      info: {
        actionCount: rec.actionCount,
        missedCatchupWindow: rec.missedCatchupWindow,
        overlapSkipped: rec.overlapSkipped,
        bufferSize: rec.buffer.length,
        runningWorkflows: rec.running.map((r) => ({ workflowId: r.workflowId, runId: r.runId })),
        recentActions: rec.recent.map(actionResult),
        futureActionTimes: this.futureTimes(live, FUTURE_ACTIONS_SHOWN).map(msToTimestamp),
        createTime: msToTimestamp(rec.createTime),
        updateTime: rec.updateTime !== undefined ? msToTimestamp(rec.updateTime) : undefined,
      },
      memo: rec.memo,
      searchAttributes: rec.searchAttributes,
      conflictToken: tokenOf(rec),
    };
  }

  update(req: Request<'UpdateSchedule'>): Response<'UpdateSchedule'> {
    const live = this.find(req.namespace, req.scheduleId);
    if (req.conflictToken && req.conflictToken.length > 0 && !tokenOf(live.rec).equals(req.conflictToken)) {
      throw failedPrecondition('mismatched conflict token');
    }
    const schedule = validateSchedule(req.schedule);
    this.core.validateSearchAttributes(live.rec.namespace, schedule.action?.startWorkflow?.searchAttributes ?? undefined);
    this.core.validateSearchAttributes(live.rec.namespace, req.searchAttributes);
    live.spec = compile(live.rec.scheduleId, schedule);
    const now = this.core.now();
    live.rec.schedule = withDefaults(schedule);
    if (req.searchAttributes) live.rec.searchAttributes = req.searchAttributes;
    // As in Temporal: a memo given replaces the whole memo (an empty one clears it); none given keeps it.
    if (req.memo) live.rec.memo = Object.keys(req.memo.fields ?? {}).length > 0 ? req.memo : undefined;
    live.rec.updateTime = now;
    live.rec.conflictToken++;
    // The new spec applies from now on; the old one's missed actions are not taken.
    live.rec.processedUpTo = Math.max(live.rec.processedUpTo, now);
    this.wake(live);
    return {};
  }

  patch(req: Request<'PatchSchedule'>): Response<'PatchSchedule'> {
    const live = this.find(req.namespace, req.scheduleId);
    if (!req.patch) throw invalidArgument('Patch is not set on request.');
    this.applyPatch(live, req.patch);
    live.rec.updateTime = this.core.now();
    this.wake(live);
    return {};
  }

  delete(req: Request<'DeleteSchedule'>): Response<'DeleteSchedule'> {
    const live = this.find(req.namespace, req.scheduleId);
    live.deadline?.cancel();
    this.schedules.delete(live.key);
    this.core.persist(live.key, undefined);
    return {};
  }

  list(req: Request<'ListSchedules'>): Response<'ListSchedules'> {
    const namespace = this.core.checkNamespace(req.namespace);
    const matches = this.compileListQuery(namespace, req.query);
    const all = [...this.schedules.values()]
      .filter((live) => live.rec.namespace === namespace)
      .sort((a, b) => (a.rec.scheduleId < b.rec.scheduleId ? -1 : a.rec.scheduleId > b.rec.scheduleId ? 1 : 0))
      .filter(matches);
    const offset = req.nextPageToken?.length ? Number(req.nextPageToken.toString('utf8')) || 0 : 0;
    const size = req.maximumPageSize && req.maximumPageSize > 0 ? req.maximumPageSize : 1000;
    const page = all.slice(offset, offset + size);
    return {
      schedules: page.map((live) => {
        const rec = live.rec;
        return {
          scheduleId: rec.scheduleId,
          memo: rec.memo,
          searchAttributes: rec.searchAttributes,
          info: {
            spec: canonicalSpec(rec.schedule.spec ?? {}),
            workflowType: rec.schedule.action?.startWorkflow?.workflowType,
            notes: rec.schedule.state?.notes,
            paused: !!rec.schedule.state?.paused,
            recentActions: rec.recent.slice(-LIST_ACTIONS_SHOWN).map(actionResult),
            futureActionTimes: this.futureTimes(live, LIST_ACTIONS_SHOWN).map(msToTimestamp),
          },
        };
      }),
      nextPageToken: offset + size < all.length ? Buffer.from(String(offset + size)) : undefined,
    };
  }

  matchingTimes(req: Request<'ListScheduleMatchingTimes'>): Response<'ListScheduleMatchingTimes'> {
    const live = this.find(req.namespace, req.scheduleId);
    if (!req.startTime || !req.endTime) throw invalidArgument('StartTime and EndTime must be set on request.');
    const start = timestampToMs(req.startTime);
    const end = timestampToMs(req.endTime);
    if (end < start) throw invalidArgument('EndTime is before StartTime.');
    const times: Timestamp[] = [];
    let t = start - 1;
    while (times.length < MAX_MATCHING_TIMES) {
      const next = live.spec.next(t);
      if (!next || next.nominal > end) break;
      times.push(msToTimestamp(next.actual));
      t = next.nominal;
    }
    return { startTime: times };
  }

  // --------------------------------------------------------------- engine

  private find(namespace: string | undefined, scheduleId: string | undefined): LiveSchedule {
    const ns = this.core.checkNamespace(namespace);
    if (!scheduleId) throw invalidArgument('ScheduleId is not set on request.');
    const live = this.schedules.get(scheduleKey(ns, scheduleId));
    if (!live) throw notFound(`schedule ${scheduleId} not found`);
    return live;
  }

  private applyPatch(live: LiveSchedule, patch: NonNullable<Request<'PatchSchedule'>['patch']>): void {
    const rec = live.rec;
    const state = (rec.schedule.state ??= {});
    const now = this.core.now();
    const policy = (given: string | undefined): OverlapPolicy =>
      given && OVERLAP_POLICIES.has(given) ? (given as OverlapPolicy) : overlapOf(rec.schedule);
    if (patch.triggerImmediately) {
      rec.buffer.push({ nominal: now, actual: now, overlap: policy(patch.triggerImmediately.overlapPolicy), manual: true });
    }
    for (const backfill of patch.backfillRequest ?? []) {
      if (!backfill.startTime || !backfill.endTime) throw invalidArgument('Backfill needs a start and an end time.');
      const start = timestampToMs(backfill.startTime);
      const end = timestampToMs(backfill.endTime);
      const overlap = policy(backfill.overlapPolicy);
      let t = start - 1;
      for (let i = 0; i < MAX_ACTIONS_PER_PASS; i++) {
        const next = live.spec.next(t);
        if (!next || next.nominal > end) break;
        rec.buffer.push({ nominal: next.nominal, actual: next.nominal, overlap, manual: true });
        t = next.nominal;
      }
    }
    if (patch.pause) {
      state.paused = true;
      state.notes = patch.pause;
    }
    if (patch.unpause) {
      state.paused = false;
      state.notes = patch.unpause;
      // Actions missed while paused are not caught up.
      rec.processedUpTo = Math.max(rec.processedUpTo, now);
    }
  }

  private runClosed(namespace: string, workflowId: string, status: ClosedStatus, outcome: RunOutcome): void {
    for (const live of this.schedules.values()) {
      if (live.rec.namespace !== namespace || !live.rec.running.some((r) => r.workflowId === workflowId)) continue;
      if (status === 'FAILED' || status === 'TIMED_OUT') live.failedSinceWake = true;
      // Temporal's scheduler: a completion replaces the last result and clears the failure; a failure
      // keeps the last result. Cancelled, terminated and timed-out runs leave both as they were, and a
      // continue-as-new chain reports at its end.
      if (status === 'COMPLETED') {
        live.rec.lastCompletionResult = outcome.result;
        live.rec.continuedFailure = undefined;
      } else if (status === 'FAILED' && outcome.failure) {
        live.rec.continuedFailure = outcome.failure;
      }
      this.toWake.add(live.key);
    }
    if (this.toWake.size === 0 || this.wakeQueued) return;
    // Not inside the closing step: a wake may start, cancel or terminate runs itself.
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      if (this.stopped) return;
      const keys = [...this.toWake];
      this.toWake.clear();
      this.core.step(() => {
        for (const key of keys) {
          const live = this.schedules.get(key);
          if (live) this.wake(live);
        }
      });
      this.core.commit().catch((error) => this.core.logger.error({ err: error }, 'persisting a schedule failed'));
    });
  }

  private refreshRunning(live: LiveSchedule): void {
    live.rec.running = live.rec.running.filter((r) => this.core.isRunning(live.rec.namespace, r.workflowId));
  }

  /** Takes the actions due, runs the buffer, re-arms; inside a step. */
  private wake(live: LiveSchedule): void {
    if (!this.schedules.has(live.key)) return;
    const rec = live.rec;
    const state = (rec.schedule.state ??= {});
    const now = this.core.now();
    this.refreshRunning(live);
    if (live.failedSinceWake) {
      live.failedSinceWake = false;
      if (rec.schedule.policies?.pauseOnFailure && !state.paused) {
        state.paused = true;
        state.notes = 'paused because a workflow it started failed (pauseOnFailure)';
      }
    }
    if (state.paused) {
      rec.processedUpTo = Math.max(rec.processedUpTo, now);
    } else {
      const catchup = catchupOf(rec.schedule);
      for (let i = 0; ; i++) {
        if (state.limitedActions && (state.remainingActions ?? 0) <= 0) break;
        const next = live.spec.next(rec.processedUpTo);
        if (!next || next.actual > now) break;
        if (i >= MAX_ACTIONS_PER_PASS) {
          // More actions came due than one pass looks at (a long outage with a short interval): the rest are missed.
          rec.processedUpTo = now;
          break;
        }
        rec.processedUpTo = next.nominal;
        if (now - next.actual > catchup) {
          rec.missedCatchupWindow++;
          continue;
        }
        // The limit is spent when an action starts (runBuffer), not here: one the overlap policy skips is not taken.
        rec.buffer.push({ nominal: next.nominal, actual: next.actual, overlap: overlapOf(rec.schedule), manual: false });
      }
    }
    // A terminate closes the other run at once; the buffered start then goes in the same wake.
    for (let pass = 0; pass < 3; pass++) {
      if (!this.runBuffer(live)) break;
      this.refreshRunning(live);
    }
    this.arm(live);
    this.core.persist(live.key, rec);
  }

  /** Temporal's ProcessBuffer; returns true when it terminated runs (the buffer can move again). */
  private runBuffer(live: LiveSchedule): boolean {
    const rec = live.rec;
    let running = rec.running.length > 0;
    const keep: BufferedStart[] = [];
    const start: BufferedStart[] = [];
    let cancel = false;
    let terminate = false;
    for (const item of rec.buffer) {
      if (item.overlap === 'SCHEDULE_OVERLAP_POLICY_ALLOW_ALL') {
        start.push(item);
        continue;
      }
      if (!running) {
        start.push(item);
        running = true;
        continue;
      }
      switch (item.overlap) {
        case 'SCHEDULE_OVERLAP_POLICY_SKIP':
          rec.overlapSkipped++;
          break;
        case 'SCHEDULE_OVERLAP_POLICY_BUFFER_ONE':
          if (keep.length === 0) keep.push(item);
          else rec.overlapSkipped++;
          break;
        case 'SCHEDULE_OVERLAP_POLICY_BUFFER_ALL':
          keep.push(item);
          break;
        case 'SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER':
          cancel = true;
          keep.splice(0, keep.length, item);
          break;
        case 'SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER':
          terminate = true;
          keep.splice(0, keep.length, item);
          break;
      }
    }
    const others = [...rec.running];
    rec.buffer = keep;
    const state = rec.schedule.state;
    for (const item of start) {
      // As Temporal: each automated start spends one of the remaining actions; once none remain, the rest are
      // dropped. Manual ones (trigger, backfill) are always allowed and spend nothing.
      if (!item.manual && state?.limitedActions) {
        if ((state.remainingActions ?? 0) <= 0) continue;
        state.remainingActions = (state.remainingActions ?? 0) - 1;
      }
      this.startAction(live, item);
    }
    if (cancel) for (const r of others) this.core.requestCancel(rec.namespace, r.workflowId, `cancelled by schedule ${rec.scheduleId} (CANCEL_OTHER)`);
    if (terminate) for (const r of others) this.core.terminate(rec.namespace, r.workflowId, `terminated by schedule ${rec.scheduleId} (TERMINATE_OTHER)`);
    return terminate && others.length > 0 && keep.length > 0;
  }

  private startAction(live: LiveSchedule, item: BufferedStart): void {
    const rec = live.rec;
    const action = rec.schedule.action?.startWorkflow;
    if (!action) return;
    const workflowId = `${action.workflowId}-${rfc3339Seconds(item.nominal)}`;
    const indexedFields: Record<string, Payload> = {
      ...(action.searchAttributes?.indexedFields ?? {}),
      TemporalScheduledStartTime: jsonPayload('Datetime', new Date(item.nominal).toISOString()),
      TemporalScheduledById: jsonPayload('Keyword', rec.scheduleId),
    };
    try {
      const { runId } = this.core.startWorkflow({
        ...action,
        namespace: rec.namespace,
        workflowId,
        requestId: randomUUID(),
        identity: 'temporal-scheduler',
        searchAttributes: { indexedFields },
        workflowIdReusePolicy: 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE',
        lastCompletionResult: rec.lastCompletionResult,
        continuedFailure: rec.continuedFailure,
      });
      rec.running.push({ workflowId, runId });
      rec.actionCount++;
      rec.recent.push({ nominal: item.nominal, actual: this.core.now(), workflowId, runId });
      if (rec.recent.length > RECENT_ACTIONS_KEPT) rec.recent.splice(0, rec.recent.length - RECENT_ACTIONS_KEPT);
    } catch (error) {
      // Temporal records a failed start and goes on (e.g. the same workflow id started twice within a second).
      this.core.logger.warn({ scheduleId: rec.scheduleId, workflowId, err: (error as Error).message }, 'schedule could not start its workflow');
    }
  }

  private arm(live: LiveSchedule): void {
    live.deadline?.cancel();
    live.deadline = undefined;
    const state = live.rec.schedule.state;
    if (this.stopped || state?.paused || (state?.limitedActions && (state.remainingActions ?? 0) <= 0)) return;
    const next = live.spec.next(live.rec.processedUpTo);
    if (!next) return;
    live.deadline = this.core.addDeadline(next.actual, () => this.wake(live));
  }

  private futureTimes(live: LiveSchedule, n: number): number[] {
    const state = live.rec.schedule.state;
    const limit = state?.limitedActions ? Math.min(n, Math.max(0, state.remainingActions ?? 0)) : n;
    const times: number[] = [];
    let t = live.rec.processedUpTo;
    while (times.length < limit) {
      const next = live.spec.next(t);
      if (!next) break;
      times.push(next.actual);
      t = next.nominal;
    }
    return times;
  }

  /** ListSchedules' query: ScheduleId, WorkflowType, TemporalSchedulePaused and the schedule's custom search attributes. */
  private compileListQuery(namespace: string, query: string | undefined): (live: LiveSchedule) => boolean {
    if (!query?.trim()) return () => true;
    const builtIn: Record<string, ValueType> = { ScheduleId: 'Keyword', WorkflowType: 'Keyword', TemporalSchedulePaused: 'Bool' };
    const typeOf = (name: string): ValueType | undefined =>
      builtIn[name] ?? (this.core.searchAttributeType(namespace, name) as ValueType | undefined);
    let parsed;
    try {
      parsed = parseListQuery(query);
    } catch (error) {
      if (error instanceof QueryError) throw invalidArgument(`invalid query: ${error.message}`);
      throw error;
    }
    for (const { name, at } of fieldsOf(parsed)) {
      if (!typeOf(name)) throw invalidArgument(`invalid query: unknown search attribute ${name} at position ${at}`);
    }
    const where = parsed.filter;
    if (!where) return () => true;
    return (live) => {
      const row: Row = {
        type: (field) => typeOf(field) ?? 'Keyword',
        get: (field): FieldValue => {
          if (field === 'ScheduleId') return live.rec.scheduleId;
          if (field === 'WorkflowType') return live.rec.schedule.action?.startWorkflow?.workflowType?.name;
          if (field === 'TemporalSchedulePaused') return !!live.rec.schedule.state?.paused;
          const payload = live.rec.searchAttributes?.indexedFields?.[field];
          if (!payload?.data) return undefined;
          try {
            const value: unknown = JSON.parse(payload.data.toString('utf8'));
            if (typeOf(field) === 'Datetime') return Date.parse(String(value));
            return Array.isArray(value) ? value.map(String) : (value as string | number | boolean);
          } catch {
            return undefined;
          }
        },
      };
      return evaluate(where, row);
    };
  }
}

function overlapOf(schedule: Schedule): OverlapPolicy {
  const given = schedule.policies?.overlapPolicy;
  return given && OVERLAP_POLICIES.has(given) ? (given as OverlapPolicy) : 'SCHEDULE_OVERLAP_POLICY_SKIP';
}

function catchupOf(schedule: Schedule): number {
  const ms = durationToMs(schedule.policies?.catchupWindow);
  return ms > 0 ? Math.max(ms, MIN_CATCHUP_MS) : DEFAULT_CATCHUP_MS;
}

/** The policies as Temporal's Describe shows them: defaults filled in. */
function withDefaults(schedule: Schedule): Schedule {
  return {
    ...schedule,
    policies: {
      ...schedule.policies,
      overlapPolicy: overlapOf(schedule),
      catchupWindow: msToDuration(catchupOf(schedule)),
    },
    state: { ...schedule.state, remainingActions: schedule.state?.limitedActions ? (schedule.state.remainingActions ?? 0) : undefined },
  };
}

function tokenOf(rec: ScheduleRecord): Buffer {
  return Buffer.from(String(rec.conflictToken));
}

function actionResult(r: RecentAction) {
  return {
    scheduleTime: msToTimestamp(r.nominal),
    actualTime: msToTimestamp(r.actual),
    startWorkflowResult: { workflowId: r.workflowId, runId: r.runId },
  };
}
