-- AlterEnum
ALTER TYPE "PlaceKind" ADD VALUE 'DIVISION';
