// `npm run simulate -- [options]`: a district-year on a fresh platform (see README.md).
//   --scale full|<fraction>   the org of 秦都 (default 0.1)
//   --seed <n>                default 7
//   --runs <n>                run the same seed n times and fail unless the summaries agree (CI: 2)
//   --chaos <n>               SIGKILL engine, worker or API n times at seeded moments
//   --compare a.json b.json   the same seed under two rule sets, side by side
//   --lanes <n>               actions in flight at once on different records, shared by the strands (default 12)
//   --workers <n>             worker processes of the platform (WORKER_PROCESSES; default 1, as npm start)
//   --out <dir>               where the HTML report and summary go (default sim-out/)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sideBySide } from './columns';
import { firstDifference } from './records';
import { describeRuleSet, readRuleSet } from './rule-set';
import { writeReport } from './report';
import { summaryHash } from './summary';
import { DEFAULT_LANES, runYear, type YearRun } from './year';

function args(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scaleArg = get('scale') ?? '0.1';
  const scale = scaleArg === 'full' ? 1 : Number(scaleArg);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be "full" or a fraction in (0, 1]: ${scaleArg}`);
  const compareAt = argv.indexOf('--compare');
  return {
    scale,
    seed: Number(get('seed') ?? 7),
    runs: Number(get('runs') ?? 1),
    chaos: Number(get('chaos') ?? 0),
    lanes: Number(get('lanes') ?? DEFAULT_LANES),
    workers: get('workers') === undefined ? undefined : Number(get('workers')),
    out: resolve(get('out') ?? 'sim-out'),
    compare: compareAt >= 0 ? [argv[compareAt + 1], argv[compareAt + 2]] : null,
  };
}

function percentiles(ms: number[]): string {
  if (ms.length === 0) return '—';
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `${at(0.5)} / ${at(0.9)} / ${at(0.99)} (${ms.length})`;
}

function notes(run: YearRun): string {
  const s = run.stats;
  return [
    `wall time ${(run.wallMs / 1000).toFixed(1)} s; ${s.requests} requests, ${s.acknowledged} actions acknowledged, ${s.retries} resent without an answer${s.retries ? ` (${Object.entries(s.retryCauses).map(([k, n]) => `${k} ×${n}`).join(', ')})` : ''}, ${s.busy} × 503, ${s.serverErrors} other 5xx`,
    `answer times, p50 / p90 / p99 ms: POST (actions, logins) ${percentiles(s.latencyMs.post)}; other requests ${percentiles(s.latencyMs.other)}`,
    `RSS MiB at the end of the year: ${Object.entries(run.rss).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `CPU seconds since each process started (seeding included; the simulator's from the year's start): ${Object.entries(run.cpu).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} (${((Object.values(run.cpu).reduce((a, b) => a + b, 0) * 1000) / Math.max(run.wallMs, 1) * 100).toFixed(0)}% of one core over the run's wall time)`,
    `of which on each process's main thread, since it started (the rest: workflow threads, the Temporal core's threads, garbage-collection helpers): ${Object.entries(run.mainThreadCpu).filter(([k]) => k !== 'supervisor').map(([k, v]) => `${k} ${v.toFixed(1)} (${((v * 1000) / Math.max(run.wallMs, 1) * 100).toFixed(0)}% of the wall time)`).join(', ')}`,
    ...run.checks.map((c) => `check ${c.name}: ${c.ok ? 'ok' : 'FAILED'} (${c.detail})`),
    ...(Object.keys(run.refusals).length ? [`refused: ${Object.entries(run.refusals).map(([k, n]) => `${k} ×${n}`).join(', ')}`] : []),
    ...(run.kills.length ? [`kills: ${run.kills.join('; ')}`] : []),
  ].join('\n');
}

async function main(): Promise<number> {
  const a = args(process.argv.slice(2));
  mkdirSync(a.out, { recursive: true });
  const log = (line: string) => console.error(`[simulate] ${line}`);
  const base = { scale: a.scale, seed: a.seed, lanes: a.lanes, workers: a.workers, log };

  if (a.compare) {
    const [fa, fb] = a.compare as [string, string];
    // Both read before either year runs: a mistake in the second is told at once.
    const [rulesA, rulesB] = [readRuleSet(fa), readRuleSet(fb)];
    const runA = await runYear({ ...base, env: rulesA });
    const runB = await runYear({ ...base, env: rulesB });
    const rules = [describeRuleSet(rulesA), describeRuleSet(rulesB)];
    console.log(`${fa}:${rules[0]}\n${fb}:${rules[1]}\n`);
    for (const line of sideBySide(fa, fb, runA.summary.split('\n'), runB.summary.split('\n'))) console.log(line);
    // Each year's wall time, requests, refusals and checks, as a single run prints them.
    for (const [file, run] of [[fa, runA], [fb, runB]] as const) console.log(`\n${file}: summary hash ${summaryHash(run.summary)}\n${notes(run)}`);
    writeReport(join(a.out, `compare-${a.seed}.html`), [runA, runB], [fa, fb], rules);
    return [runA, runB].every((r) => r.checks.every((c) => c.ok)) ? 0 : 1;
  }

  const runs: YearRun[] = [];
  for (let i = 0; i < Math.max(1, a.runs); i++) {
    const run = await runYear({ ...base, chaos: a.chaos });
    runs.push(run);
    console.log(run.summary);
    console.log(`\nsummary hash ${summaryHash(run.summary)}`);
    console.log(notes(run));
    const name = `${a.seed}-${a.scale}${a.chaos ? `-chaos${a.chaos}` : ''}-${i + 1}`;
    writeFileSync(join(a.out, `summary-${name}.txt`), `${run.summary}\n`);
    writeFileSync(join(a.out, `records-${name}.txt`), `${run.records.join('\n')}\n`);
  }
  writeReport(join(a.out, `report-${a.seed}-${a.scale}${a.chaos ? `-chaos${a.chaos}` : ''}.html`), runs.slice(0, 1), ['']);
  const hashes = new Set(runs.map((r) => summaryHash(r.summary)));
  const failed = runs.flatMap((r) => r.checks.filter((c) => !c.ok));
  if (runs.length > 1) console.log(hashes.size === 1 ? `determinism: ${runs.length} runs, one summary (${[...hashes][0]})` : `determinism FAILED: ${[...hashes].join(' ≠ ')}`);
  // Where the runs' records part (records-*.txt in --out hold them whole), also when the summaries agree.
  for (let i = 1; i < runs.length; i++) {
    const diff = firstDifference(runs[0]!.records, runs[i]!.records);
    if (diff) console.log(`records of run 1 and run ${i + 1} differ at ${diff}`);
  }
  if (failed.length) console.log(`checks FAILED: ${failed.map((c) => c.name).join(', ')}`);
  return hashes.size === 1 && failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
