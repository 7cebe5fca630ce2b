// The audit log is append-only. An activity can be retried after its insert
// committed (the completion was lost), so a caller that must not see a
// duplicate passes an `eventId`; the entry is then written at most once.
import type { ActivityDeps } from './deps';
import { rawDb, type RawDb } from '../db/raw-sql';

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

const rowOf = (input: RecordAuditInput, at: Date) => ({
  at,
  actorId: input.actorId ?? null,
  action: input.action,
  subjectType: input.subjectType,
  subjectId: input.subjectId,
  unitId: input.unitId ?? null,
  requestId: input.requestId ?? null,
  // The event id stays in data too, where entries written before the column kept it.
  data: { ...(input.data ?? {}), ...(input.eventId ? { eventId: input.eventId } : {}) } as object,
  eventId: input.eventId ?? null,
});

export function createAuditActivities({ prisma, clock }: ActivityDeps) {
  return {
    /** Appends an audit entry; returns its id (a string: BigInt does not cross JSON). */
    async recordAudit(input: RecordAuditInput): Promise<string> {
      if (input.eventId) {
        const existing = await prisma.auditLog.findUnique({
          where: { subjectType_subjectId_eventId: { subjectType: input.subjectType, subjectId: input.subjectId, eventId: input.eventId } },
          select: { id: true },
        });
        if (existing) return existing.id.toString();
      }
      const entry = await prisma.auditLog.create({ data: rowOf(input, clock.now()), select: { id: true } });
      return entry.id.toString();
    },

    /** Appends entries that each carry an eventId, in one statement (writeAuditEntries); those written before are skipped. */
    async recordAuditEntries(inputs: readonly (RecordAuditInput & { eventId: string })[]): Promise<void> {
      await writeAuditEntries(rawDb(prisma), inputs, clock.now());
    },
  };
}

/**
 * Appends entries that each carry an eventId, in one statement on `db` (a
 * step's save transaction, or the pool); those written before are skipped.
 * Every step of every process writes here, so the statement is raw SQL (see
 * InboxDb in ./inbox for the measured cost).
 */
export async function writeAuditEntries(db: RawDb, inputs: readonly (RecordAuditInput & { eventId: string })[], at: Date): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => rowOf(input, at));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await db.$executeRaw`
    INSERT INTO "AuditLog" (at, "actorId", action, "subjectType", "subjectId", "unitId", "requestId", data, "eventId")
    SELECT ${at}, e.actor, e.action, e.type, e.subject, e.unit, e.request, e.data::jsonb, e.event
      FROM unnest(${col('actorId')}::text[], ${col('action')}::text[], ${col('subjectType')}::text[], ${col('subjectId')}::text[],
                  ${col('unitId')}::text[], ${col('requestId')}::text[], ${rows.map((r) => JSON.stringify(r.data))}::text[], ${col('eventId')}::text[])
        AS e(actor, action, type, subject, unit, request, data, event)
    ON CONFLICT DO NOTHING`;
}
