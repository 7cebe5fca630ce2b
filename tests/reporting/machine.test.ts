// The 双向述职 machine in the kit's shape, without any server: apply is pure,
// refusals speak to access and scope before the stage, the inbox follows the
// state, and the secret ballot stays secret — who voted is kept apart from
// what they chose, and no timeline entry, notification, saved or queried
// state names a choice.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import {
  DEFAULT_REPORTING_RULES,
  downwardOpened,
  everyoneVoted,
  initialReportingState,
  noticeEnded,
  noticeOpened,
  publicReport,
  reportCompleted,
  reportingMachine as m,
  reportOpened,
  stepOverdue,
  stepReminded,
  upwardOpened,
  voteClosed,
  voteOpened,
  voterStatus,
  type ReportingState,
  type ReportingStep,
} from '../../domain/reporting';

const unit = (id: string, path: string, name = id) => ({ id, path, name });
const COMMUNITY = unit('c1', 'd/s1/c1/', '芙蓉社区');
const STREET = unit('s1', 'd/s1/', '人民路街道');
const actor = (personId: string, role: Actor['grants'][number]['role'], u: { id: string; path: string }): Actor => ({ personId, displayName: `${personId}名`, grants: [{ role, unitId: u.id, unitPath: u.path }] });
const secretary = actor('sec', 'community', COMMUNITY);
const officer = actor('off', 'street_office', STREET);
const otherOfficer = actor('off2', 'street_office', unit('s2', 'd/s2/'));
const reps = ['r1', 'r2', 'r3'].map((id) => actor(id, 'resident_rep', COMMUNITY));
const outsiderRep = actor('rx', 'resident_rep', unit('c9', 'd/s2/c9/'));
const t = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
const due = (day: number) => ({ dueAt: t(day).toISOString(), remindAt: t(day - 2).toISOString() });

const start = (): ReportingState =>
  initialReportingState({ reportId: 'reporting-c1-2026', cycleId: 'cy', year: 2026, community: COMMUNITY, street: STREET, rules: DEFAULT_REPORTING_RULES });

/** Applies an action after checking it is not refused. */
function act<A extends (typeof m.actions)[number]>(s: ReportingState, who: Actor, action: A, input: Parameters<typeof m.apply<A>>[3], now = t(3)): ReportingStep {
  expect(m.refusal(s, who, action, input, now)).toBeNull();
  return m.apply(s, who, action, input, now) as ReportingStep;
}

/** A report brought to its vote, with three representatives on the roll. */
function atVote(): ReportingState {
  let s = reportOpened(start(), [], due(12), t(1)).state;
  s = act(s, secretary, 'submitReport', { content: '述职报告' }).state;
  s = upwardOpened(s, due(20), t(4)).state;
  s = act(s, officer, 'scoreUpward', { score: 90 }).state;
  s = act(s, officer, 'closeUpward', {}).state;
  s = downwardOpened(s, due(30), t(5)).state;
  s = act(s, secretary, 'recordDownward', { heldOn: '2026-12-06', attendees: 30, summary: '纪要' }).state;
  return voteOpened(s, reps.map((r) => r.personId), due(40), t(7)).state;
}

