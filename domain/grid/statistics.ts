// Figures of 网格事件处置 per grid, community and street: counts, the on-time
// rate, the median handling time and the residents' satisfaction. Pure, so
// the read model's columns (activities/grid.ts) and the statistics route
// compute them one way.
import { median, percentOneDecimal } from '../mediation/statistics';
import type { GridIncidentState } from './machine';
import { ENDED_STAGES, type IncidentOutcome, type IncidentStage, type Satisfaction } from './types';

const DAY_MS = 86_400_000;

/** Calendar days between two instants, to one decimal. */
export const daysBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10;

/**
 * When the incident was handled and whether on time: resolved on the spot
 * counts as handled at once and on time; a dispatched one is handled when its
 * last round is, on time only if every round (a reopened one has two) kept
 * its limit. Null while handling is not finished (and for a conversion).
 */
export function handlingFigures(state: Pick<GridIncidentState, 'outcome' | 'reportedAt' | 'closedAt' | 'handlings'>): {
  handledAt: string | null;
  onTime: boolean | null;
  handlingDays: number | null;
} {
  if (state.outcome === 'resolved_on_spot' && state.closedAt) return { handledAt: state.closedAt, onTime: true, handlingDays: daysBetween(state.reportedAt, state.closedAt) };
  const last = state.handlings.at(-1);
  if (!last?.handledAt) return { handledAt: null, onTime: null, handlingDays: null };
  return { handledAt: last.handledAt, onTime: state.handlings.every((h) => h.onTime === true), handlingDays: daysBetween(state.reportedAt, last.handledAt) };
}

/** One incident as the statistics read it (read-model columns). */
export interface StatisticsIncident {
  gridUnitId: string | null;
  communityUnitId: string;
  streetUnitId: string;
  stage: IncidentStage;
  outcome: IncidentOutcome | null;
  handledOnTime: boolean | null;
  handlingDays: number | null;
  satisfaction: Satisfaction | null;
}

export interface GridFigures {
  reported: number;
  /** Not yet closed nor converted. */
  open: number;
  closed: number;
  resolvedOnSpot: number;
  convertedToMediation: number;
  /** Handling finished (on the spot or by the assignee). */
  handled: number;
  onTime: number;
  /** onTime / handled, percent with one decimal; null when nothing was handled. */
  onTimeRatePercent: string | null;
  /** Median calendar days from report to handled, one decimal. */
  medianHandlingDays: number | null;
  rated: number;
  satisfaction: Record<Satisfaction, number>;
  /** (satisfied + basically satisfied) / rated, percent with one decimal. */
  satisfactionRatePercent: string | null;
}

export function computeFigures(incidents: readonly StatisticsIncident[]): GridFigures {
  const handled = incidents.filter((i) => i.handledOnTime !== null);
  const onTime = handled.filter((i) => i.handledOnTime).length;
  const days = handled.map((i) => i.handlingDays).filter((d): d is number => d !== null);
  const satisfaction: Record<Satisfaction, number> = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  for (const i of incidents) if (i.satisfaction) satisfaction[i.satisfaction] += 1;
  const rated = satisfaction.satisfied + satisfaction.basically_satisfied + satisfaction.dissatisfied;
  const med = median(days);
  return {
    reported: incidents.length,
    open: incidents.filter((i) => !ENDED_STAGES.includes(i.stage)).length,
    closed: incidents.filter((i) => i.stage === 'closed').length,
    resolvedOnSpot: incidents.filter((i) => i.outcome === 'resolved_on_spot').length,
    convertedToMediation: incidents.filter((i) => i.stage === 'converted').length,
    handled: handled.length,
    onTime,
    onTimeRatePercent: handled.length === 0 ? null : percentOneDecimal(onTime, handled.length),
    medianHandlingDays: med === null ? null : Math.round(med * 10) / 10,
    rated,
    satisfaction,
    satisfactionRatePercent: rated === 0 ? null : percentOneDecimal(satisfaction.satisfied + satisfaction.basically_satisfied, rated),
  };
}

/** The figures of every street, community and grid that has incidents, keyed by unit id. */
export function figuresByUnit(incidents: readonly StatisticsIncident[]): Record<'streets' | 'communities' | 'grids', Map<string, GridFigures>> {
  const group = (key: (i: StatisticsIncident) => string | null) => {
    const by = new Map<string, StatisticsIncident[]>();
    for (const i of incidents) {
      const k = key(i);
      if (k) by.set(k, [...(by.get(k) ?? []), i]);
    }
    return new Map([...by].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, computeFigures(list)]));
  };
  return { streets: group((i) => i.streetUnitId), communities: group((i) => i.communityUnitId), grids: group((i) => i.gridUnitId) };
}
