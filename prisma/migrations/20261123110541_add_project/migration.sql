-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "communityId" TEXT NOT NULL,
    "communityName" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "step" TEXT,
    "budgetFen" INTEGER NOT NULL,
    "finalPaymentFen" INTEGER NOT NULL DEFAULT 0,
    "reservedFen" INTEGER NOT NULL DEFAULT 0,
    "paidFen" INTEGER NOT NULL DEFAULT 0,
    "rewardPaidFen" INTEGER NOT NULL DEFAULT 0,
    "revisionCount" INTEGER NOT NULL DEFAULT 0,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "pending" JSONB NOT NULL DEFAULT '[]',
    "nextDueAt" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "rating" TEXT,
    "scoreCentiPoints" INTEGER,
    "ratedAt" TIMESTAMP(3),
    "snapshot" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "closedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "overdueSince" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("projectId","seq")
);

-- CreateTable
CREATE TABLE "ProjectDisbursement" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payableKey" TEXT NOT NULL,
    "milestoneSeq" INTEGER,
    "attempt" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "voucherNo" TEXT,
    "returnReason" TEXT,

    CONSTRAINT "ProjectDisbursement_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "ProjectPayment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "payableKey" TEXT NOT NULL,
    "disbursementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "voucherNo" TEXT NOT NULL,
    "releasedById" TEXT NOT NULL,
    "releasedAt" TIMESTAMP(3) NOT NULL,
    "communityId" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "ProjectPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectLedgerLine" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,

    CONSTRAINT "ProjectLedgerLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFundYear" (
    "communityId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "capFen" INTEGER NOT NULL,
    "reservedFen" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectFundYear_pkey" PRIMARY KEY ("communityId","year")
);

-- CreateTable
CREATE TABLE "ProjectReservation" (
    "projectId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectReservation_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("projectId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_workflowId_key" ON "Project"("workflowId");

-- CreateIndex
CREATE INDEX "Project_unitPath_idx" ON "Project"("unitPath");

-- CreateIndex
CREATE INDEX "Project_streetId_year_idx" ON "Project"("streetId", "year");

-- CreateIndex
CREATE INDEX "Project_stage_idx" ON "Project"("stage");

-- CreateIndex
CREATE INDEX "ProjectMilestone_dueDate_idx" ON "ProjectMilestone"("dueDate");

-- CreateIndex
CREATE INDEX "ProjectDisbursement_status_unitPath_idx" ON "ProjectDisbursement"("status", "unitPath");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectDisbursement_projectId_payableKey_attempt_key" ON "ProjectDisbursement"("projectId", "payableKey", "attempt");

-- CreateIndex
CREATE INDEX "ProjectPayment_streetId_releasedAt_idx" ON "ProjectPayment"("streetId", "releasedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectPayment_projectId_payableKey_key" ON "ProjectPayment"("projectId", "payableKey");

-- CreateIndex
CREATE INDEX "ProjectLedgerLine_projectId_idx" ON "ProjectLedgerLine"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectLedgerLine_paymentId_party_key" ON "ProjectLedgerLine"("paymentId", "party");

-- CreateIndex
CREATE INDEX "ProjectReservation_communityId_year_idx" ON "ProjectReservation"("communityId", "year");

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectDisbursement" ADD CONSTRAINT "ProjectDisbursement_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPayment" ADD CONSTRAINT "ProjectPayment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectLedgerLine" ADD CONSTRAINT "ProjectLedgerLine_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "ProjectPayment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