describe('reporting machine (process kit)', () => {
  it('names every action as a camelCase verb with a label', () => {
    for (const a of m.actions) {
      expect(a).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
      expect(m.labels[a]).toBeTruthy();
    }
  });

  it('applies without touching the state it was given, one version per step', () => {
    const s = reportOpened(start(), [], due(12), t(1)).state;
    const before = JSON.stringify(s);
    const step = m.apply(s, secretary, 'submitReport', { content: ' 报告 ' }, t(2));
    expect(JSON.stringify(s)).toBe(before);
    expect(step.state.version).toBe(s.version + 1);
    expect(step.state.report).toMatchObject({ content: '报告', submittedById: 'sec' });
    expect(step.effects.timeline).toEqual([expect.objectContaining({ action: 'submitReport', actorId: 'sec', summary: '提交述职报告' })]);
  });

  it('refuses by access and scope before the stage, then the input', () => {
    const s = reportOpened(start(), [], due(12), t(1)).state;
    // scoreUpward is out of stage; who has no say hears about access, not the stage.
    expect(m.refusal(s, secretary, 'scoreUpward', { score: 90 }, t(2))?.code).toBe('FORBIDDEN_ROLE');
    expect(m.refusal(s, otherOfficer, 'scoreUpward', { score: 90 }, t(2))?.code).toBe('FORBIDDEN_SCOPE');
    expect(m.refusal(s, officer, 'scoreUpward', { score: 90 }, t(2))?.code).toBe('WRONG_STAGE');
    expect(m.refusal(s, secretary, 'submitReport', { content: '  ' }, t(2))).toMatchObject({ code: 'VALIDATION_FAILED', message: '述职报告不能为空' });
    expect(m.refusal(s, outsiderRep, 'castVote', { choice: 'satisfied' }, t(2))?.code).toBe('FORBIDDEN_SCOPE');
    expect(m.refusal(s, reps[0], 'castVote', { choice: 'satisfied' }, t(2))?.code).toBe('WRONG_STAGE');
    const done = act(s, secretary, 'submitReport', { content: '报告' }).state;
    expect(m.refusal(done, secretary, 'submitReport', { content: '再交一次' }, t(3))?.code).toBe('ALREADY_DONE');
    expect(m.availableActions(s, secretary, t(2))).toEqual(['submitReport']);
    expect(m.availableActions(s, officer, t(2))).toEqual([]);
  });

  it('keeps the upward step open while a question is unanswered, and the inbox follows', () => {
    let s = reportOpened(start(), [], due(12), t(1)).state;
    expect(m.pendingTasks(s).map((x) => [x.key, x.action, x.role, x.unitId])).toEqual([['report', 'submitReport', 'community', 'c1']]);
    s = act(s, secretary, 'submitReport', { content: '报告' }).state;
    expect(m.pendingTasks(s)).toEqual([]);
    s = upwardOpened(s, due(20), t(4)).state;
    expect(m.refusal(s, officer, 'closeUpward', {}, t(4))).toMatchObject({ code: 'QUESTIONS_UNANSWERED', message: '尚无街道党工委成员评分' });
    s = act(s, officer, 'scoreUpward', { score: 80 }).state;
    const asked = act(s, officer, 'askQuestion', { question: '加装电梯进展?' });
    expect(asked.result).toEqual({ questionId: 'q1' });
    expect(asked.effects.notifications).toEqual([expect.objectContaining({ event: 'question-q1', to: { role: 'community', unitId: 'c1', reach: 'unit' } })]);
    s = asked.state;
    expect(m.pendingTasks(s).map((x) => x.key)).toEqual(['upward', 'answer-q1']);
    expect(m.refusal(s, officer, 'closeUpward', {}, t(4))?.code).toBe('QUESTIONS_UNANSWERED');
    // The window passes with the question open: overdue, and the community is told.
    const blocked = stepOverdue(s, t(21));
    expect(blocked.state.overdue).toBe(true);
    expect(blocked.effects.timeline.map((e) => e.action)).toEqual(['upwardBlocked']);
    expect(blocked.effects.notifications[0]).toMatchObject({ event: 'upward.blocked', to: { role: 'community', unitId: 'c1' } });
    s = act(blocked.state, secretary, 'answerQuestion', { questionId: 'q1', answer: '已开工' }).state;
    expect(m.pendingTasks(s).map((x) => x.key)).toEqual(['upward']);
    // Closed by itself: the process notes it and opens the downward step.
    const down = downwardOpened(s, due(30), t(22));
    expect(down.effects.timeline.map((e) => [e.action, e.summary])).toEqual([
      ['closeUpward', '向上述职期满,自动结束'],
      ['upwardScore', '向上述职得分 80.00'],
      ['enter:downward', '进入向下述职'],
    ]);
    expect(m.pendingTasks(down.state).map((x) => x.key)).toEqual(['downward']);
  });

  it('reminds and escalates an overdue report', () => {
    const s = reportOpened(start(), [], due(12), t(1)).state;
    expect(stepReminded(s, t(10)).effects.notifications).toEqual([expect.objectContaining({ event: 'report.reminder', kind: 'reporting.reminder' })]);
    const late = stepOverdue(s, t(12));
    expect(late.state.overdue).toBe(true);
    expect(late.effects.notifications.map((n) => [n.event, n.to])).toEqual([
      ['report.overdue', { role: 'community', unitId: 'c1', reach: 'unit' }],
      ['report.escalated', { role: 'street_office', unitId: 's1', reach: 'unit' }],
    ]);
  });

  it('keeps who voted apart from what they chose, and names no choice until the round closes', () => {
    let s = atVote();
    expect(m.pendingTasks(s).map((x) => [x.key, x.assigneeId])).toEqual(reps.map((r) => [`vote-1-${r.personId}`, r.personId]));
    const vote = act(s, reps[0], 'castVote', { choice: 'dissatisfied', comment: '停车难' }, t(8));
    // The ballot leaves the step on its own; nothing else carries the choice.
    expect(vote.effects.ballot).toEqual({ round: 1, voterId: 'r1', choice: 'dissatisfied', comment: '停车难', at: t(8).toISOString() });
    expect(vote.result).toEqual({ round: 1 });
    const { ballot: _ballot, ...rest } = vote.effects;
    expect(JSON.stringify(rest)).not.toMatch(/satisfied|停车难/);
    expect(JSON.stringify(publicReport(vote.state))).not.toMatch(/dissatisfied"?:\s*1|停车难|ballotBox/);
    expect(publicReport(vote.state).voteRounds[0]).toMatchObject({ voted: 1, tally: null, status: 'open' });
    expect(voterStatus(vote.state, 'r1')).toEqual({ round: 1, onRoll: true, voted: true });
    s = vote.state;
    expect(m.refusal(s, reps[0], 'castVote', { choice: 'satisfied' }, t(8))?.code).toBe('ALREADY_VOTED');
    expect(m.refusal(s, actor('r9', 'resident_rep', COMMUNITY), 'castVote', { choice: 'satisfied' }, t(8))?.code).toBe('NOT_ON_ROLL');
    expect(m.refusal(s, reps[1], 'castVote', { choice: 'abstain' as never }, t(8))?.code).toBe('VALIDATION_FAILED');
    expect(m.pendingTasks(s).map((x) => x.key)).toEqual(['vote-1-r2', 'vote-1-r3']);
    s = act(s, reps[1], 'castVote', { choice: 'satisfied' }, t(8)).state;
    s = act(s, reps[2], 'castVote', { choice: 'satisfied' }, t(8)).state;
    expect(everyoneVoted(s)).toBe(true);
    const closed = voteClosed(s, t(9));
    expect(closed.state.voteRounds[0]).toMatchObject({ status: 'closed', tally: { satisfied: 2, basically_satisfied: 0, dissatisfied: 1 }, outcome: 'counted' });
    expect(m.pendingTasks(closed.state)).toEqual([]);
    expect(m.refusal(closed.state, reps[0], 'castVote', { choice: 'satisfied' }, t(9))?.code).toBe('WRONG_STAGE');
  });

  it('re-runs a round without quorum, then rates the year and opens 公示 and rectification', () => {
    let s = act(atVote(), reps[0], 'castVote', { choice: 'dissatisfied' }, t(8)).state;
    const first = voteClosed(s, t(12));
    expect(first.effects.timeline.map((e) => e.action)).toEqual(['closeVote', 'rerunVote']);
    s = voteOpened(first.state, ['r1', 'r2', 'r3'], due(50), t(13)).state;
    expect(s.voteRounds.map((r) => r.round)).toEqual([1, 2]);
    expect(voterStatus(s, 'r1')).toEqual({ round: 2, onRoll: true, voted: false });
    for (const r of reps) s = act(s, r, 'castVote', { choice: 'dissatisfied' }, t(14)).state;
    s = voteClosed(s, t(15)).state;
    const notice = noticeOpened(s, t(22).toISOString(), t(15));
    expect(notice.state.stage).toBe('public_notice');
    expect(notice.state.result).toMatchObject({ grade: 'incompetent', needsRectification: true });
    expect(notice.effects.notifications.map((n) => n.event)).toEqual(['notice.open', 'notice.open.community']);
    const objected = act(notice.state, reps[0], 'raiseObjection', { content: '有异议' }, t(16));
    expect(objected.result).toEqual({ objectionId: 'o1' });
    expect(m.pendingTasks(objected.state).map((x) => [x.key, x.unitId])).toEqual([['objection-o1', 's1']]);
    // After the notice period no objection is taken.
    expect(m.refusal(objected.state, reps[1], 'raiseObjection', { content: '晚了' }, t(23))).toMatchObject({ code: 'WRONG_STAGE', message: '公示期已结束,不能再提出异议' });
    s = act(objected.state, officer, 'answerObjection', { objectionId: 'o1', answer: '维持', upheld: false }, t(17)).state;
    s = noticeEnded(s, due(60), t(23)).state;
    expect(s.stage).toBe('rectification');
    expect(m.pendingTasks(s).map((x) => x.key)).toEqual(['rectification-1']);
    s = act(s, secretary, 'submitRectification', { plan: '方案' }, t(24)).state;
    expect(m.pendingTasks(s).map((x) => [x.key, x.action])).toEqual([['rectification-review-1', 'reviewRectification']]);
    expect(m.refusal(s, officer, 'reviewRectification', { accepted: false }, t(25))?.code).toBe('VALIDATION_FAILED');
    s = act(s, officer, 'reviewRectification', { accepted: false, comment: '不具体' }, t(25)).state;
    expect(m.pendingTasks(s).map((x) => [x.key, x.title])).toEqual([['rectification-2', '芙蓉社区 2026 年度双向述职:重新提交整改报告']]);
    s = act(s, secretary, 'submitRectification', { plan: '方案二' }, t(26)).state;
    s = act(s, officer, 'reviewRectification', { accepted: true }, t(27)).state;
    expect(m.pendingTasks(s)).toEqual([]);
    const done = reportCompleted(s, t(28));
    expect(done.state.stage).toBe('completed');
    expect(done.state.timeline.map((e) => e.seq)).toEqual(done.state.timeline.map((_, i) => i + 1));
  });
});
