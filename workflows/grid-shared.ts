// What the grid incident workflow and its callers (API, seeds, tests) share:
// the workflow id scheme, the input, the query and one update per action.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BusinessCalendar } from '../domain/calendar';
import type { ActionCommand, ActionResult } from '../domain/kit/command';
import { GRID_ACTIONS, type GridAction, type GridIncidentState, type GridInputs, type NewIncident } from '../domain/grid/machine';
import type { GridRules } from '../domain/grid/rules';
import type { IncidentOutcome, IncidentStage } from '../domain/grid/types';

export const GRID_WORKFLOW_TYPE = 'gridIncidentWorkflow';

export { gridIncidentWorkflowId } from '../domain/grid/types';

export interface GridWorkflowInput {
  incident: NewIncident;
  /** Rules and the working-day calendar captured at report time: a running incident keeps them. */
  rules: GridRules;
  calendar: BusinessCalendar;
}

export interface GridOutcome {
  stage: IncidentStage;
  outcome: IncidentOutcome | null;
}

export type GridActionResult = ActionResult<IncidentStage>;

export const gridStateQuery = defineQuery<GridIncidentState>('gridIncidentState');

export type GridUpdates = { [A in GridAction]: UpdateDefinition<GridActionResult, [ActionCommand<GridInputs[A]>], A> };

export const gridUpdates = Object.fromEntries(GRID_ACTIONS.map((name) => [name, defineUpdate<GridActionResult, [ActionCommand]>(name)])) as unknown as GridUpdates;
