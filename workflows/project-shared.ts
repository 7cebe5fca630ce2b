// What the project workflow and its callers (API, seeds, tests) share: the
// workflow id scheme, the input, the query and one update per human action.

import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, UnitRef } from '../domain/access';
import type { ActionInputs, ProjectAction } from '../domain/project/actions';
import { PROJECT_ACTIONS } from '../domain/project/actions';
import type { ProjectApplication } from '../domain/project/application';
import type { ProjectRules } from '../domain/project/rules';
import type { ProjectStage, ProjectState } from '../domain/project/state';

export const PROJECT_WORKFLOW_TYPE = 'projectWorkflow';

export function projectWorkflowId(projectId: string): string {
  return `project-${projectId}`;
}

export interface ProjectWorkflowInput {
  projectId: string;
  year: number;
  community: UnitRef;
  street: UnitRef;
  district: UnitRef;
  applicant: { id: string; name: string };
  application: ProjectApplication;
  /** Rules captured when the project was created: a running project keeps them. */
  rules: ProjectRules;
}

export interface ProjectOutcome {
  stage: ProjectStage;
  paidFen: number;
  rewardPaidFen: number;
  rating: string | null;
}

/** Every update carries who acts (resolved by the API) and the action's input. */
export interface ActionEnvelope<A extends ProjectAction = ProjectAction> {
  actor: Actor;
  input: ActionInputs[A];
  requestId?: string;
}

export interface ActionResult {
  stage: ProjectStage;
  version: number;
  /** zh-CN summary of what happened. */
  message: string;
}

export const projectStateQuery = defineQuery<ProjectState>('projectState');

export type ProjectUpdates = { [A in ProjectAction]: UpdateDefinition<ActionResult, [ActionEnvelope<A>], A> };

export const projectUpdates = Object.fromEntries(
  PROJECT_ACTIONS.map((action) => [action, defineUpdate<ActionResult, [ActionEnvelope]>(action)]),
) as unknown as ProjectUpdates;
