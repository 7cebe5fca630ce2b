// What must hold after any year, crashes or not: no payment twice, every
// payment split exactly into its ledger lines, every community's yearly
// reservation equal to what its projects hold, and every action the API
// acknowledged present in its record's timeline.
import type { PrismaClient } from '../prisma/generated/client';
import type { Ack } from './world';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function checkLedger(prisma: PrismaClient): Promise<CheckResult[]> {
  const payments = await prisma.projectPayment.findMany({ select: { id: true, projectId: true, payableKey: true, disbursementId: true, amountFen: true, lines: { select: { amountFen: true } } } });
  const twice = new Map<string, number>();
  for (const p of payments) for (const k of [`${p.projectId}/${p.payableKey}`, `${p.projectId}/d:${p.disbursementId}`]) twice.set(k, (twice.get(k) ?? 0) + 1);
  const doubled = [...twice.values()].filter((n) => n > 1).length;
  const unsplit = payments.filter((p) => p.lines.reduce((s, l) => s + l.amountFen, 0) !== p.amountFen).length;

  const projects = await prisma.project.findMany({ select: { id: true, stage: true, budgetFen: true, paidFen: true, communityId: true, year: true } });
  const paidBy = new Map<string, number>();
  for (const p of payments) paidBy.set(p.projectId, (paidBy.get(p.projectId) ?? 0) + p.amountFen);
  // paidFen is what the project paid against its budget; rewards are paid on top and recorded apart.
  const rewardBy = new Map<string, number>();
  for (const p of await prisma.projectPayment.findMany({ where: { kind: 'reward' }, select: { projectId: true, amountFen: true } })) rewardBy.set(p.projectId, (rewardBy.get(p.projectId) ?? 0) + p.amountFen);
  const paidMismatch = projects.filter((p) => (paidBy.get(p.id) ?? 0) - (rewardBy.get(p.id) ?? 0) !== p.paidFen).length;

  const reservations = await prisma.projectReservation.findMany();
  const funds = await prisma.projectFundYear.findMany();
  const held = new Map<string, number>();
  for (const r of reservations) held.set(`${r.communityId}/${r.year}`, (held.get(`${r.communityId}/${r.year}`) ?? 0) + r.amountFen);
  const unbalanced = funds.filter((f) => f.reservedFen !== (held.get(`${f.communityId}/${f.year}`) ?? 0) || f.reservedFen > f.capFen).length;
  const byProject = new Map(reservations.map((r) => [r.projectId, r.amountFen]));
  const wrongHold = projects.filter((p) => {
    const h = byProject.get(p.id) ?? 0;
    if (['approval', 'rejected', 'cancelled'].includes(p.stage)) return h !== 0;
    if (['failed', 'terminated'].includes(p.stage)) return h !== p.paidFen;
    return h !== p.budgetFen;
  }).length;

  return [
    { name: '重复拨付', ok: doubled === 0, detail: `${payments.length} 笔拨付,重复 ${doubled}` },
    { name: '分担明细', ok: unsplit === 0, detail: `明细与拨付金额不符 ${unsplit}` },
    { name: '项目已拨付', ok: paidMismatch === 0, detail: `与拨付记录不符的项目 ${paidMismatch}` },
    { name: '额度占用', ok: unbalanced === 0 && wrongHold === 0, detail: `${funds.length} 个社区年度额度,不平衡 ${unbalanced},项目占用不符 ${wrongHold}` },
  ];
}

export async function checkAcknowledged(prisma: PrismaClient, acks: readonly Ack[]): Promise<CheckResult> {
  const want = new Map<string, number>();
  for (const a of acks) {
    if (['registerCase', 'createProject', 'startCycle', 'reportIncident'].includes(a.action)) continue;
    want.set(`${a.kind}|${a.id}|${a.action}`, (want.get(`${a.kind}|${a.id}|${a.action}`) ?? 0) + 1);
  }
  const have = new Map<string, number>();
  const add = (kind: string, id: string, action: string) => have.set(`${kind}|${id}|${action}`, (have.get(`${kind}|${id}|${action}`) ?? 0) + 1);
  for (const e of await prisma.mediationEvent.findMany({ select: { caseId: true, action: true } })) add('mediation', e.caseId, e.action);
  for (const e of await prisma.projectEvent.findMany({ select: { projectId: true, action: true } })) add('project', e.projectId, e.action);
  for (const e of await prisma.reportingTimelineEntry.findMany({ select: { reportId: true, action: true } })) add('reporting', e.reportId, e.action);
  for (const e of await prisma.gridIncidentEvent.findMany({ select: { incidentId: true, action: true } })) add('grid', e.incidentId, e.action);
  let missing = 0;
  const missingActions = new Set<string>();
  for (const [k, n] of want) {
    if ((have.get(k) ?? 0) >= n) continue;
    missing += n - (have.get(k) ?? 0);
    missingActions.add(k.split('|')[2]!);
  }
  const created = acks.filter((a) => ['registerCase', 'createProject', 'reportIncident'].includes(a.action));
  const cases = await prisma.mediationCase.count();
  const projects = await prisma.project.count();
  const incidents = await prisma.gridIncident.count();
  const createdOk =
    cases === created.filter((a) => a.action === 'registerCase').length &&
    projects === created.filter((a) => a.action === 'createProject').length &&
    incidents === created.filter((a) => a.action === 'reportIncident').length;
  // A record the read model holds without its process: its workflow never saved a state.
  const stateless =
    (await prisma.mediationCase.findMany({ select: { snapshot: true } })).filter((r) => !Array.isArray((r.snapshot as { rounds?: unknown })?.rounds)).length +
    (await prisma.gridIncident.count({ where: { version: 0 } }));
  return { name: '已确认的操作', ok: missing === 0 && createdOk && stateless === 0, detail: `${acks.length} 个已确认操作,时间线缺失 ${missing}${missingActions.size ? `(${[...missingActions].join('、')})` : ''};登记/申报 ${created.length},库中 ${cases + projects + incidents},无流程状态 ${stateless}` };
}
