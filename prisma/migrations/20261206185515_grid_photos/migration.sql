-- CreateTable
CREATE TABLE "GridPhoto" (
    "id" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GridPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GridPhoto_storageKey_key" ON "GridPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "GridPhoto_uploadedById_idx" ON "GridPhoto"("uploadedById");
