-- AlterTable
ALTER TABLE "RefreshToken" ADD COLUMN     "replacesId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RefreshToken_replacesId_key" ON "RefreshToken"("replacesId");
