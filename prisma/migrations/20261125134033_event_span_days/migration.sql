-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "spanDays" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Event_spanDays_idx" ON "Event"("spanDays");

-- Data fix (hand-written): the span of the events stored before this column existed.
UPDATE "Event" SET "spanDays" = "endsOn" - "startsOn";
