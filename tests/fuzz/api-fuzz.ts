// Malformed requests across every route of ROUTE_MODULES (issue 13): bad ids,
// broken percent-encodings, NUL and other controls, lone surrogates, huge
// strings, wrong types, impossible dates, broken JSON, big headers — sent as
// each demo role and anonymously. Deterministic for a seed, so a failure
// replays. Used by tests/fuzz/api-fuzz.test.ts (a small sample in every run,
// the full run with `npm run fuzz:api`).
import { z } from 'zod';
import type { RouteDefinition } from '../../api';
import { ROUTE_MODULES } from '../../api';
import { DEMO_PEOPLE } from '../../seeds/demo-org';

export interface FuzzCase {
  route: string;
  method: RouteDefinition['method'];
  /** Already encoded: sent as is. */
  path: string;
  /** Demo username, or null for no token. */
  as: string | null;
  headers: Record<string, string>;
  /** A JSON value, or a raw string sent with the given content type. */
  body?: { json: unknown } | { raw: string | Buffer; type: string };
  what: string;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One user of each demo role (the first in the seed), plus anonymous. */
export function fuzzUsers(): Array<string | null> {
  const byRole = new Map<string, string>();
  for (const p of DEMO_PEOPLE) if (!byRole.has(p.role)) byRole.set(p.role, p.username);
  return [null, ...byRole.values()];
}

/** Text a field must refuse or survive; each carries `marker` so a stored copy can be found. */
function badStrings(marker: string): string[] {
  return [
    `${marker}\u0000`,
    `${marker}\ud800`,
    `\udc00${marker}`,
    `${marker}\u0007\u001b[31m`,
    `${marker}\n第二行\t制表`,
    `${marker}${'长'.repeat(70_000)}`,
    `${marker}${'x'.repeat(3_000)}`,
    ' ',
    '',
    `${marker}'; DROP TABLE "Project"; --`,
    `${marker}\u202e\ufeff\u200b`,
    `${marker}😀`,
    '2026-13-45',
    '0000-00-00',
    '2026-02-30',
    '99999-01-01',
  ];
}

const BAD_VALUES: unknown[] = [null, 0, -1, 1.5, 1e308, -1e308, true, false, [], {}, [null], { $gt: '' }, { __proto__: { admin: true } }];

/** Path segments that must never reach a use case as they are. */
const BAD_SEGMENTS = ['%', '%ED%A0%80', '%E4%B8', '%00', 'a%00b', '%C0%AF', '%FF', '%25', '..%2F..%2Fetc', '%F0%9F%98%80', '-1', '0', '00000000-0000-0000-0000-000000000000', 'x'.repeat(3000), '%20', 'reporting-%00', 'reporting-x'];

const BAD_QUERY_VALUES = ['%00', '%ED%A0%80', '%', '2026-13-45', '0000-00-00', 'NaN', '-1', '1e309', '9007199254740993', 'true%00', 'x'.repeat(5000), '%5B%5D', '', '%0A'];

function shapeOf(schema: unknown): Record<string, unknown> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, unknown>;
  return null;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function fillPath(path: string, rand: () => number, segment?: string): string {
  return path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
    if (name === 'action' && rand() < 0.5) return pick(rand, ['report', 'vote', 'close-upward', 'nope', '%00']);
    return segment ?? pick(rand, BAD_SEGMENTS);
  });
}

