// The state of one mediation case and the human actions on it, as pure
// functions. The workflow keeps a MediationState, runs `actionRefusal` in its
// update validators (so a refused action changes nothing) and `applyAction`
// in the handlers; the API shows `pendingTasks` and `availableActions` from
// the same state saved in the read model. Times are ISO strings: the state
// crosses workflow history and JSON columns.
import type { TimelineEntry } from '../kit/machine';
import type { Actor } from '../access';
import type { ErrorCode } from '../errors';
import type { UnitRef } from '../access';
import { ACT_REFUSAL_MESSAGE, actRefusal, isMediatorOfUnit, isRoundMediator, unitMediatorRefusal } from './access';
import { addCalendarDays, toLocalDate } from '../calendar';
import { extendedDeadline, extensionRefusal, type PreLitigationState } from './pre-litigation';
import type { TriageDecision } from './triage';
import {
  LEVEL_LABELS,
  NOT_CONFIRMED_GUIDANCE,
  NOT_MEDIATED_GUIDANCE,
  PERFORMANCE_LABELS,
  PRE_LITIGATION_RETURN_GUIDANCE,
  ROUND_OUTCOME_LABELS,
  type CaseOutcome,
  type Channel,
  type Complexity,
  type DisputeType,
  type JudicialStatus,
  type MediationLevel,
  type PerformanceResult,
  type RiskLevel,
  type RoundOutcome,
  type Stage,
} from './types';

export interface CaseFacts {
  title: string;
  channel: Channel;
  disputeType: DisputeType;
  risk: RiskLevel;
  complexity: Complexity;
  amountFen: number | null;
  partyCount: number;
  /** The community (or grid) where the dispute arises. */
  place: UnitRef;
  /** The unit holding each round: the place's community, street and district. */
  units: Record<MediationLevel, UnitRef>;
}

export interface SessionRecord {
  seq: number;
  /** Date the session was held, "YYYY-MM-DD". */
  heldOn: string;
  place: string | null;
  participants: string[];
  summary: string;
  recordedAt: string;
  recordedById: string;
}

export interface RoundState {
  level: MediationLevel;
  unit: UnitRef;
  startedAt: string;
  dueAt: string;
  /** After the reminder: when the round escalates by itself. */
  escalateAt: string | null;
  remindedAt: string | null;
  assignedMediatorId: string | null;
  assignedMediatorName: string | null;
  mediatorId: string | null;
  mediatorName: string | null;
  acceptedAt: string | null;
  sessions: SessionRecord[];
  /** 退回 of the round to its acceptance so far; part of its task keys, so the steps that come back are new tasks (absent before the first). */
  sendBacks?: number;
  endedAt: string | null;
  outcome: RoundOutcome | null;
  reason: string | null;
}

export interface AgreementState {
  level: MediationLevel;
  unit: UnitRef;
  mediatorId: string;
  mediatorName: string;
  terms: string;
  performance: string;
  amountFen: number | null;
  performBy: string | null;
  effectiveAt: string;
  /** End of the 30th calendar day: last moment for the joint 司法确认 application. */
  confirmationDeadline: string;
}

export interface JudicialState {
  status: JudicialStatus;
  applicants: string[];
  court: string | null;
  appliedAt: string | null;
  /** The court should decide on acceptance within 3 (working) days. */
  acceptanceDueAt: string | null;
  acceptedAt: string | null;
  courtCaseNumber: string | null;
  decidedAt: string | null;
  rulingNo: string | null;
  reason: string | null;
}

export interface FollowUpState {
  /** When the 回访 task opens. */
  opensAt: string;
  dueAt: string | null;
  openedAt: string | null;
  visitedAt: string | null;
  result: PerformanceResult | null;
  note: string | null;
  visitedById: string | null;
}

export interface MediationState {
  /** Grows with every change; the read model ignores an older save arriving late. */
  version: number;
  /** Number of timeline events so far; the next event gets `eventSeq + 1`. */
  eventSeq: number;
  caseId: string;
  caseNo: string;
  facts: CaseFacts;
  registeredAt: string;
  registeredBy: { personId: string; displayName: string };
  /** Normally concluded by (one month after registration). */
  targetConcludeBy: string;
  /** Days the parties have to apply for 司法确认, from the rules the case was registered under. */
  confirmationCalendarDays: number;
  stage: Stage;
  triage: TriageDecision | null;
  rounds: RoundState[];
  outcome: CaseOutcome | null;
  concludedAt: string | null;
  closeReason: string | null;
  guidance: string | null;
  closedAt: string | null;
  agreement: AgreementState | null;
  judicial: JudicialState | null;
  followUp: FollowUpState | null;
  /** 诉前调解 term of a court-referred case; null for other channels (and cases started before the term existed). */
  preLitigation?: PreLitigationState | null;
}

