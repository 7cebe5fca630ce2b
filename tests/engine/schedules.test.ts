// Issue 10, point 4: schedules, driven through the real SDK's
// `client.schedule.*` (and the raw WorkflowService for matching times),
// firing on the engine's virtual clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import { startHarness, uid, type EngineHarness } from './harness';
import { spawnEngine } from './cli-process';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Workflows a schedule started, oldest first, through visibility. */
async function startedBy(scheduleId: string): Promise<Array<{ workflowId: string; startTime: number; scheduledFor: number; status: string }>> {
  const rows: Array<{ workflowId: string; startTime: number; scheduledFor: number; status: string }> = [];
  for await (const wf of h.client.workflow.list({ query: `TemporalScheduledById = '${scheduleId}'` })) {
    const scheduledFor = wf.searchAttributes.TemporalScheduledStartTime?.[0] as Date;
    rows.push({ workflowId: wf.workflowId, startTime: wf.startTime.getTime(), scheduledFor: scheduledFor.getTime(), status: wf.status.name });
  }
  return rows.sort((a, b) => a.scheduledFor - b.scheduledFor);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const giveUp = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the run of a schedule's latest action to end, and checks what it returned. */
async function ranToEnd(d: ScheduleDescription, result: string): Promise<void> {
  const last = d.info.recentActions.at(-1)!.action.workflow.workflowId;
  expect(await h.client.workflow.getHandle(last).result()).toBe(result);
}

/** The next `hour`:`minute` in Asia/Shanghai (UTC+8, no DST) at least two days after `from`, epoch ms. */
function shanghaiTimeAfter(from: number, hour: number, minute: number): { at: number; year: number; month: number; day: number } {
  const local = new Date(from + 8 * HOUR + 2 * DAY);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  return { at: Date.UTC(year, month - 1, day, hour, minute) - 8 * HOUR, year, month, day };
}

describe('schedules (10.4)', () => {
  it('fires at a calendar time in Asia/Shanghai when time skips to it', async () => {
    const taskQueue = uid('sched-tz');
    const scheduleId = uid('shanghai');
    const target = shanghaiTimeAfter(h.engine.now(), 9, 30);
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { calendars: [{ year: target.year, month: monthName(target.month), dayOfMonth: target.day, hour: 9, minute: 30 }], timezone: 'Asia/Shanghai' },
        action: { type: 'startWorkflow', workflowType: 'greet', args: ['schedule'], taskQueue, workflowId: `${scheduleId}-wf` },
      });
      const before = await handle.describe();
      expect(before.info.nextActionTimes.map((d) => d.getTime())).toEqual([target.at]);
      expect(before.info.numActionsTaken).toBe(0);

      // Nothing else is due: with skipping unlocked the clock jumps straight to 09:30 Shanghai time.
      h.engine.unlockTimeSkipping();
      try {
        await until(() => handle.describe(), (d) => d.info.recentActions.length === 1, 'the scheduled action');
      } finally {
        h.engine.lockTimeSkipping();
      }
      const after = await handle.describe();
      expect(after.info.numActionsTaken).toBe(1);
      expect(after.info.recentActions[0]!.scheduledAt.getTime()).toBe(target.at);
      expect(after.info.nextActionTimes).toEqual([]);
      const runs = await startedBy(scheduleId);
      expect(runs).toHaveLength(1);
      // 09:30 in Shanghai is 01:30 UTC: the workflow id carries the nominal time, as Temporal's does.
      expect(runs[0]!.workflowId).toBe(`${scheduleId}-wf-${new Date(target.at).toISOString().replace('.000Z', 'Z')}`);
      expect(runs[0]!.workflowId).toMatch(/T01:30:00Z$/);
      // The clock jumped to exactly 09:30; the start is recorded a wall-clock instant later.
      expect(runs[0]!.startTime - target.at).toBeGreaterThanOrEqual(0);
      expect(runs[0]!.startTime - target.at).toBeLessThan(1000);
      expect(await h.client.workflow.getHandle(runs[0]!.workflowId).result()).toBe('hello, schedule');
      await handle.delete();
    });
  });

  it('backfills a past range, even while paused, one workflow per matching time', async () => {
    const taskQueue = uid('sched-backfill');
    const scheduleId = uid('backfill');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'greet', args: ['backfill'], taskQueue },
        state: { paused: true, note: 'only backfills' },
      });
      const now = h.engine.now();
      const hour = Math.floor(now / HOUR) * HOUR;
      await handle.backfill({ start: new Date(hour - 3 * HOUR - HOUR / 2), end: new Date(hour - HOUR / 2), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
      const expected = [hour - 3 * HOUR, hour - 2 * HOUR, hour - HOUR];
      const runs = await until(() => startedBy(scheduleId), (r) => r.length === 3 && r.every((x) => x.status === 'COMPLETED'), 'three backfilled runs');
      expect(runs.map((r) => r.scheduledFor)).toEqual(expected);
      const described = await handle.describe();
      expect(described.state.paused).toBe(true);
      expect(described.info.numActionsTaken).toBe(3);
      expect(described.info.recentActions.map((a) => a.scheduledAt.getTime())).toEqual(expected);
      // Paused: the interval's own actions do not happen.
      await h.engine.advanceTime(2 * HOUR);
      expect((await handle.describe()).info.numActionsTaken).toBe(3);
      await handle.delete();
    });
  });

  it('pauses, triggers while paused, unpauses; describe shows recent and future actions', async () => {
    const taskQueue = uid('sched-pause');
    const scheduleId = uid('pause');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'greet', args: ['pause'], taskQueue },
        memo: { owner: '街道办' },
      });
      const created = await handle.describe();
      const firstNext = created.info.nextActionTimes[0]!.getTime();
      expect(created.info.nextActionTimes).toHaveLength(10);
      expect(created.info.nextActionTimes.map((d) => d.getTime() - firstNext)).toEqual([...Array(10).keys()].map((i) => i * HOUR));
      expect(firstNext % HOUR).toBe(0);
      expect(created.memo).toEqual({ owner: '街道办' });

      // Each action's run is awaited before the next is due: the default overlap policy is SKIP, so an action
      // whose predecessor still runs (on a loaded machine, a worker may not have polled yet) is rightly skipped.
      await h.engine.advanceTime(HOUR);
      await ranToEnd(await until(() => handle.describe(), (d) => d.info.numActionsTaken === 1, 'the first hourly action'), 'hello, pause');

      await handle.pause('节假日暂停');
      const paused = await handle.describe();
      expect(paused.state.paused).toBe(true);
      expect(paused.state.note).toBe('节假日暂停');
      await h.engine.advanceTime(3 * HOUR);
      expect((await handle.describe()).info.numActionsTaken).toBe(1);

      await handle.trigger();
      await ranToEnd(await until(() => handle.describe(), (d) => d.info.numActionsTaken === 2, 'the triggered action'), 'hello, pause');

      await handle.unpause('恢复');
      await h.engine.advanceTime(HOUR);
      const resumed = await until(() => handle.describe(), (d) => d.info.numActionsTaken === 3, 'the action after unpause');
      expect(resumed.state.paused).toBe(false);
      // The three paused hours were not caught up afterwards.
      expect(resumed.info.recentActions).toHaveLength(3);
      const recent = resumed.info.recentActions.map((a) => a.scheduledAt.getTime());
      expect(recent[0]).toBe(firstNext);
      expect(recent[2]! % HOUR).toBe(0);
      expect(resumed.info.nextActionTimes[0]!.getTime()).toBe(recent[2]! + HOUR);
      await handle.delete();
    });
  });

  it('SKIP overlap: no second workflow while the first runs; the next one starts once it has ended; a skipped action is not spent', async () => {
    const taskQueue = uid('sched-skip');
    const scheduleId = uid('skip');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'waitForever', taskQueue },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
        state: { remainingActions: 3 },
      });
      await h.engine.advanceTime(HOUR);
      await h.engine.advanceTime(2 * HOUR);
      const d = await handle.describe();
      expect(d.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(d.info.numActionsTaken).toBe(1);
      expect(d.info.numActionsSkippedOverlap).toBe(2);
      // Temporal spends the limit on actions taken, not on the ones the overlap policy skipped.
      expect(d.state.remainingActions).toBe(2);
      expect(d.info.runningActions).toHaveLength(1);
      const running = d.info.runningActions[0]!.workflow.workflowId;
      expect((await startedBy(scheduleId)).map((r) => r.status)).toEqual(['RUNNING']);

      await h.client.workflow.getHandle(running).terminate('done waiting');
      await h.engine.advanceTime(HOUR);
      const later = await handle.describe();
      expect(later.info.numActionsTaken).toBe(2);
      expect(later.state.remainingActions).toBe(1);
      expect(later.info.runningActions).toHaveLength(1);
      expect(later.info.runningActions[0]!.workflow.workflowId).not.toBe(running);
      expect((await startedBy(scheduleId)).map((r) => r.status)).toEqual(['TERMINATED', 'RUNNING']);
      await h.client.workflow.getHandle(later.info.runningActions[0]!.workflow.workflowId).terminate();
      await handle.delete();
    });
  });

  it('BUFFER_ONE starts one buffered action when the running one ends; TERMINATE_OTHER replaces it', async () => {
    const taskQueue = uid('sched-buffer');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const buffered = await h.client.schedule.create({
        scheduleId: uid('buffer-one'),
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'waitForever', taskQueue },
        policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE },
      });
      await h.engine.advanceTime(3 * HOUR);
      const d = await buffered.describe();
      expect(d.info.numActionsTaken).toBe(1);
      expect(d.info.numActionsSkippedOverlap).toBe(1);
      expect(d.raw.info?.bufferSize?.toNumber()).toBe(1);
      await h.client.workflow.getHandle(d.info.runningActions[0]!.workflow.workflowId).terminate();
      const after = await until(() => buffered.describe(), (x) => x.info.numActionsTaken === 2, 'the buffered action');
      expect(after.raw.info?.bufferSize?.toNumber() ?? 0).toBe(0);
      await h.client.workflow.getHandle(after.info.runningActions[0]!.workflow.workflowId).terminate();
      await buffered.delete();

      const replacing = await h.client.schedule.create({
        scheduleId: uid('terminate-other'),
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'waitForever', taskQueue },
        policies: { overlap: ScheduleOverlapPolicy.TERMINATE_OTHER },
      });
      await h.engine.advanceTime(HOUR);
      const first = (await replacing.describe()).info.runningActions[0]!.workflow.workflowId;
      await h.engine.advanceTime(HOUR);
      const r = await replacing.describe();
      expect(r.info.numActionsTaken).toBe(2);
      expect(r.info.runningActions).toHaveLength(1);
      expect(r.info.runningActions[0]!.workflow.workflowId).not.toBe(first);
      expect((await h.client.workflow.getHandle(first).describe()).status.name).toBe('TERMINATED');
      await h.client.workflow.getHandle(r.info.runningActions[0]!.workflow.workflowId).terminate();
      await replacing.delete();
    });
  });

  it('stops after its remaining actions; keeps its memo and search attributes; an update applies from now', async () => {
    const taskQueue = uid('sched-limit');
    const scheduleId = uid('limited');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'greet', args: ['limited'], taskQueue },
        state: { remainingActions: 2 },
        memo: { 用途: '月度巡查' },
        searchAttributes: { CustomKeywordField: ['巡查'] },
      });
      const created = await handle.describe();
      expect(created.state.remainingActions).toBe(2);
      expect(created.info.nextActionTimes).toHaveLength(2);
      // Each run is awaited before the next action is due: under the default SKIP policy an action whose
      // predecessor still runs (a worker that has not polled yet on a loaded machine) is skipped, and a
      // skipped action still counts against the limit, as in Temporal.
      await h.engine.advanceTime(HOUR);
      await ranToEnd(await until(() => handle.describe(), (d) => d.info.numActionsTaken === 1, 'the first action'), 'hello, limited');
      await h.engine.advanceTime(HOUR);
      await ranToEnd(await until(() => handle.describe(), (d) => d.info.numActionsTaken === 2, 'the second action'), 'hello, limited');
      await h.engine.advanceTime(2 * HOUR);
      const spent = await handle.describe();
      expect(spent.info.numActionsTaken).toBe(2);
      expect(spent.state.remainingActions).toBe(0);
      expect(spent.info.nextActionTimes).toEqual([]);
      expect(spent.memo).toEqual({ 用途: '月度巡查' });
      expect(spent.searchAttributes.CustomKeywordField).toEqual(['巡查']);
      const found = [];
      for await (const s of h.client.schedule.list({ query: `CustomKeywordField = '巡查' AND ScheduleId = '${scheduleId}'` })) found.push(s.scheduleId);
      expect(found).toEqual([scheduleId]);

      // A new spec counts from the update on: a daily action, the next one a day (not an hour) away.
      await handle.update((prev) => ({ ...prev, spec: { intervals: [{ every: DAY }] }, state: { ...prev.state, remainingActions: 1 } }));
      const updated = await handle.describe();
      expect(updated.info.nextActionTimes).toHaveLength(1);
      expect(updated.info.nextActionTimes[0]!.getTime() % DAY).toBe(0);
      expect(updated.info.lastUpdatedAt).toBeInstanceOf(Date);
      await h.engine.advanceTime(DAY);
      expect((await until(() => handle.describe(), (d) => d.info.numActionsTaken === 3, 'the daily action')).state.remainingActions).toBe(0);
      await handle.delete();
    });
  });

  it('passes the last completion result and the last failure to the next run; an update replaces the memo', async () => {
    const taskQueue = uid('sched-last');
    const scheduleId = uid('last-result');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        // The second run fails: the third sees the first one's result and the second one's failure.
        action: { type: 'startWorkflow', workflowType: 'scheduledCounter', args: [[2]], taskQueue },
        policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
        memo: { 用途: '旧' },
      });
      for (let n = 1; n <= 4; n++) {
        await h.engine.advanceTime(HOUR);
        await until(() => startedBy(scheduleId), (r) => r.length === n && r.every((x) => x.status !== 'RUNNING'), `run ${n} closed`);
      }
      const runs = await startedBy(scheduleId);
      expect(runs.map((r) => r.status)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED', 'COMPLETED']);
      const results = await Promise.all(
        [runs[0]!, runs[2]!, runs[3]!].map((r) => h.client.workflow.getHandle(r.workflowId).result() as Promise<{ count: number; lastFailure: string | null }>),
      );
      // A completion clears the carried failure (Temporal's scheduler does the same).
      expect(results).toEqual([
        { count: 1, lastFailure: null },
        { count: 2, lastFailure: 'run 2 failed' },
        { count: 3, lastFailure: null },
      ]);

      // The SDK's update() sends no memo; the raw request replaces it, and an empty memo clears it.
      const described = await handle.describe();
      const raw = described.raw.schedule!;
      const encode = (value: unknown) => ({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) });
      await h.client.workflowService.updateSchedule({ namespace: 'default', scheduleId, schedule: raw, memo: { fields: { 用途: encode('新'), 负责人: encode('张三') } } });
      expect((await handle.describe()).memo).toEqual({ 用途: '新', 负责人: '张三' });
      await h.client.workflowService.updateSchedule({ namespace: 'default', scheduleId, schedule: raw });
      expect((await handle.describe()).memo).toEqual({ 用途: '新', 负责人: '张三' });
      await h.client.workflowService.updateSchedule({ namespace: 'default', scheduleId, schedule: raw, memo: { fields: {} } });
      expect((await handle.describe()).memo ?? {}).toEqual({});
      await handle.delete();
    });
  });

  it('ListScheduleMatchingTimes: a cron string in Asia/Shanghai, shown back as a calendar', async () => {
    const scheduleId = uid('cron');
    const handle = await h.client.schedule.create({
      scheduleId,
      spec: { cronExpressions: ['0 9 * * MON-FRI'], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'greet', args: ['cron'], taskQueue: uid('unused') },
      state: { paused: true },
    });
    // Monday 2027-03-01 00:00 Shanghai to the Monday after.
    const start = Date.UTC(2027, 2, 1) - 8 * HOUR;
    const response = await (h.client.workflowService.listScheduleMatchingTimes({
      namespace: 'default',
      scheduleId,
      startTime: { seconds: Long.fromNumber(start / 1000) },
      endTime: { seconds: Long.fromNumber((start + 7 * DAY) / 1000) },
    }) as Promise<temporal.api.workflowservice.v1.IListScheduleMatchingTimesResponse>);
    const times = (response.startTime ?? []).map((t) => new Date(Number(t.seconds) * 1000).toISOString());
    expect(times).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((d) => `${d}T01:00:00.000Z`));
    const d = await handle.describe();
    // Temporal shows cron strings as the structured calendars they stand for.
    expect(d.spec.calendars).toHaveLength(1);
    expect(d.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 9, end: 9, step: 1 }], dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY', step: 1 }] });
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    await handle.delete();
  });

  it('lists schedules, refuses a bad spec, and forgets a deleted schedule', async () => {
    const scheduleId = uid('listed');
    const handle = await h.client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: DAY }] },
      action: { type: 'startWorkflow', workflowType: 'greet', args: ['x'], taskQueue: uid('unused') },
      state: { paused: true, note: '待审批' },
    });
    const listed = [];
    for await (const s of h.client.schedule.list()) listed.push(s);
    const mine = listed.find((s) => s.scheduleId === scheduleId);
    expect(mine?.state.paused).toBe(true);
    expect(mine?.action?.workflowType).toBe('greet');
    const paused = [];
    for await (const s of h.client.schedule.list({ query: `ScheduleId = '${scheduleId}' AND TemporalSchedulePaused = true` })) paused.push(s.scheduleId);
    expect(paused).toEqual([scheduleId]);

    await expect(
      h.client.schedule.create({
        scheduleId: uid('bad'),
        spec: { cronExpressions: ['0 25 * * *'] },
        action: { type: 'startWorkflow', workflowType: 'greet', taskQueue: 'q' },
      }),
    ).rejects.toThrow(/minute|hour/);
    await expect(
      h.client.schedule.create({ scheduleId, spec: { intervals: [{ every: DAY }] }, action: { type: 'startWorkflow', workflowType: 'greet', taskQueue: 'q' } }),
    ).rejects.toThrow(/already/i);

    await handle.delete();
    await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    const after = [];
    for await (const s of h.client.schedule.list()) after.push(s.scheduleId);
    expect(after).not.toContain(scheduleId);
  });
});

