-- CreateIndex
CREATE INDEX "HumanTask_status_dueAt_id_idx" ON "HumanTask"("status", "dueAt", "id");
