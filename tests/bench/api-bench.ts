// `npm run bench:api` (issue 11 point 6): the API's hot paths with 10
// connections over real HTTP, each against a bare Express route doing one
// `SELECT 1` on the same database, measured in the same run, medians of 3:
//   GET /api/tasks, GET /api/projects         (lists; projects also as the console's page of 20)
//   GET /api/tasks?status=done                (已办, over a year's done tasks of a district: BENCH_DONE, 30,000)
//   GET /api/mediation-cases                  (the console's page of 20, over 300 cases with their parties)
//   POST /api/projects                        (creating a project: a row + a workflow start)
//   POST /api/projects/:id/actions/reviewApplication  (an action round-trip: API → workflow update → activities → API)
// Also, per request: the API process's own database round-trips (every
// ReadyForQuery its pool's connections receive: one per statement sent,
// BEGIN and COMMIT included), PostgreSQL transactions (pg_stat_database: the
// whole database, so the worker's background work counts too) and bytes of
// request log (the API's own pino logger at info), and the CPU milliseconds
// each process spent per request: the API's main thread, PostgreSQL (every
// server process of the test database), the worker and the engine, and the
// API thread's CPU per request of the bare route for comparison. With the
// API's thread near saturation, p50 follows its CPU per request; the others
// share the same two cores.
// The load generator runs on a thread of its own (./load-thread.mjs): the API
// and the bare route answer on this process's main thread, as `npm start`'s
// API does on its own, and the client's work does not queue on their loop.
// BENCH_PROFILE=<dir> writes a CPU profile of the main thread (the API and the
// bare route, not the load generator) per scenario, over its timed runs only, to <dir>/<path>.cpuprofile
// (open it in Chrome DevTools or speedscope).
// Figures only: nothing here asserts a speed.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import express from 'express';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, inject, it } from 'vitest';
import { createApp } from '../../api';
import { cpuSeconds, cpuTally, postgresBackendsOf, threadCpuSeconds } from '../../platform/proc';
import { createPrisma } from '../../db/prisma';
import { loadConfig } from '../../config';
import { createQueues, type Queues } from '../../queue';
import { demoPassword } from '../../seeds/demo-org';
import { createTemporalClient, payloadKeyringFromConfig } from '../../temporal';
import { spawnEngine, type EngineProcess } from '../engine/cli-process';
import { testDatabaseUrl, testPrisma } from '../helpers/db';
import { localActivityTypeOf } from '../helpers/histories';
import { spawnWorkerProcess, type WorkerProcess } from '../project/worker-process';

const CONNECTIONS = 10;
const EVENT_TYPE_NAMES = proto.api.enums.v1.EventType as unknown as Record<number, string>;
const RUNS = 3;
const N = {
  bare: Number(process.env.BENCH_BARE ?? 600),
  list: Number(process.env.BENCH_LIST ?? 400),
  create: Number(process.env.BENCH_CREATE ?? 100),
  action: Number(process.env.BENCH_ACTION ?? 80),
  lone: Number(process.env.BENCH_LONE ?? 15),
  done: Number(process.env.BENCH_DONE ?? 30_000),
};
// Each action round-trip, and each of the lone ones, reviews a project the create runs made.
if (RUNS * N.create < RUNS * N.action + N.lone) {
  throw new Error(`BENCH_CREATE (${N.create}) × ${RUNS} runs must cover BENCH_ACTION (${N.action}) × ${RUNS} + BENCH_LONE (${N.lone}): each action reviews a project the create runs made`);
}
const PROFILE_DIR = process.env.BENCH_PROFILE;
const STREET = 'street_office.qindu-renmin';
const COMMUNITIES = ['community.qindu-renmin-furong', 'community.qindu-renmin-yongchang'];

// As `npm start` runs them: the engine (durable log) and the worker are
// processes of their own; the API has this one's main thread, the load generator a thread beside it.
let engine: EngineProcess;
let worker: WorkerProcess;
let engineDir: string;
let temporal: Client;
let queues: Queues;
let api: Server;
let bare: Server;
let loader: Worker;
let pool: pg.Pool;
let apiPool: pg.Pool | undefined;
let apiRoundTrips = 0;
let logBytes = 0;
const prisma = testPrisma();
let apiPrisma: ReturnType<typeof createPrisma> | undefined;
let postgresCpu: ReturnType<typeof cpuTally>;

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
let apiUrl = '';
let bareUrl = '';

