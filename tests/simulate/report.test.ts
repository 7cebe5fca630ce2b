// The simulation's summary and HTML report: charts that show every label
// whole and amounts as people read them, grades in their order, and the key
// figures beside the seeds' or beside another rule set's.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_RATINGS, RATING_LABELS } from '../../domain/project/scoring';
import { bars, figuresTable, writeReport } from '../../simulate/report';
import { countByGrade, figureChange, formatSummary, yuan, type YearFigures } from '../../simulate/summary';
import type { YearRun } from '../../simulate/year';

it('leaves room for the longest label, so that 调解不成(已引导诉讼或仲裁) keeps its first character', () => {
  const svg = bars('案件结果', { 调解成功: 198, '调解不成(已引导诉讼或仲裁)': 30 });
  const barX = Number(/<rect x="(\d+)"/.exec(svg)![1]);
  // Twelve Chinese characters at 12 px and two brackets, right-aligned 6 px before the bars (at 150 px it was 144).
  expect(barX - 6).toBeGreaterThanOrEqual(12 * 12 + 2 * 7);
});

it('writes amounts in 万元 and labels as given (市级, not city)', () => {
  const svg = bars('按分担方拨付', { 市级: 7_557_000, 街道: 10_076_000 }, yuan);
  expect(svg).toContain('>市级<');
  expect(svg).toContain('>7.56万元<');
  expect(svg).toContain('>10.08万元<');
});

// A year's figures as collectFigures returns them (the scale-0.1 run of seed 7, rounded), for the tables and the summary.
function figures(change: Partial<{ successRate: number; overdueRounds: number; medianRound: number | null; paidFen: number; medianHandlingDays: number | null; refusedOverCap: number; applied: number; districtDecided: number }> = {}): YearFigures {
  return {
    year: 2027,
    scale: 0.1,
    seed: 7,
    org: { streets: 1, communities: 11, grids: 89 },
    mediation: {
      registered: 244,
      byChannel: { 来访: 49 },
      outcomes: { 调解成功: { 社区: 121, 街道: 53, 区: 24 } },
      agreements: 198,
      concluded: 240,
      successRate: change.successRate ?? 0.825,
      judicialApplied: 45,
      judicialConfirmed: 39,
      followUps: 195,
      medianRoundDays: { 社区: 4, 街道: change.medianRound === undefined ? 5 : change.medianRound, 区: 6 },
      overdueRounds: change.overdueRounds ?? 17,
      overdueEscalations: 17,
      escalations: 178,
      perMonth: [31, 22, 17, 15, 21, 19, 19, 28, 21, 25, 16, 10],
    },
    projects: {
      applied: change.applied ?? 17,
      refusedOverCap: change.refusedOverCap ?? 0,
      districtDecided: change.districtDecided ?? 0,
      approved: 15,
      byStage: { 已完成: 15, 未予立项: 2 },
      byRating: { 优秀: 3, 良好: 7, 合格: 5, 不合格: 0 },
      approvedBudgetFen: 22_290_000,
      reservedFen: 22_290_000,
      paidFen: change.paidFen ?? 22_290_000,
      paidByParty: { 市级: 7_560_000 },
      rewardPaidFen: 2_900_000,
      capUseMaxPercent: 25.4,
      capUseMeanPercent: 10.1,
      overdue: 0,
      escalated: 0,
    },
    reporting: { reports: 11, byStage: { 已完成: 11 }, votesCast: 74, rollSize: 77, tally: {}, noQuorumRounds: 0, byGrade: { 优秀: 2, 称职: 2, 基本称职: 7, 不称职: 0 }, rectifications: 7, overdue: 0 },
    grid: {
      reported: 178,
      byOutcome: { 就地解决: 67 },
      byStage: { 已办结: 178 },
      onTimeRate: 0.955,
      medianHandlingDays: change.medianHandlingDays === undefined ? 0 : change.medianHandlingDays,
      supervised: 2,
      toStreet: 18,
      reopened: 3,
      satisfaction: { 满意: 131 },
    },
    checks: {},
  };
}
const run = (f: YearFigures) => ({ figures: f, summary: formatSummary(f) }) as YearRun;
const rowOf = (html: string, label: string) => new RegExp(`<tr[^>]*><th scope="row">${label.replace(/[()]/g, '\\$&')}</th>(.*?)</tr>`).exec(html);

it('counts grades from best to worst, with the grades no one got', () => {
  const graded = countByGrade([{ r: 'good' }, { r: 'excellent' }, { r: null }, { r: 'good' }], PROJECT_RATINGS, RATING_LABELS, (p) => p.r);
  expect(Object.entries(graded)).toEqual([['优秀', 1], ['良好', 2], ['合格', 0], ['不合格', 0]]);
});

it('says a median handled the same day as 当日, not "0 日"', () => {
  const summary = formatSummary(figures());
  expect(summary).toContain('处置用时中位数 当日,');
  expect(formatSummary(figures({ medianHandlingDays: 2 }))).toContain('处置用时中位数 2 日,');
  expect(summary).toContain('验收等次:优秀 3,良好 7,合格 5,不合格 0');
});