/** One line of the case's timeline: the kit's timeline entry. */
export type TimelineEvent = TimelineEntry;

// ---------------------------------------------------------------------------
// Human actions

export interface ActionPayloads {
  /** A mediator of the round's unit or a supervisor names who handles the round. */
  assignMediator: { mediatorId: string; mediatorName: string; mediatorUnitIds: string[] };
  acceptCase: { note?: string };
  recordSession: { heldOn: string; place?: string | null; participants: string[]; summary: string };
  recordAgreement: { terms: string; performance: string; amountFen: number | null; performBy: string | null };
  recordFailure: { reason: string };
  /** Mediation is voluntary: a party refuses to take part or withdraws. */
  recordWithdrawal: { kind: 'refused' | 'withdrawn'; party: string; reason: string };
  applyJudicialConfirmation: { applicants: string[]; court: string };
  recordCourtAcceptance: { accepted: boolean; courtCaseNumber?: string | null; reason?: string | null };
  recordCourtDecision: { confirmed: boolean; rulingNo?: string | null; reason?: string | null };
  recordFollowUp: { result: PerformanceResult; note: string };
  /** The mediator records that both parties agreed to extend the 诉前调解 term. */
  extendPreLitigation: { applicantAgreed: boolean; respondentAgreed: boolean; note?: string | null };
}

export type ActionName = keyof ActionPayloads;

export const ACTION_NAMES: ActionName[] = [
  'assignMediator',
  'acceptCase',
  'recordSession',
  'recordAgreement',
  'recordFailure',
  'recordWithdrawal',
  'applyJudicialConfirmation',
  'recordCourtAcceptance',
  'recordCourtDecision',
  'recordFollowUp',
  'extendPreLitigation',
];

export const ACTION_LABELS: Record<ActionName, string> = {
  assignMediator: '指派调解员',
  acceptCase: '受理案件',
  recordSession: '记录调解会',
  recordAgreement: '记录调解协议',
  recordFailure: '调解不成,提交上一级',
  recordWithdrawal: '当事人拒绝或撤回',
  applyJudicialConfirmation: '共同申请司法确认',
  recordCourtAcceptance: '记录法院受理情况',
  recordCourtDecision: '记录法院确认结果',
  recordFollowUp: '记录回访',
  extendPreLitigation: '双方同意延长诉前调解期限',
};

export interface Refusal {
  code: ErrorCode;
  message: string;
}

const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });

export function currentRound(state: MediationState): RoundState | null {
  const last = state.rounds.at(-1);
  return last && last.endedAt === null ? last : null;
}

function roundMediatorRefusal(actor: Actor, round: RoundState): Refusal | null {
  if (actor.personId === round.mediatorId) return null;
  const code = unitMediatorRefusal(actor, round.unit.id);
  return refuse(code ?? 'FORBIDDEN_SCOPE', `本轮调解由${round.mediatorName ?? '受理的调解员'}承办,其他人员不能代为操作。`);
}

