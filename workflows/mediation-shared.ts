// What the mediation workflow and its callers (API, seeds, tests) share: the
// workflow id scheme, the input, the query and one update per human action.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/access';
import { ACTION_NAMES, type ActionName, type ActionPayloads, type CaseFacts, type MediationState } from '../domain/mediation/case-state';
import type { MediationRules } from '../domain/mediation/rules';
import type { CaseOutcome, Stage } from '../domain/mediation/types';

export const MEDIATION_WORKFLOW_TYPE = 'mediationWorkflow';

export { mediationWorkflowId } from '../domain/mediation/types';

export interface MediationWorkflowInput {
  caseId: string;
  caseNo: string;
  facts: CaseFacts;
  registeredBy: { personId: string; displayName: string };
  /** Intake facts used only by triage. */
  alreadyInLitigation: boolean;
  notSuitableReason: string | null;
  /** Rules captured at registration: a running case keeps them. */
  rules: MediationRules;
}

export interface MediationOutcome {
  stage: Stage;
  outcome: CaseOutcome | null;
}

/** Every update carries who acts (resolved by the API) and the action's input. */
export interface MediationCommand<A extends ActionName = ActionName> {
  actor: Actor;
  payload: ActionPayloads[A];
}

export interface MediationActionResult {
  stage: Stage;
  version: number;
  /** zh-CN summary of what happened. */
  message: string;
}

export const mediationStateQuery = defineQuery<MediationState>('mediationState');

export type MediationUpdates = { [A in ActionName]: UpdateDefinition<MediationActionResult, [MediationCommand<A>], A> };

export const mediationUpdates = Object.fromEntries(
  ACTION_NAMES.map((name) => [name, defineUpdate<MediationActionResult, [MediationCommand]>(name)]),
) as unknown as MediationUpdates;
