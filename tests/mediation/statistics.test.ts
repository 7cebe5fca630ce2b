// Statistics per unit and period against a seeded set of cases whose figures
// are worked out by hand below. The set lies in March 2019 (Beijing dates),
// a period no other test writes to, in 陈杨寨街道.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediationPlatform, who, type MediationPlatform } from './support';

let p: MediationPlatform;

type Level = 'community' | 'street' | 'district';
interface Spec {
  at: string;
  community?: string;
  street?: string;
  channel: string;
  disputeType: string;
  outcome: string | null;
  judicial?: string | null;
  /** [level, hours, ended?] */
  rounds: Array<[Level, number, boolean?]>;
}

async function seedCase(s: Spec) {
  const id = randomUUID();
  const street = s.street ?? 'qindu-chenyang';
  const community = s.community ?? `${street}-wenhua`;
  const start = Date.parse(s.at);
  let t = start;
  const rounds = s.rounds.map(([level, hours, ended = true], i) => {
    const startedAt = new Date(t);
    t += hours * 3600_000;
    return {
      level,
      roundNo: i + 1,
      unitId: level === 'community' ? community : level === 'street' ? street : 'qindu',
      startedAt,
      dueAt: new Date(startedAt.getTime() + 7 * 86_400_000),
      endedAt: ended ? new Date(t) : null,
      outcome: ended ? 'failed' : null,
    };
  });
  await p.prisma.mediationCase.create({
    data: {
      id,
      workflowId: `mediation-${id}`,
      caseNo: `统计测试-${id}`,
      title: '统计样本',
      description: '统计样本',
      channel: s.channel,
      disputeType: s.disputeType,
      risk: 'low',
      complexity: 'ordinary',
      partyCount: 2,
      placeUnitId: community,
      placeName: community,
      placePath: `qindu/${street}/${community}/`,
      communityUnitId: community,
      streetUnitId: street,
      districtUnitId: 'qindu',
      registeredAt: new Date(start),
      registeredById: 'seed',
      stage: s.outcome ? 'closed' : 'in_round',
      currentLevel: s.rounds.at(-1)?.[0] ?? null,
      outcome: s.outcome,
      judicialStatus: s.judicial ?? null,
      targetConcludeBy: new Date(start + 30 * 86_400_000),
      version: 1,
      rounds: { create: rounds },
    },
  });
}

beforeAll(async () => {
  p = await startMediationPlatform();
  const set: Spec[] = [
    // 00:30 on 1 March in Beijing is still 28 February in UTC: inside the period.
    { at: '2019-02-28T16:30:00Z', channel: 'walk_in', disputeType: 'neighbour', outcome: 'agreement', judicial: 'confirmed', rounds: [['community', 24]] },
    { at: '2019-03-02T02:00:00Z', channel: 'hotline_12345', disputeType: 'noise', outcome: 'agreement', judicial: 'expired', rounds: [['community', 48], ['street', 12]] },
    { at: '2019-03-04T02:00:00Z', channel: 'grid_worker', disputeType: 'labour', outcome: 'not_mediated', rounds: [['community', 72], ['street', 24], ['district', 36]] },
    { at: '2019-03-05T02:00:00Z', channel: 'court_referral', disputeType: 'civil_commercial_contract', outcome: 'agreement', judicial: 'not_confirmed', rounds: [['community', 10]], community: 'qindu-chenyang-shiji' },
    { at: '2019-03-06T02:00:00Z', channel: 'police_referral', disputeType: 'criminal', outcome: 'referred_out', rounds: [] },
    { at: '2019-03-07T02:00:00Z', channel: 'online', disputeType: 'heating', outcome: 'withdrawn', rounds: [['community', 6]] },
    { at: '2019-03-08T02:00:00Z', channel: 'walk_in', disputeType: 'water_leak', outcome: null, rounds: [['community', 30], ['street', 5, false]] },
    { at: '2019-03-31T15:00:00Z', channel: 'grid_worker', disputeType: 'property_management', outcome: 'agreement', judicial: 'accepted', rounds: [['community', 20]] },
    // Outside: 1 April in Beijing; another street.
    { at: '2019-03-31T16:30:00Z', channel: 'walk_in', disputeType: 'noise', outcome: 'agreement', judicial: 'confirmed', rounds: [['community', 1]] },
    { at: '2019-03-10T02:00:00Z', street: 'qindu-xilan', community: 'qindu-xilan-huafu', channel: 'walk_in', disputeType: 'noise', outcome: 'agreement', rounds: [['community', 2]] },
  ];
  for (const s of set) await seedCase(s);
});
afterAll(() => p?.close());