it('tabulates the seeds\' figures beside the year\'s, with how far the year lies from them', () => {
  const html = figuresTable([run(figures())], ['']);
  // 244 cases against 1949 ÷ 0.8 × 0.1 = 244 in the seed: 持平; 198 agreements against 195: +3 (+2%).
  expect(rowOf(html, '受理案件')![1]).toBe('<td>244</td><td>244</td><td>持平</td>');
  expect(rowOf(html, '调解成功')![1]).toBe('<td>198</td><td>195</td><td>+3(+2%)</td>');
  expect(rowOf(html, '调解成功率')![1]).toBe('<td>82.5%</td><td>80.0%</td><td>+2.5 个百分点</td>');
  // A figure no seed reports has no seed and no difference.
  expect(rowOf(html, '超过时限的轮次')![1]).toBe('<td>17</td><td></td><td></td>');
  expect(html).not.toContain('class="changed"');
});

it('sets two rule sets side by side and marks the figures that moved (--compare)', () => {
  const html = figuresTable([run(figures()), run(figures({ successRate: 0.8, overdueRounds: 25, medianRound: 3, paidFen: 20_000_000 }))], ['a.json', 'b.json']);
  expect(html).toContain('<th scope="col">a.json</th><th scope="col">b.json</th><th scope="col">变化</th>');
  expect(rowOf(html, '超过时限的轮次')![0]).toContain('class="changed"');
  expect(rowOf(html, '超过时限的轮次')![1]).toBe('<td>17</td><td>25</td><td>+8(+47%)</td>');
  expect(rowOf(html, '调解成功率')![1]).toBe('<td>82.5%</td><td>80.0%</td><td>−2.5 个百分点</td>');
  expect(rowOf(html, '每轮用时中位数(街道)')![1]).toBe('<td>5 日</td><td>3 日</td><td>−2 日(−40%)</td>');
  expect(rowOf(html, '已拨付')![1]).toBe('<td>22.29万元</td><td>20.00万元</td><td>−2.29万元(−10%)</td>');
  expect(rowOf(html, '受理案件')![0]).not.toContain('class="changed"');
  // A share that differs past the shown decimal only has not moved.
  expect(figureChange('share', 0.825, 0.82501)).toBe('');
});

it('says how many applications a tighter cap turned away, and nothing where none were', () => {
  // Seed 7 at a tenth under simulate/rules/tighter.json: 17 planned applications, 9 taken, 8 over the community's cap.
  const tighter = figures({ applied: 9, refusedOverCap: 8 });
  expect(formatSummary(tighter)).toContain('  申报                               9(另有 8 份超出社区年度额度,未予受理)\n');
  // Under the default cap the line is as it was (the summary's hash with it): the count, padded, and nothing after.
  expect(formatSummary(figures())).toContain('  申报                               17           \n');
  const html = figuresTable([run(figures()), run(tighter)], ['default.json', 'tighter.json']);
  expect(rowOf(html, '超出额度未受理')![0]).toContain('class="changed"');
  expect(rowOf(html, '超出额度未受理')![1]).toBe('<td>0</td><td>8</td><td>+8</td>');
});

it('counts the projects 区委组织部 decided on when a lower threshold sends some there, and says nothing where none went', () => {
  expect(formatSummary(figures({ districtDecided: 6 }))).toContain('  立项预算                           22.29万元       24.90万元\n  报区委组织部审批 6\n  按阶段:');
  expect(formatSummary(figures())).not.toContain('报区委组织部审批');
  expect(rowOf(figuresTable([run(figures()), run(figures({ districtDecided: 6 }))], ['a.json', 'b.json']), '报区委组织部审批')![1]).toBe('<td>0</td><td>6</td><td>+6</td>');
});

it('lists what each compared rule set changes under the heading', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-report-')), 'compare.html');
  writeReport(file, [run(figures()), run(figures({ overdueRounds: 79 }))], ['default.json', 'tighter.json'], ['平台默认规则', 'MEDIATION_ROUND_DAYS_ORDINARY=5(默认 7)']);
  const html = readFileSync(file, 'utf8');
  expect(html).toContain('<ul class="rules"><li><strong>default.json</strong>:平台默认规则</li><li><strong>tighter.json</strong>:MEDIATION_ROUND_DAYS_ORDINARY=5(默认 7)</li></ul>');
  // A single year's report has no such list.
  writeReport(file, [run(figures())], ['']);
  expect(readFileSync(file, 'utf8')).not.toContain('class="rules"');
});

it('draws the median days of the levels rounds reached, and none for a level no round reached', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-report-')), 'report.html');
  writeReport(file, [run(figures({ medianRound: null }))], ['']);
  const chart = /<svg[^>]*><text[^>]*>每轮用时中位数\(日\)<\/text>(.*?)<\/svg>/.exec(readFileSync(file, 'utf8'))![1]!;
  expect(chart).toContain('>社区<');
  expect(chart).toContain('>4 日<');
  expect(chart).not.toContain('>街道<');
});