function agreementMediatorRefusal(actor: Actor, agreement: AgreementState): Refusal | null {
  if (actor.personId === agreement.mediatorId) return null;
  const code = unitMediatorRefusal(actor, agreement.unit.id);
  return refuse(code ?? 'FORBIDDEN_SCOPE', `该调解协议由${agreement.mediatorName}承办,其他人员不能代为操作。`);
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Why `actor` may not do `name` now, or null. Never mutates. */
export function actionRefusal<A extends ActionName>(
  state: MediationState,
  name: A,
  actor: Actor,
  payload: ActionPayloads[A],
  now: Date,
): Refusal | null {
  // Access before state: an outsider hears neither the stage nor the names.
  const outsider = actRefusal(actor, accessView(state));
  if (outsider) return refuse(outsider, ACT_REFUSAL_MESSAGE);
  const round = currentRound(state);
  const inRound = state.stage === 'in_round' && round !== null;
  const notInRound = refuse('WRONG_STAGE', '案件当前不在调解阶段。');
  switch (name) {
    case 'assignMediator': {
      const p = payload as ActionPayloads['assignMediator'];
      if (!inRound) return notInRound;
      if (round.acceptedAt) return refuse('WRONG_STAGE', '本轮调解已受理,不能再指派。');
      // Peers on the round's unit and supervisors above it may assign.
      const mayAssign = actor.grants.some((g) => g.role === 'mediator' && round.unit.path.startsWith(g.unitPath));
      if (!mayAssign) {
        const code = actor.grants.some((g) => g.role === 'mediator') ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE';
        return refuse(code, `只有${round.unit.name}或其上级调解组织的调解员可以指派。`);
      }
      if (!p.mediatorUnitIds.includes(round.unit.id)) {
        return refuse('BUSINESS_RULE', `被指派人员不是${round.unit.name}的调解员。`);
      }
      return null;
    }
    case 'acceptCase': {
      if (!inRound) return notInRound;
      if (round.acceptedAt) return refuse('ALREADY_DONE', `本轮调解已由${round.mediatorName}受理。`);
      const code = unitMediatorRefusal(actor, round.unit.id);
      if (code) return refuse(code, `本轮调解由${round.unit.name}(${LEVEL_LABELS[round.level]}级)的调解员受理。`);
      if (round.assignedMediatorId && round.assignedMediatorId !== actor.personId) {
        return refuse('FORBIDDEN_SCOPE', `本轮调解已指派给${round.assignedMediatorName}。`);
      }
      return null;
    }
    case 'recordSession': {
      const p = payload as ActionPayloads['recordSession'];
      if (!inRound || !round.acceptedAt) return refuse('WRONG_STAGE', '本轮调解尚未受理,不能记录调解会。');
      const who = roundMediatorRefusal(actor, round);
      if (who) return who;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(p.heldOn)) return refuse('VALIDATION_FAILED', '调解会日期格式应为 YYYY-MM-DD。');
      if (p.heldOn > toLocalDate(now)) return refuse('BUSINESS_RULE', '调解会日期不能晚于今天。');
      if (p.heldOn < toLocalDate(round.acceptedAt)) {
        return refuse('BUSINESS_RULE', '调解会日期不能早于受理日期。');
      }
      return null;
    }
    case 'recordAgreement':
    case 'recordFailure': {
      if (!inRound || !round.acceptedAt) return refuse('WRONG_STAGE', '本轮调解尚未受理。');
      const who = roundMediatorRefusal(actor, round);
      if (who) return who;
      if (round.sessions.length === 0) return refuse('BUSINESS_RULE', '请先记录至少一次调解会。');
      if (name === 'recordAgreement') {
        const p = payload as ActionPayloads['recordAgreement'];
        if (blank(p.terms)) return refuse('BUSINESS_RULE', '调解协议须载明协议内容。');
        if (p.amountFen !== null && (!Number.isInteger(p.amountFen) || p.amountFen < 0)) {
          return refuse('BUSINESS_RULE', '协议金额须为非负整数(分)。');
        }
      } else if (blank((payload as ActionPayloads['recordFailure']).reason)) {
        return refuse('BUSINESS_RULE', '请说明调解不成的原因。');
      }
      return null;
    }
    case 'recordWithdrawal': {
      if (!inRound) return notInRound;
      if (round.acceptedAt) return roundMediatorRefusal(actor, round);
      const code = unitMediatorRefusal(actor, round.unit.id);
      return code ? refuse(code, `只有${round.unit.name}的调解员可以记录。`) : null;
    }
    case 'applyJudicialConfirmation': {
      const p = payload as ActionPayloads['applyJudicialConfirmation'];
      if (state.stage !== 'agreement' || !state.agreement || !state.judicial) return refuse('WRONG_STAGE', '案件没有生效的调解协议。');
      const who = agreementMediatorRefusal(actor, state.agreement);
      if (who) return who;
      if (state.judicial.status === 'expired' || (state.judicial.status === 'open' && now.getTime() > Date.parse(state.agreement.confirmationDeadline))) {
        return refuse(
          'CONFIRMATION_WINDOW_CLOSED',
          `申请司法确认的期限(调解协议生效之日起三十日内,至${toLocalDate(state.agreement.confirmationDeadline)})已过。`,
        );
      }
      if (state.judicial.status !== 'open') return refuse('ALREADY_DONE', '已经申请过司法确认。');
      if (p.applicants.filter((a) => !blank(a)).length < 2) return refuse('BUSINESS_RULE', '司法确认须由双方当事人共同申请。');
      if (blank(p.court)) return refuse('BUSINESS_RULE', '请填写受理申请的人民法院。');
      return null;
    }
    case 'recordCourtAcceptance': {
      if (state.judicial?.status !== 'applied' || !state.agreement) return refuse('WRONG_STAGE', '没有待法院受理的司法确认申请。');
      return agreementMediatorRefusal(actor, state.agreement);
    }
    case 'recordCourtDecision': {
      if (state.judicial?.status !== 'accepted' || !state.agreement) return refuse('WRONG_STAGE', '法院尚未受理司法确认申请。');
      return agreementMediatorRefusal(actor, state.agreement);
    }
    case 'recordFollowUp': {
      if (!state.agreement || !state.followUp) return refuse('WRONG_STAGE', '案件没有调解协议,无需回访。');
      if (state.followUp.visitedAt) return refuse('ALREADY_DONE', '已经记录过回访。');
      if (!state.followUp.openedAt) return refuse('WRONG_STAGE', `回访自${toLocalDate(state.followUp.opensAt)}起进行。`);
      const who = agreementMediatorRefusal(actor, state.agreement);
      if (who) return who;
      if (blank((payload as ActionPayloads['recordFollowUp']).note)) return refuse('BUSINESS_RULE', '请填写回访情况。');
      return null;
    }
    case 'extendPreLitigation': {
      if (!inRound) return notInRound;
      const pl = state.preLitigation;
      if (!pl) return refuse('WRONG_STAGE', '只有人民法院诉前委派的案件有诉前调解期限。');
      // Like a withdrawal: before acceptance any mediator of the round's unit, after it the round's mediator.
      if (round.acceptedAt) {
        const who = roundMediatorRefusal(actor, round);
        if (who) return who;
      } else {
        const code = unitMediatorRefusal(actor, round.unit.id);
        if (code) return refuse(code, `只有${round.unit.name}的调解员可以记录。`);
      }
      return extensionRefusal(pl, payload as ActionPayloads['extendPreLitigation'], now);
    }
  }
  return refuse('VALIDATION_FAILED', `未知操作 ${String(name)}`);
}


