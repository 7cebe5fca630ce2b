// The year in figures, read from the read model once the year is over, next
// to the seeds' figures scaled to the run. Only what the plan and the
// processes decided goes in — counts, money, whole days — never a wall-clock
// time, a generated id or a case number: the same seed gives the same
// summary, byte for byte, which `hash` fingerprints.
import { createHash } from 'node:crypto';
import { daysBetweenLocal, toLocalDate } from '../domain/calendar';
import type { MediationState } from '../domain/mediation/case-state';
import { CASE_OUTCOME_LABELS, CHANNEL_LABELS, LEVEL_LABELS, type MediationLevel } from '../domain/mediation/types';
import { PROJECT_RATINGS, RATING_LABELS as PROJECT_RATING_LABELS } from '../domain/project/scoring';
import { STAGE_LABELS as PROJECT_STAGE_LABELS } from '../domain/project/state';
import { RATING_GRADES, RATING_LABELS as REPORT_RATING_LABELS, REPORT_STAGE_LABELS, VOTE_CHOICE_LABELS, VOTE_CHOICES, type ReportState } from '../domain/reporting';
import type { PrismaClient } from '../prisma/generated/client';
import type { GridIncidentState } from '../domain/grid/machine';
import { INCIDENT_OUTCOME_LABELS, INCIDENT_STAGE_LABELS, SATISFACTION_LABELS, SATISFACTION_LEVELS } from '../domain/grid/types';
import { SEED_FIGURES } from './plan';

export interface YearFigures {
  year: number;
  scale: number;
  seed: number;
  org: { streets: number; communities: number; grids: number };
  mediation: {
    registered: number;
    byChannel: Record<string, number>;
    /** outcome label → level label → count */
    outcomes: Record<string, Record<string, number>>;
    agreements: number;
    concluded: number;
    successRate: number;
    judicialApplied: number;
    judicialConfirmed: number;
    followUps: number;
    medianRoundDays: Record<string, number | null>;
    /** Rounds still open at their time limit (the process reminded the mediator): what a shorter limit moves first. */
    overdueRounds: number;
    overdueEscalations: number;
    escalations: number;
    perMonth: number[];
  };
  projects: {
    applied: number;
    /** Applications the API refused for the community's yearly fund cap (they are not in `applied`). */
    refusedOverCap: number;
    /** Projects the district organisation department decided on (budget above PROJECT_DISTRICT_APPROVAL_THRESHOLD_FEN). */
    districtDecided: number;
    approved: number;
    byStage: Record<string, number>;
    byRating: Record<string, number>;
    approvedBudgetFen: number;
    reservedFen: number;
    paidFen: number;
    paidByParty: Record<string, number>;
    rewardPaidFen: number;
    capUseMaxPercent: number;
    capUseMeanPercent: number;
    overdue: number;
    escalated: number;
  };
  reporting: {
    reports: number;
    byStage: Record<string, number>;
    votesCast: number;
    rollSize: number;
    tally: Record<string, number>;
    noQuorumRounds: number;
    byGrade: Record<string, number>;
    rectifications: number;
    overdue: number;
  };
  grid: {
    reported: number;
    byOutcome: Record<string, number>;
    byStage: Record<string, number>;
    onTimeRate: number;
    medianHandlingDays: number | null;
    supervised: number;
    toStreet: number;
    reopened: number;
    satisfaction: Record<string, number>;
  };
  checks: Record<string, string>;
}

