// 双向述职 of one community as a timed machine of the process kit: the
// report's own clock (each step's reminder and deadline, the upward window
// that closes by itself unless a question or a score is missing, the vote
// window and its re-runs, the 公示, the rectification) as `deadlines()` /
// `onDeadline()` / `finished()`, so the kit's `runMachine` runs the whole
// report. The steps themselves are machine.ts's; this file says when each
// is due.
//
// A step that opens the next stage needs things from outside — its period
// in working days (with the reminder before it), the community's project
// results, the roll of the vote — and names them in `effects.needs`; the
// host fetches them and `settle` takes the step. A step after which the
// result table must be written says so in `effects.result`. The moment of
// the open step's reminder is kept in the state's private `clock` (never
// saved or queried, like the ballot box).
import type { Deadline, Step, TimedMachine } from '../kit/machine';
import {
  downwardOpened,
  everyoneVoted,
  lastRoundOutcome,
  noticeEnded,
  noticeOpened,
  objectionsAnswered,
  reportCompleted,
  reportingMachine,
  reportOpened,
  stepOverdue,
  stepReminded,
  upwardBlocker,
  upwardOpened,
  voteClosed,
  voteOpened,
  type ReportingEffects,
  type ReportingState,
  type ReportInputs,
  type StepDeadline,
} from './machine';
import type { ProjectResult } from './state';

export type ReportingSystemAction =
  | 'openReport'
  | 'openUpward'
  | 'openDownward'
  | 'openVote'
  | 'openNotice'
  | 'endNotice'
  | 'complete'
  | 'remind'
  | 'overdue'
  | 'upwardDue'
  | 'closeVote'
  | 'noticeDue';

/** What a step needs fetched before it is taken (`settle`). */
export interface ReportingNeeds {
  purpose: 'openReport' | 'openUpward' | 'openDownward' | 'openVote' | 'openNotice' | 'endNotice';
  /** The step's period: working days from now, the reminder that many days before its end. */
  period: { workingDays: number; reminderLeadDays: number } | null;
  projectResults?: boolean;
  /** The vote round whose roll is fixed. */
  rollRound?: number;
}

/** What the host found out for `settle`. */
export interface ReportingAnswers {
  deadline?: StepDeadline;
  projectResults?: ProjectResult[];
  roll?: string[];
}

export interface ReportingTimedEffects extends ReportingEffects {
  needs?: ReportingNeeds;
  /** The result table is written after the save (final once the report is completed). */
  result?: { finalized: boolean };
}

export type ReportingTimedStep = Step<ReportingState, ReportingTimedEffects>;

export type ReportingTimedMachine = TimedMachine<ReportingState, ReportInputs, ReportingSystemAction, ReportingTimedEffects> & {
  /** The first step: the report waits for its period and the community's project results. */
  start(state: ReportingState): ReportingTimedStep;
  settle(step: ReportingTimedStep, answers: ReportingAnswers, now: Date): ReportingTimedStep;
};

const remindAtOf = (s: ReportingState) => s.clock?.remindAt ?? null;
/** An instant already passed when the state was made: a step due at once. */
const lastAt = (s: ReportingState) => s.timeline.at(-1)?.at ?? new Date(0).toISOString();