export function bump(state: MediationState, at: Date, actor: Actor | null, action: string, summary: string, data: Record<string, unknown> = {}): TimelineEvent {
  state.version += 1;
  state.eventSeq += 1;
  return {
    seq: state.eventSeq,
    at: at.toISOString(),
    action,
    actorId: actor?.personId ?? null,
    actorName: actor?.displayName ?? null,
    summary,
    data,
  };
}

/**
 * Applies an action that `actionRefusal` allowed; returns its timeline event.
 * Round ends set `endedAt`/`outcome`: the workflow's main loop sees them and
 * escalates or closes.
 */
export function applyAction<A extends ActionName>(
  state: MediationState,
  name: A,
  actor: Actor,
  payload: ActionPayloads[A],
  now: Date,
): TimelineEvent {
  const at = now.toISOString();
  const round = currentRound(state);
  switch (name) {
    case 'assignMediator': {
      const p = payload as ActionPayloads['assignMediator'];
      round!.assignedMediatorId = p.mediatorId;
      round!.assignedMediatorName = p.mediatorName;
      return bump(state, now, actor, name, `指派${p.mediatorName}承办${LEVEL_LABELS[round!.level]}级调解`, { level: round!.level, mediatorId: p.mediatorId });
    }
    case 'acceptCase': {
      round!.mediatorId = actor.personId;
      round!.mediatorName = actor.displayName;
      round!.assignedMediatorId = actor.personId;
      round!.assignedMediatorName = actor.displayName;
      round!.acceptedAt = at;
      return bump(state, now, actor, name, `${round!.unit.name}受理,调解员${actor.displayName}`, { level: round!.level });
    }
    case 'recordSession': {
      const p = payload as ActionPayloads['recordSession'];
      const session: SessionRecord = {
        seq: round!.sessions.length + 1,
        heldOn: p.heldOn,
        place: p.place ?? null,
        participants: p.participants,
        summary: p.summary,
        recordedAt: at,
        recordedById: actor.personId,
      };
      round!.sessions.push(session);
      return bump(state, now, actor, name, `第${session.seq}次调解会(${p.heldOn}):${p.summary}`, { level: round!.level, session });
    }
    case 'recordAgreement': {
      const p = payload as ActionPayloads['recordAgreement'];
      endRound(round!, 'agreement', null, at);
      state.stage = 'agreement';
      state.outcome = 'agreement';
      state.concludedAt = at;
      state.agreement = {
        level: round!.level,
        unit: round!.unit,
        mediatorId: actor.personId,
        mediatorName: actor.displayName,
        terms: p.terms,
        performance: p.performance,
        amountFen: p.amountFen,
        performBy: p.performBy,
        effectiveAt: at,
        confirmationDeadline: addCalendarDays(now, state.confirmationCalendarDays).toISOString(),
      };
      state.judicial = {
        status: 'open',
        applicants: [],
        court: null,
        appliedAt: null,
        acceptanceDueAt: null,
        acceptedAt: null,
        courtCaseNumber: null,
        decidedAt: null,
        rulingNo: null,
        reason: null,
      };
      return bump(state, now, actor, name, `${LEVEL_LABELS[round!.level]}级调解达成协议`, { level: round!.level, amountFen: p.amountFen });
    }
    case 'recordFailure': {
      const p = payload as ActionPayloads['recordFailure'];
      endRound(round!, 'failed', p.reason, at);
      return bump(state, now, actor, name, `${LEVEL_LABELS[round!.level]}级调解不成:${p.reason}`, { level: round!.level });
    }
    case 'recordWithdrawal': {
      const p = payload as ActionPayloads['recordWithdrawal'];
      const reason = `${p.party}${p.kind === 'refused' ? '拒绝调解' : '撤回调解申请'}:${p.reason}`;
      endRound(round!, p.kind, reason, at);
      const pl = state.preLitigation;
      if (pl) {
        // Mediation is voluntary, but the court's claim stands: it goes back there.
        pl.returnedAt = at;
        closeCase(state, p.kind, `${reason},退回人民法院`, PRE_LITIGATION_RETURN_GUIDANCE, now);
        return bump(state, now, actor, name, `${ROUND_OUTCOME_LABELS[p.kind]}(${reason}),诉前调解终止,退回人民法院`, { level: round!.level, kind: p.kind, guidance: PRE_LITIGATION_RETURN_GUIDANCE });
      }
      closeCase(state, p.kind, reason, null, now);
      return bump(state, now, actor, name, `${ROUND_OUTCOME_LABELS[p.kind]}(${reason}),案件终止`, { level: round!.level, kind: p.kind });
    }
    case 'applyJudicialConfirmation': {
      const p = payload as ActionPayloads['applyJudicialConfirmation'];
      const j = state.judicial!;
      j.status = 'applied';
      j.applicants = p.applicants;
      j.court = p.court;
      j.appliedAt = at;
      return bump(state, now, actor, name, `${p.applicants.join('、')}共同向${p.court}申请司法确认`, {});
    }
    case 'recordCourtAcceptance': {
      const p = payload as ActionPayloads['recordCourtAcceptance'];
      const j = state.judicial!;
      j.status = p.accepted ? 'accepted' : 'not_accepted';
      j.acceptedAt = p.accepted ? at : null;
      j.courtCaseNumber = p.courtCaseNumber ?? null;
      j.reason = p.accepted ? null : (p.reason ?? null);
      return bump(state, now, actor, name, p.accepted ? `${j.court}已受理司法确认申请` : `${j.court}不予受理:${p.reason ?? ''}`, {});
    }
    case 'recordCourtDecision': {
      const p = payload as ActionPayloads['recordCourtDecision'];
      const j = state.judicial!;
      j.status = p.confirmed ? 'confirmed' : 'not_confirmed';
      j.decidedAt = at;
      j.rulingNo = p.rulingNo ?? null;
      j.reason = p.reason ?? null;
      if (!p.confirmed) state.guidance = NOT_CONFIRMED_GUIDANCE;
      return bump(state, now, actor, name, p.confirmed ? `调解协议经司法确认有效(${p.rulingNo ?? ''})` : `法院裁定不予确认:${p.reason ?? ''}`, {});
    }
    case 'recordFollowUp': {
      const p = payload as ActionPayloads['recordFollowUp'];
      const f = state.followUp!;
      f.visitedAt = at;
      f.result = p.result;
      f.note = p.note;
      f.visitedById = actor.personId;
      return bump(state, now, actor, name, `回访:${PERFORMANCE_LABELS[p.result]}。${p.note}`, { result: p.result });
    }
    case 'extendPreLitigation': {
      const p = payload as ActionPayloads['extendPreLitigation'];
      const pl = state.preLitigation!;
      const from = pl.deadline;
      const to = extendedDeadline(pl);
      pl.deadline = to;
      pl.extensions.push({ at, byId: actor.personId, byName: actor.displayName, from, to, note: p.note ?? null });
      state.targetConcludeBy = to;
      return bump(state, now, actor, name, `双方当事人同意延长诉前调解期限${pl.extensionCalendarDays}日,延至${toLocalDate(to)}`, { from, to, note: p.note ?? null });
    }
  }
  throw new Error(`unknown action ${String(name)}`);
}

