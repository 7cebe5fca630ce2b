-- CreateTable
CREATE TABLE "MediationCase" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "seqNo" SERIAL NOT NULL,
    "caseNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "disputeType" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "complexity" TEXT NOT NULL,
    "amountFen" INTEGER,
    "partyCount" INTEGER NOT NULL,
    "placeUnitId" TEXT NOT NULL,
    "placeName" TEXT NOT NULL,
    "placePath" TEXT NOT NULL,
    "communityUnitId" TEXT NOT NULL,
    "streetUnitId" TEXT NOT NULL,
    "districtUnitId" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "registeredById" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'triage',
    "highRisk" BOOLEAN NOT NULL DEFAULT false,
    "startLevel" TEXT,
    "currentLevel" TEXT,
    "mediatorId" TEXT,
    "nextDueAt" TIMESTAMP(3),
    "outcome" TEXT,
    "concludedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "guidance" TEXT,
    "targetConcludeBy" TIMESTAMP(3) NOT NULL,
    "judicialStatus" TEXT,
    "followUpResult" TEXT,
    "snapshot" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "idNumber" TEXT,
    "address" TEXT,

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("caseId","seq")
);

-- CreateTable
CREATE TABLE "MediationRound" (
    "caseId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "roundNo" INTEGER NOT NULL,
    "unitId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "mediatorId" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "reason" TEXT,

    CONSTRAINT "MediationRound_pkey" PRIMARY KEY ("caseId","level")
);

-- CreateTable
CREATE TABLE "MediationAgreement" (
    "caseId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "mediatorId" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "performance" TEXT NOT NULL,
    "amountFen" INTEGER,
    "performBy" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "confirmationDeadline" TIMESTAMP(3) NOT NULL,
    "documentHtml" TEXT,
    "documentRenderedAt" TIMESTAMP(3),

    CONSTRAINT "MediationAgreement_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "MediationEvent" (
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "MediationEvent_pkey" PRIMARY KEY ("caseId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_workflowId_key" ON "MediationCase"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_seqNo_key" ON "MediationCase"("seqNo");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_caseNo_key" ON "MediationCase"("caseNo");

-- CreateIndex
CREATE INDEX "MediationCase_placePath_idx" ON "MediationCase"("placePath");

-- CreateIndex
CREATE INDEX "MediationCase_registeredAt_idx" ON "MediationCase"("registeredAt");

-- CreateIndex
CREATE INDEX "MediationCase_stage_idx" ON "MediationCase"("stage");

-- CreateIndex
CREATE INDEX "MediationRound_unitId_startedAt_idx" ON "MediationRound"("unitId", "startedAt");

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationRound" ADD CONSTRAINT "MediationRound_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationAgreement" ADD CONSTRAINT "MediationAgreement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationEvent" ADD CONSTRAINT "MediationEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
