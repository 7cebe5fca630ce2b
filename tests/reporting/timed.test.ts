// One community's 双向述职 as the kit's timed machine, without any server:
// what the report waits for by itself at each stage (a step's reminder and
// deadline; the next stage at once when a step is done), what a passed
// deadline does (asking the host for a period, the project results or the
// roll where the next stage needs them), the upward window that stays open
// while a question or a score is missing, a vote re-run, the 公示 that ends
// only with every objection answered, the result table written after the
// steps that change it, and the reminder's moment kept out of what is saved.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { DEFAULT_REPORTING_RULES, initialReportingState, publicReport, type ReportingState } from '../../domain/reporting';
import { reportingTimedMachine, type ReportingAnswers, type ReportingTimedStep } from '../../domain/reporting/timed';

const m = reportingTimedMachine();
const unit = (id: string, path: string, name = id) => ({ id, path, name });
const COMMUNITY = unit('c1', 'd/s1/c1/', '芙蓉社区');
const STREET = unit('s1', 'd/s1/', '人民路街道');
const actor = (personId: string, role: Actor['grants'][number]['role'], u: { id: string; path: string }): Actor => ({ personId, displayName: personId, grants: [{ role, unitId: u.id, unitPath: u.path }] });
const secretary = actor('sec', 'community', COMMUNITY);
const officer = actor('off', 'street_office', STREET);
const reps = ['r1', 'r2', 'r3'].map((id) => actor(id, 'resident_rep', COMMUNITY));
const t = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
const answer = (day: number): ReportingAnswers => ({ deadline: { dueAt: t(day).toISOString(), remindAt: t(day - 2).toISOString() }, projectResults: [], roll: reps.map((r) => r.personId) });

const initial = (): ReportingState => initialReportingState({ reportId: 'reporting-c1-2026', cycleId: 'cy', year: 2026, community: COMMUNITY, street: STREET, rules: DEFAULT_REPORTING_RULES });

/** The step a declared deadline takes at `now`, its needs answered with a period ending on `dueDay`. */
function pass(s: ReportingState, action: string, now: Date, dueDay = 20): ReportingTimedStep {
  const d = m.deadlines(s).find((x) => x.action === action);
  expect(d, `${action} in ${JSON.stringify(m.deadlines(s))}`).toBeDefined();
  return m.settle(m.onDeadline(s, d!, now), answer(dueDay), now);
}
const act = (s: ReportingState, who: Actor, action: (typeof m.actions)[number], input: unknown, now = t(3)) => {
  expect(m.refusal(s, who, action, input as never, now)).toBeNull();
  return m.apply(s, who, action, input as never, now).state;
};

