-- AlterTable
ALTER TABLE "GridPhoto" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "incidentId" TEXT,
ADD COLUMN     "keptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "GridPhoto_createdAt_idx" ON "GridPhoto"("createdAt");

-- Photos uploaded before claims were recorded: those an incident names (its
-- report's photos or a handling's, in its snapshot) are kept for good; the
-- others are left to the sweep.
UPDATE "GridPhoto" p
   SET "incidentId" = i.id, "claimedAt" = p."createdAt", "keptAt" = p."createdAt"
  FROM "GridIncident" i
 WHERE ('photo:' || p.id) = ANY (i.photos) OR strpos(i.snapshot::text, '"photo:' || p.id || '"') > 0;
