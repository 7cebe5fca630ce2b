// The schedule methods of temporal.api.workflowservice.v1.WorkflowService:
// each runs one engine step on the scheduler and answers once it is durable.
import type { Handler } from '../grpc-server';
import type { Request } from '../wire';
import type { SchedulerCore } from './core';
import type { Scheduler } from './scheduler';

export function scheduleHandlers(scheduler: Scheduler, core: Pick<SchedulerCore, 'step' | 'commit'>): Record<string, Handler> {
  const durable = async <T>(fn: () => T): Promise<T> => {
    const result = core.step(fn);
    await core.commit();
    return result;
  };
  return {
    CreateSchedule: (req: Request<'CreateSchedule'>) => durable(() => scheduler.create(req)),
    DescribeSchedule: (req: Request<'DescribeSchedule'>) => durable(() => scheduler.describe(req)),
    UpdateSchedule: (req: Request<'UpdateSchedule'>) => durable(() => scheduler.update(req)),
    PatchSchedule: (req: Request<'PatchSchedule'>) => durable(() => scheduler.patch(req)),
    DeleteSchedule: (req: Request<'DeleteSchedule'>) => durable(() => scheduler.delete(req)),
    ListSchedules: (req: Request<'ListSchedules'>) => durable(() => scheduler.list(req)),
    ListScheduleMatchingTimes: (req: Request<'ListScheduleMatchingTimes'>) => durable(() => scheduler.matchingTimes(req)),
  };
}
