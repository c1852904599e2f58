-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'STORY';