function endRound(round: RoundState, outcome: RoundOutcome, reason: string | null, at: string) {
  round.endedAt = at;
  round.outcome = outcome;
  round.reason = reason;
}

// ---------------------------------------------------------------------------
// Steps the workflow takes by itself

export interface NewCaseInput {
  caseId: string;
  caseNo: string;
  facts: CaseFacts;
  registeredBy: { personId: string; displayName: string };
  targetConcludeBy: string;
  confirmationCalendarDays: number;
  /** Set for a court-referred case (see pre-litigation.ts); its deadline is also the conclude-by date. */
  preLitigation?: PreLitigationState | null;
}

export function initialState(input: NewCaseInput, now: Date): MediationState {
  return {
    version: 1,
    eventSeq: 0,
    caseId: input.caseId,
    caseNo: input.caseNo,
    facts: input.facts,
    registeredAt: now.toISOString(),
    registeredBy: input.registeredBy,
    targetConcludeBy: input.preLitigation?.deadline ?? input.targetConcludeBy,
    confirmationCalendarDays: input.confirmationCalendarDays,
    stage: 'triage',
    triage: null,
    rounds: [],
    outcome: null,
    concludedAt: null,
    closeReason: null,
    guidance: null,
    closedAt: null,
    agreement: null,
    judicial: null,
    followUp: null,
    preLitigation: input.preLitigation ?? null,
  };
}

