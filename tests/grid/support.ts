// Shared pieces of the grid incident suites: the test platform, HTTP helpers
// acting as demo people, and an incident factory with sensible defaults and
// unique values.
import { expect } from 'vitest';
import { usernameFor } from '../../seeds/demo-org';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../helpers/platform';

export const DAY = 86_400_000;

export interface GridPlatform extends TestPlatform {
  get(username: string, path: string): Promise<{ status: number; body: any }>;
  post(username: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  act(username: string, incidentId: string, action: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  report(username: string, over?: Record<string, unknown>): Promise<string>;
  /** Waits until the incident's read model satisfies `check`; returns it as `username` sees it. */
  incidentWhen(id: string, check: (c: any) => boolean, username?: string): Promise<any>;
  /** Moves virtual time to just after `iso`. */
  until(iso: string, extraMs?: number): Promise<void>;
}

let n = 0;
export function incidentBody(placeUnitId: string, over: Record<string, unknown> = {}) {
  n += 1;
  return {
    channel: 'grid_worker',
    type: 'public_facility',
    urgency: 'ordinary',
    title: `${n}号楼东侧路灯不亮`,
    description: '夜间巡查发现路灯不亮,居民出行不便。',
    placeUnitId,
    address: `${n}号楼东侧`,
    photos: [`attachments/grid/${n}.jpg`],
    ...over,
  };
}

export const auditor = usernameFor('auditor', 'qindu');

export async function startGridPlatform(options: TestPlatformOptions = {}): Promise<GridPlatform> {
  const p = await startTestPlatform(options);
  const get: GridPlatform['get'] = async (username, path) => {
    const res = await (await p.as(username)).get(path);
    return { status: res.status, body: res.body };
  };
  const post: GridPlatform['post'] = async (username, path, body, headers = {}) => {
    const res = await (await p.as(username)).post(path).set(headers).send(body ?? {});
    return { status: res.status, body: res.body };
  };
  const act: GridPlatform['act'] = (username, id, action, body, headers) => post(username, `/api/grid-incidents/${id}/actions/${action}`, body, headers);
  const incidentWhen: GridPlatform['incidentWhen'] = (id, check, username = auditor) =>
    p.waitFor(async () => {
      const res = await get(username, `/api/grid-incidents/${id}`);
      return res.status === 200 && res.body.state?.stage && check(res.body) ? res.body : false;
    });
  const report: GridPlatform['report'] = async (username, over = {}) => {
    const res = await post(username, '/api/grid-incidents', incidentBody(String(over.placeUnitId ?? 'qindu-renmin-furong-g1'), over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.incidentId as string;
    await incidentWhen(id, (c) => c.timeline.length > 0);
    return id;
  };
  const until: GridPlatform['until'] = async (iso, extraMs = 60_000) => {
    const ms = Date.parse(iso) - p.now().getTime() + extraMs;
    if (ms > 0) await p.advanceTime(ms);
  };
  return Object.assign(p, { get, post, act, report, incidentWhen, until });
}
