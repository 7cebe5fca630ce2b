// Timeout handling per step (催办/督办 by the platform): for a configured
// (process, action), an overdue open task is reminded once, then escalated
// once to the unit above, and — where the process allows it — decided
// automatically (超时自动办理). Pure: the sweep
// (queue/jobs/inbox-timeouts.ts) loads the tasks and asks.
import type { RoleName } from '../roles';
import { autoDecidableSteps, autoDecision } from './auto-decide';

export interface StepTimeoutRule {
  process: string;
  action: string;
  /** Hours after the task's due time when its holder is reminded (0: at the due time). */
  remindAfterHours: number;
  /** Hours after the due time when the unit above is told; null: never. */
  escalateAfterHours: number | null;
  /** Hours after the due time when the platform decides the step itself (超时自动办理); null: never. */
  autoDecideAfterHours?: number | null;
}

export interface InboxRules {
  stepTimeouts: StepTimeoutRule[];
}

export const DEFAULT_INBOX_RULES: InboxRules = { stepTimeouts: [] };

export type TimeoutStep = 'remindTask' | 'escalateTask' | 'autoDecideTask';

/** The earliest hours over the due time at which the rule does anything. */
export function firstTimeoutHours(rule: StepTimeoutRule): number {
  return Math.min(rule.remindAfterHours, rule.autoDecideAfterHours ?? Infinity);
}

/** What is due for an open task now, given what was already done (each happens once; deciding ends the task). */
export function timeoutDue(rule: StepTimeoutRule, task: { dueAt: Date | null }, done: ReadonlySet<TimeoutStep>, now: Date): TimeoutStep | null {
  if (!task.dueAt) return null;
  const over = (now.getTime() - task.dueAt.getTime()) / 3_600_000;
  const auto = rule.autoDecideAfterHours ?? null;
  if (auto !== null && over >= auto && !done.has('autoDecideTask')) return 'autoDecideTask';
  if (rule.escalateAfterHours !== null && over >= rule.escalateAfterHours && !done.has('escalateTask')) return 'escalateTask';
  if (over >= rule.remindAfterHours && !done.has('remindTask') && !done.has('escalateTask')) return 'remindTask';
  return null;
}

/** Who answers for a role one level up: the same role where it exists there, else the unit's leadership. */
export const SUPERVISING_ROLES: Record<RoleName, RoleName[]> = {
  community: ['street_office'],
  grid_worker: ['community'],
  street_office: ['district_org'],
  mediator: ['mediator'],
  finance: ['district_org'],
  resident_rep: ['community'],
  auditor: ['auditor', 'district_org'],
  district_org: ['district_org'],
  admin: ['admin'],
};

/**
 * Parses INBOX_STEP_TIMEOUTS: "process.action:remind/escalate[/auto]" items
 * separated by commas, hours after the due time, "-" for never —
 * "project.verifyMilestone:0/48", "grid.confirmResult:0/-/72". An
 * auto-decision for a step its process does not allow is refused here, so
 * the platform does not start with it.
 */
export function parseStepTimeouts(text: string): StepTimeoutRule[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^([a-z]+)\.([a-zA-Z]+):(\d+)\/(\d+|-)(?:\/(\d+|-))?$/.exec(item);
      if (!m) throw new Error(`"${item}" should look like process.action:remindHours/escalateHours[/autoDecideHours] (e.g. project.verifyMilestone:0/48, grid.confirmResult:0/-/72)`);
      const autoDecideAfterHours = m[5] === undefined || m[5] === '-' ? null : Number(m[5]);
      if (autoDecideAfterHours !== null && !autoDecision(m[1]!, m[2]!)) {
        throw new Error(`"${item}": ${m[1]}.${m[2]} may not be decided automatically (allowed: ${autoDecidableSteps().join(', ') || 'none'})`);
      }
      return { process: m[1]!, action: m[2]!, remindAfterHours: Number(m[3]), escalateAfterHours: m[4] === '-' ? null : Number(m[4]), autoDecideAfterHours };
    });
}
