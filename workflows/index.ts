// Every workflow the platform worker registers. The worker bundles this file
// once, so a workflow that is not exported here does not exist at run time.
// Process files append their exports below.

/**
 * A workflow that does nothing but answer: used to check, end to end, that a
 * worker is polling the task queue (tests, smoke checks).
 */
export async function ping(message: string): Promise<string> {
  return `pong: ${message}`;
}
export { reportingCommunity, reportingCycle, reportingYearly } from './reporting';
export { projectWorkflow } from './project';
export { mediationWorkflow } from './mediation';
export { gridIncidentWorkflow } from './grid';