export function registered(state: MediationState, now: Date): TimelineEvent {
  const by = state.registeredBy;
  return bump(state, now, { personId: by.personId, displayName: by.displayName, grants: [] }, 'registerCase', `登记受理:${state.facts.title}`, {
    channel: state.facts.channel,
    disputeType: state.facts.disputeType,
  });
}

export function triaged(state: MediationState, decision: TriageDecision, now: Date): TimelineEvent {
  state.triage = decision;
  if (decision.kind === 'refer_out') {
    closeCase(state, 'referred_out', decision.reason, null, now);
    return bump(state, now, null, 'triage', `分流:不宜调解。${decision.reason}`, { decision });
  }
  const text = decision.highRisk ? `分流:${decision.reasons.join(',')}` : '分流:由社区人民调解委员会调解';
  return bump(state, now, null, 'triage', text, { decision });
}

export function roundOpened(state: MediationState, level: MediationLevel, dueAt: Date, now: Date): TimelineEvent {
  state.stage = 'in_round';
  const unit = state.facts.units[level];
  state.rounds.push({
    level,
    unit,
    startedAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
    escalateAt: null,
    remindedAt: null,
    assignedMediatorId: null,
    assignedMediatorName: null,
    mediatorId: null,
    mediatorName: null,
    acceptedAt: null,
    sessions: [],
    endedAt: null,
    outcome: null,
    reason: null,
  });
  return bump(state, now, null, 'openRound', `第${state.rounds.length}轮:${unit.name}(${LEVEL_LABELS[level]}级)调解,期限至${toLocalDate(dueAt)}`, { level });
}

export function roundReminded(state: MediationState, escalateAt: Date, now: Date): TimelineEvent {
  const round = currentRound(state)!;
  round.remindedAt = now.toISOString();
  round.escalateAt = escalateAt.toISOString();
  return bump(state, now, null, 'remindOverdue', `${LEVEL_LABELS[round.level]}级调解已超期,已催办;${toLocalDate(escalateAt)}前仍未结束将自动升级`, { level: round.level });
}

export function roundTimedOut(state: MediationState, now: Date): TimelineEvent {
  const round = currentRound(state)!;
  endRound(round, 'overdue', '超过办理时限,自动升级', now.toISOString());
  return bump(state, now, null, 'escalateOverdue', `${LEVEL_LABELS[round.level]}级调解超期未结,自动升级`, { level: round.level });
}

