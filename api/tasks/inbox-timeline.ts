// The inbox's lines in a record's timeline (转交, 委派, 抄送, 催办, 代 X 办理,
// 意见, 附件), merged by time into the process's own lines. An inbox line
// carries the seq of the process line before it: seq stays the process's
// step count, and `source: 'inbox'` tells the two apart.
import { isPersonalStep, PERSONAL_STEP_PROCESSES } from '../../domain/inbox/personal';
import type { TimelineEntry } from '../../domain/kit/machine';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';

/** zh-CN names of the inbox's timeline actions. */
export const INBOX_ACTION_LABELS: Record<string, string> = {
  transferTask: '转交',
  delegateTask: '委派',
  returnDelegation: '交回委派',
  ccTask: '抄送',
  urgeTask: '催办',
  actAsDeputy: '代理办理',
  commentTask: '填写意见',
  attachFile: '上传附件',
  autoDecideTask: '超时自动办理',
  addSigner: '加签',
  removeSigner: '减签',
  signTask: '加签审批',
};

export interface InboxTimelineEntry {
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * The record's inbox lines, oldest first. Never a personal step's (a 民主评议
 * vote): a line about someone's vote task would tell who has not voted yet.
 */
export async function inboxTimeline(prisma: PrismaClient, record: { process: string; subjectId: string }): Promise<InboxTimelineEntry[]> {
  const all = await prisma.taskEvent.findMany({ where: record, orderBy: { at: 'asc' } });
  const personal = new Set<string>();
  if (all.length > 0 && PERSONAL_STEP_PROCESSES.has(record.process)) {
    const tasks = await prisma.humanTask.findMany({ where: { id: { in: [...new Set(all.map((e) => e.taskId))] } }, select: { id: true, process: true, action: true } });
    for (const t of tasks) if (isPersonalStep(t.process, t.action)) personal.add(t.id);
  }
  const rows = all.filter((e) => !personal.has(e.taskId));
  return rows.map((e) => ({ at: e.at.toISOString(), action: e.action, actorId: e.actorId, actorName: e.actorName, summary: e.summary, data: e.data as Record<string, unknown> }));
}

export function mergeTimeline<P extends { seq: number; at: string }, R>(process: readonly P[], inbox: InboxTimelineEntry[], present: (e: InboxTimelineEntry, seq: number) => R): (P | R)[] {
  const out: (P | R)[] = [];
  let i = 0;
  let seq = 0;
  for (const p of process) {
    while (i < inbox.length && inbox[i]!.at < p.at) out.push(present(inbox[i++]!, seq));
    out.push(p);
    seq = p.seq;
  }
  while (i < inbox.length) out.push(present(inbox[i++]!, seq));
  return out;
}

/** A line of a kit record's own timeline (its events table), as `ownTimelineSql` reads it: the kit's entry without its input. */
export type OwnTimelineLine = Omit<TimelineEntry, 'data'>;

/** Each kit record's own events table and the column naming the record in it. */
const OWN_EVENTS = {
  mediation: Prisma.raw(`"MediationEvent" e WHERE e."caseId"`),
  grid: Prisma.raw(`"GridIncidentEvent" e WHERE e."incidentId"`),
} as const;

/**
 * A kit record's own timeline lines, in order, as one JSON column of the
 * statement that reads the record (its page is then one statement, not one
 * per table): the rows of the process's events table whose record is
 * `recordId`, each `at` as toISOString writes it (the columns hold UTC).
 */
export function ownTimelineSql(process: keyof typeof OWN_EVENTS, recordId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('seq', e.seq, 'at', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'action', e.action,
                                                 'actorId', e."actorId", 'actorName', e."actorName", 'summary', e.summary) ORDER BY e.seq)
                  FROM ${OWN_EVENTS[process]} = ${recordId}), '[]')`;
}

/** A kit record's timeline (a mediation case, a grid incident; ZRecordTimeline): its own lines with the inbox's among them. */
export async function recordTimeline(prisma: PrismaClient, record: { process: string; subjectId: string }, events: readonly OwnTimelineLine[]) {
  return mergeTimeline(
    events,
    await inboxTimeline(prisma, record),
    (e, seq) => ({ seq, at: e.at, action: e.action, actorId: e.actorId, actorName: e.actorName, summary: e.summary, source: 'inbox' as const }),
  );
}
