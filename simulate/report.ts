// The HTML report: the summary and a few charts as inline SVG (no script, no
// CDN), one column per run (two for --compare).
import { writeFileSync } from 'node:fs';
import { VOTE_CHOICE_LABELS, VOTE_CHOICES } from '../domain/reporting';
import { yuan } from './summary';
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

function column(run: YearRun, label: string): string {
  const f = run.figures;
  const months = Object.fromEntries(f.mediation.perMonth.map((n, i) => [`${i + 1}月`, n]));
  const outcomes = Object.fromEntries(Object.entries(f.mediation.outcomes).map(([k, byLevel]) => [k, Object.values(byLevel).reduce((a, b) => a + b, 0)]));
  const votes = Object.fromEntries(VOTE_CHOICES.map((c) => [VOTE_CHOICE_LABELS[c], f.reporting.tally[c] ?? 0]));
  return `<section>${label ? `<h2>${esc(label)}</h2>` : ''}
${bars('各月受理调解案件', months)}
${bars('案件结果', outcomes)}
${bars('党建项目阶段', f.projects.byStage)}
${bars('按分担方拨付', f.projects.paidByParty, yuan)}
${bars('民主评议票面', votes)}
${bars('述职评定等次', f.reporting.byGrade)}
${f.grid ? bars('网格事件结果', f.grid.byOutcome) : ''}
<pre>${esc(run.summary)}</pre></section>`;
}

export function writeReport(file: string, runs: YearRun[], labels: string[]): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>秦都区年度模拟</title>
<style>body{font-family:sans-serif;margin:24px}main{display:flex;gap:32px;flex-wrap:wrap}section{flex:1;min-width:520px}pre{background:#f6f6f6;padding:12px;white-space:pre-wrap}svg{display:block;margin:12px 0}</style></head>
<body><h1>秦都区 ${runs[0]!.figures.year} 年模拟报告</h1><main>${runs.map((r, i) => column(r, labels[i] ?? '')).join('')}</main></body></html>`;
  writeFileSync(file, html);
}
