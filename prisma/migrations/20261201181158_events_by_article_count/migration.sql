-- CreateIndex
CREATE INDEX "Event_articleCount_id_idx" ON "Event"("articleCount" DESC, "id");
