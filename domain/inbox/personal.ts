// Personal steps (issue 12 item 3): a step only the person it names may take,
// never through the inbox's hands. Today that is the 民主评议 vote: personal
// and secret, so a deputy or a colleague taking it would break
// one-person-one-vote and the ballot's secrecy. Each process names its own
// personal steps beside its actions; this file gathers them for the inbox.
import type { Refusal } from '../kit/machine';
import { PERSONAL_REPORT_ACTIONS } from '../reporting/stages';

const PERSONAL_STEPS: Readonly<Record<string, readonly string[]>> = {
  reporting: PERSONAL_REPORT_ACTIONS,
};

/** Whether the step of `process` completed by `action` is personal. */
export function isPersonalStep(process: string, action: string): boolean {
  return PERSONAL_STEPS[process]?.includes(action) ?? false;
}

/** The processes that have personal steps (a record of another process has none to look for). */
export const PERSONAL_STEP_PROCESSES: ReadonlySet<string> = new Set(Object.keys(PERSONAL_STEPS));

/** The personal steps as (process, action) pairs, for the task list's query. */
export function personalSteps(): { process: string; action: string }[] {
  return Object.entries(PERSONAL_STEPS).flatMap(([process, actions]) => actions.map((action) => ({ process, action })));
}

/** What the inbox would do to the task, as the refusal names it. */
export const INBOX_OPERATION_LABELS = {
  transferTask: '转交',
  delegateTask: '委派',
  ccTask: '抄送',
  batchApprove: '批量办理',
  actAsDeputy: '由代理人代为办理',
  commentTask: '添加意见',
  attachFile: '上传附件',
  autoDecide: '超时自动办理',
} as const;
export type InboxOperation = keyof typeof INBOX_OPERATION_LABELS;

/** The refusal of `operation` on a personal step. */
export function personalRefusal(operation: InboxOperation): Refusal {
  return { code: 'PERSONAL_TASK', message: `该任务(如民主评议投票)只能由本人亲自办理,一人一票、无记名,不能${INBOX_OPERATION_LABELS[operation]}。` };
}

/** PERSONAL_TASK for any inbox operation on a personal step; null otherwise. */
export function personalTaskRefusal(task: { process: string; action: string }, operation: InboxOperation): Refusal | null {
  return isPersonalStep(task.process, task.action) ? personalRefusal(operation) : null;
}
