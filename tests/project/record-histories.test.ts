// Records the histories that tests/project/replay.test.ts replays: projects
// driven through the API by the workflow code of the day, saved with their
// payloads decrypted (readable, and replayable without the key). Run only on
// purpose — the fixtures must come from the code whose running workflows a
// new version has to keep serving, so they are recorded before a change and
// committed:
//   RECORD_PROJECT_HISTORIES=1 npx vitest run tests/project/record-histories.test.ts
// The fixtures at the top of histories/ were written before the workflow ran
// on the kit's runMachine (they take the old path: no `kit-runner` marker);
// those in histories/kit-runner/ by the runner (RECORD_PROJECT_HISTORIES=kit-runner),
// those in histories/local-first/ by the runner with its save and due dates as
// local activities (RECORD_PROJECT_HISTORIES=local-first), those in
// histories/reservation-local-first/ with the reservation local too
// (RECORD_PROJECT_HISTORIES=reservation-local-first), those in
// histories/working-days-in-workflow/ with the due dates computed in the
// workflow on its calendar snapshot (RECORD_PROJECT_HISTORIES=working-days-in-workflow),
// those in histories/reservation-in-save/ with the reservation in the step's
// save (RECORD_PROJECT_HISTORIES=reservation-in-save).
// Never re-record a folder whose shape running projects still have.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../helpers/histories';
import { dateIn, ok, apply, act, project, SCORES, U } from './fixtures';
import { DAY, startProjectPlatform, type ProjectPlatform } from './support';


const MODE = process.env.RECORD_PROJECT_HISTORIES;
/** The folders of the runner's shapes (every later shape keeps three histories). */
const FOLDERS = ['kit-runner', 'local-first', 'reservation-local-first', 'working-days-in-workflow', 'reservation-in-save'];
const HISTORIES = path.join(import.meta.dirname, 'histories', MODE && FOLDERS.includes(MODE) ? MODE : '');

let p: ProjectPlatform;

