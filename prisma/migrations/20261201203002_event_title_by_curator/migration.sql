-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "titleByCurator" BOOLEAN NOT NULL DEFAULT false;
