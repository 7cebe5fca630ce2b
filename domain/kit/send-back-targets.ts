// 退回 targets: for each process, the earlier steps a step may be sent back to.
// One home for the machines (their sendBackTargets) and the console (the
// 退回 form offers exactly these), so the form never offers what the API
// refuses with SEND_BACK_NOT_ALLOWED. Plain strings, no imports: the console
// bundles this file as it is.
export const SEND_BACK_TARGETS = {
  // The district sends an application back to the street's review (a new review round, a new task).
  project: { decideDistrictApproval: ['reviewApplication'] },
  // 核查 back to 处置 (the result is incomplete: handle again), 处置 back to 分拨 (not the assignee's matter).
  grid: { confirmResult: ['completeHandling'], completeHandling: ['dispatchIncident'] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** The steps a task of `process` at `action` may be sent back to (none when the process has no 退回 there). */
export function sendBackTargetsOf(process: string, action: string): readonly string[] {
  const byAction: Record<string, readonly string[]> | undefined = (SEND_BACK_TARGETS as Record<string, Record<string, readonly string[]>>)[process];
  return byAction?.[action] ?? [];
}
