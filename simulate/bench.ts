// `npm run bench -- [--scale 0.02] [--seed 7] [--repeat 3] [--workers n]`: one table, each
// figure the median of `repeat` runs, each next to a reference measured in
// the same run on the same machine:
//   - a district-year's wall time at the scale (reference: none — it is the figure);
//   - API p50/p99 of GET /api/tasks and of an action round-trip
//     (API → engine → worker → API: a mediation session recorded), against
//     a bare Express route doing one SELECT 1 on the same database;
//   - the engine's durable commits per second (its file store: append +
//     fdatasync, one transition at a time) against PostgreSQL's single-row
//     commit rate (a `pg` loop of autocommitted INSERTs on the same server);
//   - RSS of every process at the end of the year.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pg from 'pg';
import { FileStore } from '../engine/store';
import { toLocalDate } from '../domain/calendar';
import type { SimApi } from './client';
import { summaryHash } from './summary';
import { runYear } from './year';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const scale = arg('scale', '0.02') === 'full' ? 1 : Number(arg('scale', '0.02'));
const seed = Number(arg('seed', '7'));
const repeat = Number(arg('repeat', '3'));
const workers = process.argv.includes('--workers') ? Number(arg('workers', '1')) : undefined;
const SAMPLES = 200;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const median = (xs: number[]) => pct(xs, 50);

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** A bare Express route doing one SELECT 1 on the platform's database: the floor every API figure stands on. */
async function bareRoute(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const app = express();
  app.get('/bare', async (_req, res) => {
    await pool.query('SELECT 1');
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bare`;
  return { url, close: async () => (server.close(), await pool.end()) };
}

async function engineCommitsPerSecond(n: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-store-'));
  const store = new FileStore(dir);
  store.load();
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    store.append({ t: 'ns', ns: `bench-${i % 8}`, retentionMs: i });
    await store.commit();
  }
  const rate = n / ((performance.now() - t) / 1000);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

async function pgCommitsPerSecond(databaseUrl: string, n: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS bench_commit (id int PRIMARY KEY, at timestamptz NOT NULL)');
  const t = performance.now();
  for (let i = 0; i < n; i++) await client.query('INSERT INTO bench_commit VALUES ($1, now())', [i]);
  const rate = n / ((performance.now() - t) / 1000);
  await client.query('DROP TABLE bench_commit');
  await client.end();
  return rate;
}

interface Sample {
  yearS: number;
  tasks: number[];
  action: number[];
  bare: number[];
  engine: number;
  pg: number;
  rss: Record<string, number>;
}

async function measureOnce(i: number): Promise<Sample> {
  const sample: Partial<Sample> = {};
  const run = await runYear({
    scale,
    seed,
    workers,
    log: (line) => console.error(`[bench ${i + 1}/${repeat}] ${line}`),
    afterYear: async ({ platform, api, world }) => {
      const street = `street_office.${world.org.streets[0]!.id}`;
      const community = world.org.communities[0]!;
      const mediator = `mediator.${community.id}`;
      sample.tasks = await timed(SAMPLES, async () => void (await api.get(street, '/api/tasks')));
      sample.action = await actionRoundTrips(api, mediator, community.id);
      const bare = await bareRoute(platform.databaseUrl);
      sample.bare = await timed(SAMPLES, async () => void (await (await fetch(bare.url)).text()));
      await bare.close();
      sample.pg = await pgCommitsPerSecond(platform.databaseUrl, 500);
    },
  });
  sample.engine = await engineCommitsPerSecond(500);
  sample.yearS = run.wallMs / 1000;
  // Each year's own line: its wall time, its summary's hash (the runs of one seed must agree), its checks and CPU.
  const failed = run.checks.filter((c) => !c.ok).map((c) => c.name);
  console.error(
    `[bench ${i + 1}/${repeat}] year: ${sample.yearS.toFixed(1)} s, ${run.stats.acknowledged} actions, summary hash ${summaryHash(run.summary)}, checks ${failed.length ? `FAILED: ${failed.join(', ')}` : 'ok'}; CPU s ${Object.entries(run.cpu).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`,
  );
  sample.rss = run.rss;
  return sample as Sample;
}

/** A fresh case accepted by the community's mediator, then sessions recorded one after another. */
async function actionRoundTrips(api: SimApi, mediator: string, communityId: string): Promise<number[]> {
  const reg = await api.as(mediator, 'POST', '/api/mediation-cases', {
    title: '基准测试案件', description: '基准测试', placeUnitId: communityId, channel: 'walk_in', disputeType: 'neighbour', risk: 'low', complexity: 'complex', amountFen: null, alreadyInLitigation: false, notSuitableReason: null,
    parties: [{ role: 'applicant', name: '甲', phone: '13700000000', idNumber: '610402197505061234', address: '1号楼' }, { role: 'respondent', name: '乙', phone: '13700000001', idNumber: '610402198011224321', address: '2号楼' }],
  });
  const id = reg.body.caseId as string;
  for (let i = 0; i < 50; i++) {
    const res = await api.as(mediator, 'POST', `/api/mediation-cases/${id}/actions/acceptCase`, {});
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const today = toLocalDate((await api.get(`admin.qindu`, '/api/admin/clock')).now);
  return timed(SAMPLES / 2, async (i) => {
    const res = await api.as(mediator, 'POST', `/api/mediation-cases/${id}/actions/recordSession`, { heldOn: today, place: '调解室', participants: ['甲', '乙'], summary: `第${i + 1}次` }, `bench-${id}-${i}`);
    if (res.status !== 200) throw new Error(`recordSession: ${res.status} ${JSON.stringify(res.body)}`);
  });
}

const samples: Sample[] = [];
for (let i = 0; i < repeat; i++) samples.push(await measureOnce(i));
const m = (f: (s: Sample) => number) => median(samples.map(f));
const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string][] = [
  [`district-year wall time (scale ${scale}, seed ${seed})`, `${m((s) => s.yearS).toFixed(0)} s`, '—'],
  ['GET /api/tasks p50', ms(m((s) => pct(s.tasks, 50))), `${ms(m((s) => pct(s.bare, 50)))} bare SELECT 1`],
  ['GET /api/tasks p99', ms(m((s) => pct(s.tasks, 99))), `${ms(m((s) => pct(s.bare, 99)))} bare SELECT 1`],
  ['action round-trip p50 (recordSession)', ms(m((s) => pct(s.action, 50))), `${ms(m((s) => pct(s.bare, 50)))} bare SELECT 1`],
  ['action round-trip p99 (recordSession)', ms(m((s) => pct(s.action, 99))), `${ms(m((s) => pct(s.bare, 99)))} bare SELECT 1`],
  ['engine durable commits/s (one at a time)', `${m((s) => s.engine).toFixed(0)}/s`, `${m((s) => s.pg).toFixed(0)}/s PostgreSQL single-row commits`],
  ...(['supervisor', 'engine', 'worker', 'api'] as const).map((p): [string, string, string] => [`RSS at the end of the year: ${p}`, `${m((s) => s.rss[p] ?? 0)} MiB`, '—']),
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`npm run bench — median of ${repeat}, ${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
console.log(`${'figure'.padEnd(w0)} | ${'measured'.padEnd(w1)} | reference (same run)`);
console.log(`${'-'.repeat(w0)} | ${'-'.repeat(w1)} | ${'-'.repeat(30)}`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
process.exit(0);