const count = <T>(items: readonly T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};
/** Counts by a grade, in the grades' own order from best to worst and with the grades no one got (a 不合格 of 0 is news too). */
export const countByGrade = <T, G extends string>(items: readonly T[], grades: readonly G[], labels: Record<G, string>, gradeOf: (t: T) => string | null | undefined) =>
  Object.fromEntries(grades.map((g) => [labels[g], items.filter((i) => gradeOf(i) === g).length]));
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function collectFigures(prisma: PrismaClient, meta: { year: number; scale: number; seed: number; org: YearFigures['org']; capFen: number; communities: number; refusedOverCap: number }): Promise<YearFigures> {
  // A row whose workflow never saved has no state (checks.ts counts those).
  const cases = (await prisma.mediationCase.findMany({ select: { snapshot: true }, orderBy: { id: 'asc' } }))
    .map((r) => r.snapshot as unknown as MediationState)
    .filter((s) => Array.isArray(s?.rounds));
  const outcomeOf = (s: MediationState) => (s.outcome ? CASE_OUTCOME_LABELS[s.outcome] : '办理中');
  const levelOf = (s: MediationState) => (s.rounds.at(-1) ? LEVEL_LABELS[s.rounds.at(-1)!.level] : '分流');
  const outcomes: Record<string, Record<string, number>> = {};
  for (const s of cases) {
    const o = (outcomes[outcomeOf(s)] ??= {});
    o[levelOf(s)] = (o[levelOf(s)] ?? 0) + 1;
  }
  const LEVEL_ORDER = ['分流', '社区', '街道', '区'];
  for (const [k, byLevel] of Object.entries(outcomes)) {
    outcomes[k] = Object.fromEntries(Object.entries(byLevel).sort(([a], [b]) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b)));
  }
  const agreements = cases.filter((s) => s.outcome === 'agreement').length;
  const concluded = cases.filter((s) => s.outcome && s.outcome !== 'referred_out').length;
  const rounds = cases.flatMap((s) => s.rounds);
  const roundDays: Record<string, number | null> = {};
  for (const level of ['community', 'street', 'district'] as MediationLevel[]) {
    roundDays[LEVEL_LABELS[level]] = median(rounds.filter((r) => r.level === level && r.endedAt).map((r) => daysBetweenLocal(toLocalDate(r.startedAt), toLocalDate(r.endedAt!))));
  }
  const perMonth = Array.from({ length: 12 }, () => 0);
  for (const s of cases) perMonth[Number(toLocalDate(s.registeredAt).slice(5, 7)) - 1]! += 1;

  const projects = await prisma.project.findMany({ select: { id: true, stage: true, rating: true, budgetFen: true, reservedFen: true, paidFen: true, rewardPaidFen: true, overdue: true, escalated: true, communityId: true }, orderBy: { id: 'asc' } });
  // By the party's label as the ledger shows it (市级, 区级, 街道): the summary is read by people, not by code.
  const lines = await prisma.projectLedgerLine.groupBy({ by: ['party', 'label'], _sum: { amountFen: true }, orderBy: [{ party: 'asc' }, { label: 'asc' }] });
  const funds = await prisma.projectFundYear.findMany({ where: { year: meta.year } });
  const approved = projects.filter((p) => !['approval', 'rejected', 'cancelled'].includes(p.stage));
  const capUse = funds.map((f) => (100 * f.reservedFen) / (f.capFen || meta.capFen));
  // Applications over the district's threshold go to 区委组织部 after the street: each such project has its decision event.
  const districtDecided = (await prisma.projectEvent.findMany({ where: { action: 'decideDistrictApproval' }, select: { projectId: true }, distinct: ['projectId'] })).length;

  const reports = (await prisma.reportingReport.findMany({ where: { year: meta.year }, select: { stage: true, state: true, grade: true }, orderBy: { id: 'asc' } })).map((r) => ({ ...r, state: r.state as unknown as ReportState }));
  const voteRounds = reports.flatMap((r) => r.state.voteRounds);
  const tally: Record<string, number> = {};
  for (const v of voteRounds) for (const [k, n] of Object.entries(v.tally ?? {})) tally[k] = (tally[k] ?? 0) + (n as number);

  const incidents = (await prisma.gridIncident.findMany({ select: { stage: true, outcome: true, handledOnTime: true, reportedAt: true, handledAt: true, satisfaction: true, reopenCount: true, snapshot: true }, orderBy: { id: 'asc' } })).map((r) => ({ ...r, state: r.snapshot as unknown as GridIncidentState }));
  const handled = incidents.filter((i) => i.handledOnTime !== null);

  return {
    year: meta.year,
    scale: meta.scale,
    seed: meta.seed,
    org: meta.org,
    mediation: {
      registered: cases.length,
      byChannel: count(cases, (s) => CHANNEL_LABELS[s.facts.channel]),
      outcomes,
      agreements,
      concluded,
      successRate: concluded ? agreements / concluded : 0,
      judicialApplied: cases.filter((s) => s.judicial && s.judicial.status !== 'open' && s.judicial.status !== 'expired').length,
      judicialConfirmed: cases.filter((s) => s.judicial?.status === 'confirmed').length,
      followUps: cases.filter((s) => s.followUp?.visitedAt).length,
      medianRoundDays: roundDays,
      overdueRounds: rounds.filter((r) => r.remindedAt !== null).length,
      overdueEscalations: rounds.filter((r) => r.outcome === 'overdue').length,
      escalations: rounds.filter((r) => r.outcome === 'failed' || r.outcome === 'overdue').length,
      perMonth,
    },
    projects: {
      applied: projects.length,
      refusedOverCap: meta.refusedOverCap,
      districtDecided,
      approved: approved.length,
      byStage: count(projects, (p) => PROJECT_STAGE_LABELS[p.stage as keyof typeof PROJECT_STAGE_LABELS] ?? p.stage),
      byRating: countByGrade(projects, PROJECT_RATINGS, PROJECT_RATING_LABELS, (p) => p.rating),
      approvedBudgetFen: approved.reduce((s, p) => s + p.budgetFen, 0),
      reservedFen: funds.reduce((s, f) => s + f.reservedFen, 0),
      paidFen: projects.reduce((s, p) => s + p.paidFen, 0),
      paidByParty: Object.fromEntries(lines.map((l) => [l.label, l._sum.amountFen ?? 0])),
      rewardPaidFen: projects.reduce((s, p) => s + p.rewardPaidFen, 0),
      capUseMaxPercent: capUse.length ? Math.max(...capUse) : 0,
      capUseMeanPercent: capUse.length ? capUse.reduce((a, b) => a + b, 0) / meta.communities : 0,
      overdue: projects.filter((p) => p.overdue).length,
      escalated: projects.filter((p) => p.escalated).length,
    },
    reporting: {
      reports: reports.length,
      byStage: count(reports, (r) => REPORT_STAGE_LABELS[r.stage as keyof typeof REPORT_STAGE_LABELS] ?? r.stage),
      votesCast: voteRounds.reduce((s, v) => s + v.voted, 0),
      rollSize: voteRounds.reduce((s, v) => s + v.rollSize, 0),
      tally,
      noQuorumRounds: voteRounds.filter((v) => v.outcome === 'no_quorum').length,
      byGrade: countByGrade(reports, RATING_GRADES, REPORT_RATING_LABELS, (r) => r.state.result?.grade),
      rectifications: reports.filter((r) => r.state.rectification).length,
      overdue: reports.filter((r) => r.state.overdue).length,
    },
    grid: {
      reported: incidents.length,
      byOutcome: count(incidents, (i) => (i.outcome ? INCIDENT_OUTCOME_LABELS[i.outcome as keyof typeof INCIDENT_OUTCOME_LABELS] : '办理中')),
      byStage: count(incidents, (i) => INCIDENT_STAGE_LABELS[i.stage as keyof typeof INCIDENT_STAGE_LABELS] ?? i.stage),
      onTimeRate: handled.length ? handled.filter((i) => i.handledOnTime).length / handled.length : 0,
      // Calendar days (Beijing), as the rounds' days: the hours of a handling
      // carry the seconds of wall time a simulated day takes (the virtual clock
      // runs between advances), and rounding them flipped the median from one
      // full-scale run to the next.
      medianHandlingDays: median(incidents.filter((i) => i.handledAt).map((i) => daysBetweenLocal(toLocalDate(i.reportedAt), toLocalDate(i.handledAt!)))),
      supervised: incidents.filter((i) => i.state.handlings?.some((h) => h.supervisedAt)).length,
      toStreet: incidents.filter((i) => i.state.escalatedToStreetAt).length,
      reopened: incidents.filter((i) => i.reopenCount > 0).length,
      satisfaction: Object.fromEntries(SATISFACTION_LEVELS.map((l) => [SATISFACTION_LABELS[l], incidents.filter((i) => i.satisfaction === l).length])),
    },
    checks: {},
  };
}

