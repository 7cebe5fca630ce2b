// The approval inbox's rules (issue 12 item 3), pure: who holds a task, who
// may hand it on, when a deputy covers for someone, and the once-a-day 催办.
// The API (api/tasks) loads the rows and asks these; nothing here reads a
// clock, a database or the environment.
import { hasRoleOver, type Actor } from '../access';
import { toLocalDate, type LocalDate } from '../calendar';
import type { Refusal } from '../kit/machine';
import { ROLE_LABELS, type RoleName } from '../roles';
import { personalRefusal, type InboxOperation } from './personal';

/** What the rules need of an inbox task. */
export interface TaskFacts {
  /** The action that completes it. */
  action: string;
  status: 'open' | 'done' | 'cancelled';
  role: RoleName;
  /** The task's unit path ("qindu/qindu-renmin/"). */
  unitPath: string;
  assigneeId: string | null;
  /** 转交: set when the task was handed to its assignee. */
  transferred: boolean;
  /** 委派 in progress: the delegate preparing it. */
  delegateId: string | null;
  /** Only the person it names takes it (a 民主评议 vote, see personal.ts): no inbox operation touches it. */
  personal?: boolean;
}

/** A 代理 arrangement: `deputyId` covers for `personId` from `startsOn` to `endsOn` (Beijing dates, included). */
export interface ProxyFacts {
  personId: string;
  deputyId: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  cancelled: boolean;
}

/**
 * Whether the person holds the task: it is assigned to them, or it waits
 * unassigned for a role they hold on its unit or above. A role holder of a
 * task someone has claimed or been handed does not hold it any more.
 */
export function holdsTask(actor: Actor, task: TaskFacts): boolean {
  if (task.assigneeId !== null) return task.assigneeId === actor.personId;
  return hasRoleOver(actor, task.role, task.unitPath);
}

/**
 * Who may hand a task on (转交, 委派) or change its signers: its holder, and
 * whoever holds its role over its unit (a supervisor rerouting work of their
 * unit), never the delegate preparing it.
 */
export function handlingRefusal(actor: Actor, task: TaskFacts, operation: InboxOperation = 'transferTask'): Refusal | null {
  if (task.personal) return personalRefusal(operation);
  if (task.status !== 'open') return { code: 'ALREADY_DONE', message: '该任务已结束,不能再转交或委派。' };
  if (task.delegateId === actor.personId) return { code: 'DELEGATE_CANNOT_DECIDE', message: '您受委派协助办理该任务,只能填写意见、上传附件后交回委派人。' };
  if (holdsTask(actor, task) || hasRoleOver(actor, task.role, task.unitPath)) return null;
  return { code: 'NOT_TASK_HOLDER', message: `只有该任务的办理人或${ROLE_LABELS[task.role]}的负责人可以转交或委派。` };
}

/** A transfer target must hold the task's role over its unit (and be someone else, and active). */
export function transferTargetRefusal(task: TaskFacts, target: Actor | null, actorId: string): Refusal | null {
  if (!target) return { code: 'TRANSFER_TARGET_INELIGIBLE', message: '接收人不存在或已停用。' };
  if (target.personId === actorId || target.personId === task.assigneeId) return { code: 'TRANSFER_TARGET_INELIGIBLE', message: '不能转交给当前办理人自己。' };
  if (!hasRoleOver(target, task.role, task.unitPath)) {
    return { code: 'TRANSFER_TARGET_INELIGIBLE', message: `${target.displayName}不是该任务所在单位的${ROLE_LABELS[task.role]},不能接收转交。` };
  }
  return null;
}

/** Whether the arrangement covers the day (Beijing time). */
export function proxyCovers(proxy: ProxyFacts, now: Date): boolean {
  const day = toLocalDate(now);
  return !proxy.cancelled && proxy.startsOn <= day && day <= proxy.endsOn;
}

/** A 代理 arrangement's own rules: someone else, a range that is not backwards and not over. */
export function proxyRefusal(input: { personId: string; deputyId: string; startsOn: LocalDate; endsOn: LocalDate }, now: Date, maxDays: number): Refusal | null {
  if (input.deputyId === input.personId) return { code: 'BUSINESS_RULE', message: '不能指定自己为代理人。' };
  if (input.endsOn < input.startsOn) return { code: 'BUSINESS_RULE', message: '代理结束日期不能早于开始日期。' };
  if (input.endsOn < toLocalDate(now)) return { code: 'BUSINESS_RULE', message: '代理期间已经过去。' };
  const days = (Date.parse(`${input.endsOn}T00:00:00Z`) - Date.parse(`${input.startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxDays) return { code: 'BUSINESS_RULE', message: `代理期间不能超过${maxDays}天。` };
  return null;
}

export type ActingAs =
  | { kind: 'self' }
  | { kind: 'deputy'; principalId: string }
  | { kind: 'refused'; refusal: Refusal };

/**
 * How a person's action on a record meets the record's open tasks, before
 * the process judges it:
 * - the delegate preparing a task may not decide it;
 * - a task handed (转交) to someone is theirs: others are refused;
 * - a deputy whose principal holds a task acts as that principal ("代 X")
 *   while the arrangement covers today, and is refused outside it;
 * - otherwise the person acts as themselves and the process decides.
 * `principals` are the grants of the people the actor deputises for.
 */
export function actingAs(actor: Actor, action: string, tasks: TaskFacts[], proxies: ProxyFacts[], principals: Actor[], now: Date): ActingAs {
  const all = tasks.filter((t) => t.status === 'open');
  // A step completed by several actions (a mediation round's session, agreement or failure) has one task named after one of them.
  const forAction = all.filter((t) => t.action === action);
  const open = forAction.length > 0 ? forAction : all;
  if (open.some((t) => holdsTask(actor, t) && (!t.transferred || t.assigneeId === actor.personId))) return { kind: 'self' };
  if (open.some((t) => t.delegateId === actor.personId)) {
    return { kind: 'refused', refusal: { code: 'DELEGATE_CANNOT_DECIDE', message: '您受委派协助办理该任务,不能作出决定;请交回委派人办理。' } };
  }
  const mine = proxies.filter((p) => p.deputyId === actor.personId);
  for (const proxy of mine) {
    const principal = principals.find((a) => a.personId === proxy.personId);
    const held = principal ? open.filter((t) => holdsTask(principal, t)) : [];
    if (!principal || held.length === 0) continue;
    // A personal step (a vote) is the principal's alone, whatever the dates.
    if (held.every((t) => t.personal)) return { kind: 'refused', refusal: personalRefusal('actAsDeputy') };
    if (proxyCovers(proxy, now)) return { kind: 'deputy', principalId: principal.personId };
  }
  for (const proxy of mine) {
    const principal = principals.find((a) => a.personId === proxy.personId);
    if (principal && open.some((t) => holdsTask(principal, t)) && !proxy.cancelled) {
      return { kind: 'refused', refusal: { code: 'PROXY_NOT_ACTIVE', message: `您代理${principal.displayName}的期间为${proxy.startsOn}至${proxy.endsOn},今天不在代理期间内。` } };
    }
  }
  const handed = forAction.find((t) => t.transferred && t.assigneeId !== actor.personId);
  if (handed) return { kind: 'refused', refusal: { code: 'TASK_TRANSFERRED', message: '该任务已转交他人办理。' } };
  return { kind: 'self' };
}

/** The day a 催办 counts against: one per task per Beijing calendar day. */
export function urgeDay(now: Date): LocalDate {
  return toLocalDate(now);
}
