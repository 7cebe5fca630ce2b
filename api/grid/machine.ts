// The grid machine as the API uses it: for what a person may do now and for
// refusing early. Neither depends on the rules' figures or the calendar (they
// only set deadlines, which the workflow computes with those it started with).
import { defaultCalendar } from '../../domain/calendar';
import { createGridMachine, type GridMachine } from '../../domain/grid/machine';
import { DEFAULT_GRID_RULES } from '../../domain/grid/rules';
import type { AppDeps } from '../deps';

export function gridMachineFor(deps: AppDeps): GridMachine {
  return createGridMachine({ rules: deps.config.rules?.grid ?? DEFAULT_GRID_RULES, calendar: defaultCalendar() });
}