describe('mediation statistics', () => {
  it('matches the seeded set exactly', async () => {
    const r = await p.get(who.auditor, '/api/mediation-cases/statistics?unitId=qindu-chenyang&from=2019-03-01&to=2019-03-31');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({
      unit: { id: 'qindu-chenyang', name: '陈杨寨街道' },
      from: '2019-03-01',
      to: '2019-03-31',
      total: 8,
      byChannel: { hotline_12345: 1, grid_worker: 2, walk_in: 2, online: 1, court_referral: 1, police_referral: 1 },
      byType: {
        neighbour: 1,
        property_management: 1,
        marriage_family: 0,
        labour: 1,
        water_leak: 1,
        noise: 1,
        heating: 1,
        civil_commercial_contract: 1,
        land_contract: 0,
        criminal: 1,
        administrative: 0,
        other: 0,
      },
      byLevel: { community: 4, street: 2, district: 1 },
      byOutcome: { agreement: 4, not_mediated: 1, refused: 0, withdrawn: 1, referred_out: 1, in_progress: 1 },
      mediated: 4,
      concluded: 6,
      successRatePercent: '66.7',
      judicialConfirmations: { applied: 3, confirmed: 1, notConfirmed: 1 },
      // community rounds 6, 10, 20, 24, 30, 48, 72 h; street 12 and 24 h (one still open); district 36 h.
      medianRoundHours: { community: 24, street: 18, district: 36 },
      roundsEnded: { community: 7, street: 2, district: 1 },
      byMonth: [{ month: '2019-03', total: 8, mediated: 4, concluded: 6 }],
    });
  });

  it('narrows to a community and refuses units outside the caller\'s scope', async () => {
    const r = await p.get(who.auditor, '/api/mediation-cases/statistics?unitId=qindu-chenyang-shiji&from=2019-03-01&to=2019-03-31');
    expect(r.body).toMatchObject({ total: 1, mediated: 1, successRatePercent: '100.0' });
    const quarter = await p.get(who.auditor, '/api/mediation-cases/statistics?unitId=qindu-chenyang&from=2019-03-01&to=2019-04-30');
    expect(quarter.body.byMonth).toEqual([
      { month: '2019-03', total: 8, mediated: 4, concluded: 6 },
      { month: '2019-04', total: 1, mediated: 1, concluded: 1 },
    ]);
    const other = await p.get(who.otherStreetMediator, '/api/mediation-cases/statistics?unitId=qindu-chenyang&from=2019-03-01&to=2019-03-31');
    expect(other.status).toBe(403);
    // A community secretary reads their own community's figures, not a neighbour's.
    const staff = await p.get(who.communityStaff, '/api/mediation-cases/statistics?unitId=qindu-renmin-furong&from=2019-03-01&to=2019-03-31');
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ unit: { id: 'qindu-renmin-furong' }, from: '2019-03-01' });
    const neighbour = await p.get(who.communityStaff, '/api/mediation-cases/statistics?unitId=qindu-chenyang-shiji&from=2019-03-01&to=2019-03-31');
    expect(neighbour.status).toBe(403);
  });

  it('defaults the unit to the caller\'s and the period to the current year', async () => {
    const year = new Date(p.now().getTime() + 8 * 3600_000).getUTCFullYear();
    const street = await p.get(who.streetMediator, '/api/mediation-cases/statistics');
    expect(street.status).toBe(200);
    expect(street.body).toMatchObject({ unit: { id: 'qindu-renmin' }, from: `${year}-01-01`, to: `${year}-12-31` });
    const staff = await p.get(who.communityStaff, '/api/mediation-cases/statistics?from=2019-03-01');
    expect(staff.body).toMatchObject({ unit: { id: 'qindu-renmin-furong' }, from: '2019-03-01', to: `${year}-12-31` });
    const auditor = await p.get(who.auditor, '/api/mediation-cases/statistics?from=2019-03-01&to=2019-03-31');
    expect(auditor.body).toMatchObject({ unit: { id: 'qindu' }, from: '2019-03-01', to: '2019-03-31' });
    expect(auditor.body.total).toBeGreaterThanOrEqual(9);
  });

  it('refuses impossible dates and a reversed period with 400 naming the field', async () => {
    for (const bad of ['2026-13-45', '0000-00-00', '2026-02-30', '2026-1-1', '%00']) {
      const r = await p.get(who.auditor, `/api/mediation-cases/statistics?unitId=qindu&from=${bad}&to=2026-12-31`);
      expect(r.status, bad).toBe(400);
      expect(r.body.errors[0]).toMatchObject({ in: 'query', field: 'from' });
      expect(r.body.title).toBe('请求内容不符合要求');
    }
    const reversed = await p.get(who.auditor, '/api/mediation-cases/statistics?unitId=qindu&from=2026-12-31&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0]).toMatchObject({ field: 'from', code: 'date_order' });
  });
});
