// What the mediation workflow and its callers (API, seeds, tests) share: the
// workflow id scheme, the input, the query and one update per human action.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, ActionResult } from '../domain/kit/command';
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

export type MediationActionResult = ActionResult<Stage>;

export const mediationStateQuery = defineQuery<MediationState>('mediationState');

export type MediationUpdates = { [A in ActionName]: UpdateDefinition<MediationActionResult, [ActionCommand<ActionPayloads[A]>], A> };

export const mediationUpdates = Object.fromEntries(
  ACTION_NAMES.map((name) => [name, defineUpdate<MediationActionResult, [ActionCommand]>(name)]),
) as unknown as MediationUpdates;
