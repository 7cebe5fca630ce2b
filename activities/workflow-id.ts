import { Context } from '@temporalio/activity';

/**
 * The calling workflow's id: the explicit one if given (tests, callers outside
 * a workflow), else the one of the workflow whose activity is executing.
 */
export function callerWorkflowId(explicit?: string): string {
  if (explicit) return explicit;
  let workflowId: string | undefined;
  try {
    workflowId = Context.current().info.workflowExecution?.workflowId;
  } catch {
    // not inside an activity
  }
  if (!workflowId) throw new Error('workflowId is required when not called from a workflow activity');
  return workflowId;
}