/** `count` cases spread over every route (at least one per route and user when count allows). */
export function buildCases({ seed, count, marker, users = fuzzUsers() }: { seed: number; count: number; marker: string; users?: Array<string | null> }): FuzzCase[] {
  const rand = prng(seed);
  const routes = ROUTE_MODULES.flatMap((m) => m.routes).filter((r) => r.path !== '/api/docs');
  const strings = badStrings(marker);
  const cases: FuzzCase[] = [];
  let i = 0;
  while (cases.length < count) {
    const route = routes[i % routes.length]!;
    const as = users[Math.floor(i / routes.length) % users.length] ?? null;
    i++;
    const name = `${route.method.toUpperCase()} ${route.path}`;
    const base = { route: name, method: route.method, as, headers: {} as Record<string, string> };
    const kind = Math.floor(rand() * 8);
    const hasParams = route.path.includes(':');
    const query = shapeOf(route.request?.query);
    const body = shapeOf(route.request?.body);
    const cleanPath = fillPath(route.path, rand, hasParams ? crypto.randomUUID() : undefined);

    if (kind === 0 && hasParams) {
      cases.push({ ...base, path: fillPath(route.path, rand), what: 'bad path segment' });
    } else if (kind === 1 && query) {
      const key = pick(rand, Object.keys(query));
      const v = pick(rand, BAD_QUERY_VALUES);
      const extra = rand() < 0.3 ? `&${key}=2&${key}=3` : rand() < 0.3 ? `&%00=1&${encodeURIComponent(marker)}=x` : '';
      cases.push({ ...base, path: `${cleanPath}?${key}=${v}${extra}`, what: `query ${key}=${v.slice(0, 20)}` });
    } else if (kind === 2 && body) {
      const key = pick(rand, Object.keys(body));
      const value = rand() < 0.6 ? pick(rand, strings) : pick(rand, BAD_VALUES);
      cases.push({ ...base, path: cleanPath, body: { json: { [key]: value } }, what: `body ${key}` });
    } else if (kind === 3 && route.method !== 'get') {
      const raw = pick(rand, [
        '{"a":',
        '{"title":"\\ud800"}',
        '{"title":"\\u0000"}',
        '[]',
        'null',
        '"text"',
        '1',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        JSON.stringify({ big: 'x'.repeat(400_000) }),
      ] as Array<string | Buffer>);
      const type = pick(rand, ['application/json', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded']);
      cases.push({ ...base, path: cleanPath, body: { raw, type }, what: `raw body (${type})` });
    } else if (kind === 4) {
      const header = pick<Record<string, string>>(rand, [
        { 'X-Padding': 'x'.repeat(40_000) },
        { 'Idempotency-Key': `${marker}-${'k'.repeat(200)}` },
        { 'Idempotency-Key': `${marker}\u00e9\u00ff` },
        { 'X-Request-Id': `${marker}\u00e9 ${'r'.repeat(300)}` },
        { Authorization: 'Bearer ' },
        { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' },
        { Authorization: `Basic ${'A'.repeat(100)}` },
        { Accept: 'application/xml' },
      ]);
      cases.push({ ...base, path: cleanPath, headers: header, body: route.method === 'get' ? undefined : { json: {} }, what: `header ${Object.keys(header)[0]}` });
    } else if (kind === 5 && body) {
      // Every field at once with a wrong type or bad text.
      const json = Object.fromEntries(Object.keys(body).map((k) => [k, rand() < 0.5 ? pick(rand, strings) : pick(rand, BAD_VALUES)]));
      cases.push({ ...base, path: cleanPath, body: { json }, what: 'every body field bad' });
    } else if (kind === 6 && query) {
      // Every date-like and id-like filter with NUL or an impossible date.
      const parts = Object.keys(query).map((k) => `${k}=${pick(rand, BAD_QUERY_VALUES)}`);
      cases.push({ ...base, path: `${cleanPath}?${parts.join('&')}`, what: 'every query field bad' });
    } else {
      const seg = hasParams ? pick(rand, ['%ED%A0%80', '%', '%00']) : undefined;
      cases.push({ ...base, path: fillPath(route.path, rand, seg), body: route.method === 'get' ? undefined : { json: { x: `${marker}\ud800` } }, what: 'broken encoding' });
    }
  }
  return cases;
}

export interface FuzzOutcome {
  total: number;
  byRoute: Map<string, { requests: number; fivexx: number; statuses: Map<number, number> }>;
  failures: Array<{ case: FuzzCase; status: number; body: string }>;
}

export function summarize(results: Array<{ case: FuzzCase; status: number; body: string }>): FuzzOutcome {
  const byRoute: FuzzOutcome['byRoute'] = new Map();
  const failures: FuzzOutcome['failures'] = [];
  for (const r of results) {
    const entry = byRoute.get(r.case.route) ?? { requests: 0, fivexx: 0, statuses: new Map() };
    entry.requests++;
    entry.statuses.set(r.status, (entry.statuses.get(r.status) ?? 0) + 1);
    // 503 from /api/ready is its own answer about dependencies, not a failure of the request.
    if ((r.status >= 500 && !(r.status === 503 && r.case.route === 'GET /api/ready')) || r.status === 0) {
      entry.fivexx++;
      failures.push(r);
    }
    byRoute.set(r.case.route, entry);
  }
  return { total: results.length, byRoute, failures };
}

export function formatTable(outcome: FuzzOutcome): string {
  const rows = [...outcome.byRoute.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([r]) => r.length));
  const lines = rows.map(([route, e]) => {
    const statuses = [...e.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    return `${route.padEnd(width)}  ${String(e.requests).padStart(5)}  5xx=${e.fivexx}  ${statuses}`;
  });
  const fivexx = rows.reduce((s, [, e]) => s + e.fivexx, 0);
  lines.push(`${'total'.padEnd(width)}  ${String(outcome.total).padStart(5)}  5xx=${fivexx}  routes=${rows.length}`);
  return lines.join('\n');
}
