// Read access to one record that the inbox grants, honoured by every
// process's read-scope check: people copied on it (抄送), handed or delegated
// one of its tasks or having acted on one as a deputy (RecordReader), and the
// deputy of a person one of its open tasks waits for, until the arrangement
// ends (代理).
import { toLocalDate } from '../../domain/calendar';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';
import { earlierNote, keyedPersonId } from '../http/idempotency';

/**
 * Lets `personId` read the task's record from now on (抄送, 委派, 转交, 加签, 代理 once acted);
 * a grant already there is kept as it was (its first reason stays).
 */
export async function grantRecordRead(
  tx: Prisma.TransactionClient,
  task: { id: string; process: string; subjectId: string },
  personId: string,
  grant: { reason: 'cc' | 'delegate' | 'transfer' | 'signer' | 'deputy'; byId: string; at: Date },
): Promise<void> {
  await tx.recordReader.upsert({
    where: { process_subjectId_personId: { process: task.process, subjectId: task.subjectId, personId } },
    create: { process: task.process, subjectId: task.subjectId, personId, reason: grant.reason, grantedById: grant.byId, taskId: task.id, createdAt: grant.at },
    update: {},
  });
}

export async function inboxGrantsRead(prisma: PrismaClient, record: { process: string; subjectId: string }, personId: string, now: Date): Promise<boolean> {
  // The resend of this person's own deputy action on the record, whose first attempt died before the grant below.
  const noted = earlierNote()?.deputy;
  if (noted && keyedPersonId() === personId && noted.process === record.process && noted.subjectId === record.subjectId) return true;
  const reader = await prisma.recordReader.findUnique({ where: { process_subjectId_personId: { ...record, personId } }, select: { personId: true } });
  if (reader) return true;
  const proxies = await prisma.outOfOfficeProxy.findMany({ where: { deputyId: personId, cancelledAt: null } });
  // A named deputy reads ahead of the range (to prepare, and to be told PROXY_NOT_ACTIVE rather than "no such record"), not after it.
  const today = toLocalDate(now);
  const covering = proxies.filter((p) => p.endsOn >= today).map((p) => p.personId);
  if (covering.length === 0) return false;
  const task = await prisma.humanTask.findFirst({ where: { ...record, status: 'open', assigneeId: { in: covering } }, select: { id: true } });
  if (task) return true;
  // A task waiting unassigned for a role a principal holds on its unit or above (the deputy may claim it "代 X").
  const waiting = await prisma.humanTask.findMany({ where: { ...record, status: 'open', assigneeId: null }, select: { role: true, unitId: true } });
  if (waiting.length === 0) return false;
  const [grants, units] = await Promise.all([
    prisma.roleAssignment.findMany({ where: { personId: { in: covering }, person: { active: true } }, select: { role: true, unit: { select: { path: true } } } }),
    prisma.unit.findMany({ where: { id: { in: waiting.map((t) => t.unitId) } }, select: { id: true, path: true } }),
  ]);
  return waiting.some((t) => {
    const path = units.find((u) => u.id === t.unitId)?.path;
    return path !== undefined && grants.some((g) => g.role === t.role && path.startsWith(g.unit.path));
  });
}

/** For a "HumanTask" row aliased `t`: its record was copied (抄送) to the person. A transfer or delegation grants reading too, but is not a copy. */
export function copiedToSql(personId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "RecordReader" rr WHERE rr.process = t.process AND rr."subjectId" = t."subjectId" AND rr."personId" = ${personId} AND rr.reason = 'cc')`;
}

/**
 * For a "HumanTask" row aliased `t`: the person started its record (我发起) —
 * the project's applicant, the case's registrar, the incident's reporter, the
 * 述职 cycle's starter. A new process adds its line here, as it does in
 * recordUnitPath (load-task.ts).
 */
export function startedBySql(personId: string): Prisma.Sql {
  return Prisma.sql`(
       (t.process = 'project' AND EXISTS (SELECT 1 FROM "Project" x WHERE x.id = t."subjectId" AND x."applicantId" = ${personId}))
    OR (t.process = 'mediation' AND EXISTS (SELECT 1 FROM "MediationCase" x WHERE x.id = t."subjectId" AND x."registeredById" = ${personId}))
    OR (t.process = 'grid' AND EXISTS (SELECT 1 FROM "GridIncident" x WHERE x.id = t."subjectId" AND x."reportedById" = ${personId}))
    OR (t.process = 'reporting' AND EXISTS (SELECT 1 FROM "ReportingReport" x JOIN "ReportingCycle" c ON c.id = x."cycleId" WHERE x.id = t."subjectId" AND c."startedById" = ${personId})))`;
}
