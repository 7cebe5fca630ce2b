// CLOCK=virtual (issue 11): the engine's clock is the platform's one clock,
// and an administrator moves it to show a process through — a 公示 period
// ending, a round's reminder firing. Every advance is audited.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import type { ClockState } from '../../temporal/engine-clock';
import type { VirtualClockControl } from '../deps';
import { ZWorkflowSubject } from './schemas';
import { workflowSubjects } from './workflow-subjects';

export const ZClockState = z
  .object({
    mode: z.enum(['wall', 'virtual']).describe('wall = real time; virtual = the engine\'s clock, advanced by an admin'),
    now: z.string().describe('the platform\'s current time (ISO 8601)'),
    nextDeadline: z.string().nullable().describe('virtual only: the earliest pending timer or deadline of any open process'),
    nextDeadlineProcess: z
      .object({ workflowId: z.string(), workflowType: z.string(), subject: ZWorkflowSubject.nullable() })
      .nullable()
      .describe('virtual only: the process that deadline belongs to, with the record it runs (what moving the clock will make happen next)'),
  })
  .meta({ id: 'ClockState' });
export type TClockState = z.infer<typeof ZClockState>;

const HOUR_MS = 3600_000;

export const ZAdvanceClock = z
  .object({
    days: z.number().int().min(0).max(366).optional(),
    hours: z.number().int().min(0).max(24 * 366).optional(),
    to: z.enum(['next-deadline']).optional().describe('instead of days/hours: to the earliest pending deadline'),
  })
  .refine((b) => (b.to !== undefined) !== ((b.days ?? 0) + (b.hours ?? 0) > 0), { message: '需要 days/hours（大于 0）或 to: "next-deadline"，二者选一' })
  .meta({ id: 'AdvanceClock' });
export type TAdvanceClock = z.infer<typeof ZAdvanceClock>;

export async function presentClock(prisma: PrismaClient, state: ClockState): Promise<TClockState> {
  const run = state.nextDeadlineRun;
  const subject = run ? ((await workflowSubjects(prisma, [run])).get(run.workflowId) ?? null) : null;
  return {
    mode: 'virtual',
    now: new Date(state.nowMs).toISOString(),
    nextDeadline: state.nextDeadlineMs === null ? null : new Date(state.nextDeadlineMs).toISOString(),
    nextDeadlineProcess: run ? { ...run, subject } : null,
  };
}

export interface GetClockOptions {
  prisma: PrismaClient;
  virtualClock: VirtualClockControl | undefined;
  now: Date;
}

export async function getClock({ prisma, virtualClock, now }: GetClockOptions): Promise<TClockState> {
  if (!virtualClock) return { mode: 'wall', now: now.toISOString(), nextDeadline: null, nextDeadlineProcess: null };
  return presentClock(prisma, await virtualClock.state());
}

export interface AdvanceClockOptions {
  prisma: PrismaClient;
  virtualClock: VirtualClockControl | undefined;
  actor: Actor;
  advance: TAdvanceClock;
  requestId?: string;
}

/** Advances the engine's clock and answers once the work it caused has been processed. */
export async function advanceClock({ prisma, virtualClock, actor, advance, requestId }: AdvanceClockOptions): Promise<TClockState> {
  if (!virtualClock) throw new AppError('CONFLICT', '平台运行在真实时间（CLOCK=wall），不能快进；演示模式请用 CLOCK=virtual 或 npm start -- --demo 启动');
  const before = await virtualClock.state();
  const after = await virtualClock.advance(advance.to === 'next-deadline' ? { toNextDeadline: true } : { ms: ((advance.days ?? 0) * 24 + (advance.hours ?? 0)) * HOUR_MS });
  await prisma.auditLog.create({
    data: {
      actorId: actor.personId,
      action: 'advanceClock',
      subjectType: 'clock',
      subjectId: 'engine',
      requestId,
      data: { request: advance, from: new Date(before.nowMs).toISOString(), to: new Date(after.nowMs).toISOString() },
    },
  });
  return presentClock(prisma, after);
}