/** An amount in fen as the summary writes it: 万元 with two decimals. */
export const yuan = (fen: number) => `${(fen / 1_000_000).toFixed(2)}万元`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const kv = (o: Record<string, number | string | null>) => Object.entries(o).map(([k, v]) => `${k} ${v ?? '—'}`).join(',');
/** Calendar days as the summary says them: 0 is 当日 (handled the day it came in), not "0 日", which reads as no time or no data. */
const days = (d: number | null) => (d === null ? '—' : d === 0 ? '当日' : `${d} 日`);

/** The seeds' figures at the run's scale, which the summary prints and the report tabulates beside the year's. */
export function scaledSeeds(scale: number) {
  return {
    registered: Math.round((SEED_FIGURES.mediatedCases / SEED_FIGURES.successRate) * scale),
    agreements: Math.round(SEED_FIGURES.mediatedCases * scale),
    successRate: SEED_FIGURES.successRate,
    judicialConfirmed: Math.round(SEED_FIGURES.judicialConfirmations * scale),
    judicialShare: SEED_FIGURES.judicialConfirmations / SEED_FIGURES.mediatedCases,
    projectsApproved: Math.round(SEED_FIGURES.projects * scale),
    approvedBudgetFen: SEED_FIGURES.projectFundsFen * scale,
  };
}

