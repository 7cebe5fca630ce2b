// 超时自动办理: the steps each process allows the inbox to decide when their
// holder stays silent past the configured hours, and the input it decides
// with. A process names them beside its machine (GRID_AUTO_DECISIONS); the
// configuration refuses an auto-decision for any other step at start-up.
import { GRID_AUTO_DECISIONS } from '../grid/machine';
import { isPersonalStep } from './personal';

const AUTO_DECISIONS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  grid: GRID_AUTO_DECISIONS,
};

/** The input the step is decided with, or null when its process does not allow it (never a personal step). */
export function autoDecision(process: string, action: string): { input: unknown } | null {
  if (isPersonalStep(process, action)) return null;
  const input = AUTO_DECISIONS[process]?.[action];
  return input === undefined ? null : { input };
}

/** "grid.confirmResult, …": what may be configured, for the start-up message. */
export function autoDecidableSteps(): string[] {
  return Object.entries(AUTO_DECISIONS).flatMap(([process, actions]) => Object.keys(actions).map((a) => `${process}.${a}`));
}
