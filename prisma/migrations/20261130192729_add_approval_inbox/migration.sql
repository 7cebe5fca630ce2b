-- AlterTable
ALTER TABLE "HumanTask" ADD COLUMN     "transferredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TaskEvent" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "process" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskDelegation" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "delegatorId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "returnNote" TEXT,

    CONSTRAINT "TaskDelegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordReader" (
    "process" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecordReader_pkey" PRIMARY KEY ("process","subjectId","personId")
);

-- CreateTable
CREATE TABLE "TaskUrge" (
    "taskId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "urgedById" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskUrge_pkey" PRIMARY KEY ("taskId","day")
);

-- CreateTable
CREATE TABLE "OutOfOfficeProxy" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "deputyId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "OutOfOfficeProxy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskComment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAttachment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskEvent_process_subjectId_at_idx" ON "TaskEvent"("process", "subjectId", "at");

-- CreateIndex
CREATE INDEX "TaskEvent_taskId_idx" ON "TaskEvent"("taskId");

-- CreateIndex
CREATE INDEX "TaskDelegation_taskId_returnedAt_idx" ON "TaskDelegation"("taskId", "returnedAt");

-- CreateIndex
CREATE INDEX "TaskDelegation_delegateId_returnedAt_idx" ON "TaskDelegation"("delegateId", "returnedAt");

-- CreateIndex
CREATE INDEX "RecordReader_personId_idx" ON "RecordReader"("personId");

-- CreateIndex
CREATE INDEX "OutOfOfficeProxy_deputyId_idx" ON "OutOfOfficeProxy"("deputyId");

-- CreateIndex
CREATE INDEX "OutOfOfficeProxy_personId_idx" ON "OutOfOfficeProxy"("personId");

-- CreateIndex
CREATE INDEX "TaskComment_taskId_createdAt_idx" ON "TaskComment"("taskId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAttachment_storageKey_key" ON "TaskAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "TaskAttachment_taskId_idx" ON "TaskAttachment"("taskId");