beforeAll(async () => {
  loader = new Worker(new URL('./load-thread.mjs', import.meta.url));
  engineDir = mkdtempSync(join(tmpdir(), 'cg-bench-api-'));
  engine = await spawnEngine(['--port', '0', '--data-dir', engineDir, '--log-level', 'warn']);
  const redisUrl = inject('redisUrl') ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `${inject('redisPrefix') ?? 'cg-test'}:bench-${randomUUID().slice(0, 8)}`;
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  // Bundling the workflows takes minutes on a loaded machine.
  worker = await spawnWorkerProcess({ temporalAddress: engine.address, databaseUrl: testDatabaseUrl(), redisUrl, redisPrefix, taskQueue, readyTimeoutMs: 600_000 });
  const { config } = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    TEMPORAL_ADDRESS: engine.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOGIN_MAX_FAILURES: '1000',
    // Every list request of a scenario carries the same token: AUTH_CACHE_MS=0 measures the worst case, each loading its session.
    ...(process.env.AUTH_CACHE_MS ? { AUTH_CACHE_MS: process.env.AUTH_CACHE_MS } : {}),
  });
  temporal = await createTemporalClient({ address: engine.address, namespace: config.temporal.namespace, payloadKeys: payloadKeyringFromConfig(config.temporal) });
  queues = createQueues(redisUrl, redisPrefix);
  // The API as npm start runs it: its own logger at info (counted, not printed).
  const logger = pino({ level: 'info' }, { write: (line: string) => void (logBytes += Buffer.byteLength(line)) });
  // Ten connections, as npm start's API (platform/api-main.ts) and the bare route's pool.
  apiPool = new pg.Pool({ connectionString: testDatabaseUrl(), max: CONNECTIONS });
  // A round-trip ends with the server's ReadyForQuery, whatever the statement.
  apiPool.on('connect', (client) => void client.connection.on('readyForQuery', () => void apiRoundTrips++));
  apiPrisma = createPrisma(testDatabaseUrl(), { pool: apiPool });
  api = createServer(createApp({ prisma: apiPrisma, temporal, config, logger, queue: queues }));
  apiUrl = await listen(api);
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: CONNECTIONS });
  const dbName = new URL(testDatabaseUrl()).pathname.slice(1);
  postgresCpu = cpuTally(() => postgresBackendsOf(dbName));
  const app = express();
  app.get('/bare', async (_req, res) => {
    const { rows } = await pool.query('SELECT 1 AS one');
    res.json(rows[0]);
  });
  bare = createServer(app);
  bareUrl = await listen(bare);
});

afterAll(async () => {
  await loader?.terminate();
  api?.close();
  bare?.close();
  await pool?.end();
  await apiPrisma?.$disconnect();
  await apiPool?.end();
  await queues?.close();
  await temporal?.connection.close();
  await worker?.kill();
  engine?.child.kill('SIGTERM');
  await engine?.exited;
  if (engineDir) rmSync(engineDir, { recursive: true, force: true });
});

async function login(username: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword() }) });
  const json = (await res.json()) as { accessToken: string };
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(json)}`);
  return json.accessToken;
}

interface Sample {
  p50: number;
  p99: number;
  rps: number;
  failed: number;
}

interface Request {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

let loads = 0;

/**
 * `total` requests, `spec(i)` the i-th, over `connections` concurrent loops on the load thread; with
 * `bodies`, also each answer's body (in request order).
 */
async function load(total: number, spec: (i: number) => Request, options: { connections?: number; bodies?: boolean } = {}): Promise<Sample & { latencies: number[]; bodies: string[] }> {
  const id = ++loads;
  const requests = Array.from({ length: total }, (_, i) => spec(i));
  const answered = new Promise<{ latencies: number[]; statuses: number[]; bodies: string[] | null; seconds: number; error?: string }>((resolve, reject) => {
    // A thread that dies (rather than reporting a failed request) fails the bench instead of leaving it waiting.
    const onError = (error: Error) => {
      loader.off('message', onMessage);
      reject(new Error(`load thread died: ${error.message}`));
    };
    const onMessage = (m: { id: number }) => {
      if (m.id !== id) return;
      loader.off('message', onMessage);
      loader.off('error', onError);
      resolve(m as never);
    };
    loader.on('message', onMessage);
    loader.once('error', onError);
  });
  loader.postMessage({ id, requests, connections: options.connections ?? CONNECTIONS, bodies: options.bodies ?? false });
  const { latencies, statuses, bodies, seconds, error } = await answered;
  if (error) throw new Error(`load thread: ${error}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), rps: total / seconds, failed: statuses.filter((s) => s >= 300).length, latencies, bodies: bodies ?? [] };
}

