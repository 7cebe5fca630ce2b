-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "TaskEvent_requestKey_key" ON "TaskEvent"("requestKey");
