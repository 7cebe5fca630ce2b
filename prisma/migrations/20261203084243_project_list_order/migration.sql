-- CreateIndex
CREATE INDEX "Project_createdAt_id_idx" ON "Project"("createdAt" DESC, "id");