function writeProfile(scenario: string, run: number, profile: unknown): void {
  if (!PROFILE_DIR) return;
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = `${scenario.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${run + 1}.cpuprofile`;
  writeFileSync(join(PROFILE_DIR, file), JSON.stringify(profile));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const authorized = (method: string, url: string, token: string, body?: unknown): Request => ({
  method,
  url,
  headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
  ...(body ? { body: JSON.stringify(body) } : {}),
});

async function transactions(): Promise<number> {
  // The statistics collector publishes a backend's counts when it goes idle (≤ 1 s).
  await new Promise((r) => setTimeout(r, 1500));
  const { rows } = await pool.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0].n);
}

/** The events of a workflow's last update, from its acceptance on, with their engine times (ms after it). */
async function historyBreakdown(workflowId: string): Promise<string[]> {
  const events: Array<{ eventType?: unknown; eventTime?: { seconds?: unknown; nanos?: number | null } | null }> = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await temporal.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId }, nextPageToken });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  const ms = (e: (typeof events)[number]) => Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
  const name = (e: (typeof events)[number]) => String(temporalEventType(e.eventType));
  const from = events.map(name).lastIndexOf('WorkflowExecutionUpdateAccepted');
  if (from < 0) return ['(no update in history)'];
  const t0 = ms(events[from]!);
  // A local activity's marker names its activity: where the update's time went, by name.
  const detail = (e: (typeof events)[number]) => {
    const activity = localActivityTypeOf(e as proto.api.history.v1.IHistoryEvent);
    return activity ? ` (${activity})` : '';
  };
  return events.slice(from).map((e) => `${(ms(e) - t0).toFixed(1).padStart(7)}  ${name(e)}${detail(e)}`);
}

const temporalEventType = (t: unknown) =>
  typeof t === 'number' ? (EVENT_TYPE_NAMES[t] ?? t).replace(/^EVENT_TYPE_/, '').toLowerCase().replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase()) : t;

/** `n` mediation cases in the read model, in the street's communities, each with two parties. */
async function seedMediationCases(n: number): Promise<void> {
  const places = await prisma.unit.findMany({ where: { id: { in: COMMUNITIES.map((u) => u.replace(/^community\./, '')) } } });
  const registrar = await prisma.person.findFirstOrThrow({ where: { username: STREET }, select: { id: true } });
  const run = randomUUID().slice(0, 8);
  const t0 = Date.parse(`${year - 1}-03-01T02:00:00Z`);
  for (let i = 0; i < n; i++) {
    const place = places[i % places.length]!;
    const [district, street] = place.path.split('/');
    const id = `bench-${run}-${i}`;
    await prisma.mediationCase.create({
      data: {
        id,
        workflowId: `mediation-${id}`,
        caseNo: `秦都调〔${run}〕${i + 1}号`,
        title: `压测案件${i + 1}：楼上漏水纠纷`,
        description: '压测',
        channel: 'walk_in',
        disputeType: 'neighbour',
        risk: 'low',
        complexity: 'simple',
        partyCount: 2,
        placeUnitId: place.id,
        placeName: place.name,
        placePath: place.path,
        communityUnitId: place.id,
        streetUnitId: street!,
        districtUnitId: district!,
        registeredAt: new Date(t0 + i * 3_600_000),
        registeredById: registrar.id,
        stage: 'in_round',
        currentLevel: 'community',
        targetConcludeBy: new Date(t0 + i * 3_600_000 + 30 * 86_400_000),
        // A case's state is about 3 KB in a district's year: the list must not pay for it.
        snapshot: { note: 'x'.repeat(3000) },
        parties: {
          create: [
            { seq: 1, role: 'applicant', name: `申请人${i}`, phone: '13812345678', idNumber: '610402197801011234', address: '人民路1号' },
            { seq: 2, role: 'respondent', name: `被申请人${i}`, phone: '13900001111', idNumber: '610402198001011234', address: '人民路1号' },
          ],
        },
      },
    });
  }
}

/**
 * `n` done tasks over the district's units and roles, done through the last year: what 已办 reads after a year of a
 * district's work (the full-scale year closes about 28,000 steps). One statement, written straight into the inbox.
 */
