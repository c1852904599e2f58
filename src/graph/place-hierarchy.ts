// Graphs stored before the gazetteer had divisions hold towns whose parent is their country. Refining them puts the
// division in between (Birmingham ⊂ Alabama ⊂ United States) wherever the gazetteer says so; a parent a curator
// chose, anything but the country itself, is never touched.
import type { PrismaClient } from '../db/generated/prisma/client.js';
import { placeByGazetteerId } from '../ingest/extract/gazetteer.js';
import { ensureGazetteerPlace } from './place-corrections.js';
import { holdStoreLock } from './store-article.js';

export interface HierarchyRefinement {
  /** Places whose parent went from their country to the division between. */
  refined: number;
  /** Divisions the graph did not hold yet. */
  createdDivisions: number;
}

/** Puts the gazetteer's divisions between the graph's towns and their countries. Idempotent. */
export async function refinePlaceHierarchy(prisma: PrismaClient, onProgress?: (done: number, total: number) => void): Promise<HierarchyRefinement> {
  const candidates = await prisma.$queryRawUnsafe<{ id: number; gazetteerId: string; parentGazetteerId: string | null }[]>(
    `SELECT p.id, p."gazetteerId", parent."gazetteerId" AS "parentGazetteerId"
     FROM "Place" p LEFT JOIN "Place" parent ON parent.id = p."parentId"
     WHERE p."gazetteerId" IS NOT NULL AND (parent.id IS NULL OR parent.kind = 'COUNTRY')`,
  );
  let refined = 0;
  let createdDivisions = 0;
  for (const [index, row] of candidates.entries()) {
    const place = placeByGazetteerId(row.gazetteerId);
    const division = place?.parent;
    // Only where the gazetteer's parent is a division of the very country the graph has as parent.
    if (!division || division.kind !== 'DIVISION' || (row.parentGazetteerId && division.parent?.gazetteerId !== row.parentGazetteerId)) continue;
    await prisma.$transaction(async (tx) => {
      await holdStoreLock(tx);
      const before = await tx.place.count();
      const divisionId = await ensureGazetteerPlace(tx, division);
      createdDivisions += (await tx.place.count()) - before;
      if (divisionId !== row.id) {
        await tx.place.update({ where: { id: row.id }, data: { parentId: divisionId } });
        refined += 1;
      }
    });
    if (onProgress && (index % 200 === 199 || index === candidates.length - 1)) onProgress(index + 1, candidates.length);
  }
  return { refined, createdDivisions };
}
