// Issue 13 for mediation, through the API with the real worker and engine.
// Access before state: whoever cannot read a case gets 404 for every action
// on it, whatever its stage; whoever reads it but may not act gets 403; only
// those who may act hear about the stage or who holds the round.
// No wedge: the database refusing a save refuses the action (422, nothing
// changed) or, for the case's own steps, opens an incident for admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../domain/mediation/case-state';
import { mediationStateQuery } from '../../workflows/mediation-shared';
import { usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startMediationPlatform, who, type MediationPlatform } from './support';

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
});
afterAll(() => p?.close());

/** Sibling units of the case's place (芙蓉社区, 人民路街道). */
const outsiders = {
  siblingCommunityMediator: usernameFor('mediator', 'qindu-renmin-yongchang'),
  otherStreetMediator: who.otherStreetMediator,
  otherStreetCommunityMediator: usernameFor('mediator', 'qindu-xilan-huafu'),
};

/** A body for each action that passes its schema. */
const bodies: Record<string, object> = {
  assignMediator: { mediatorId: '00000000-0000-0000-0000-000000000000' },
  acceptCase: {},
  recordSession: { heldOn: '2026-01-01', participants: ['甲'], summary: '调解' },
  recordAgreement: { terms: '赔偿', performance: '一次付清', amountFen: 100, performBy: null },
  recordFailure: { reason: '分歧大' },
  recordWithdrawal: { kind: 'withdrawn', party: '申请人', reason: '和解' },
  applyJudicialConfirmation: { applicants: ['甲', '乙'], court: '秦都区人民法院' },
  recordCourtAcceptance: { accepted: true },
  recordCourtDecision: { confirmed: true },
  recordFollowUp: { result: 'fulfilled', note: '已履行' },
  extendPreLitigation: { applicantAgreed: true, respondentAgreed: true },
};

/** Every action by everyone outside: 404, and the answer names no stage and no person. */
async function expectAllNotFound(caseId: string) {
  for (const [label, username] of Object.entries(outsiders)) {
    for (const name of ACTION_NAMES) {
      const slug = name;
      // Every action has a body here: a body that fails its schema is a 400 before anything else.
      expect(bodies[slug], `a body for ${slug}`).toBeDefined();
      const res = await p.act(username, caseId, slug, bodies[slug]);
      expect([label, slug, res.status, res.body.code]).toEqual([label, slug, 404, 'NOT_FOUND']);
      expect(res.body.detail).not.toMatch(/受理|阶段|结案|承办|调解员/);
    }
  }
}

describe('mediation: access before state', () => {
  it('answers every action by a mediator of a sibling unit with 404, before and after acceptance and after closing', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await expectAllNotFound(id);

    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    // Today's leak: "本轮调解已由…受理" to a mediator who cannot even read the case.
    await expectAllNotFound(id);

    expect((await p.act(who.communityMediator, id, 'recordWithdrawal', { kind: 'withdrawn', party: '申请人', reason: '已和解' })).status).toBe(200);
    await p.caseWhen(id, (c) => c.stage === 'closed');
    await expectAllNotFound(id);
    // Those who may act hear the stage.
    const closed = await p.act(who.communityMediator, id, 'recordSession', bodies['recordSession']!);
    expect([closed.status, closed.body.code]).toEqual([409, 'WRONG_STAGE']);
  });

  it('answers 403 to a reader who may not act, without the stage or the mediator', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    for (const reader of [who.communityStaff, who.auditor, who.gridWorker]) {
      expect((await p.get(reader, `/api/mediation-cases/${id}`)).status).toBe(200);
      const res = await p.act(reader, id, 'acceptCase', {});
      expect([reader, res.status, res.body.code]).toEqual([reader, 403, 'FORBIDDEN_ROLE']);
      expect(res.body.detail).not.toMatch(/受理|阶段/);
    }
  });
});

describe('mediation: data the database refuses', () => {
  const marker = `拒绝写入-${uniqueSuffix()}`;
  const trigger = `refuse_case_${uniqueSuffix().replace(/\W/g, '_')}`;

  beforeAll(async () => {
    await p.prisma.$executeRawUnsafe(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.snapshot::text LIKE '%${marker}%' THEN
          RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8" (test)' USING ERRCODE = '22021';
        END IF;
        RETURN NEW;
      END $$`);
    await p.prisma.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON "MediationCase" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
  });
  afterAll(async () => {
    await p?.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON "MediationCase"`);
    await p?.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${trigger}()`);
  });

  it('refuses the action that carried the data and rolls it back; the case goes on', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    const before = await p.caseWhen(id, (c) => c.state.version > 0);

    const refused = await p.act(who.communityMediator, id, 'recordSession', { heldOn: p.today(), participants: ['甲', '乙'], summary: marker });
    expect([refused.status, refused.body.code], JSON.stringify(refused.body)).toEqual([422, 'DATA_REJECTED']);
    const unchanged = await p.get(who.auditor, `/api/mediation-cases/${id}`);
    expect(unchanged.body.state.version).toBe(before.state.version);

    // The next action answers at once and is saved; the refused session is not in it.
    const next = await p.act(who.communityMediator, id, 'recordSession', { heldOn: p.today(), participants: ['甲', '乙'], summary: '首次调解' });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const after = await p.caseWhen(id, (c) => c.state.version > before.state.version);
    const sessions = after.state.rounds.at(-1).sessions as { summary: string }[];
    expect(sessions.map((s) => s.summary)).toEqual(['首次调解']);
  });

  it('opens an incident for admin when the case\'s own save is refused, and keeps serving actions', async () => {
    const id = await p.register({ title: `${marker} 漏水纠纷` });
    const incident = await p.waitFor(async () => {
      const res = await p.get('admin.qindu', '/api/tasks?process=mediation&action=incident&status=open&limit=100');
      return (res.body.items as { subjectId: string; title: string; role: string }[]).find((t) => t.subjectId === id) ?? null;
    });
    expect(incident.role).toBe('admin');
    expect(incident.title).not.toContain(marker);
    // The process was not wedged: it went on to open the round (its state says so; the read model could not) ...
    await p.waitFor(async () => (await p.client.workflow.getHandle(`mediation-${id}`).query(mediationStateQuery)).stage === 'in_round');
    // ... and an action on it is answered at once (refused: its save carries the same data).
    const res = await p.act(who.communityMediator, id, 'acceptCase', {});
    expect([res.status, res.body.code]).toEqual([422, 'DATA_REJECTED']);
  });
});
