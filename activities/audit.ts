// The audit log is append-only. An activity can be retried after its insert
// committed (the completion was lost), so a caller that must not see a
// duplicate passes an `eventId`; the entry is then written at most once.
import type { ActivityDeps } from './deps';

export interface RecordAuditInput {
  actorId?: string | null;
  /** Verb in the message style, e.g. "approveApplication". */
  action: string;
  subjectType: string;
  subjectId: string;
  unitId?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
  /** Stable id of the event (e.g. `${workflowId}:${updateId}`), for exactly-once entries. */
  eventId?: string;
}

export function createAuditActivities({ prisma, clock }: ActivityDeps) {
  return {
    /** Appends an audit entry; returns its id (a string: BigInt does not cross JSON). */
    async recordAudit(input: RecordAuditInput): Promise<string> {
      const data = { ...(input.data ?? {}), ...(input.eventId ? { eventId: input.eventId } : {}) };
      if (input.eventId) {
        const existing = await prisma.auditLog.findFirst({
          where: { subjectType: input.subjectType, subjectId: input.subjectId, data: { path: ['eventId'], equals: input.eventId } },
          select: { id: true },
        });
        if (existing) return existing.id.toString();
      }
      const entry = await prisma.auditLog.create({
        data: {
          at: clock.now(),
          actorId: input.actorId ?? null,
          action: input.action,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          unitId: input.unitId ?? null,
          requestId: input.requestId ?? null,
          data: data as object,
        },
        select: { id: true },
      });
      return entry.id.toString();
    },
  };
}
