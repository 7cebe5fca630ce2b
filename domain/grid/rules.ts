// The configurable figures of a grid incident. config/grid.ts reads overrides
// from the environment; an incident carries the rules it was reported under
// in its workflow input, so changing configuration never alters a running one.
import type { Urgency } from './types';

export interface GridRules {
  /** Working days the community (or, after escalation, the street) has to triage. */
  triageWorkingDays: number;
  /** Working days the assignee has to handle, by urgency. */
  handleWorkingDays: Record<Urgency, number>;
  /** Working days the reporter or grid worker has to check the result; after that it closes by itself. */
  verifyWorkingDays: number;
  /** After a step's due date a reminder goes out; after this many more working days it escalates. */
  overdueGraceWorkingDays: number;
  /** Working days after closing during which the resident's satisfaction is recorded (回访). */
  ratingWorkingDays: number;
}

/**
 * 紧急 within the next working day, 一般 within 3, 轻微 within 5: the limits
 * grid-governance rules commonly set for 网格事件 (urgent safety hazards the
 * same or next day, ordinary matters within three working days).
 */
export const DEFAULT_GRID_RULES: GridRules = {
  triageWorkingDays: 1,
  handleWorkingDays: { urgent: 1, ordinary: 3, minor: 5 },
  verifyWorkingDays: 2,
  overdueGraceWorkingDays: 1,
  ratingWorkingDays: 5,
};

/** One line per rule that does not hold. */
export function gridRuleProblems(rules: GridRules): string[] {
  const p: string[] = [];
  const { urgent, ordinary, minor } = rules.handleWorkingDays;
  if (!(urgent <= ordinary && ordinary <= minor)) p.push('GRID_HANDLE_DAYS_*: an urgent incident cannot have a longer limit than an ordinary one, nor an ordinary than a minor one');
  return p;
}