async function seedDoneTasks(n: number): Promise<void> {
  const run = randomUUID().slice(0, 8);
  await prisma.$executeRaw`
    INSERT INTO "HumanTask" (id, process, "workflowId", "subjectId", key, action, title, role, "unitId", "dueAt", status, "createdAt", "completedAt")
    SELECT ${run} || '-' || g, 'project', 'bench-done-' || ${run} || '-' || g, 'bench-' || g, 'done', 'reviewApplication', '压测已办' || g,
           (ARRAY['street_office', 'community', 'finance', 'mediator']::"RoleName"[])[1 + g % 4], u.id,
           now() - (g % 8760) * interval '1 hour', 'done'::"HumanTaskStatus", now() - (g % 8760 + 24) * interval '1 hour', now() - (g % 8760) * interval '1 hour'
      FROM generate_series(1, ${n}::int) g
     CROSS JOIN LATERAL (SELECT id FROM "Unit" ORDER BY md5(id || g::text) LIMIT 1) u`;
  // Statistics, as autovacuum keeps them on a district's server (README asks for it on; this machine's runs without):
  // without the org tree's, PostgreSQL took a street's share of the done tasks for 10 rows, read them all and sorted them.
  await prisma.$executeRaw`ANALYZE`;
}

let created: string[] = [];
let seq = 0;
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
const body = () => ({
  title: `压测项目${++seq}`,
  category: 'community_service',
  goals: '压测：楼院微治理',
  budgetFen: 30_000,
  finalPaymentFen: 10_000,
  milestones: [
    { title: '第1阶段', amountFen: 10_000, dueDate: `${year}-06-30` },
    { title: '第2阶段', amountFen: 10_000, dueDate: `${year}-09-30` },
  ],
  year,
});

