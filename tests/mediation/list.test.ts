// GET /api/mediation-cases, the list the 调解 pages open on: one query for
// the page, its parties and the total (api/mediation/list-cases.ts). Cases
// are written straight into the read model here (the list reads nothing
// else), each title carrying this run's tag so that other files' cases in
// the shared database stay out of the assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startMediationPlatform, U, who, type MediationPlatform } from './support';

let p: MediationPlatform;
const tag = `列表${uniqueSuffix()}`;
const ids: Record<string, string> = {};
const unitPaths: Record<string, string> = {};

async function personId(username: string): Promise<string> {
  return (await p.prisma.person.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

interface Case {
  key: string;
  place: string;
  registeredAt: string;
  stage?: string;
  channel?: string;
  disputeType?: string;
  currentLevel?: string | null;
  outcome?: string | null;
  mediatorId?: string | null;
  parties: Array<{ name: string; phone: string; idNumber: string }>;
}

async function insert(c: Case, seq: number): Promise<void> {
  const id = `${tag}-${c.key}`;
  const place = await p.prisma.unit.findUniqueOrThrow({ where: { id: c.place } });
  const parts = place.path.split('/').filter(Boolean);
  await p.prisma.mediationCase.create({
    data: {
      id,
      workflowId: `mediation-${id}`,
      caseNo: `秦都调〔${tag}〕${seq}号`,
      title: `${tag} ${c.key} 邻里纠纷`,
      description: '列表测试',
      channel: c.channel ?? 'walk_in',
      disputeType: c.disputeType ?? 'neighbour',
      risk: 'low',
      complexity: 'simple',
      partyCount: c.parties.length,
      placeUnitId: place.id,
      placeName: place.name,
      placePath: place.path,
      communityUnitId: parts[2] ?? place.id,
      streetUnitId: parts[1]!,
      districtUnitId: parts[0]!,
      registeredAt: new Date(c.registeredAt),
      registeredById: await personId(usernameFor('grid_worker', U.grid)),
      stage: c.stage ?? 'in_round',
      currentLevel: c.currentLevel ?? 'community',
      outcome: c.outcome ?? null,
      mediatorId: c.mediatorId ?? null,
      judicialStatus: c.outcome === 'agreement' ? 'confirmed' : null,
      targetConcludeBy: new Date(Date.parse(c.registeredAt) + 30 * 86_400_000),
      // Listed from the columns: a state the list would have to read is none of its business.
      snapshot: { judicial: { status: 'should-not-be-read' } },
      parties: { create: c.parties.map((party, i) => ({ seq: i + 1, role: i === 0 ? 'applicant' : 'respondent', ...party })) },
    },
  });
  ids[c.key] = id;
}

beforeAll(async () => {
  p = await startMediationPlatform();
  for (const u of [U.community, 'qindu-renmin-yongchang', U.otherStreet]) unitPaths[u] = (await p.prisma.unit.findUniqueOrThrow({ where: { id: u } })).path;
  const otherStreetCommunity = await p.prisma.unit.findFirstOrThrow({ where: { path: { startsWith: unitPaths[U.otherStreet] }, level: 'community' } });
  const cases: Case[] = [
    { key: 'a', place: U.community, registeredAt: '2026-03-02T02:00:00Z', parties: [{ name: `甲${tag}`, phone: '13812345678', idNumber: '610402197801011234' }, { name: '乙某', phone: '13900001111', idNumber: '610402198001011234' }] },
    { key: 'b', place: U.grid, registeredAt: '2026-03-05T02:00:00Z', channel: 'hotline_12345', currentLevel: 'street', parties: [{ name: '丙某', phone: '13700002222', idNumber: '610402198201011234' }] },
    { key: 'c', place: 'qindu-renmin-yongchang', registeredAt: '2026-04-10T02:00:00Z', stage: 'closed', outcome: 'agreement', parties: [{ name: '丁某', phone: '13600003333', idNumber: '610402198401011234' }] },
    // Another street's, mediated by the renmin street mediator (seconded): only they of the renmin people see it.
    { key: 'd', place: otherStreetCommunity.id, registeredAt: '2026-04-20T02:00:00Z', mediatorId: await personId(who.streetMediator), parties: [{ name: '戊某', phone: '13500004444', idNumber: '610402198601011234' }] },
    { key: 'e', place: otherStreetCommunity.id, registeredAt: '2026-05-01T02:00:00Z', parties: [{ name: '己某 100%', phone: '13400005555', idNumber: '610402198801011234' }] },
  ];
  for (const [i, c] of cases.entries()) await insert(c, i + 1);
});
afterAll(() => p?.close());

const keysOf = (body: { items: Array<{ id: string }> }) => body.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? '?');
const list = async (username: string, query: string) => {
  const res = await p.get(username, `/api/mediation-cases?q=${encodeURIComponent(tag)}${query.includes('limit=') ? '' : '&limit=200'}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Array<{ id: string } & Record<string, any>>; total: number };
};

describe('GET /api/mediation-cases', () => {
  it('lists the caller scope newest first, with cases they mediate elsewhere, parties in order and masked, the judicial status from its column', async () => {
    const street = await list(who.streetMediator, '');
    expect(keysOf(street)).toEqual(['d', 'c', 'b', 'a']);
    expect(street.total).toBe(4);
    const a = street.items.find((i) => i.id === ids.a)!;
    expect(a.parties).toEqual([
      { seq: 1, role: 'applicant', name: `甲${tag}`, phone: '138****5678', idNumber: '610402********1234', address: null },
      { seq: 2, role: 'respondent', name: '乙某', phone: '139****1111', idNumber: '610402********1234', address: null },
    ]);
    expect(a).toMatchObject({ personalDataVisible: false, place: { id: U.community }, stage: 'in_round', currentLevel: 'community', registeredAt: '2026-03-02T02:00:00.000Z', judicialStatus: null });
    expect(street.items.find((i) => i.id === ids.c)).toMatchObject({ outcome: 'agreement', outcomeLabel: expect.any(String), judicialStatus: 'confirmed' });
    // The community's staff: their community and its grids only; the other street's mediator: theirs only.
    expect(keysOf(await list(who.communityStaff, ''))).toEqual(['b', 'a']);
    expect(keysOf(await list(who.otherStreetMediator, ''))).toEqual(['e', 'd']);
  });

  it('filters by stage, channel, level, outcome, 司法确认 status, unit and registration dates, and pages with the total of the filter', async () => {
    expect(keysOf(await list(who.auditor, '&stage=closed'))).toEqual(['c']);
    expect(keysOf(await list(who.auditor, '&channel=hotline_12345'))).toEqual(['b']);
    expect(keysOf(await list(who.auditor, '&level=street'))).toEqual(['b']);
    expect(keysOf(await list(who.auditor, '&outcome=agreement'))).toEqual(['c']);
    expect(keysOf(await list(who.auditor, '&judicialStatus=confirmed'))).toEqual(['c']);
    expect(keysOf(await list(who.auditor, '&judicialStatus=applied'))).toEqual([]);
    expect(keysOf(await list(who.auditor, `&unitId=${U.community}`))).toEqual(['b', 'a']);
    expect(keysOf(await list(who.auditor, `&unitId=${U.street}`))).toEqual(['c', 'b', 'a']);
    // Beijing days, both ends included.
    expect(keysOf(await list(who.auditor, '&from=2026-03-05&to=2026-04-20'))).toEqual(['d', 'c', 'b']);
    const page = await list(who.auditor, '&limit=2&offset=1');
    expect(keysOf(page)).toEqual(['d', 'c']);
    expect(page.total).toBe(5);
    const past = await list(who.auditor, '&offset=50');
    expect(past.items).toEqual([]);
    expect(past.total).toBe(5);
    expect((await p.get(who.auditor, '/api/mediation-cases?unitId=no-such-unit')).status).toBe(404);
  });

  it('searches the case number, the title and the parties’ names, taking % as a character', async () => {
    const search = async (q: string) => keysOf((await p.get(who.auditor, `/api/mediation-cases?limit=200&q=${encodeURIComponent(q)}`)).body);
    expect(await search(`秦都调〔${tag}〕2号`)).toEqual(['b']);
    expect(await search(`${tag} c `)).toEqual(['c']);
    expect(await search(`甲${tag}`)).toEqual(['a']);
    expect(await search('己某 100%')).toEqual(['e']);
    expect(await search(`${tag}%`)).toEqual([]);
  });
});
