// Reports started by an older version must survive an upgrade: the worker
// replays their histories with the new workflow code, and a workflow whose
// code now issues other commands than its history recorded fails for good
// (and with it the demo data). The histories under ./histories were recorded
// through the API with the code before the process kit (commit 03ef32d): six
// reports of two streets at every stage — waiting for the report and overdue,
// upward with an unanswered 质询, a vote re-run after no quorum, 公示 with an
// objection, rectification returned and resubmitted, completed — and the two
// cycles that started them. This test replays them against today's bundle.
//
// Recording again (only when the old shape itself changes, which it should
// not): RECORD_REPORTING_HISTORIES=1 npx vitest run tests/reporting/replay.test.ts
//
// The same reports recorded by later shapes live in subfolders, replayed too:
// kit-v1/ by the kit's serveActions with the workflow's own waits (commit
// 1f11898: reports with `kit` and no `runner` in their input), kit-runner/
// by the kit's runMachine, working-days-in-workflow/ by the runner computing
// periods on the report's calendar snapshot (reports with `workingDaysInWorkflow`)
// (RECORD_REPORTING_HISTORIES=kit-v1, =kit-runner or =working-days-in-workflow,
// each with the code of its shape).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { chinaYear } from '../../domain/reporting';
import { createDataConverter } from '../../temporal';
import { getWorkflowBundle } from '../../worker/bundle';
import { installTemporalRuntime } from '../../worker/runtime';
import { startTestPlatform } from '../helpers/platform';
import { DAY, actOk, bringToVote, repsOf, secretaryOf, streetOfficeOf, waitForStage } from './helpers';

const ROOT = fileURLToPath(new URL('./histories/', import.meta.url));
/** Later shapes, each in its folder, with the commit whose code recorded it. */
const SHAPES: Record<string, string> = { 'kit-v1': '1f11898', 'kit-runner': 'acf1074', 'working-days-in-workflow': '60d28b2' };
const RECORDING = process.env.RECORD_REPORTING_HISTORIES;
const DIR = RECORDING && SHAPES[RECORDING] ? `${ROOT}${RECORDING}/` : ROOT;
// The fixtures are encrypted like any history, under a key made for them: it
// guards demo people's test ballots, nothing real, and keeps the codec on the
// replay path as in production.
const FIXTURE_KEY = createHash('sha256').update('reporting replay fixtures').digest();
const FIXTURE_KEYRING = { current: { id: 'replay-fixtures', key: new Uint8Array(FIXTURE_KEY) } };

const { History } = proto.temporal.api.history.v1;
// Plain protobuf objects (enum names, base64 bytes, 64-bit numbers as strings): readable, and exact both ways.
const AS_OBJECT = { longs: String, enums: String, bytes: String } as const;

interface Fixture {
  workflowId: string;
  recordedWith: string;
  history: unknown;
}

