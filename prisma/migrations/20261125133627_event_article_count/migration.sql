-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Event_startsOn_articleCount_idx" ON "Event"("startsOn", "articleCount");

-- Data fix (hand-written): count the articles of the events stored before this column existed.
UPDATE "Event" e SET "articleCount" = (SELECT count(DISTINCT m."articleId") FROM "EventMention" m WHERE m."eventId" = e.id);