describe('schedules are durable (10.4)', () => {
  it('keeps a schedule and its actions across kill -9', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'engine-sched-'));
    const args = ['--port', '0', '--data-dir', dataDir];
    let server = await spawnEngine(args);
    try {
      let connection = await Connection.connect({ address: server.address });
      let client = new Client({ connection });
      const scheduleId = uid('durable');
      const handle = await client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: HOUR }] },
        action: { type: 'startWorkflow', workflowType: 'greet', args: ['d'], taskQueue: 'nobody-polls' },
        policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
      });
      await handle.trigger();
      await handle.pause('kill -9 coming');
      const before = await handle.describe();
      expect(before.info.numActionsTaken).toBe(1);
      await connection.close();
      server.child.kill('SIGKILL');
      await server.exited;

      server = await spawnEngine(args);
      connection = await Connection.connect({ address: server.address });
      client = new Client({ connection });
      const after = await client.schedule.getHandle(scheduleId).describe();
      expect(after.state.paused).toBe(true);
      expect(after.state.note).toBe('kill -9 coming');
      expect(after.info.numActionsTaken).toBe(1);
      expect(after.info.recentActions.map((a) => a.action.workflow.workflowId)).toEqual(before.info.recentActions.map((a) => a.action.workflow.workflowId));
      expect(after.info.runningActions).toHaveLength(1);
      await client.schedule.getHandle(scheduleId).delete();
      await connection.close();
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function monthName(month: number) {
  return (['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const)[month - 1]!;
}
