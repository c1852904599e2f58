import DataLoader from 'dataloader';
import type { PrismaClient } from '../db/generated/prisma/client.js';

export interface Loaders {
  /** How many distinct articles report an event. */
  eventArticleCount: DataLoader<number, number>;
}

// Counts are batched per request: one GROUP BY for every event on the page, however many there are.
function countLoader(prisma: PrismaClient, sql: string): DataLoader<number, number> {
  return new DataLoader(async (ids: readonly number[]) => {
    const rows = await prisma.$queryRawUnsafe<{ id: number; count: bigint }[]>(sql, [...ids]);
    const counts = new Map(rows.map((row) => [row.id, Number(row.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    eventArticleCount: countLoader(
      prisma,
      'SELECT "eventId" AS id, count(DISTINCT "articleId") AS count FROM "EventMention" WHERE "eventId" = ANY($1::int[]) GROUP BY "eventId"',
    ),
  };
}
