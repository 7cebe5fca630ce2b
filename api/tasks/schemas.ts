import { z } from 'zod';
import { ZRoleName } from '../me/routes';
import { zId } from '../http/text';

export const ZTaskStatus = z.enum(['open', 'done', 'cancelled']);

export const TASK_STATUS_LABELS: Record<z.output<typeof ZTaskStatus>, string> = { open: '待办', done: '已办结', cancelled: '已取消' };

export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABELS[status as keyof typeof TASK_STATUS_LABELS] ?? status;
}

const ZBooleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZListTasksQuery = z.object({
  process: zId(50).optional().meta({ description: 'Process name: project, reporting, mediation, grid.' }),
  action: zId(100).optional().meta({ description: 'The action that completes the task, e.g. reviewApplication.' }),
  unitId: zId(200).optional().meta({ description: 'Only tasks on this unit or below it.' }),
  overdue: ZBooleanString.optional().meta({ description: 'true: due date passed; false: not (or no due date).' }),
  status: ZTaskStatus.default('open'),
  assignment: z
    .enum(['all', 'mine', 'claimable'])
    .default('all')
    .meta({ description: 'mine: assigned to the caller; claimable: unassigned, for a role the caller holds.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zId(500).optional().meta({ description: 'nextCursor of the previous page.' }),
});

export const ZTask = z
  .object({
    id: z.string(),
    process: z.string(),
    workflowId: z.string(),
    subjectId: z.string(),
    action: z.string(),
    title: z.string(),
    role: ZRoleName,
    unitId: z.string(),
    unitName: z.string().nullable(),
    unitPath: z.string().nullable(),
    assigneeId: z.string().nullable(),
    claimedAt: z.iso.datetime().nullable(),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    status: ZTaskStatus,
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    /** Unassigned: the caller can claim it. */
    claimable: z.boolean(),
  })
  .meta({ id: 'Task' });

export const ZTaskPage = z
  .object({ items: z.array(ZTask), nextCursor: z.string().nullable() })
  .meta({ id: 'TaskPage', description: 'Sorted by due date (tasks without one last), then id.' });

export const ZTaskIdParams = z.object({ id: zId(100) });

export type TListTasksQuery = z.output<typeof ZListTasksQuery>;
export type TTask = z.input<typeof ZTask>;
