import { nameKey } from '../graph/names.js';
import type { PrismaClient } from '../db/generated/prisma/client.js';

/** Prisma filter for an entity whose name or any alias contains the search text, ignoring case and accents. */
export function aliasSearch(search: string | null | undefined) {
  const key = search ? nameKey(search) : '';
  return key ? { aliases: { some: { key: { contains: key } } } } : {};
}

/** The place and every place inside it, at any depth (Gaza Strip → Gaza City → a street in it). */
export async function placeAndDescendantIds(prisma: PrismaClient, placeId: number): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE inside(id) AS (
      SELECT id FROM "Place" WHERE id = ${placeId}
      UNION
      SELECT p.id FROM "Place" p JOIN inside ON p."parentId" = inside.id
    )
    SELECT id FROM inside`;
  return rows.map((row) => row.id);
}