/** How a key figure reads: a count, a share, an amount in fen, calendar days. */
export type FigureKind = 'count' | 'share' | 'fen' | 'days';

export function showFigure(kind: FigureKind, v: number | null): string {
  if (v === null) return '—';
  return kind === 'share' ? pct(v) : kind === 'fen' ? yuan(v) : kind === 'days' ? days(v) : String(v);
}

/** How far `to` lies from `from`, as a person reads a change: shares in 百分点, the rest by amount and, where it means something, in percent. '' when equal. */
export function figureChange(kind: FigureKind, from: number | null, to: number | null): string {
  // Equal as shown is equal: 82.50% against 82.49% is not "+0.0 个百分点".
  if (from === to || showFigure(kind, from) === showFigure(kind, to)) return '';
  if (from === null || to === null) return '—';
  const d = to - from;
  const sign = d > 0 ? '+' : '−';
  if (kind === 'share') return `${sign}${Math.abs(100 * d).toFixed(1)} 个百分点`;
  const amount = kind === 'days' ? `${Math.abs(d)} 日` : showFigure(kind, Math.abs(d));
  return from ? `${sign}${amount}(${sign}${Math.abs((100 * d) / from).toFixed(0)}%)` : `${sign}${amount}`;
}

/** One figure of the year as a person compares it: with the seed's, or with another rule set's (the report's tables). */
export interface KeyFigure {
  group: string;
  label: string;
  kind: FigureKind;
  value: number | null;
  /** The seeds' figure at the run's scale, where a seed reports one. */
  seed?: number;
}

/** The figures a district compares first: the seeds' five, then what a rule moves (time limits, overdue steps, escalations, fund use, turnout). */
export function keyFigures(f: YearFigures): KeyFigure[] {
  const seeds = scaledSeeds(f.scale);
  const m = f.mediation;
  const p = f.projects;
  const r = f.reporting;
  const g = f.grid;
  const row = (group: string, label: string, value: number | null, kind: FigureKind = 'count', seed?: number): KeyFigure => ({ group, label, kind, value, ...(seed === undefined ? {} : { seed }) });
  return [
    row('三级三轮调解', '受理案件', m.registered, 'count', seeds.registered),
    row('三级三轮调解', '调解成功', m.agreements, 'count', seeds.agreements),
    row('三级三轮调解', '调解成功率', m.successRate, 'share', seeds.successRate),
    row('三级三轮调解', '司法确认', m.judicialConfirmed, 'count', seeds.judicialConfirmed),
    row('三级三轮调解', '司法确认占调解成功', m.agreements ? m.judicialConfirmed / m.agreements : 0, 'share', seeds.judicialShare),
    ...Object.entries(m.medianRoundDays).map(([level, d]) => row('三级三轮调解', `每轮用时中位数(${level})`, d, 'days')),
    row('三级三轮调解', '超过时限的轮次', m.overdueRounds),
    row('三级三轮调解', '升级次数', m.escalations),
    row('三级三轮调解', '其中超期自动升级', m.overdueEscalations),
    // 申报: the applications the API took; a tighter cap refuses some at the door (the tighter rule set's 17 → 9).
    row('党建项目', '申报', p.applied),
    row('党建项目', '超出额度未受理', p.refusedOverCap),
    row('党建项目', '报区委组织部审批', p.districtDecided),
    row('党建项目', '立项', p.approved, 'count', seeds.projectsApproved),
    row('党建项目', '立项预算', p.approvedBudgetFen, 'fen', seeds.approvedBudgetFen),
    row('党建项目', '已拨付', p.paidFen, 'fen'),
    row('党建项目', '社区年度额度使用(最高)', p.capUseMaxPercent / 100, 'share'),
    row('党建项目', '超期', p.overdue),
    row('党建项目', '已升级督办', p.escalated),
    row('双向述职', '投票率', r.rollSize ? r.votesCast / r.rollSize : 0, 'share'),
    row('双向述职', '不足法定人数的轮次', r.noQuorumRounds),
    row('双向述职', '整改', r.rectifications),
    row('网格事件处置', '上报', g.reported),
    row('网格事件处置', '按时处置率', g.onTimeRate, 'share'),
    row('网格事件处置', '处置用时中位数', g.medianHandlingDays, 'days'),
    row('网格事件处置', '超期督办', g.supervised),
    row('网格事件处置', '上报街道', g.toStreet),
  ];
}

