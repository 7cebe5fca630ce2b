// 退回 in a grid incident (read by the grid machine and, through
// domain/kit/send-back-targets.ts, by the console's form). Plain strings, no
// imports: the console bundles this file as it is.
// 核查 back to 处置 (the result is incomplete: handle again); 处置 back to 分拨
// (not the assignee's matter: triage again).
export const GRID_SEND_BACK_TARGETS = {
  confirmResult: ['completeHandling'],
  completeHandling: ['dispatchIncident'],
} as const;
