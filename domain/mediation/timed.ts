// 三级三轮调解 as a timed machine of the process kit: the case's own clock
// (the rounds one after another, an overdue round reminded then escalated,
// the 诉前调解 term, the 司法确认 window, the court's acceptance period, the
// 回访) as `deadlines()` / `onDeadline()` / `finished()`, so the kit's
// `runMachine` runs the whole case. The rules stay in case-state.ts; this
// file only says when each of its own steps is due.
//
// A step of the case's own that needs a period in working days (a round's
// limit, the grace before escalation, when the 回访 opens and is due, the
// court's acceptance period: the calendar is in the database) names it in
// its effects (`period`); the host computes the instant and `settle` takes
// the step. A step that sets `preLitigation.returnedAt` tells the court's
// side; an agreement's document is made once the agreement is saved
// (`makeDocument`). Pure: no clock (`now` is passed), database or environment.
import { addCalendarDays } from '../calendar';
import type { Deadline, Effects, NotificationIntent, Step, TimedMachine } from '../kit/machine';
import {
  caseFinished,
  confirmationExpired,
  courtAcceptanceDue,
  courtAcceptanceReminded,
  currentRound,
  followUpOpened,
  followUpScheduled,
  initialState,
  judicialSettled,
  notMediated,
  preLitigationExpired,
  registered,
  roundOpened,
  roundReminded,
  roundTimedOut,
  triaged,
  type ActionPayloads,
  type MediationState,
  type TimelineEvent,
} from './case-state';
import { mediationMachine } from './machine';
import { isPreLitigation, startPreLitigation, termOver } from './pre-litigation';
import type { MediationRules } from './rules';
import { triageCase } from './triage';
import { LEVEL_LABELS, nextLevel, type MediationLevel } from './types';

export type MediationSystemAction =
  | 'openRound'
  | 'remindRound'
  | 'escalateRound'
  | 'closeNotMediated'
  | 'expirePreLitigation'
  | 'scheduleFollowUp'
  | 'expireConfirmation'
  | 'setCourtAcceptanceDue'
  | 'remindCourtAcceptance'
  | 'openFollowUp'
  | 'remindFollowUp'
  | 'closeCase';

/** A period in working days the host computes before the step is taken (`settle`). */
export interface MediationPeriod {
  purpose: 'openRound' | 'remindRound' | 'scheduleFollowUp' | 'setCourtAcceptanceDue' | 'openFollowUp';
  from: string;
  workingDays: number;
  /** The level of the round `openRound` opens. */
  level?: MediationLevel;
}

export interface MediationEffects extends Effects {
  period?: MediationPeriod;
  /** The agreement's document is made once this step is saved (the job reads the agreement). */
  makeDocument?: boolean;
}

export type MediationStep = Step<MediationState, MediationEffects>;

/** What registering a case takes: the workflow's input. */
export interface MediationStart {
  caseId: string;
  caseNo: string;
  facts: MediationState['facts'];
  registeredBy: MediationState['registeredBy'];
  alreadyInLitigation: boolean;
  notSuitableReason: string | null;
}

const copy = (state: MediationState) => JSON.parse(JSON.stringify(state)) as MediationState;
const titleOf = (s: MediationState) => `${s.caseNo} ${s.facts.title}`;

/** The court's side and the mediators, when a step sends a court-referred case back (sets `returnedAt`). */
function returnedToCourt(before: MediationState, after: MediationState): NotificationIntent[] {
  if (!after.preLitigation?.returnedAt || before.preLitigation?.returnedAt) return [];
  const mediators = after.rounds.map((r) => r.mediatorId).filter((id): id is string => id !== null);
  return [
    {
      event: 'returned-to-court',
      to: { personIds: [...new Set([after.registeredBy.personId, ...mediators])] },
      kind: 'mediation.returned_to_court',
      title: `诉前调解未成,退回法院:${titleOf(after)}`,
      body: `${after.closeReason ?? ''}。请将案件材料及调解情况移交委派的人民法院。`,
    },
  ];
}

export type MediationTimedMachine = TimedMachine<MediationState, ActionPayloads, MediationSystemAction, MediationEffects> & {
  /** The case as registered and triaged (refused out, or ready for its first round), with the notices triage calls for. */
  register(input: MediationStart, now: Date): MediationStep;
  /** Takes a step that waited for its period (`effects.period`), with the instant the host computed. */
  settle(step: MediationStep, at: string, now: Date): MediationStep;
};

