-- CreateTable
CREATE TABLE "PlaceCorrection" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "placeId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "storyId" INTEGER,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaceCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaceCorrection_storyId_nameKey_idx" ON "PlaceCorrection"("storyId", "nameKey");

-- CreateIndex
CREATE INDEX "PlaceCorrection_articleId_idx" ON "PlaceCorrection"("articleId");

-- AddForeignKey
ALTER TABLE "PlaceCorrection" ADD CONSTRAINT "PlaceCorrection_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceCorrection" ADD CONSTRAINT "PlaceCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceCorrection" ADD CONSTRAINT "PlaceCorrection_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
