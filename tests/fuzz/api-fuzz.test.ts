// Fires malformed requests at the real platform (engine, worker, queues, API
// over a listening HTTP server with the production clientError handling) as
// every demo role: no request may get a 5xx, and nothing may reach the
// database. Every run sends a small deterministic sample; `npm run fuzz:api`
// (FUZZ_FULL=1) sends the few thousand of the full run and prints per-route
// figures.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handleClientErrors } from '../../api';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { buildCases, formatTable, fuzzUsers, summarize, type FuzzCase } from './api-fuzz';

const FULL = process.env.FUZZ_FULL === '1';
const COUNT = Number(process.env.FUZZ_COUNT ?? (FULL ? 6000 : 400));
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const PARALLEL = 4;
const MARKER = `fz${SEED}q`;

let p: TestPlatform;
let server: Server;
let port = 0;
const tokens = new Map<string, string>();

beforeAll(async () => {
  p = await startTestPlatform();
  server = handleClientErrors(createServer(p.app));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  for (const user of fuzzUsers()) if (user) tokens.set(user, await p.login(user));
});
afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await p?.close();
});

function send(c: FuzzCase): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...c.headers };
    if (c.as && !headers.Authorization) headers.Authorization = `Bearer ${tokens.get(c.as)}`;
    let payload: Buffer | undefined;
    if (c.body && 'json' in c.body) {
      payload = Buffer.from(JSON.stringify(c.body.json));
      headers['Content-Type'] = 'application/json';
    } else if (c.body) {
      payload = Buffer.isBuffer(c.body.raw) ? c.body.raw : Buffer.from(c.body.raw);
      headers['Content-Type'] = c.body.type;
    }
    const req = httpRequest({ host: '127.0.0.1', port, path: c.path, method: c.method.toUpperCase(), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body: '' }));
    });
    // A closed connection after a 4xx answer to a broken request is fine; no answer at all is not.
    req.on('error', (err) => resolve({ status: 0, body: String(err) }));
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    if (payload) req.end(payload);
    else req.end();
  });
}

/** Rows holding the run's marker, per table: what the fuzz would have stored. */
async function markedRows(): Promise<Record<string, number>> {
  const tables = await p.prisma.$queryRawUnsafe<Array<{ tablename: string }>>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_%'");
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await p.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${tablename}" t WHERE t::text LIKE $1`, `%${MARKER}%`);
    if (Number(row!.n) > 0) out[tablename] = Number(row!.n);
  }
  return out;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await p.prisma.$queryRawUnsafe<Array<{ tablename: string }>>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_%'");
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await p.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${tablename}"`);
    out[tablename] = Number(row!.n);
  }
  return out;
}

it(`answers ${COUNT} malformed requests across every route without a 5xx or a database change`, { timeout: FULL ? 1_800_000 : 300_000 }, async () => {
  const before = FULL ? await tableCounts() : null;
  const cases = buildCases({ seed: SEED, count: COUNT, marker: MARKER });
  const results: Array<{ case: FuzzCase; status: number; body: string }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        results.push({ case: c, ...(await send(c)) });
      }
    }),
  );
  const outcome = summarize(results);
  if (FULL || outcome.failures.length > 0) {
    console.log(`seed ${SEED}, ${COUNT} requests, users: ${fuzzUsers().map((u) => u ?? 'anonymous').join(', ')}\n${formatTable(outcome)}`);
    for (const f of outcome.failures.slice(0, 20)) console.log(`5xx: ${f.case.method.toUpperCase()} ${f.case.path.slice(0, 120)} as ${f.case.as} (${f.case.what}) → ${f.status} ${f.body.slice(0, 200)}`);
  }
  expect(outcome.failures.map((f) => `${f.case.route} ${f.case.what} → ${f.status}`)).toEqual([]);
  expect(outcome.byRoute.size).toBeGreaterThan(50);
  expect(await markedRows()).toEqual({});
  if (before) {
    const after = await tableCounts();
    if (FULL) console.log(`database: ${Object.keys(after).length} tables, ${Object.values(after).reduce((a, b) => a + b, 0)} rows, unchanged: ${JSON.stringify(after) === JSON.stringify(before)}`);
    expect(after).toEqual(before);
  }
});