describe('双向述职 as a timed machine (process kit)', () => {
  it('starts by asking for its period and the project results; the written report is reminded, then overdue, and the upward step opens once it is in', () => {
    const first = m.start(initial());
    expect(first.effects.needs).toEqual({ purpose: 'openReport', period: { workingDays: DEFAULT_REPORTING_RULES.reportDays, reminderLeadDays: DEFAULT_REPORTING_RULES.reminderLeadDays }, projectResults: true });
    expect(m.deadlines(first.state)).toEqual([]);
    const opened = m.settle(first, answer(12), t(1));
    expect(opened.state).toMatchObject({ version: 1, stage: 'report', dueAt: t(12).toISOString() });
    // The reminder's moment is the workflow's own: never saved, never queried.
    expect(opened.state.clock).toEqual({ remindAt: t(10).toISOString() });
    expect(publicReport(opened.state)).not.toHaveProperty('clock');
    expect(m.deadlines(opened.state).map((d) => [d.action, d.at])).toEqual([
      ['remind', t(10).toISOString()],
      ['overdue', t(12).toISOString()],
    ]);
    const reminded = pass(opened.state, 'remind', t(10)).state;
    expect(m.deadlines(reminded).map((d) => d.action)).toEqual(['overdue']);
    const overdue = pass(reminded, 'overdue', t(12));
    expect(overdue.effects.timeline.map((e) => e.action)).toEqual(['overdue']);
    expect(m.deadlines(overdue.state)).toEqual([]);

    const submitted = act(overdue.state, secretary, 'submitReport', { content: '述职报告' }, t(13));
    expect(m.deadlines(submitted).map((d) => d.action)).toEqual(['openUpward']);
    const upward = pass(submitted, 'openUpward', t(13), 20);
    expect(upward.state).toMatchObject({ stage: 'upward', overdue: false, dueAt: t(20).toISOString() });
  });

  it('keeps the upward window open past its end while no one has scored, then opens the downward meeting as soon as nothing is missing', () => {
    let s = m.settle(m.start(initial()), answer(12), t(1)).state;
    s = act(s, secretary, 'submitReport', { content: '述职报告' });
    s = pass(s, 'openUpward', t(3), 20).state;
    const blocked = pass(s, 'upwardDue', t(20));
    expect(blocked.effects.timeline.map((e) => e.action)).toEqual(['upwardBlocked']);
    expect(m.deadlines(blocked.state)).toEqual([]);
    s = act(blocked.state, officer, 'scoreUpward', { score: 90 }, t(21));
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['openDownward']);
    const downward = pass(s, 'openDownward', t(21), 28);
    expect(downward.state.stage).toBe('downward');
    expect(downward.effects.timeline.map((e) => e.action)).toEqual(['closeUpward', 'upwardScore', 'enter:downward']);
  });

  it('closes the vote once everyone voted, re-runs a round without quorum, and ends the 公示 only with every objection answered; the result table is written after', () => {
    let s = m.settle(m.start(initial()), answer(12), t(1)).state;
    s = act(s, secretary, 'submitReport', { content: '述职报告' });
    s = pass(s, 'openUpward', t(3), 20).state;
    s = act(s, officer, 'scoreUpward', { score: 90 });
    s = act(s, officer, 'closeUpward', {});
    s = pass(s, 'openDownward', t(4), 28).state;
    s = act(s, secretary, 'recordDownward', { heldOn: '2026-12-05', attendees: 30, summary: '居民会议' }, t(5));
    const opening = m.onDeadline(s, m.deadlines(s)[0]!, t(5));
    expect(opening.effects.needs).toMatchObject({ purpose: 'openVote', rollRound: 1 });
    s = pass(s, 'openVote', t(5), 10).state;
    // No one votes: the window closes at its end without quorum, and a second round opens.
    s = pass(s, 'closeVote', t(10)).state;
    expect(m.deadlines(s).map((d) => [d.key, d.action])).toEqual([['open-vote-2', 'openVote']]);
    s = pass(s, 'openVote', t(10), 15).state;
    for (const r of reps) s = act(s, r, 'castVote', { choice: 'satisfied' }, t(11));
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['closeVote']);
    s = pass(s, 'closeVote', t(11)).state;
    const notice = pass(s, 'openNotice', t(11), 18);
    expect(notice.effects.result).toEqual({ finalized: false });
    s = act(notice.state, reps[0]!, 'raiseObjection', { content: '请公开资金使用情况' }, t(12));
    // Its end with the objection open: blocked once; the answer then ends it and completes the report in one step.
    const blocked = pass(s, 'noticeDue', t(18));
    expect(blocked.effects.timeline.map((e) => e.action)).toEqual(['noticeBlocked']);
    s = act(blocked.state, officer, 'answerObjection', { objectionId: 'o1', answer: '已公示', upheld: false }, t(19));
    const ended = pass(s, 'endNotice', t(19));
    expect(ended.effects.timeline.map((e) => e.action)).toEqual(['noticeEnd', 'enter:completed']);
    expect(ended.effects.result).toEqual({ finalized: true });
    expect(m.finished(ended.state)).toBe(true);
  });
});
