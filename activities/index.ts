// All activities, built from their dependencies. The worker passes the real
// ones; tests pass the test database, the run's queues and a fixed clock.
// Workflows type their proxies with `Activities` (import type only).
// Process helpers: add `...createXActivities(deps)` to the object below.
import type { ActivityDeps } from './deps';
import { createAuditActivities } from './audit';
import { createCalendarActivities } from './calendar';
import { createInboxActivities } from './inbox';
import { createNotifyActivities } from './notify';
import { createReportingActivities } from './reporting';
import { createProjectActivities } from './project';
import { createMediationActivities } from './mediation';
import { classifyFailures } from './failures';
import { createIncidentActivities } from './incidents';
import { createGridActivities } from './grid';

export { systemClock, type ActivityDeps, type Clock } from './deps';

/**
 * Every activity's failures are classified in one place: data the database
 * refuses fails at once, non-retryable (see ./failures.ts).
 */
export function createActivities(deps: ActivityDeps) {
  return classifyFailures({
    ...createInboxActivities(deps),
    ...createNotifyActivities(deps),
    ...createAuditActivities(deps),
    ...createCalendarActivities(deps),
    ...createReportingActivities(deps),
    ...createProjectActivities(deps),
    ...createMediationActivities(deps),
    ...createIncidentActivities(deps),
    ...createGridActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
