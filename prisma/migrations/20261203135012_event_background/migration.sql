-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "background" BOOLEAN NOT NULL DEFAULT false;

-- Events stored before this change, decided as ingestion now decides (isBackgroundDate in src/graph/event-date.ts, as of
-- this migration): a reported event is background when its date spans more than 366 days, or when every article that
-- reports it was published more than 365 days after it ended. Stories and events no article reports (curated) stay news.
UPDATE "Event" e SET background = true
WHERE e.type <> 'STORY'
  AND EXISTS (SELECT 1 FROM "EventMention" m WHERE m."eventId" = e.id)
  AND (e."endsOn" - e."startsOn" > 366
       OR NOT EXISTS (SELECT 1 FROM "EventMention" m JOIN "Article" a ON a.id = m."articleId"
                      WHERE m."eventId" = e.id AND a."publishedOn" - e."endsOn" <= 365));