export function mediationTimedMachine(rules: MediationRules): MediationTimedMachine {
  function register(input: MediationStart, now: Date): MediationStep {
    const preLitigation = isPreLitigation(input.facts.channel) ? startPreLitigation(now, rules.preLitigation) : null;
    const state = initialState(
      {
        caseId: input.caseId,
        caseNo: input.caseNo,
        facts: input.facts,
        registeredBy: input.registeredBy,
        targetConcludeBy: addCalendarDays(now, rules.overallTargetCalendarDays).toISOString(),
        confirmationCalendarDays: rules.judicialApplicationCalendarDays,
        preLitigation,
      },
      now,
    );
    const timeline = [registered(state, now)];
    const decision = triageCase(
      {
        channel: state.facts.channel,
        disputeType: state.facts.disputeType,
        risk: state.facts.risk,
        amountFen: state.facts.amountFen,
        partyCount: state.facts.partyCount,
        alreadyInLitigation: input.alreadyInLitigation,
        notSuitableReason: input.notSuitableReason,
      },
      rules.triage,
    );
    timeline.push(triaged(state, decision, now));
    const notifications: NotificationIntent[] = [];
    const title = titleOf(state);
    if (decision.kind === 'refer_out') {
      notifications.push({ event: 'referred-out', to: { personIds: [input.registeredBy.personId] }, kind: 'mediation.referred_out', title: `案件不宜调解,已分流:${title}`, body: decision.reason });
    } else if (decision.highRisk) {
      const unit = state.facts.units[decision.startLevel];
      const body = `${decision.reasons.join(',')}。请${unit.name}调解组织立即受理,防止矛盾激化。`;
      notifications.push({ event: 'high-risk', to: { role: 'mediator', unitId: unit.id }, kind: 'mediation.high_risk', title: `【高风险】${title}`, body });
      notifications.push({ event: 'high-risk', to: { role: 'street_office', unitId: state.facts.units.street.id }, kind: 'mediation.high_risk', title: `【高风险】${title}`, body });
    }
    return { state, effects: { timeline, notifications } };
  }

  /** The level the case goes on at after its last round, null when none is left; undefined while a round runs or the case is done with rounds. */
  function levelToOpen(s: MediationState): MediationLevel | null | undefined {
    if (s.stage === 'closed' || s.outcome !== null || s.triage?.kind !== 'mediate') return undefined;
    const last = s.rounds.at(-1);
    if (!last) return s.triage.startLevel;
    if (last.endedAt === null || last.outcome === 'agreement') return undefined;
    return nextLevel(last.level);
  }

  function deadlines(s: MediationState): Deadline<MediationSystemAction>[] {
    const out: Deadline<MediationSystemAction>[] = [];
    if (s.stage === 'closed') return out;
    const pl = s.preLitigation;
    // First declared: a round's step due at the same instant yields to the term (earliest, ties to the first).
    if (pl && s.outcome === null && !pl.expiredAt) out.push({ key: `pre-litigation:expire@${pl.deadline}`, at: pl.deadline, action: 'expirePreLitigation' });
    const next = levelToOpen(s);
    const since = s.rounds.at(-1)?.endedAt ?? s.registeredAt;
    if (next) out.push({ key: `round-${s.rounds.length + 1}:open`, at: since, action: 'openRound' });
    else if (next === null) out.push({ key: 'not-mediated', at: since, action: 'closeNotMediated' });
    const round = currentRound(s);
    if (round && round.endedAt === null && s.stage === 'in_round') {
      const n = s.rounds.length;
      if (!round.remindedAt) out.push({ key: `round-${n}:remind`, at: round.dueAt, action: 'remindRound' });
      else if (round.escalateAt) out.push({ key: `round-${n}:escalate`, at: round.escalateAt, action: 'escalateRound' });
    }
    const a = s.agreement;
    if (s.stage === 'agreement' && a) {
      if (!s.followUp) out.push({ key: 'follow-up:schedule', at: a.effectiveAt, action: 'scheduleFollowUp' });
      const j = s.judicial!;
      if (j.status === 'open') out.push({ key: 'judicial:expire', at: a.confirmationDeadline, action: 'expireConfirmation' });
      if (j.status === 'applied' && !j.acceptanceDueAt) out.push({ key: 'judicial:acceptance-due', at: j.appliedAt!, action: 'setCourtAcceptanceDue' });
      if (j.status === 'applied' && j.acceptanceDueAt) out.push({ key: 'judicial:acceptance-remind', at: j.acceptanceDueAt, action: 'remindCourtAcceptance' });
      const f = s.followUp;
      if (f && !f.openedAt) out.push({ key: 'follow-up:open', at: f.opensAt, action: 'openFollowUp' });
      if (f?.openedAt && !f.visitedAt && f.dueAt) out.push({ key: 'follow-up:remind', at: f.dueAt, action: 'remindFollowUp' });
      if (f?.visitedAt && judicialSettled(s)) out.push({ key: 'close', at: f.visitedAt, action: 'closeCase' });
    }
    return out;
  }

  function onDeadline(state: MediationState, deadline: Deadline<MediationSystemAction>, now: Date): MediationStep {
    const s = copy(state);
    const timeline: TimelineEvent[] = [];
    const notifications: NotificationIntent[] = [];
    const unchanged: MediationStep = { state, effects: { timeline, notifications } };
    const waitFor = (period: MediationPeriod): MediationStep => ({ state, effects: { timeline, notifications, period } });
    // The 诉前调解 term over (its last instant included): no round step; its own deadline returns the case.
    const over = !!s.preLitigation && termOver(s.preLitigation, now);
    switch (deadline.action) {
      case 'openRound': {
        if (over) return unchanged;
        const level = levelToOpen(s)!;
        return waitFor({ purpose: 'openRound', from: now.toISOString(), workingDays: rules.roundLimitWorkingDays[s.facts.complexity], level });
      }
      case 'remindRound':
        return over ? unchanged : waitFor({ purpose: 'remindRound', from: currentRound(s)!.dueAt, workingDays: rules.overdueGraceWorkingDays });
      case 'escalateRound':
        if (over) return unchanged;
        timeline.push(roundTimedOut(s, now));
        break;
      case 'closeNotMediated':
        timeline.push(notMediated(s, now));
        break;
      case 'expirePreLitigation':
        timeline.push(preLitigationExpired(s, now));
        break;
      case 'scheduleFollowUp':
        return waitFor({ purpose: 'scheduleFollowUp', from: s.agreement!.effectiveAt, workingDays: rules.followUpDelayWorkingDays });
      case 'expireConfirmation':
        timeline.push(confirmationExpired(s, now));
        break;
      case 'setCourtAcceptanceDue':
        return waitFor({ purpose: 'setCourtAcceptanceDue', from: s.judicial!.appliedAt!, workingDays: rules.courtAcceptanceWorkingDays });
      case 'remindCourtAcceptance':
        timeline.push(courtAcceptanceReminded(s, now));
        notifications.push({
          event: 'court-acceptance-overdue',
          to: { personIds: [s.agreement!.mediatorId] },
          kind: 'mediation.court_acceptance_overdue',
          title: `法院受理期限已到:${titleOf(s)}`,
          body: `${s.judicial!.court ?? '人民法院'}应在三日内决定是否受理司法确认申请,请跟进并记录。`,
        });
        break;
      case 'openFollowUp':
        return waitFor({ purpose: 'openFollowUp', from: now.toISOString(), workingDays: rules.followUpWorkingDays });
      case 'remindFollowUp':
        // A notice only (no timeline line); the version moves so the runner saves the step and sends it.
        s.version += 1;
        notifications.push({ event: 'follow-up-overdue', to: { personIds: [s.agreement!.mediatorId] }, kind: 'mediation.follow_up_overdue', title: `回访已超期:${titleOf(s)}`, body: '请尽快回访当事人,记录调解协议履行情况。' });
        break;
      case 'closeCase':
        timeline.push(caseFinished(s, now));
        break;
    }
    notifications.push(...returnedToCourt(state, s));
    return { state: s, effects: { timeline, notifications } };
  }

  function settle(step: MediationStep, at: string, now: Date): MediationStep {
    const period = step.effects.period;
    if (!period) return step;
    const s = copy(step.state);
    const timeline = [...step.effects.timeline];
    const notifications = [...step.effects.notifications];
    const effects: MediationEffects = { timeline, notifications };
    switch (period.purpose) {
      case 'openRound':
        // The round starts when it was due to open; its limit is counted from then.
        timeline.push(roundOpened(s, period.level!, new Date(at), new Date(period.from)));
        break;
      case 'remindRound': {
        timeline.push(roundReminded(s, new Date(at), now));
        const round = currentRound(s)!;
        const lv = round.level;
        const who = round.mediatorId ? { personIds: [round.mediatorId] } : { role: 'mediator' as const, unitId: round.unit.id, reach: 'unit' as const };
        const body = `${round.unit.name}${LEVEL_LABELS[lv]}级调解已超过办理期限,请尽快结束本轮调解;逾期将自动升级。`;
        notifications.push({ event: `${lv}:overdue`, to: who, kind: 'mediation.overdue', title: `【超期催办】${titleOf(s)}`, body });
        const above = nextLevel(lv);
        if (above) notifications.push({ event: `${lv}:overdue`, to: { role: 'mediator', unitId: s.facts.units[above].id }, kind: 'mediation.overdue', title: `【超期督办】${titleOf(s)}`, body });
        break;
      }
      case 'scheduleFollowUp':
        followUpScheduled(s, new Date(at));
        effects.makeDocument = true;
        break;
      case 'setCourtAcceptanceDue':
        courtAcceptanceDue(s, new Date(at));
        break;
      case 'openFollowUp':
        timeline.push(followUpOpened(s, new Date(at), now));
        break;
    }
    return { state: s, effects };
  }

  return {
    ...mediationMachine,
    apply(state, actor, action, input, now) {
      const step = mediationMachine.apply(state, actor, action, input, now);
      // A withdrawal closes a court-referred case back to the court: its side hears of it.
      return { ...step, effects: { ...step.effects, notifications: [...step.effects.notifications, ...returnedToCourt(state, step.state)] } };
    },
    deadlines,
    onDeadline,
    finished: (s) => s.stage === 'closed',
    register,
    settle,
  };
}
