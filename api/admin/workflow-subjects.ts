// What a workflow is about, for the operator: an id such as
// "mediation-2acc5f3e-…" tells an administrator nothing, while the call that
// brings them to 流程运维 names a case ("广场舞音响噪声扰民 is stuck"). Each
// process keeps its read model keyed by workflow id, so a page of workflows
// is named by one query per process on it, and a name typed in the search
// box becomes a WorkflowId IN (…) clause of the visibility query. The engine
// stays the one home of the workflows' state: this only joins names to ids.
import { GRID_WORKFLOW_TYPE } from '../../workflows/grid-shared';
import { MEDIATION_WORKFLOW_TYPE } from '../../workflows/mediation-shared';
import { PROJECT_WORKFLOW_TYPE } from '../../workflows/project-shared';
import type { PrismaClient } from '../../prisma/generated/client';
import { containsText } from '../http/like';

export type SubjectKind = 'project' | 'mediation' | 'grid' | 'report' | 'cycle' | 'schedule';

export interface WorkflowSubject {
  kind: SubjectKind;
  /** The business record's name: a project's or case's title, "芙蓉社区 2027 年度述职". */
  title: string;
  /** The number people quote (案件编号, 事件编号), when the process has one. */
  number: string | null;
  unitName: string | null;
  /** The console page of the record, when it has one. */
  path: string | null;
}

/** Most business records a name search turns into workflow ids (newest first); the clause stays a few KB. */
export const SUBJECT_MATCH_LIMIT = 200;

interface Named {
  workflowId: string;
  kind: SubjectKind;
  title: string;
  number: string | null;
  unitId: string;
  path: string | null;
}

/** The records of the given workflows, each process's read model read once (only those present). */
async function namedRecords(prisma: PrismaClient, executions: ReadonlyArray<{ workflowId: string; workflowType: string }>): Promise<Named[]> {
  const idsOf = (...types: string[]) => executions.filter((e) => types.includes(e.workflowType)).map((e) => e.workflowId);
  const [projects, cases, incidents, reporting] = [idsOf(PROJECT_WORKFLOW_TYPE), idsOf(MEDIATION_WORKFLOW_TYPE), idsOf(GRID_WORKFLOW_TYPE), idsOf('reportingCommunity', 'reportingCycle', 'reportingYearly')];
  const none = Promise.resolve([]);
  const [p, m, g, reports, cycles, schedules] = await Promise.all([
    projects.length ? prisma.project.findMany({ where: { workflowId: { in: projects } }, select: { id: true, workflowId: true, title: true, communityId: true } }) : none,
    cases.length ? prisma.mediationCase.findMany({ where: { workflowId: { in: cases } }, select: { id: true, workflowId: true, title: true, caseNo: true, placeUnitId: true } }) : none,
    incidents.length ? prisma.gridIncident.findMany({ where: { workflowId: { in: incidents } }, select: { id: true, workflowId: true, title: true, incidentNo: true, placeUnitId: true } }) : none,
    reporting.length ? prisma.reportingReport.findMany({ where: { id: { in: reporting } }, select: { id: true, communityId: true, year: true } }) : none,
    reporting.length ? prisma.reportingCycle.findMany({ where: { id: { in: reporting } }, select: { id: true, unitId: true, year: true } }) : none,
    reporting.length ? prisma.reportingSchedule.findMany({ where: { workflowId: { in: reporting } }, select: { workflowId: true, unitId: true } }) : none,
  ]);
  return [
    ...p.map((r) => ({ workflowId: r.workflowId, kind: 'project' as const, title: r.title, number: null, unitId: r.communityId, path: `/projects/${r.id}` })),
    ...m.map((r) => ({ workflowId: r.workflowId, kind: 'mediation' as const, title: r.title, number: r.caseNo, unitId: r.placeUnitId, path: `/mediation/${r.id}` })),
    ...g.map((r) => ({ workflowId: r.workflowId, kind: 'grid' as const, title: r.title, number: r.incidentNo, unitId: r.placeUnitId, path: `/grid/${r.id}` })),
    ...reports.map((r) => ({ workflowId: r.id, kind: 'report' as const, title: `${r.year} 年度述职`, number: null, unitId: r.communityId, path: `/reporting/${r.id}` })),
    ...cycles.map((r) => ({ workflowId: r.id, kind: 'cycle' as const, title: `${r.year} 年度双向述职`, number: null, unitId: r.unitId, path: '/reporting' })),
    ...schedules.map((r) => ({ workflowId: r.workflowId, kind: 'schedule' as const, title: '每年双向述职排程', number: null, unitId: r.unitId, path: null })),
  ];
}

