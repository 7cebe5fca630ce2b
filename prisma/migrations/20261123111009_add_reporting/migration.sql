-- CreateTable
CREATE TABLE "ReportingSchedule" (
    "unitId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "enabledById" TEXT,
    "enabledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextYear" INTEGER,
    "nextStartAt" TIMESTAMP(3),

    CONSTRAINT "ReportingSchedule_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "communityCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingReport" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "communityPath" TEXT NOT NULL,
    "streetId" TEXT,
    "year" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "grade" TEXT,
    "combinedCenti" INTEGER,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ReportingReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingTimelineEntry" (
    "id" BIGSERIAL NOT NULL,
    "reportId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ReportingTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingVoterRoll" (
    "reportId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "fixedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingVoterRoll_pkey" PRIMARY KEY ("reportId","round","personId")
);

-- CreateTable
CREATE TABLE "ReportingVoteParticipation" (
    "reportId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "votedAt" TIMESTAMP(3) NOT NULL,
    "ballotId" TEXT NOT NULL,

    CONSTRAINT "ReportingVoteParticipation_pkey" PRIMARY KEY ("reportId","round","personId")
);

-- CreateTable
CREATE TABLE "ReportingBallot" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "choice" TEXT NOT NULL,
    "comment" TEXT,

    CONSTRAINT "ReportingBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingResult" (
    "reportId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "communityPath" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "upwardCenti" INTEGER,
    "downwardCenti" INTEGER,
    "combinedCenti" INTEGER,
    "reason" TEXT NOT NULL,
    "tally" JSONB,
    "verdict" JSONB,
    "projectRatings" JSONB NOT NULL DEFAULT '[]',
    "rectificationRequired" BOOLEAN NOT NULL DEFAULT false,
    "rectificationStatus" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "publishedUntil" TIMESTAMP(3),
    "finalizedAt" TIMESTAMP(3),

    CONSTRAINT "ReportingResult_pkey" PRIMARY KEY ("reportId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingSchedule_workflowId_key" ON "ReportingSchedule"("workflowId");

-- CreateIndex
CREATE INDEX "ReportingCycle_unitPath_idx" ON "ReportingCycle"("unitPath");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_unitId_year_key" ON "ReportingCycle"("unitId", "year");

-- CreateIndex
CREATE INDEX "ReportingReport_communityPath_idx" ON "ReportingReport"("communityPath");

-- CreateIndex
CREATE INDEX "ReportingReport_cycleId_idx" ON "ReportingReport"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingReport_communityId_year_key" ON "ReportingReport"("communityId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingTimelineEntry_reportId_seq_key" ON "ReportingTimelineEntry"("reportId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingVoteParticipation_ballotId_key" ON "ReportingVoteParticipation"("ballotId");

-- CreateIndex
CREATE INDEX "ReportingBallot_reportId_round_idx" ON "ReportingBallot"("reportId", "round");

-- CreateIndex
CREATE INDEX "ReportingResult_communityPath_year_idx" ON "ReportingResult"("communityPath", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingResult_communityId_year_key" ON "ReportingResult"("communityId", "year");

-- AddForeignKey
ALTER TABLE "ReportingTimelineEntry" ADD CONSTRAINT "ReportingTimelineEntry_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ReportingReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