/** The summary as printed: one line per figure, the seeds' figures (scaled) beside the ones they report. */
export function formatSummary(f: YearFigures): string {
  const m = f.mediation;
  const p = f.projects;
  const r = f.reporting;
  const seeds = scaledSeeds(f.scale);
  return [
    `秦都区 ${f.year} 年模拟(seed ${f.seed},scale ${f.scale}):${f.org.streets} 个街道,${f.org.communities} 个社区,${f.org.grids} 个网格`,
    '',
    '三级三轮调解                         模拟          种子 004(按比例)',
    `  受理案件                           ${String(m.registered).padEnd(13)} ${seeds.registered}`,
    `  调解成功                           ${String(m.agreements).padEnd(13)} ${seeds.agreements}`,
    `  调解成功率                         ${pct(m.successRate).padEnd(13)} ${pct(seeds.successRate)}`,
    `  司法确认                           ${String(m.judicialConfirmed).padEnd(13)} ${seeds.judicialConfirmed}`,
    `  司法确认占调解成功                 ${pct(m.agreements ? m.judicialConfirmed / m.agreements : 0).padEnd(13)} ${pct(seeds.judicialShare)}`,
    `  申请司法确认 ${m.judicialApplied},回访 ${m.followUps}`,
    `  按渠道:${kv(m.byChannel)}`,
    ...Object.entries(m.outcomes)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([o, byLevel]) => `  ${o}:${kv(byLevel)}`),
    `  每轮用时中位数(日):${kv(m.medianRoundDays)}`,
    `  超过时限的轮次 ${m.overdueRounds}(到期时已提醒调解员)`,
    `  升级 ${m.escalations} 次,其中超期自动升级 ${m.overdueEscalations} 次`,
    `  各月受理:${m.perMonth.join(' ')}`,
    '',
    '党建项目                             模拟          种子 002(按比例)',
    // The refusals only when there are any: a year under the default cap (none) keeps the summary, and its hash, as before.
    `  申报                               ${p.refusedOverCap ? `${p.applied}(另有 ${p.refusedOverCap} 份超出社区年度额度,未予受理)` : String(p.applied).padEnd(13)}`,
    `  立项                               ${String(p.approved).padEnd(13)} ${seeds.projectsApproved}`,
    `  立项预算                           ${yuan(p.approvedBudgetFen).padEnd(13)} ${yuan(seeds.approvedBudgetFen)}`,
    // Only when any did: under the default threshold (5万元) no planned budget (0.8–2.4万元) reaches it, and the summary keeps its hash.
    ...(p.districtDecided ? [`  报区委组织部审批 ${p.districtDecided}`] : []),
    `  按阶段:${kv(p.byStage)}`,
    `  验收等次:${kv(p.byRating)}`,
    `  占用额度 ${yuan(p.reservedFen)},已拨付 ${yuan(p.paidFen)}(其中奖补 ${yuan(p.rewardPaidFen)})`,
    `  按分担方拨付:${kv(Object.fromEntries(Object.entries(p.paidByParty).map(([k, v]) => [k, yuan(v)])))}`,
    `  社区年度额度使用:平均 ${p.capUseMeanPercent.toFixed(1)}%,最高 ${p.capUseMaxPercent.toFixed(1)}%`,
    `  超期 ${p.overdue},已升级督办 ${p.escalated}`,
    '',
    '双向述职',
    `  述职 ${r.reports}:${kv(r.byStage)}`,
    `  投票 ${r.votesCast}/${r.rollSize}(${pct(r.rollSize ? r.votesCast / r.rollSize : 0)}),不足法定人数的轮次 ${r.noQuorumRounds}`,
    `  票面:${kv(Object.fromEntries(VOTE_CHOICES.map((c) => [VOTE_CHOICE_LABELS[c], r.tally[c] ?? 0])))}`,
    `  评定等次:${kv(r.byGrade)}`,
    `  整改 ${r.rectifications},超期 ${r.overdue}`,
    '',
    '网格事件处置',
    `  上报 ${f.grid.reported}:${kv(f.grid.byStage)}`,
    `  结果:${kv(f.grid.byOutcome)}`,
    `  按时处置率 ${pct(f.grid.onTimeRate)},处置用时中位数 ${days(f.grid.medianHandlingDays)},超期督办 ${f.grid.supervised},上报街道 ${f.grid.toStreet},退回重办 ${f.grid.reopened}`,
    `  满意度:${kv(f.grid.satisfaction)}`,
    '',
    '账目与记录核对',
    ...Object.entries(f.checks).map(([k, v]) => `  ${k}:${v}`),
  ].join('\n');
}

export const summaryHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
