// Demo people and request bodies shared by the project suites. Funding years
// are handed out so that reservations against the community's yearly cap
// never add up across tests or files sharing the run's database.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ProjectPlatform } from './support';
import { DAY } from './support';

export const U = {
  community: 'community.qindu-renmin-furong',
  siblingCommunity: 'community.qindu-renmin-yongchang',
  street: 'street_office.qindu-renmin',
  siblingStreet: 'street_office.qindu-xilan',
  district: 'district_org.qindu',
  finance: 'finance.qindu',
  rep: 'resident_rep.qindu-renmin-furong',
  siblingRep: 'resident_rep.qindu-renmin-yongchang',
  grid: 'grid_worker.qindu-renmin-furong-g1',
  auditor: 'auditor.qindu',
} as const;

// Funding years are shared by every project test file of a run (one
// database), and the yearly cap is per community and year. Claims are marker
// files created exclusively (atomic across the parallel test processes) in a
// folder named after the run's Redis prefix.
const claimDir = () => {
  const dir = path.join(os.tmpdir(), 'cg-test-years', process.env.REDIS_PREFIX ?? 'local');
  mkdirSync(dir, { recursive: true });
  return dir;
};

function claim(name: string): boolean {
  try {
    closeSync(openSync(path.join(claimDir(), name), 'wx'));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

// A new project's milestones may not fall due before its funding year, and
// the fixtures' due dates lie a few weeks after the engine's "now": so every
// year the tests apply for is a past one. 2000–2010 are exclusive (cap
// tests), 2011 to last year are shared.
const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const FRESH_YEARS = { from: 2000, to: 2010 };
const SHARED_YEARS = Array.from({ length: THIS_YEAR - 1 - FRESH_YEARS.to }, (_, i) => FRESH_YEARS.to + 1 + i);

/**
 * A year for an ordinary application: the run's applications are dealt round
 * the years 2011 to last year in turn, so each year holds two or three of
 * them, below the cap (the demo seeds' current year is left out).
 */
function sharedYear(): number {
  let slot = 0;
  while (!claim(`slot-${slot}`)) slot++;
  return SHARED_YEARS[slot % SHARED_YEARS.length]!;
}

/** A funding year no other application of the run uses (2000–2010), for tests that measure the cap. */
export function freshYear(): number {
  for (let year = FRESH_YEARS.from; year <= FRESH_YEARS.to; year++) if (claim(`year-${year}`)) return year;
  throw new Error(`no exclusive funding year left for this test run (${FRESH_YEARS.from}–${FRESH_YEARS.to} all used)`);
}

export function dateIn(p: ProjectPlatform, days: number): string {
  return new Date(p.now().getTime() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface ApplyOptions {
  year?: number;
  amounts?: number[];
  finalFen?: number;
  dueInDays?: number;
  title?: string;
}

export function applicationBody(p: ProjectPlatform, o: ApplyOptions = {}) {
  const amounts = o.amounts ?? [1_000_000, 1_000_001];
  const finalFen = o.finalFen ?? 500_000;
  return {
    title: o.title ?? '楼院微治理试点',
    category: 'community_service',
    goals: '推动物业党建联建,解决楼院环境问题',
    budgetFen: amounts.reduce((a, b) => a + b, 0) + finalFen,
    finalPaymentFen: finalFen,
    milestones: amounts.map((amountFen, i) => ({ title: `第${i + 1}阶段`, amountFen, dueDate: dateIn(p, (o.dueInDays ?? 60) * (i + 1)) })),
    year: o.year ?? sharedYear(),
  };
}

export async function apply(p: ProjectPlatform, o: ApplyOptions = {}, as: string = U.community): Promise<string> {
  const res = await p.post(as, '/api/projects', applicationBody(p, o));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.projectId as string;
}

export async function act(p: ProjectPlatform, as: string, id: string, action: string, body: object = {}, headers: Record<string, string> = {}) {
  return p.post(as, `/api/projects/${id}/actions/${action}`, body, headers);
}

/** Acts and expects success. */
export async function ok(p: ProjectPlatform, as: string, id: string, action: string, body: object = {}) {
  const res = await act(p, as, id, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

export async function project(p: ProjectPlatform, id: string, as: string = U.street) {
  const res = await p.get(as, `/api/projects/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Approval by the street, then the 公示 runs out (5 working days ≤ 9 calendar days). */
export async function toImplementation(p: ProjectPlatform, id: string) {
  await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
  await p.advanceTime(10 * DAY);
  const body = await project(p, id);
  expect(body.stage).toBe('implementation');
  return body;
}

export async function payMilestone(p: ProjectPlatform, id: string, seq: number) {
  await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: seq, summary: `第${seq}阶段完成`, evidence: ['照片.jpg'] });
  await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: seq, decision: 'verify' });
  const d = (await project(p, id)).state.disbursements.find((x: any) => x.milestoneSeq === seq && x.status === 'requested');
  await ok(p, U.finance, id, 'releaseFunds', { disbursementId: d.id, voucherNo: `V-${id.slice(0, 6)}-${d.id}` });
}

export const SCORES = (n: number) => ({ goals: n, funds: n, satisfaction: n, records: n });

/** The project's open inbox tasks, as the inbox table holds them. */
export async function openTasks(p: ProjectPlatform, id: string) {
  return p.prisma.humanTask.findMany({ where: { workflowId: `project-${id}`, status: 'open' }, orderBy: { createdAt: 'asc' } });
}
