// An incident: a process step whose data the database refused. The process
// keeps serving other actions; an `admin` of the district finds the incident
// in the inbox. Its title holds only ids and fixed text, never the refused
// data, so opening it cannot fail for the same reason.
import { Context } from '@temporalio/activity';
import { humanTaskRow } from './inbox';
import type { ActivityDeps } from './deps';
import { callerWorkflowId } from './workflow-id';

export interface OpenIncidentInput {
  workflowId?: string;
  /** "project", "reporting" or "mediation". */
  process: string;
  subjectId: string;
  /** Any unit of the subject; the incident goes to the admins of its district (the root of its path). */
  unitId: string;
  /** Unique per occurrence within the workflow (e.g. the version the step tried to save). */
  key: string;
  /** What the process was doing, fixed text. */
  step: string;
  /** Why it failed (from the activity failure), for the log and the incident. */
  reason: string;
}

export const PROCESS_LABELS: Record<string, string> = { project: '党建项目', reporting: '双向述职', mediation: '调解案件', grid: '网格事件' };

export function createIncidentActivities({ prisma, clock }: ActivityDeps) {
  return {
    /** Opens (or finds) the admin's incident task; returns its id. */
    async openIncident(input: OpenIncidentInput): Promise<string> {
      const workflowId = callerWorkflowId(input.workflowId);
      const unit = await prisma.unit.findUnique({ where: { id: input.unitId }, select: { path: true } });
      const rootId = unit?.path.split('/').find(Boolean) ?? input.unitId;
      const label = PROCESS_LABELS[input.process] ?? input.process;
      const title = `【系统故障】${label} ${input.subjectId}:${input.step}时数据库拒绝写入(${input.reason.slice(0, 80)}),请核查数据`;
      try {
        Context.current().log.error('incident opened: a process step was refused by the database', { workflowId, ...input });
      } catch {
        // not inside an activity
      }
      const task = await prisma.humanTask.upsert({
        where: { workflowId_key: { workflowId, key: `incident-${input.key}` } },
        create: humanTaskRow({ workflowId, process: input.process, subjectId: input.subjectId, key: `incident-${input.key}`, action: 'incident', title, role: 'admin', unitId: rootId }, clock.now()),
        update: {},
        select: { id: true },
      });
      return task.id;
    },
  };
}