/**
 * After the last round failed (or timed out) at the district level. A
 * court-referred case goes back to the court instead of sending the parties
 * to litigation or arbitration of their own.
 */
export function notMediated(state: MediationState, now: Date): TimelineEvent {
  const last = state.rounds.at(-1)!;
  const pl = state.preLitigation;
  if (pl) {
    pl.returnedAt = now.toISOString();
    closeCase(state, 'not_mediated', `${last.reason ?? '调解不成'},退回人民法院`, PRE_LITIGATION_RETURN_GUIDANCE, now);
    return bump(state, now, null, 'returnToCourt', '三级调解均未达成协议,诉前调解终结,案件退回人民法院', { level: last.level, guidance: PRE_LITIGATION_RETURN_GUIDANCE });
  }
  closeCase(state, 'not_mediated', last.reason ?? '调解不成', NOT_MEDIATED_GUIDANCE, now);
  return bump(state, now, null, 'closeNotMediated', `三级调解均未达成协议,案件终结,已引导当事人通过诉讼或仲裁解决`, { guidance: NOT_MEDIATED_GUIDANCE });
}

/**
 * The 诉前调解 term ran out without an agreement: the case ends as not
 * mediated, like a failed district round, but goes back to the court that
 * referred it rather than to the parties' own choice of litigation.
 */
export function preLitigationExpired(state: MediationState, now: Date): TimelineEvent {
  const pl = state.preLitigation!;
  const at = now.toISOString();
  const reason = `诉前调解期限(自受理委派之日起${pl.calendarDays}日${pl.extensions.length ? `,经双方同意延长${pl.extensions.length}次` : ''},至${toLocalDate(pl.deadline)})届满,未达成调解协议,退回人民法院`;
  const round = currentRound(state);
  if (round) endRound(round, 'expired', reason, at);
  pl.expiredAt = at;
  pl.returnedAt = at;
  closeCase(state, 'not_mediated', reason, PRE_LITIGATION_RETURN_GUIDANCE, now);
  return bump(state, now, null, 'returnToCourt', `${reason},案件终结`, { deadline: pl.deadline, level: round?.level ?? null, guidance: PRE_LITIGATION_RETURN_GUIDANCE });
}

function closeCase(state: MediationState, outcome: CaseOutcome, reason: string, guidance: string | null, now: Date) {
  const at = now.toISOString();
  state.stage = 'closed';
  state.outcome = outcome;
  state.closeReason = reason;
  state.guidance = guidance;
  state.concludedAt = at;
  state.closedAt = at;
}

export function followUpScheduled(state: MediationState, opensAt: Date): void {
  state.followUp = { opensAt: opensAt.toISOString(), dueAt: null, openedAt: null, visitedAt: null, result: null, note: null, visitedById: null };
  state.version += 1;
}

export function courtAcceptanceDue(state: MediationState, dueAt: Date): void {
  state.judicial!.acceptanceDueAt = dueAt.toISOString();
  state.version += 1;
}

export function confirmationExpired(state: MediationState, now: Date): TimelineEvent {
  state.judicial!.status = 'expired';
  return bump(state, now, null, 'confirmationExpired', '三十日内未申请司法确认,申请期限届满', {});
}

export function followUpOpened(state: MediationState, dueAt: Date, now: Date): TimelineEvent {
  const f = state.followUp!;
  f.openedAt = now.toISOString();
  f.dueAt = dueAt.toISOString();
  return bump(state, now, null, 'openFollowUp', `回访任务已下达,请于${toLocalDate(dueAt)}前完成`, {});
}

export function courtAcceptanceReminded(state: MediationState, now: Date): TimelineEvent {
  return bump(state, now, null, 'remindCourtAcceptance', '法院受理期限(三日)已到,请跟进并记录受理情况', {});
}

/** The judicial part is settled: nothing more can happen to it. */
export function judicialSettled(state: MediationState): boolean {
  const s = state.judicial?.status;
  return s === 'expired' || s === 'not_accepted' || s === 'confirmed' || s === 'not_confirmed';
}

export function caseFinished(state: MediationState, now: Date): TimelineEvent {
  state.stage = 'closed';
  state.closedAt = now.toISOString();
  return bump(state, now, null, 'closeCase', '调解协议后续事项(司法确认、回访)已完结,案件归档', {});
}