describe('reporting histories of the old shape', () => {
  it.runIf(!process.env.RECORD_REPORTING_HISTORIES)('replay against the current workflow code', async () => {
    installTemporalRuntime('ERROR');
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const histories = files.map((f) => {
      const fixture = JSON.parse(readFileSync(`${DIR}${f}`, 'utf8')) as Fixture;
      return { workflowId: fixture.workflowId, history: History.fromObject(fixture.history as Record<string, unknown>) };
    });
    const results: Array<{ workflowId: string; error?: unknown }> = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await getWorkflowBundle(), dataConverter: createDataConverter(FIXTURE_KEYRING), replayName: 'reporting-old-shape' },
      histories,
    )) {
      results.push({ workflowId: result.workflowId, error: result.error });
    }
    const failures = results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String((r.error as Error).message ?? r.error)}`);
    expect(failures).toEqual([]);
    expect(results).toHaveLength(files.length);
  });

  it.runIf(!process.env.RECORD_REPORTING_HISTORIES).each(Object.keys(SHAPES))('of the later shape %s replay against the current workflow code', async (shape) => {
    installTemporalRuntime('ERROR');
    const dir = `${ROOT}${shape}/`;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toHaveLength(8);
    const histories = files.map((f) => {
      const fixture = JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as Fixture;
      return { workflowId: fixture.workflowId, history: History.fromObject(fixture.history as Record<string, unknown>) };
    });
    const results: Array<{ workflowId: string; error?: unknown }> = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await getWorkflowBundle(), dataConverter: createDataConverter(FIXTURE_KEYRING), replayName: `reporting-${shape}` },
      histories,
    )) {
      results.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String((r.error as Error).message ?? r.error)}`)).toEqual([]);
    expect(results).toHaveLength(files.length);
  });

  it.runIf(!!process.env.RECORD_REPORTING_HISTORIES)('records them (run by hand)', { timeout: 600_000 }, async () => {
    const p = await startTestPlatform({ env: { TEMPORAL_PAYLOAD_KEY: FIXTURE_KEY.toString('base64'), TEMPORAL_PAYLOAD_KEY_ID: 'replay-fixtures' } });
    try {
      const year = chinaYear(p.now()) - 7;
      const rid = (c: string) => `reporting-${c}-${year}`;
      const district = await p.as('district_org.qindu');
      const [W, C] = ['qindu-weiyang', 'qindu-chenyang'];
      const communities = async (street: string) =>
        (await p.prisma.unit.findMany({ where: { parentId: street, level: 'community' }, orderBy: { id: 'asc' } })).map((u) => u.id);
      const [w1, w2, w3] = await communities(W);
      const [c1, c2, c3] = await communities(C);
      for (const street of [W, C]) expect((await district.post('/api/reporting/cycles').send({ unitId: street, year })).status).toBe(202);

      // w1 waits for its report (and goes overdue); w2 stays upward with a question unanswered.
      await waitForStage(p, rid(w1), 'report');
      await waitForStage(p, rid(w2), 'report');
      await actOk(p, secretaryOf(w2), rid(w2), 'submitReport', { content: '年度述职报告', highlights: '加装电梯' });
      await waitForStage(p, rid(w2), 'upward');
      await actOk(p, streetOfficeOf(W), rid(w2), 'scoreUpward', { score: 88, comment: '较好' });
      await actOk(p, streetOfficeOf(W), rid(w2), 'askQuestion', { question: '停车难如何解决?' });
      // w3: vote with two ballots, then a re-run; c1: objection in 公示; c2: rectification; c3: completed.
      await bringToVote(p, rid(w3), w3, W, 80);
      await bringToVote(p, rid(c1), c1, C, 92);
      await bringToVote(p, rid(c2), c2, C, 40);
      await bringToVote(p, rid(c3), c3, C, 95);
      for (const rep of repsOf(w3).slice(0, 2)) await actOk(p, rep, rid(w3), 'castVote', { choice: 'satisfied' });
      for (const rep of repsOf(c1).slice(0, 6)) await actOk(p, rep, rid(c1), 'castVote', { choice: 'satisfied', comment: '满意' });
      for (const rep of repsOf(c2).slice(0, 6)) await actOk(p, rep, rid(c2), 'castVote', { choice: 'dissatisfied' });
      for (const rep of repsOf(c3)) await actOk(p, rep, rid(c3), 'castVote', { choice: 'basically_satisfied' });
      await waitForStage(p, rid(c3), 'public_notice');

      await p.advanceTime(8 * DAY);
      await waitForStage(p, rid(c1), 'public_notice');
      await waitForStage(p, rid(c2), 'public_notice');
      await p.waitFor(async () => (await p.client.workflow.getHandle(rid(w3)).query<{ voteRounds: unknown[] }>('reportState')).voteRounds.length === 2);
      await actOk(p, repsOf(w3)[0], rid(w3), 'castVote', { choice: 'dissatisfied' });
      await actOk(p, repsOf(c1)[0], rid(c1), 'raiseObjection', { content: '得分偏低' });

      await p.advanceTime(10 * DAY);
      await waitForStage(p, rid(c3), 'completed');
      await waitForStage(p, rid(c2), 'rectification');
      await actOk(p, secretaryOf(c2), rid(c2), 'submitRectification', { plan: '整改方案一' });
      await actOk(p, streetOfficeOf(C), rid(c2), 'reviewRectification', { accepted: false, comment: '不够具体' });
      await actOk(p, secretaryOf(c2), rid(c2), 'submitRectification', { plan: '整改方案二' });
      await actOk(p, streetOfficeOf(C), rid(c1), 'answerObjection', { objectionId: 'o1', answer: '经核实', upheld: true, revisedGrade: 'excellent' });
      await waitForStage(p, rid(c1), 'completed');

      mkdirSync(DIR, { recursive: true });
      const ids = [...[w1, w2, w3, c1, c2, c3].map(rid), `reporting-cycle-${W}-${year}`, `reporting-cycle-${C}-${year}`];
      for (const [i, workflowId] of ids.entries()) {
        const history = await p.client.workflow.getHandle(workflowId).fetchHistory();
        const fixture: Fixture = { workflowId, recordedWith: (RECORDING && SHAPES[RECORDING]) || '03ef32d', history: History.toObject(History.fromObject(history), AS_OBJECT) };
        writeFileSync(`${DIR}${String(i + 1).padStart(2, '0')}-${workflowId}.json`, `${JSON.stringify(fixture, null, 1)}\n`);
      }
    } finally {
      await p.close();
    }
  });
});
