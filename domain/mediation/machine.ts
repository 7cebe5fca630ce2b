// 三级三轮调解 as a machine of the process kit (domain/kit/machine.ts). The
// rules stay in case-state.ts; this adapter gives them the kit's shape: a
// pure apply that returns a new state and its effects instead of changing
// the state it was given.
import type { ProcessMachine } from '../kit/machine';
import { ACTION_LABELS, ACTION_NAMES, actionRefusal, applyAction, availableActions, pendingTasks, type ActionPayloads, type MediationState } from './case-state';

export const mediationMachine: ProcessMachine<MediationState, ActionPayloads> = {
  process: 'mediation',
  actions: ACTION_NAMES,
  labels: ACTION_LABELS,
  refusal: (state, actor, action, input, now) => actionRefusal(state, action, actor, input, now),
  apply(state, actor, action, input, now) {
    // JSON, not structuredClone: the workflow sandbox has no structuredClone, and the state is JSON by construction.
    const next = JSON.parse(JSON.stringify(state)) as MediationState;
    const entry = applyAction(next, action, actor, input, now);
    return { state: next, effects: { timeline: [entry], notifications: [] } };
  },
  pendingTasks,
  availableActions,
};
