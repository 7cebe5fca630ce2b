// Issue 13 for 双向述职, through the API with the real worker and engine.
// Access before state: whoever cannot read a report gets 404 for every action
// on it, whatever its stage; a reader whose role may not take the action gets
// 403; only those who may act hear about the stage.
// No wedge: the database refusing a save refuses the action (422, nothing
// changed) and the report takes the next one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear, REPORT_ACTION_NAMES } from '../../domain/reporting';
import { uniqueSuffix } from '../helpers/db';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { act, actOk, getReport, repsOf, secretaryOf, streetOfficeOf, waitForStage } from './helpers';

// A street and year no other reporting suite uses (cycle.test: this street this year).
const STREET = 'qindu-renmin';
const FURONG = 'qindu-renmin-furong';
const YONGCHANG = 'qindu-renmin-yongchang';

let p: TestPlatform;
let id: string;

/** People of sibling units: none of them can read 芙蓉社区's report. */
const outsiders = {
  siblingStreetOffice: streetOfficeOf('qindu-xilan'),
  siblingSecretary: secretaryOf(YONGCHANG),
  siblingRep: repsOf(YONGCHANG)[0]!,
  otherStreetRep: repsOf('qindu-xilan-huafu')[0]!,
};

const bodies: Record<string, object> = {
  report: { content: '述职报告' },
  scores: { score: 90 },
  questions: { question: '进展如何?' },
  answers: { questionId: 'q1', answer: '已完成' },
  'close-upward': {},
  downward: { heldOn: '2026-12-10', attendees: 10, summary: '纪要' },
  vote: { choice: 'satisfied' },
  objections: { content: '有异议' },
  'objection-answers': { objectionId: 'o1', answer: '已核实', upheld: false },
  rectification: { plan: '整改方案' },
  'rectification-review': { accepted: true },
};

async function expectAllNotFound(reportId: string) {
  for (const [label, username] of Object.entries(outsiders)) {
    for (const action of REPORT_ACTION_NAMES) {
      const res = await act(p, username, reportId, action, bodies[action] ?? {});
      expect([label, action, res.status, res.body.code]).toEqual([label, action, 404, 'NOT_FOUND']);
      expect(res.body.detail).not.toMatch(/阶段|投票未开放|已提交/);
    }
  }
}

beforeAll(async () => {
  p = await startTestPlatform();
  const year = chinaYear(p.now()) - 3;
  const started = await (await p.as('district_org.qindu')).post('/api/reporting/cycles').send({ unitId: STREET, year });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  id = `reporting-${FURONG}-${year}`;
  await waitForStage(p, id, 'report');
});
afterAll(() => p?.close());

describe('双向述职: access before state', () => {
  it('answers every action by people of sibling units with 404, never with the stage', async () => {
    await expectAllNotFound(id);
  });

  it('answers a reader whose role may not take the action with 403 before the stage', async () => {
    // Stage "report": before, these were 409 WRONG_STAGE naming the stage.
    const vote = await act(p, streetOfficeOf(STREET), id, 'castVote', bodies.vote!);
    expect([vote.status, vote.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const score = await act(p, secretaryOf(FURONG), id, 'scoreUpward', bodies.scores!);
    expect([score.status, score.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    for (const res of [vote, score]) expect(res.body.detail).not.toMatch(/阶段/);
    // Those who may act hear the stage.
    const early = await act(p, repsOf(FURONG)[0]!, id, 'castVote', bodies.vote!);
    expect([early.status, early.body.code]).toEqual([409, 'WRONG_STAGE']);
  });
});

describe('双向述职: data the database refuses', () => {
  const marker = `拒绝写入-${uniqueSuffix()}`;
  const trigger = `refuse_report_${uniqueSuffix().replace(/\W/g, '_')}`;

  beforeAll(async () => {
    await p.prisma.$executeRawUnsafe(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state::text LIKE '%${marker}%' THEN
          RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8" (test)' USING ERRCODE = '22021';
        END IF;
        RETURN NEW;
      END $$`);
    await p.prisma.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON "ReportingReport" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
  });
  afterAll(async () => {
    await p?.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON "ReportingReport"`);
    await p?.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${trigger}()`);
  });

  it('refuses the report whose text the database refuses, changes nothing, and takes the next one', async () => {
    const before = await getReport(p, streetOfficeOf(STREET), id);
    const refused = await act(p, secretaryOf(FURONG), id, 'submitReport', { content: `芙蓉社区年度述职报告 ${marker}` });
    expect([refused.status, refused.body.code], JSON.stringify(refused.body)).toEqual([422, 'DATA_REJECTED']);
    const unchanged = await getReport(p, streetOfficeOf(STREET), id);
    expect([unchanged.stage, unchanged.state.version]).toEqual(['report', before.state.version]);

    await actOk(p, secretaryOf(FURONG), id, 'submitReport', { content: '芙蓉社区年度述职报告:抓党建、促治理。' });
    const after = await waitForStage(p, id, 'upward');
    expect(after.state.report.content).not.toContain(marker);
  });
});
