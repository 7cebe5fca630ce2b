// The inbox's lines in a record's timeline (转交, 委派, 抄送, 催办, 代 X 办理,
// 意见, 附件), merged by time into the process's own lines. An inbox line
// carries the seq of the process line before it: seq stays the process's
// step count, and `source: 'inbox'` tells the two apart.
import type { PrismaClient } from '../../prisma/generated/client';

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

export async function inboxTimeline(prisma: PrismaClient, record: { process: string; subjectId: string }): Promise<InboxTimelineEntry[]> {
  const rows = await prisma.taskEvent.findMany({ where: record, orderBy: { at: 'asc' } });
  return rows.map((e) => ({ at: e.at.toISOString(), action: e.action, actorId: e.actorId, actorName: e.actorName, summary: e.summary, data: e.data as Record<string, unknown> }));
}

export function mergeTimeline<P extends { seq: number; at: string }, R>(process: P[], inbox: InboxTimelineEntry[], present: (e: InboxTimelineEntry, seq: number) => R): (P | R)[] {
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