/**
 * The subject of each workflow that has one, by workflow id. A workflow with
 * no record (a test's, or one whose start failed before its record was
 * written) has none: the page shows its id alone.
 */
export async function workflowSubjects(prisma: PrismaClient, executions: ReadonlyArray<{ workflowId: string; workflowType: string }>): Promise<Map<string, WorkflowSubject>> {
  const records = await namedRecords(prisma, executions);
  const unitIds = [...new Set(records.map((r) => r.unitId))];
  const units = unitIds.length ? await prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const subjects = new Map<string, WorkflowSubject>();
  for (const r of records) {
    const name = unitName.get(r.unitId) ?? null;
    // A report or cycle is named by its unit: "芙蓉社区 2027 年度述职".
    const title = r.kind === 'report' || r.kind === 'cycle' || r.kind === 'schedule' ? `${name ?? r.unitId} ${r.title}` : r.title;
    subjects.set(r.workflowId, { kind: r.kind, title, number: r.number, unitName: name, path: r.path });
  }
  return subjects;
}

/**
 * Workflow ids of the business records whose title or number contains
 * `text` (case-insensitive), or whose unit's name does for the yearly
 * reports: newest first, at most SUBJECT_MATCH_LIMIT.
 */
export async function workflowIdsNamed(prisma: PrismaClient, text: string): Promise<string[]> {
  const contains = containsText(text);
  const take = SUBJECT_MATCH_LIMIT;
  const units = await prisma.unit.findMany({ where: { name: contains }, select: { id: true }, take });
  const unitIds = units.map((u) => u.id);
  const [p, m, g, reports, cycles] = await Promise.all([
    prisma.project.findMany({ where: { title: contains }, select: { workflowId: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take }),
    prisma.mediationCase.findMany({ where: { OR: [{ title: contains }, { caseNo: contains }] }, select: { workflowId: true, registeredAt: true }, orderBy: { registeredAt: 'desc' }, take }),
    prisma.gridIncident.findMany({ where: { OR: [{ title: contains }, { incidentNo: contains }] }, select: { workflowId: true, reportedAt: true }, orderBy: { reportedAt: 'desc' }, take }),
    unitIds.length ? prisma.reportingReport.findMany({ where: { communityId: { in: unitIds } }, select: { id: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take }) : Promise.resolve([]),
    unitIds.length ? prisma.reportingCycle.findMany({ where: { unitId: { in: unitIds } }, select: { id: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take }) : Promise.resolve([]),
  ]);
  return [
    ...p.map((r) => ({ id: r.workflowId, at: r.createdAt })),
    ...m.map((r) => ({ id: r.workflowId, at: r.registeredAt })),
    ...g.map((r) => ({ id: r.workflowId, at: r.reportedAt })),
    ...reports.map((r) => ({ id: r.id, at: r.createdAt })),
    ...cycles.map((r) => ({ id: r.id, at: r.createdAt })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, take)
    .map((r) => r.id);
}

/**
 * `WorkflowId IN (…)` joined to an operator's query with AND; an ORDER BY
 * at the query's end stays at the end. Ids are the platform's own (letters,
 * digits, dashes), quoted all the same.
 */
export function restrictToWorkflowIds(query: string, workflowIds: readonly string[]): string {
  const clause = `WorkflowId IN (${workflowIds.map((id) => `'${id.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')})`;
  const trimmed = query.trim();
  if (!trimmed) return clause;
  // Find ORDER BY outside quoted strings: blank the strings out first (same length, so indexes hold).
  const blanked = trimmed.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length));
  const order = /\border\s+by\b/i.exec(blanked);
  const where = (order ? trimmed.slice(0, order.index) : trimmed).trim();
  const orderBy = order ? ` ${trimmed.slice(order.index)}` : '';
  return where ? `${clause} AND (${where})${orderBy}` : `${clause}${orderBy}`;
}
