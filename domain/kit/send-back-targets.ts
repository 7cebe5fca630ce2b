// 退回 targets of every process: for each step, the earlier steps it may be
// sent back to. Each process keeps its own table, with the reasons, beside
// its machine (domain/<process>/send-back-targets.ts); this file reads them
// for the console, whose 退回 form offers exactly these, so the form never
// offers what the API refuses with SEND_BACK_NOT_ALLOWED. Imports only those
// plain tables: the console bundles this file as it is.
import { GRID_SEND_BACK_TARGETS } from '../grid/send-back-targets';
import { MEDIATION_SEND_BACK_TARGETS } from '../mediation/send-back-targets';
import { PROJECT_SEND_BACK_TARGETS } from '../project/send-back-targets';

export const SEND_BACK_TARGETS = {
  project: PROJECT_SEND_BACK_TARGETS,
  grid: GRID_SEND_BACK_TARGETS,
  mediation: MEDIATION_SEND_BACK_TARGETS,
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** The steps a task of `process` at `action` may be sent back to (none when the process has no 退回 there). */
export function sendBackTargetsOf(process: string, action: string): readonly string[] {
  const byAction: Record<string, readonly string[]> | undefined = (SEND_BACK_TARGETS as Record<string, Record<string, readonly string[]>>)[process];
  return byAction?.[action] ?? [];
}
