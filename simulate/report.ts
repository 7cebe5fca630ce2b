// The HTML report: the summary and a few charts as inline SVG (no script, no
// CDN), one column per run (two for --compare).
import { writeFileSync } from 'node:fs';
import { VOTE_CHOICE_LABELS, VOTE_CHOICES } from '../domain/reporting';
import { figureChange, keyFigures, showFigure, yuan } from './summary';
import type { YearRun } from './year';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A label's width at 12 px: a Chinese character takes the full size, a Latin one about 7 px. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 12 : 7), 0);

/** A bar chart as inline SVG: a label, a bar and its value per entry. */
export function bars(title: string, data: Record<string, number>, format: (v: number) => string = String): string {
  const entries = Object.entries(data);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const rowH = 22;
  // As wide as the longest label (调解不成(已引导诉讼或仲裁) lost its first character at a fixed 150 px).
  const labelW = Math.max(60, ...entries.map(([k]) => textWidth(k))) + 12;
  const barW = 300;
  const h = entries.length * rowH + 30;
  const rows = entries
    .map(([k, v], i) => {
      const y = 24 + i * rowH;
      const w = Math.round((v / max) * barW);
      return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(k)}</text><rect x="${labelW}" y="${y + 2}" width="${w}" height="${rowH - 6}" fill="#c0392b"/><text x="${labelW + w + 4}" y="${y + 14}">${esc(format(v))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 80}" height="${h}" font-size="12" font-family="sans-serif"><text x="0" y="14" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
}

/** The key figures as a table: beside the seeds' (one run), or rule set A beside rule set B with what changed (--compare). */
export function figuresTable(runs: YearRun[], labels: string[]): string {
  const tables = runs.map((r) => keyFigures(r.figures));
  const compare = runs.length === 2;
  const head = compare ? ['指标', labels[0] || 'A', labels[1] || 'B', '变化'] : ['指标', '模拟', '种子(按比例)', '相差'];
  let group = '';
  const rows = tables[0]!.map((fig, i) => {
    const other = compare ? tables[1]![i]!.value : (fig.seed ?? null);
    // Against the seed, an equal figure says so (持平); between rule sets, only what moved is marked.
    const change = compare ? figureChange(fig.kind, fig.value, other) : fig.seed !== undefined ? figureChange(fig.kind, other, fig.value) || '持平' : '';
    const cells = [fig.label, showFigure(fig.kind, fig.value), compare || fig.seed !== undefined ? showFigure(fig.kind, other) : '', change];
    const groupRow = fig.group === group ? '' : `<tr class="group"><th colspan="4">${esc((group = fig.group))}</th></tr>`;
    return `${groupRow}<tr${compare && change ? ' class="changed"' : ''}>${cells.map((c, j) => (j === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`;
  });
  const caption = compare ? '两套规则的主要指标(同一随机种子;变化一栏为后者相对前者)' : '主要指标与种子材料对照(种子数字按规模折算)';
  return `<table class="figures"><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function column(run: YearRun, label: string): string {
  const f = run.figures;
  const m = f.mediation;
  const months = Object.fromEntries(m.perMonth.map((n, i) => [`${i + 1}月`, n]));
  const outcomes = Object.fromEntries(Object.entries(m.outcomes).map(([k, byLevel]) => [k, Object.values(byLevel).reduce((a, b) => a + b, 0)]));
  // A level no round reached has no median: left out, not drawn as 当日.
  const roundDays = Object.fromEntries(Object.entries(m.medianRoundDays).filter((e): e is [string, number] => e[1] !== null));
  const votes = Object.fromEntries(VOTE_CHOICES.map((c) => [VOTE_CHOICE_LABELS[c], f.reporting.tally[c] ?? 0]));
  const late = { 调解超过时限的轮次: m.overdueRounds, 调解超期自动升级: m.overdueEscalations, 项目超期: f.projects.overdue, 述职整改超期: f.reporting.overdue, 网格事件超期督办: f.grid.supervised };
  return `<section>${label ? `<h2>${esc(label)}</h2>` : ''}<div class="charts">
${bars('各月受理调解案件', months)}
${bars('案件结果', outcomes)}
${bars('每轮用时中位数(日)', roundDays, (d) => showFigure('days', d))}
${bars('超期与督办', late)}
${bars('党建项目阶段', f.projects.byStage)}
${bars('验收等次', f.projects.byRating)}
${bars('按分担方拨付', f.projects.paidByParty, yuan)}
${bars('民主评议票面', votes)}
${bars('述职评定等次', f.reporting.byGrade)}
${bars('网格事件结果', f.grid.byOutcome)}
${bars('网格事件满意度', f.grid.satisfaction)}
</div><details><summary>全文摘要</summary><pre>${esc(run.summary)}</pre></details></section>`;
}

/** `rules`: for a comparison, what each rule set changes (describeRuleSet), shown under the heading. */
export function writeReport(file: string, runs: YearRun[], labels: string[], rules: string[] = []): void {
  const f = runs[0]!.figures;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>秦都区 ${f.year} 年模拟报告</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1f1f1f}main{display:flex;gap:32px;flex-wrap:wrap}section{flex:1;min-width:520px}pre{background:#f6f6f6;padding:12px;white-space:pre-wrap}svg{display:block;margin:12px 0}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:0 24px;align-items:start}
table.figures{border-collapse:collapse;margin:16px 0 24px;font-size:14px;min-width:560px}table.figures caption{text-align:left;font-weight:bold;padding-bottom:8px}table.figures th,table.figures td{border-bottom:1px solid #e5e5e5;padding:6px 12px;text-align:right}table.figures th[scope=row],table.figures thead th:first-child{text-align:left;font-weight:normal}table.figures thead th{background:#f6f6f6}table.figures tr.group th{text-align:left;background:#fafafa;font-weight:bold}table.figures tr.changed td,table.figures tr.changed th{background:#fff7e6}</style></head>
<body><h1>秦都区 ${f.year} 年模拟报告</h1><p>种子 ${f.seed},规模 ${f.scale}:${f.org.streets} 个街道,${f.org.communities} 个社区,${f.org.grids} 个网格。</p>
${rules.length ? `<ul class="rules">${rules.map((r, i) => `<li><strong>${esc(labels[i] || String.fromCharCode(65 + i))}</strong>:${esc(r)}</li>`).join('')}</ul>` : ''}
${figuresTable(runs, labels)}
<main>${runs.map((r, i) => column(r, labels[i] ?? '')).join('')}</main></body></html>`;
  writeFileSync(file, html);
}
