// Timeout handling per step (INBOX_STEP_TIMEOUTS) through the real BullMQ
// repeatable job, Redis and PostgreSQL: an overdue task's holder is reminded
// once, then the unit above is told once, as virtual time passes; steps not
// configured are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStepTimeouts, timeoutDue } from '../../domain/inbox/timeouts';
import { usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const HOUR = 3_600_000;

describe('timeout rules (pure)', () => {
  const rule = { process: 'project', action: 'verifyMilestone', remindAfterHours: 2, escalateAfterHours: 48 };
  const due = new Date('2026-06-10T00:00:00Z');
  const at = (h: number) => new Date(due.getTime() + h * HOUR);

  it('reminds once after the grace, escalates once after its hours, and never before the due time', () => {
    expect(timeoutDue(rule, { dueAt: due }, new Set(), at(1))).toBeNull();
    expect(timeoutDue(rule, { dueAt: due }, new Set(), at(2))).toBe('remindTask');
    expect(timeoutDue(rule, { dueAt: due }, new Set(['remindTask']), at(10))).toBeNull();
    expect(timeoutDue(rule, { dueAt: due }, new Set(['remindTask']), at(48))).toBe('escalateTask');
    expect(timeoutDue(rule, { dueAt: due }, new Set(['remindTask', 'escalateTask']), at(100))).toBeNull();
    expect(timeoutDue({ ...rule, escalateAfterHours: null }, { dueAt: due }, new Set(['remindTask']), at(1000))).toBeNull();
    expect(timeoutDue(rule, { dueAt: null }, new Set(), at(1000))).toBeNull();
  });

  it('reads INBOX_STEP_TIMEOUTS and names the item it cannot read', () => {
    expect(parseStepTimeouts('project.verifyMilestone:0/48, grid.handleIncident:4/-')).toEqual([
      { process: 'project', action: 'verifyMilestone', remindAfterHours: 0, escalateAfterHours: 48, autoDecideAfterHours: null },
      { process: 'grid', action: 'handleIncident', remindAfterHours: 4, escalateAfterHours: null, autoDecideAfterHours: null },
    ]);
    expect(parseStepTimeouts('')).toEqual([]);
    expect(() => parseStepTimeouts('project.verify:soon')).toThrow(/project\.verify:soon/);
  });
});

describe('the sweep job', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { INBOX_STEP_TIMEOUTS: 'inboxsweep.reviewApplication:1/24', INBOX_SWEEP_SECONDS: '1' } });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('reminds the street office of an overdue review, then tells the district, each once', async () => {
    const officer = await p.prisma.person.findUniqueOrThrow({ where: { username: usernameFor('street_office', 'qindu-renmin') } });
    const district = await p.prisma.person.findUniqueOrThrow({ where: { username: usernameFor('district_org', 'qindu') } });
    const key = uniqueSuffix();
    const base = { process: 'inboxsweep', workflowId: `wf-sweep-${key}`, subjectId: `s-${key}`, role: 'street_office' as const, unitId: 'qindu-renmin' };
    const task = await p.prisma.humanTask.create({ data: { ...base, key: 'review', action: 'reviewApplication', title: `审核申报 ${key}`, dueAt: new Date(p.now().getTime() - 2 * HOUR) } });
    // Another step of the same process, not configured: never touched.
    const other = await p.prisma.humanTask.create({ data: { ...base, key: 'other', action: 'verifyMilestone', title: `验收 ${key}`, dueAt: new Date(p.now().getTime() - 100 * HOUR) } });

    const reminded = await p.waitFor(() => p.outbox.find((m) => m.kind === 'task.overdue' && m.title.includes(key)) ?? false);
    expect(reminded).toMatchObject({ recipient: expect.objectContaining({ id: officer.id }), title: `【超期催办】审核申报 ${key}` });
    // Other files of the run may add street officers to the unit: each holder hears once.
    const heardBy = (id: string) => p.outbox.filter((m) => m.title.includes(key) && m.recipient.id === id).map((m) => m.kind);
    await new Promise((r) => setTimeout(r, 2500));
    expect(heardBy(officer.id)).toEqual(['task.overdue']);

    await p.advanceTime(24 * HOUR);
    const escalated = await p.waitFor(() => p.outbox.find((m) => m.kind === 'task.escalated' && m.title.includes(key)) ?? false);
    expect(escalated).toMatchObject({ recipient: expect.objectContaining({ id: district.id }) });
    await new Promise((r) => setTimeout(r, 2500));
    expect(heardBy(officer.id)).toEqual(['task.overdue']);
    expect(heardBy(district.id)).toEqual(['task.escalated']);
    expect((await p.prisma.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { at: 'asc' } })).map((e) => [e.action, e.actorName])).toEqual([
      ['remindTask', '系统'],
      ['escalateTask', '系统'],
    ]);
    expect(await p.prisma.taskEvent.count({ where: { taskId: other.id } })).toBe(0);
    expect(await p.prisma.auditLog.count({ where: { subjectId: task.id, action: { in: ['task.remindTask', 'task.escalateTask'] } } })).toBe(2);
  });
});
