// 三级三轮调解 as a machine of the process kit (domain/kit/machine.ts). The
// rules stay in case-state.ts; this adapter gives them the kit's shape: a
// pure apply that returns a new state and its effects instead of changing
// the state it was given.
import { hasRoleOver, type Actor } from '../access';
import { isMediatorOfUnit } from './access';
import { MEDIATION_SEND_BACK_TARGETS } from './send-back-targets';
import type { ProcessMachine, Refusal, Step } from '../kit/machine';
import { ACTION_LABELS, ACTION_NAMES, actionRefusal, applyAction, availableActions, bump, currentRound, pendingTasks, type ActionPayloads, type MediationState } from './case-state';
import { LEVEL_LABELS } from './types';

// JSON, not structuredClone: the workflow sandbox has no structuredClone, and the state is JSON by construction.
const copy = (state: MediationState) => JSON.parse(JSON.stringify(state)) as MediationState;

/**
 * 转交 of a case's step: a round's acceptance once a mediator was named, the
 * round itself once accepted, and the agreement's court and follow-up steps
 * are bound to one mediator; the new one must be a mediator of the same
 * unit. An unnamed acceptance waits for the unit's mediators: the inbox
 * moves it alone.
 */
function reassign(state: MediationState, taskKey: string, to: Actor): Step<MediationState> | Refusal | null {
  const task = pendingTasks(state).find((t) => t.key === taskKey);
  if (!task) return { code: 'WRONG_STAGE', message: '该任务已不在办理中。' };
  // Each level's round is its own unit's mediators' (三级三轮): a mediator above does not take it over by a transfer.
  if (!isMediatorOfUnit(to, task.unitId)) return { code: 'TRANSFER_TARGET_INELIGIBLE', message: `${to.displayName}不是承办该轮调解的调解组织的调解员,不能接办。` };
  if (task.assigneeId === null) return null;
  const next = copy(state);
  const round = currentRound(next);
  if (task.action === 'acceptCase' || task.action === 'recordSession') {
    round!.assignedMediatorId = to.personId;
    round!.assignedMediatorName = to.displayName;
    if (round!.acceptedAt) {
      round!.mediatorId = to.personId;
      round!.mediatorName = to.displayName;
    }
  } else {
    next.agreement!.mediatorId = to.personId;
    next.agreement!.mediatorName = to.displayName;
  }
  next.version += 1;
  return { state: next, effects: { timeline: [], notifications: [] } };
}

/**
 * 撤回 of a naming, an acceptance or a session record: the case as it was
 * before, its counters carried on (the timeline only grows).
 */
function recall(before: MediationState, current: MediationState, action: keyof ActionPayloads, actor: Actor, now: Date, reason: string): Step<MediationState> {
  const next = copy(before);
  next.version = current.version + 1;
  next.eventSeq = current.eventSeq + 1;
  const entry = {
    seq: next.eventSeq,
    at: now.toISOString(),
    action: 'recallStep',
    actorId: actor.personId,
    actorName: actor.displayName,
    summary: `撤回「${ACTION_LABELS[action]}」${reason ? `:${reason}` : ''}`,
    data: { recalledAction: action, reason },
  };
  return { state: next, effects: { timeline: [entry], notifications: [] } };
}

/**
 * 退回 of a round in progress to its acceptance (the only return
 * send-back-targets.ts allows; the runner checked it): the mediator is taken
 * off the round, which waits for its unit's mediators to accept it again,
 * at the same level, with the same time limit and the sessions held so far.
 * The round's mediator may do it (回避), or a mediator over the round's unit.
 */
function sendBack(state: MediationState, actor: Actor, reason: string, now: Date): Step<MediationState> | Refusal {
  const round = currentRound(state);
  if (state.stage !== 'in_round' || !round?.acceptedAt || round.endedAt) return { code: 'WRONG_STAGE', message: '本轮调解不在调解中,不能退回受理。' };
  if (actor.personId !== round.mediatorId && !hasRoleOver(actor, 'mediator', round.unit.path)) {
    return { code: 'FORBIDDEN_SCOPE', message: `只有承办本轮调解的${round.mediatorName ?? '调解员'}或${round.unit.name}(及上级)的调解员可以退回。` };
  }
  const next = copy(state);
  const r = currentRound(next)!;
  const from = r.mediatorName;
  r.sendBacks = (r.sendBacks ?? 0) + 1;
  r.acceptedAt = null;
  r.mediatorId = null;
  r.mediatorName = null;
  r.assignedMediatorId = null;
  r.assignedMediatorName = null;
  const entry = bump(next, now, actor, 'sendBack', `${LEVEL_LABELS[r.level]}级调解退回重新受理(原调解员${from ?? '—'}),由${r.unit.name}的调解员重新受理:${reason}`, {
    from: 'recordSession',
    to: 'acceptCase',
    reason,
    level: r.level,
    previousMediatorName: from,
  });
  return { state: next, effects: { timeline: [entry], notifications: [] } };
}

export const mediationMachine: ProcessMachine<MediationState, ActionPayloads> = {
  process: 'mediation',
  actions: ACTION_NAMES,
  labels: ACTION_LABELS,
  refusal: (state, actor, action, input, now) => actionRefusal(state, action, actor, input, now),
  apply(state, actor, action, input, now) {
    const next = copy(state);
    const entry = applyAction(next, action, actor, input, now);
    return { state: next, effects: { timeline: [entry], notifications: [] } };
  },
  pendingTasks,
  availableActions,
  reassign: (state, taskKey, to) => reassign(state, taskKey, to),
  // Never an agreement or a failure: they end the round, and the process moves on at once (documents, the next level).
  recallable: ['assignMediator', 'acceptCase', 'recordSession'],
  recall,
  sendBackTargets: MEDIATION_SEND_BACK_TARGETS,
  sendBack: (state, actor, _from, _to, reason, now) => sendBack(state, actor, reason, now),
};