describe.runIf(MODE === '1' || (MODE !== undefined && FOLDERS.includes(MODE)))('recording project histories for the replay test', () => {
  beforeAll(async () => {
    p = await startProjectPlatform();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it('drives projects through every kind of step and saves their histories', async () => {
    // Started first: every later advance of the shared clock passes its review
    // deadline, so it is reminded, then escalated, and left open.
    const unreviewed = await apply(p, { title: '未审核项目' });

    // Through every stage to completed, taking the detours on the way.
    const full = await apply(p, { title: '全流程项目' });
    await ok(p, U.street, full, 'reviewApplication', { decision: 'return', comment: '请细化经费测算' });
    const application = (await project(p, full)).state.application;
    await ok(p, U.community, full, 'resubmitApplication', { application: { ...application, goals: `${application.goals}(细化)` }, note: '已细化' });
    await ok(p, U.street, full, 'reviewApplication', { decision: 'approve', comment: '同意' });
    await ok(p, U.rep, full, 'raiseObjection', { content: '施工时间影响居民休息' });
    await ok(p, U.street, full, 'answerObjection', { objectionId: 'o1', answer: '施工安排在白天', upheld: false });
    // An early answer leaves the notice to run out by its timer.
    await p.advanceTime(10 * DAY);
    expect((await project(p, full)).stage).toBe('implementation');
    await ok(p, U.community, full, 'reportMilestone', { milestoneSeq: 1, summary: '已完成', evidence: [] });
    await ok(p, U.street, full, 'verifyMilestone', { milestoneSeq: 1, decision: 'reject', comment: '缺少验收照片' });
    await ok(p, U.community, full, 'reportMilestone', { milestoneSeq: 1, summary: '补充照片', evidence: ['照片.jpg'] });
    await ok(p, U.street, full, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '' });
    await ok(p, U.finance, full, 'returnDisbursement', { disbursementId: 'd1', reason: '发票抬头有误' });
    await ok(p, U.street, full, 'resubmitDisbursement', { disbursementId: 'd1', note: '已更正发票' });
    await ok(p, U.finance, full, 'releaseFunds', { disbursementId: 'd2', voucherNo: 'CZ-R-0002' });
    const m = (await project(p, full)).state.milestones;
    await ok(p, U.community, full, 'requestChange', {
      reason: '调整第2阶段',
      proposal: { budgetFen: 2_400_001, finalPaymentFen: 400_000, milestones: [{ title: m[0].title, amountFen: m[0].amountFen, dueDate: m[0].dueDate }, { title: '第2阶段(调整)', amountFen: 1_000_001, dueDate: dateIn(p, 90) }] },
    });
    await ok(p, U.street, full, 'reviewChange', { changeId: 'c1', decision: 'approve', comment: '同意' });
    await ok(p, U.street, full, 'suspendProject', { reason: '施工安全检查' });
    expect((await act(p, U.community, full, 'reportMilestone', { milestoneSeq: 2, summary: 'x', evidence: [] })).status).toBe(409);
    await ok(p, U.district, full, 'resumeProject', { comment: '检查通过' });
    await ok(p, U.community, full, 'reportMilestone', { milestoneSeq: 2, summary: '完成', evidence: [] });
    await ok(p, U.street, full, 'verifyMilestone', { milestoneSeq: 2, decision: 'verify', comment: '' });
    await ok(p, U.finance, full, 'releaseFunds', { disbursementId: 'd3', voucherNo: 'CZ-R-0003' });
    await ok(p, U.community, full, 'submitCompletionReport', { summary: '完成', evidence: [] });
    await ok(p, U.street, full, 'scoreAcceptance', { scores: SCORES(50), comment: '台账不全' });
    await ok(p, U.community, full, 'submitRectification', { summary: '已补齐台账', evidence: ['台账.pdf'] });
    await ok(p, U.street, full, 'scoreAcceptance', { scores: SCORES(92), comment: '整改到位' });
    const final = (await project(p, full)).state.disbursements.find((d: { kind: string }) => d.kind === 'final');
    await ok(p, U.finance, full, 'releaseFunds', { disbursementId: final.id, voucherNo: 'CZ-R-F' });
    await ok(p, U.street, full, 'proposeReward', { amountFen: 300_000, recognition: '优秀党建项目', comment: '以奖代补' });
    await ok(p, U.district, full, 'confirmReward', { decision: 'return', comment: '请说明依据' });
    await ok(p, U.street, full, 'proposeReward', { amountFen: 200_000, recognition: '优秀党建项目', comment: '已说明' });
    await ok(p, U.district, full, 'confirmReward', { decision: 'confirm', comment: '同意' });
    const reward = (await project(p, full)).state.disbursements.find((d: { kind: string }) => d.kind === 'reward');
    await ok(p, U.finance, full, 'releaseFunds', { disbursementId: reward.id, voucherNo: 'CZ-R-J' });
    expect((await project(p, full)).stage).toBe('completed');

    // Above the district threshold, then overdue in implementation: left running with a report to verify.
    const district = await apply(p, { title: '区级审批项目', amounts: [3_000_000, 3_000_000], finalFen: 1, dueInDays: 20 });
    await ok(p, U.street, district, 'reviewApplication', { decision: 'approve', comment: '' });
    await ok(p, U.district, district, 'decideDistrictApproval', { decision: 'approve', comment: '同意' });
    await p.advanceTime(10 * DAY);
    await p.advanceTime(11 * DAY);
    await p.advanceTime(5 * DAY);
    const overdue = await project(p, district);
    expect(overdue).toMatchObject({ stage: 'implementation', overdue: true, escalated: true });
    await ok(p, U.community, district, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });

    // An upheld objection sends it back; the community then withdraws.
    const upheld = await apply(p, { title: '异议成立项目' });
    await ok(p, U.street, upheld, 'reviewApplication', { decision: 'approve', comment: '' });
    await ok(p, U.grid, upheld, 'raiseObjection', { content: '选址不合理' });
    await ok(p, U.street, upheld, 'answerObjection', { objectionId: 'o1', answer: '异议成立,请调整选址', upheld: true });
    await ok(p, U.community, upheld, 'withdrawApplication', { reason: '另行选址' });

    // Terminated with a release request open.
    const terminated = await apply(p, { title: '终止项目' });
    await ok(p, U.street, terminated, 'reviewApplication', { decision: 'approve', comment: '' });
    await p.advanceTime(10 * DAY);
    await ok(p, U.community, terminated, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });
    await ok(p, U.street, terminated, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '' });
    await ok(p, U.street, terminated, 'terminateProject', { reason: '居民意见较大,无法继续实施' });

    // Failed after the re-inspection; and one rejected at once.
    const failed = await apply(p, { title: '验收不合格项目', amounts: [1_000_000], finalFen: 100_000 });
    await ok(p, U.street, failed, 'reviewApplication', { decision: 'approve', comment: '' });
    await p.advanceTime(10 * DAY);
    await ok(p, U.community, failed, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });
    await ok(p, U.street, failed, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '' });
    await ok(p, U.finance, failed, 'releaseFunds', { disbursementId: 'd1', voucherNo: 'CZ-X-1' });
    await ok(p, U.community, failed, 'submitCompletionReport', { summary: '完成', evidence: [] });
    await ok(p, U.street, failed, 'scoreAcceptance', { scores: SCORES(40), comment: '' });
    await ok(p, U.community, failed, 'submitRectification', { summary: '整改', evidence: [] });
    await ok(p, U.street, failed, 'scoreAcceptance', { scores: SCORES(40), comment: '' });
    const rejected = await apply(p, { title: '驳回项目' });
    await ok(p, U.street, rejected, 'reviewApplication', { decision: 'reject', comment: '与党建引领关联不足' });
    expect((await project(p, failed)).stage).toBe('failed');
    expect((await project(p, unreviewed)).escalated).toBe(true);

    const cases = { unreviewed, completed: full, 'district-overdue': district, 'objection-upheld-withdrawn': upheld, terminated, failed, rejected };
    // The runner's folder keeps three (every action and the 公示 timer; reminders and escalation, still running): enough to catch a change of commands, at a third of the replay time.
    const kept = MODE && FOLDERS.includes(MODE) ? ['completed', 'district-overdue', 'unreviewed'] : Object.keys(cases);
    for (const [name, id] of Object.entries(cases).filter(([name]) => kept.includes(name))) {
      await recordHistory(p.base.client, p.base.payloadKeys, `project-${id}`, path.join(HISTORIES, `${name}.json`));
    }
  });
});