// ---------------------------------------------------------------------------
// What waits for whom

export interface PendingTask {
  /** Inbox key, unique within the case workflow. */
  key: string;
  action: ActionName;
  title: string;
  role: 'mediator';
  unitId: string;
  assigneeId: string | null;
  dueAt: string | null;
}

/** The inbox tasks the state calls for right now. */
export function pendingTasks(state: MediationState): PendingTask[] {
  const tasks: PendingTask[] = [];
  const no = state.caseNo;
  const round = currentRound(state);
  if (state.stage === 'in_round' && round) {
    const lv = LEVEL_LABELS[round.level];
    const back = round.sendBacks ? `-b${round.sendBacks}` : '';
    if (!round.acceptedAt) {
      tasks.push({
        key: `${round.level}:accept:${round.assignedMediatorId ?? 'unit'}${back}`,
        action: 'acceptCase',
        title: `受理${lv}级调解:${no} ${state.facts.title}`,
        role: 'mediator',
        unitId: round.unit.id,
        assigneeId: round.assignedMediatorId,
        dueAt: round.escalateAt ?? round.dueAt,
      });
    } else {
      tasks.push({
        key: `${round.level}:mediate${back}`,
        action: 'recordSession',
        title: `${lv}级调解:${no} ${state.facts.title}`,
        role: 'mediator',
        unitId: round.unit.id,
        assigneeId: round.mediatorId,
        dueAt: round.escalateAt ?? round.dueAt,
      });
    }
  }
  const a = state.agreement;
  if (state.stage === 'agreement' && a && state.judicial) {
    const j = state.judicial;
    if (j.status === 'applied') {
      tasks.push({ key: 'judicial:acceptance', action: 'recordCourtAcceptance', title: `记录法院受理情况:${no}`, role: 'mediator', unitId: a.unit.id, assigneeId: a.mediatorId, dueAt: j.acceptanceDueAt });
    } else if (j.status === 'accepted') {
      tasks.push({ key: 'judicial:decision', action: 'recordCourtDecision', title: `记录司法确认结果:${no}`, role: 'mediator', unitId: a.unit.id, assigneeId: a.mediatorId, dueAt: null });
    }
    const f = state.followUp;
    if (f?.openedAt && !f.visitedAt) {
      tasks.push({ key: 'follow-up', action: 'recordFollowUp', title: `回访调解协议履行情况:${no}`, role: 'mediator', unitId: a.unit.id, assigneeId: a.mediatorId, dueAt: f.dueAt });
    }
  }
  return tasks;
}

/**
 * Actions the actor could take now (ignoring payload checks), for the API's
 * "what can I do" list. Payload-independent refusals only.
 */
export function availableActions(state: MediationState, actor: Actor, now: Date): ActionName[] {
  const probe: { [A in ActionName]: ActionPayloads[A] } = {
    assignMediator: { mediatorId: '', mediatorName: '', mediatorUnitIds: state.rounds.map((r) => r.unit.id) },
    acceptCase: {},
    recordSession: { heldOn: toLocalDate(now), participants: [], summary: '' },
    recordAgreement: { terms: '—', performance: '', amountFen: null, performBy: null },
    recordFailure: { reason: '—' },
    recordWithdrawal: { kind: 'withdrawn', party: '', reason: '' },
    applyJudicialConfirmation: { applicants: ['甲', '乙'], court: '—' },
    recordCourtAcceptance: { accepted: true },
    recordCourtDecision: { confirmed: true },
    recordFollowUp: { result: 'fulfilled', note: '—' },
    extendPreLitigation: { applicantAgreed: true, respondentAgreed: true },
  };
  return ACTION_NAMES.filter((name) => {
    const r = actionRefusal(state, name, actor, probe[name] as never, now);
    // A missing session still shows "record agreement" as something to work towards.
    return r === null || (r.code === 'BUSINESS_RULE' && name !== 'assignMediator');
  });
}

/** The access view of a state (for domain/mediation/access). */
export function accessView(state: Pick<MediationState, 'facts' | 'rounds'>) {
  return {
    placePath: state.facts.place.path,
    rounds: state.rounds.map((r) => ({ unit: r.unit, mediatorId: r.mediatorId, assignedMediatorId: r.assignedMediatorId })),
  };
}

export { isMediatorOfUnit, isRoundMediator };