export function reportingTimedMachine(): ReportingTimedMachine {
  function deadlines(s: ReportingState): Deadline<ReportingSystemAction>[] {
    const out: Deadline<ReportingSystemAction>[] = [];
    const at = lastAt(s);
    const remindAt = remindAtOf(s);
    /** The open step's reminder, then its deadline (an `overdue` once). */
    const clock = (key: string, dueAction: ReportingSystemAction, withOverdue = true) => {
      if (remindAt && s.dueAt && remindAt < s.dueAt) out.push({ key: `${key}:remind`, at: remindAt, action: 'remind' });
      if (s.dueAt && (!withOverdue || !s.overdue)) out.push({ key: `${key}:${dueAction}`, at: s.dueAt, action: dueAction });
    };
    switch (s.stage) {
      case 'report':
        if (s.version === 0) break;
        if (s.report !== null) out.push({ key: 'open-upward', at, action: 'openUpward' });
        else clock('report', 'overdue');
        break;
      case 'upward':
        // Closed by the committee, or past its window with nothing missing: the downward meeting is due.
        if (s.upward.closedAt !== null || (s.overdue && upwardBlocker(s) === null)) out.push({ key: 'open-downward', at, action: 'openDownward' });
        else clock('upward', 'upwardDue');
        break;
      case 'downward':
        if (s.downward !== null) out.push({ key: `open-vote-1`, at, action: 'openVote' });
        else clock('downward', 'overdue');
        break;
      case 'vote': {
        const round = s.voteRounds.at(-1)!;
        if (s.ballotBox.open) {
          if (everyoneVoted(s)) out.push({ key: `vote-${round.round}:close`, at, action: 'closeVote' });
          else clock(`vote-${round.round}`, 'closeVote', false);
        } else {
          const outcome = lastRoundOutcome(s);
          if (outcome.kind === 'counted' || !outcome.rerun) out.push({ key: 'open-notice', at, action: 'openNotice' });
          else out.push({ key: `open-vote-${round.round + 1}`, at, action: 'openVote' });
        }
        break;
      }
      case 'public_notice':
        // The 公示 runs its full term; it ends then with every objection answered, or at the last answer after.
        // (Its end with one open is `noticeDue`, once: its key is not declared again.)
        if (objectionsAnswered(s)) out.push({ key: 'notice:end', at: s.publicNotice!.endsAt, action: 'endNotice' });
        else out.push({ key: 'notice:due', at: s.publicNotice!.endsAt, action: 'noticeDue' });
        break;
      case 'rectification':
        if (s.rectification!.status === 'accepted') out.push({ key: 'complete', at, action: 'complete' });
        else clock('rectification', 'overdue');
        break;
      default:
        break;
    }
    return out;
  }

  const rules = (s: ReportingState) => s.rules;
  const asking = (state: ReportingState, needs: ReportingNeeds): ReportingTimedStep => ({ state, effects: { timeline: [], notifications: [], needs } });
  /** A step with the reminder of the step it opened kept aside (none when it would come at or after the end). */
  const withClock = (step: ReportingTimedStep, d: StepDeadline | null): ReportingTimedStep => {
    step.state.clock = { remindAt: d && d.remindAt < d.dueAt ? d.remindAt : null };
    return step;
  };
  const endNoticeNeeds = (s: ReportingState): ReportingNeeds => ({ purpose: 'endNotice', period: s.result!.needsRectification ? { workingDays: rules(s).rectificationDays, reminderLeadDays: rules(s).reminderLeadDays } : null });

  /** Past its deadline: a reminder not yet sent is moot. */
  const overdue = (state: ReportingState, now: Date): ReportingTimedStep => {
    const step: ReportingTimedStep = stepOverdue(state, now);
    step.state.clock = { remindAt: null };
    return step;
  };

  function onDeadline(state: ReportingState, deadline: Deadline<ReportingSystemAction>, now: Date): ReportingTimedStep {
    const r = rules(state);
    switch (deadline.action) {
      case 'openUpward':
        return asking(state, { purpose: 'openUpward', period: { workingDays: r.upwardDays, reminderLeadDays: r.reminderLeadDays } });
      case 'openDownward':
        return asking(state, { purpose: 'openDownward', period: { workingDays: r.downwardDays, reminderLeadDays: r.reminderLeadDays } });
      case 'openVote':
        return asking(state, { purpose: 'openVote', period: { workingDays: r.voteWindowDays, reminderLeadDays: Math.min(1, r.reminderLeadDays) }, rollRound: state.voteRounds.length + 1 });
      case 'openNotice':
        return asking(state, { purpose: 'openNotice', period: { workingDays: r.publicNoticeDays, reminderLeadDays: 0 } });
      case 'endNotice':
        return asking(state, endNoticeNeeds(state));
      case 'remind': {
        const step: ReportingTimedStep = stepReminded(state, now);
        step.state.clock = { remindAt: null };
        return step;
      }
      case 'overdue': {
        const step = overdue(state, now);
        return state.stage === 'rectification' ? { ...step, effects: { ...step.effects, result: { finalized: false } } } : step;
      }
      case 'upwardDue':
        // A question unanswered or no score yet: overdue, and the window stays until they are in.
        return upwardBlocker(state) ? overdue(state, now) : asking(state, { purpose: 'openDownward', period: { workingDays: r.downwardDays, reminderLeadDays: r.reminderLeadDays } });
      case 'closeVote': {
        const step: ReportingTimedStep = voteClosed(state, now);
        step.state.clock = { remindAt: null };
        return step;
      }
      case 'noticeDue':
        return objectionsAnswered(state) ? asking(state, endNoticeNeeds(state)) : overdue(state, now);
      case 'complete': {
        const step = reportCompleted(state, now);
        return { ...step, effects: { ...step.effects, result: { finalized: true } } };
      }
      default:
        throw new Error(`reporting: no step for ${deadline.action}`);
    }
  }

  function settle(step: ReportingTimedStep, answers: ReportingAnswers, now: Date): ReportingTimedStep {
    const needs = step.effects.needs;
    if (!needs) return step;
    const d = needs.period ? answers.deadline! : null;
    const s = step.state;
    switch (needs.purpose) {
      case 'openReport':
        return withClock(reportOpened(s, answers.projectResults ?? [], d!, now), d);
      case 'openUpward':
        return withClock(upwardOpened(s, d!, now), d);
      case 'openDownward':
        return withClock(downwardOpened(s, d!, now), d);
      case 'openVote':
        return withClock(voteOpened(s, answers.roll ?? [], d!, now), d);
      case 'openNotice': {
        const opened = withClock(noticeOpened(s, d!.dueAt, now), null);
        return { ...opened, effects: { ...opened.effects, result: { finalized: false } } };
      }
      case 'endNotice': {
        const ended = withClock(noticeEnded(s, d, now), d);
        if (d) return { ...ended, effects: { ...ended.effects, result: { finalized: false } } };
        // No rectification: the report is complete in the same step.
        const done = reportCompleted(ended.state, now);
        return {
          state: done.state,
          effects: { timeline: [...ended.effects.timeline, ...done.effects.timeline], notifications: [...ended.effects.notifications, ...done.effects.notifications], result: { finalized: true } },
        };
      }
    }
  }

  return {
    ...reportingMachine,
    deadlines,
    onDeadline,
    finished: (s) => s.stage === 'completed',
    start: (state) => asking(state, { purpose: 'openReport', period: { workingDays: state.rules.reportDays, reminderLeadDays: state.rules.reminderLeadDays }, projectResults: true }),
    settle,
  };
}
