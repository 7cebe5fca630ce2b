// What the project workflow and its callers (API, seeds, tests) share: the
// workflow id scheme, the input, the query and one update per human action.

import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UnitRef } from '../domain/access';
import type { ActionCommand, ActionResult } from '../domain/kit/command';
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

export type ProjectActionResult = ActionResult<ProjectStage>;

export const projectStateQuery = defineQuery<ProjectState>('projectState');

export type ProjectUpdates = { [A in ProjectAction]: UpdateDefinition<ProjectActionResult, [ActionCommand<ActionInputs[A]>], A> };

export const projectUpdates = Object.fromEntries(
  PROJECT_ACTIONS.map((action) => [action, defineUpdate<ProjectActionResult, [ActionCommand]>(action)]),
) as unknown as ProjectUpdates;
