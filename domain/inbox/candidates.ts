// Who the console's people picker offers for an inbox operation: the same
// people the operation's rule accepts, so the picker never offers someone the
// API then refuses. Pure; api/tasks/list-candidates.ts reads the grants from
// the database (a superset: the record's unit line) and keeps those these
// predicates accept.
import { covers, reachesUnit, type RoleGrant } from '../access';
import type { RoleName } from '../roles';

/** The operations that name a person. removeSigner picks among signers, who were added as addSigner accepts. */
export const CANDIDATE_PURPOSES = ['transferTask', 'delegateTask', 'addSigner', 'ccTask'] as const;
export type CandidatePurpose = (typeof CANDIDATE_PURPOSES)[number];

export interface CandidateTask {
  role: RoleName;
  /** The task's unit. */
  unitPath: string;
  /** The record's unit (a project's community, an incident's grid); the task's unit when unknown. */
  recordUnitPath: string;
}

/**
 * Whether a grant makes its holder a candidate:
 * - 转交: the task's role over the task's unit (transferTargetRefusal);
 * - 加签: any role that reads the record's unit, above or below it (the signer
 *   rule of domain/kit/signers.ts);
 * - 委派 and 抄送: that reach, or the caller's own — colleagues and supervisors
 *   on the record's line, and people of the units the caller works over (a
 *   street clerk copying a neighbouring community of the same street for
 *   reference); never a stranger's unit, whom the caller has no business to
 *   send work or news to.
 */
export function candidateGrant(purpose: CandidatePurpose, task: CandidateTask, grant: Pick<RoleGrant, 'role' | 'unitPath'>, caller: readonly Pick<RoleGrant, 'unitPath'>[]): boolean {
  if (purpose === 'transferTask') return grant.role === task.role && covers(grant, task.unitPath);
  if (reachesUnit(grant, task.recordUnitPath)) return true;
  return purpose !== 'addSigner' && colleagueGrant(caller, grant);
}

/** A grant on the line (above or below) of a unit where one of `grants` lies. */
function colleagueGrant(grants: readonly Pick<RoleGrant, 'unitPath'>[], grant: Pick<RoleGrant, 'unitPath'>): boolean {
  return grants.some((g) => reachesUnit(grant, g.unitPath));
}

/**
 * 代理: a deputy holds one of the principal's roles (on any unit: a clerk of
 * the neighbouring street covers for a clerk on leave). While the
 * arrangement covers today they act with the principal's grants, but every
 * action first checks the caller's own role (api/http/define-route.ts), so a
 * person of another role could cover for nothing and is never offered.
 */
export function deputyCandidateGrant(principal: readonly Pick<RoleGrant, 'role'>[], grant: Pick<RoleGrant, 'role'>): boolean {
  return principal.some((g) => g.role === grant.role);
}
