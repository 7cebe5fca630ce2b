-- An audit entry that a retried activity may write again is keyed by its
-- event id in a column with a unique index, so a step's entries go in with
-- one INSERT … ON CONFLICT DO NOTHING instead of a look-up and an insert each.

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "eventId" TEXT;

-- Entries written before kept their event id in data.
UPDATE "AuditLog" SET "eventId" = data->>'eventId' WHERE data ? 'eventId';
-- Written once each by the look-up before; should a repeat exist, the later
-- entry stays in the log without the key rather than being deleted.
UPDATE "AuditLog" a SET "eventId" = NULL
  FROM "AuditLog" b
 WHERE a."eventId" IS NOT NULL AND a."subjectType" = b."subjectType" AND a."subjectId" = b."subjectId" AND a."eventId" = b."eventId" AND a.id > b.id;

-- The unique index's first two columns serve look-ups by subject.
DROP INDEX "AuditLog_subjectType_subjectId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_subjectType_subjectId_eventId_key" ON "AuditLog"("subjectType", "subjectId", "eventId");
