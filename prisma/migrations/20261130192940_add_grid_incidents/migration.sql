-- AlterTable
ALTER TABLE "MediationCase" ADD COLUMN     "gridIncidentId" TEXT;

-- CreateTable
CREATE TABLE "GridIncident" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "seqNo" SERIAL NOT NULL,
    "incidentNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "placeUnitId" TEXT NOT NULL,
    "placeName" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "gridUnitId" TEXT,
    "communityUnitId" TEXT NOT NULL,
    "streetUnitId" TEXT NOT NULL,
    "districtUnitId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "photos" TEXT[],
    "contactName" TEXT,
    "contactPhone" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "reportedById" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'triage',
    "assigneeUnitId" TEXT,
    "department" TEXT,
    "nextDueAt" TIMESTAMP(3),
    "handledAt" TIMESTAMP(3),
    "handledOnTime" BOOLEAN,
    "handlingDays" DOUBLE PRECISION,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "closedAt" TIMESTAMP(3),
    "satisfaction" TEXT,
    "mediationCaseId" TEXT,
    "snapshot" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GridIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridIncidentEvent" (
    "incidentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "GridIncidentEvent_pkey" PRIMARY KEY ("incidentId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "GridIncident_workflowId_key" ON "GridIncident"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "GridIncident_seqNo_key" ON "GridIncident"("seqNo");

-- CreateIndex
CREATE UNIQUE INDEX "GridIncident_incidentNo_key" ON "GridIncident"("incidentNo");

-- CreateIndex
CREATE UNIQUE INDEX "GridIncident_mediationCaseId_key" ON "GridIncident"("mediationCaseId");

-- CreateIndex
CREATE INDEX "GridIncident_placePath_idx" ON "GridIncident"("placePath");

-- CreateIndex
CREATE INDEX "GridIncident_reportedAt_idx" ON "GridIncident"("reportedAt");

-- CreateIndex
CREATE INDEX "GridIncident_stage_idx" ON "GridIncident"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_gridIncidentId_key" ON "MediationCase"("gridIncidentId");

-- AddForeignKey
ALTER TABLE "GridIncidentEvent" ADD CONSTRAINT "GridIncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "GridIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
