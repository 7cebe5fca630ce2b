// Grid incident (网格事件处置) limits read from the environment; every default
// is domain/grid/rules.ts. `gridSection` is listed in config/schema.ts.
import { z } from 'zod';
import { blankAsUnset, defineSection, envVar, type SectionValue } from './define';
import { DEFAULT_GRID_RULES, type GridRules } from '../domain/grid/rules';

const D = DEFAULT_GRID_RULES;

const days = (fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').default(fallback));

export const gridSection = defineSection({
  triageDays: envVar({
    env: 'GRID_TRIAGE_DAYS',
    schema: days(D.triageWorkingDays),
    doc: 'Working days the community (or the street, after escalation) has to triage a reported incident.',
    example: String(D.triageWorkingDays),
  }),
  handleDaysUrgent: envVar({
    env: 'GRID_HANDLE_DAYS_URGENT',
    schema: days(D.handleWorkingDays.urgent),
    doc: 'Working days the assignee has to handle an urgent incident.',
    example: String(D.handleWorkingDays.urgent),
  }),
  handleDaysOrdinary: envVar({
    env: 'GRID_HANDLE_DAYS_ORDINARY',
    schema: days(D.handleWorkingDays.ordinary),
    doc: 'Working days the assignee has to handle an ordinary incident.',
    example: String(D.handleWorkingDays.ordinary),
  }),
  handleDaysMinor: envVar({
    env: 'GRID_HANDLE_DAYS_MINOR',
    schema: days(D.handleWorkingDays.minor),
    doc: 'Working days the assignee has to handle a minor incident.',
    example: String(D.handleWorkingDays.minor),
  }),
  verifyDays: envVar({
    env: 'GRID_VERIFY_DAYS',
    schema: days(D.verifyWorkingDays),
    doc: 'Working days the reporter or grid worker has to check a result; after the reminder and the grace period it closes by itself.',
    example: String(D.verifyWorkingDays),
  }),
  overdueGraceDays: envVar({
    env: 'GRID_OVERDUE_GRACE_DAYS',
    schema: days(D.overdueGraceWorkingDays),
    doc: 'Working days after an overdue reminder before the step escalates (triage to the street, handling to the supervising level).',
    example: String(D.overdueGraceWorkingDays),
  }),
  ratingDays: envVar({
    env: 'GRID_RATING_DAYS',
    schema: days(D.ratingWorkingDays),
    doc: 'Working days after closing during which the resident\'s satisfaction is recorded.',
    example: String(D.ratingWorkingDays),
  }),
});

export type GridSectionValue = SectionValue<typeof gridSection>;

export function gridRulesFrom(v: GridSectionValue): GridRules {
  return {
    triageWorkingDays: v.triageDays,
    handleWorkingDays: { urgent: v.handleDaysUrgent, ordinary: v.handleDaysOrdinary, minor: v.handleDaysMinor },
    verifyWorkingDays: v.verifyDays,
    overdueGraceWorkingDays: v.overdueGraceDays,
    ratingWorkingDays: v.ratingDays,
  };
}
