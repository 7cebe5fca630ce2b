// 退回 in a project: which step may go back to which (read by the project
// machine and, through domain/kit/send-back-targets.ts, by the console's form).
// Plain strings, no imports: the console bundles this file as it is.
// The district sends an application back to the street's review (a new
// review round, a new task). Nothing later goes back: from 公示 on, budgets
// are reserved and money may move, and a money step is never undone.
export const PROJECT_SEND_BACK_TARGETS = {
  decideDistrictApproval: ['reviewApplication'],
} as const;
