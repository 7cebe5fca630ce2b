// Who may take part in a community's report as a representative. Access is
// checked before the stage in every validator, so an outsider never learns
// where the report stands.
import { accessRefusal, reachesUnit, type Actor } from '../access';
import type { ErrorCode } from '../errors';
import type { RoleName } from '../roles';
import { REPORT_ACTIONS, type ReportAction } from './stages';

/**
 * A resident representative of the community (a grant on it or on one of its
 * grids) or of a unit above it: they vote (when on the roll) and may object
 * during the 公示. A representative of a sibling community never counts.
 */
export function voterAccessRefusal(actor: Actor, communityPath: string): { code: ErrorCode; message: string } | null {
  const reps = actor.grants.filter((g) => g.role === 'resident_rep');
  if (reps.length === 0) return { code: 'FORBIDDEN_ROLE', message: '只有党员/居民代表可以参加民主评议' };
  const own = reps.some((g) => reachesUnit(g, communityPath));
  return own ? null : { code: 'FORBIDDEN_SCOPE', message: '只能参加本社区的民主评议' };
}

/**
 * Role and scope for `action` on a community's report, whatever its stage:
 * the API's first check (after "can read", else 404), also for a report
 * whose workflow has finished. The workflow's validator checks the same and
 * more (the exact unit of the upward step, the roll).
 */
export function reportActionAccessRefusal(actor: Actor, action: ReportAction, communityPath: string): { code: ErrorCode; message: string } | null {
  const spec = REPORT_ACTIONS[action];
  if (action === 'castVote') return voterAccessRefusal(actor, communityPath);
  if (action === 'raiseObjection' && voterAccessRefusal(actor, communityPath) === null) return null;
  const refusal = accessRefusal(actor, spec.roles as readonly RoleName[], communityPath);
  return refusal ? { code: refusal, message: `无权${spec.label}` } : null;
}
