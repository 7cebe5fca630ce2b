-- CreateIndex
CREATE INDEX "HumanTask_status_completedAt_id_idx" ON "HumanTask"("status", "completedAt" DESC, "id" DESC);