it('prints the API hot paths against a bare SELECT 1 route', async () => {
  const street = await login(STREET);
  const communities = await Promise.all(COMMUNITIES.map((u) => login(u)));
  const rows: Array<{ name: string; runs: Sample[]; bare: Sample[]; xact: number; roundTrips: number; logBytes: number; cpu: Cpu; bareCpu: number }> = [];
  type Cpu = Record<'api' | 'postgres' | 'worker' | 'engine', number>;
  const cpuNow = (): Cpu => ({
    api: threadCpuSeconds(process.pid, process.pid),
    postgres: postgresCpu.total(),
    worker: cpuSeconds(worker.pid),
    engine: cpuSeconds(engine.child.pid!),
  });

  async function scenario(name: string, total: number, spec: (i: number) => Request, afterRun?: (bodies: string[]) => void) {
    const runs: Sample[] = [];
    const bares: Sample[] = [];
    let xact = 0;
    let trips = 0;
    let bytes = 0;
    let bareCpu = 0;
    const cpu: Cpu = { api: 0, postgres: 0, worker: 0, engine: 0 };
    const profiler = PROFILE_DIR ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
    }
    for (let r = 0; r < RUNS; r++) {
      const bc0 = threadCpuSeconds(process.pid, process.pid);
      bares.push(await load(N.bare, () => ({ method: 'GET', url: `${bareUrl}/bare` })));
      bareCpu += ((threadCpuSeconds(process.pid, process.pid) - bc0) * 1000) / N.bare / RUNS;
      const x0 = await transactions();
      const b0 = logBytes;
      const r0 = apiRoundTrips;
      if (profiler) await profiler.post('Profiler.start');
      const c0 = cpuNow();
      const run = await load(total, spec, { bodies: !!afterRun });
      const c1 = cpuNow();
      for (const k of Object.keys(cpu) as Array<keyof Cpu>) cpu[k] += ((c1[k] - c0[k]) * 1000) / total / RUNS;
      afterRun?.(run.bodies);
      runs.push(run);
      if (profiler) await profiler.post('Profiler.stop').then(({ profile }) => writeProfile(name, r, profile));
      trips += (apiRoundTrips - r0) / total;
      xact += ((await transactions()) - x0) / total;
      bytes += (logBytes - b0) / total;
    }
    profiler?.disconnect();
    rows.push({ name, runs, bare: bares, xact: xact / RUNS, roundTrips: trips / RUNS, logBytes: bytes / RUNS, cpu, bareCpu });
  }

  // Creating first: the projects made here are the tasks the lists show and the actions act on.
  await scenario(
    'POST /api/projects',
    N.create,
    (i) => authorized('POST', `${apiUrl}/api/projects`, communities[i % communities.length]!, body()),
    (bodies) => {
      for (const b of bodies) {
        const json = JSON.parse(b) as { projectId?: string };
        if (json.projectId) created.push(json.projectId);
      }
    },
  );
  // The inbox task of each new project is opened by its workflow: wait for them all.
  const deadline = Date.now() + 300_000;
  const inboxed = () => prisma.humanTask.count({ where: { workflowId: { in: created.map((id) => `project-${id}`) }, action: 'reviewApplication', status: 'open' } });
  while ((await inboxed()) < created.length) {
    if (Date.now() > deadline) throw new Error(`only ${await inboxed()} of ${created.length} projects reached the inbox:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // The lists with the API's defaults: 20 tasks, as the console's inbox asks (Workbench.tsx); 50 projects, where the
  // console's list asks for pages of 20 (ProjectList.tsx), so that page too.
  await scenario('GET /api/tasks', N.list, () => authorized('GET', `${apiUrl}/api/tasks`, street));
  // 已办, the latest done first, over a year's done tasks (it read and sorted every one of them when its order did not match its index).
  await seedDoneTasks(N.done);
  await scenario(`GET /api/tasks?status=done (已办, ${N.done} done tasks)`, N.list, () => authorized('GET', `${apiUrl}/api/tasks?status=done`, street));
  await scenario('GET /api/projects (the console\'s page)', N.list, () => authorized('GET', `${apiUrl}/api/projects?limit=20&offset=0`, street));
  await scenario('GET /api/projects', N.list, () => authorized('GET', `${apiUrl}/api/projects`, street));
  // The biggest list of a district's year (about 2,400 cases): 300 cases with two parties each in the street's two
  // communities, written straight into the read model (the list reads nothing else), as the console's page of 20.
  await seedMediationCases(300);
  await scenario('GET /api/mediation-cases (the console\'s page)', N.list, () => authorized('GET', `${apiUrl}/api/mediation-cases?limit=20&offset=0`, street));
  const targets = created;
  created = [];
  let t = 0;
  await scenario('action round-trip (reviewApplication)', N.action, () =>
    authorized('POST', `${apiUrl}/api/projects/${targets[t++]}/actions/reviewApplication`, street, { decision: 'approve' }),
  );

  // One action at a time (no queueing behind the other nine): the round-trip's own latency, and where
  // it goes by the engine's event times of the last one (update accepted → activities → update completed).
  const loneTargets = targets.slice(t, t + N.lone);
  const loneRun = await load(loneTargets.length, (i) => authorized('POST', `${apiUrl}/api/projects/${loneTargets[i]}/actions/reviewApplication`, street, { decision: 'approve' }), { connections: 1 });
  if (loneRun.failed > 0) throw new Error(`lone reviewApplication: ${loneRun.failed} of ${loneTargets.length} not answered 2xx`);
  const lone = [...loneRun.latencies];
  const traced = loneTargets.at(-1) ?? '';
  lone.sort((a, b) => a - b);
  const breakdown = traced ? await historyBreakdown(`project-${traced}`) : [];

  const f = (n: number) => n.toFixed(1);
  const lines = [
    '',
    `API hot paths, ${CONNECTIONS} connections, median of ${RUNS} runs (bare: GET /bare doing SELECT 1 on the same database, measured just before each run)`,
    '| path | p50 ms | p99 ms | req/s | bare p50 ms | bare req/s | p50 ÷ bare | API round-trips/request | DB transactions/request (all processes) | log bytes/request | non-2xx | CPU ms/request: API thread / PostgreSQL / worker / engine | bare: API thread CPU ms/request |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const p50 = median(r.runs.map((s) => s.p50));
      const bareP50 = median(r.bare.map((s) => s.p50));
      return `| ${r.name} | ${f(p50)} | ${f(median(r.runs.map((s) => s.p99)))} | ${f(median(r.runs.map((s) => s.rps)))} | ${f(bareP50)} | ${f(median(r.bare.map((s) => s.rps)))} | ${(p50 / bareP50).toFixed(1)}× | ${r.roundTrips.toFixed(1)} | ${r.xact.toFixed(1)} | ${Math.round(r.logBytes)} | ${r.runs.reduce((a, s) => a + s.failed, 0)} | ${[r.cpu.api, r.cpu.postgres, r.cpu.worker, r.cpu.engine].map((ms) => ms.toFixed(2)).join(' / ')} | ${r.bareCpu.toFixed(2)} |`;
    }),
    '',
    `action round-trip one at a time (reviewApplication, ${lone.length} sequential): p50 ${f(median(lone))} ms, min ${f(lone[0] ?? 0)} ms`,
    'engine events of the last one, ms after the update was accepted:',
    ...breakdown.map((l) => `  ${l}`),
    '',
  ];
  console.log(lines.join('\n'));
});
