import type { Prisma, PrismaClient } from '../db/generated/prisma/client.js';
import type { EntityType } from '../db/generated/prisma/enums.js';
import { recountEventArticles } from './store-article.js';

export type MergeableType = 'Person' | 'Organization' | 'Place' | 'Source' | 'Event';

export const mergeableTypes: readonly MergeableType[] = ['Person', 'Organization', 'Place', 'Source', 'Event'];

/** A table whose rows point at the entity through `column`; `uniqueWith` completes its unique key. */
interface LinkTable {
  table: string;
  column: string;
  uniqueWith?: string[];
}

const linkTables: Record<MergeableType, LinkTable[]> = {
  Person: [
    { table: 'EventPerson', column: 'personId', uniqueWith: ['eventId', 'role'] },
    { table: 'PersonMention', column: 'personId', uniqueWith: ['articleId', 'start'] },
    { table: 'Source', column: 'personId' },
  ],
  Organization: [
    { table: 'EventOrganization', column: 'organizationId', uniqueWith: ['eventId', 'role'] },
    { table: 'OrganizationMention', column: 'organizationId', uniqueWith: ['articleId', 'start'] },
    { table: 'Source', column: 'organizationId' },
  ],
  Place: [
    { table: 'EventPlace', column: 'placeId', uniqueWith: ['eventId', 'role'] },
    { table: 'PlaceMention', column: 'placeId', uniqueWith: ['articleId', 'start'] },
    { table: 'Claim', column: 'placeId' },
    { table: 'Article', column: 'datelinePlaceId' },
    { table: 'Place', column: 'parentId' },
    { table: 'PlaceCorrection', column: 'placeId' },
  ],
  Source: [
    { table: 'ClaimSource', column: 'sourceId', uniqueWith: ['claimId'] },
    { table: 'SourceMention', column: 'sourceId', uniqueWith: ['articleId', 'start'] },
    { table: 'EventMention', column: 'sourceId' },
    { table: 'Article', column: 'publisherId' },
  ],
  Event: [
    { table: 'EventPlace', column: 'eventId', uniqueWith: ['placeId', 'role'] },
    { table: 'EventPerson', column: 'eventId', uniqueWith: ['personId', 'role'] },
    { table: 'EventOrganization', column: 'eventId', uniqueWith: ['organizationId', 'role'] },
    { table: 'EventMention', column: 'eventId', uniqueWith: ['articleId', 'start'] },
    { table: 'Claim', column: 'eventId' },
    { table: 'EventRelation', column: 'fromEventId', uniqueWith: ['toEventId', 'kind'] },
    { table: 'EventRelation', column: 'toEventId', uniqueWith: ['fromEventId', 'kind'] },
    { table: 'PlaceCorrection', column: 'storyId' },
  ],
};

const aliasTables: Partial<Record<MergeableType, { table: string; column: string }>> = {
  Person: { table: 'PersonAlias', column: 'personId' },
  Organization: { table: 'OrganizationAlias', column: 'organizationId' },
  Place: { table: 'PlaceAlias', column: 'placeId' },
  Source: { table: 'SourceAlias', column: 'sourceId' },
};

const entityTypeOf: Record<MergeableType, EntityType> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  Source: 'SOURCE',
  Event: 'EVENT',
};

export class MergeError extends Error {
  override name = 'MergeError';
}

type Transaction = Prisma.TransactionClient;

/** Points every link of `mergedId` at `survivorId`, dropping the links the survivor already has. */
async function moveLinks(tx: Transaction, link: LinkTable, survivorId: number, mergedId: number): Promise<number> {
  const table = `"${link.table}"`;
  const column = `"${link.column}"`;
  const keepsOwn = (link.uniqueWith ?? []).map((other) => `kept."${other}" = ${table}."${other}"`);
  const notDuplicate = keepsOwn.length
    ? ` AND NOT EXISTS (SELECT 1 FROM ${table} AS kept WHERE kept.${column} = $1 AND ${keepsOwn.join(' AND ')})`
    : '';
  const selfParent = link.table === 'Place' && link.column === 'parentId' ? ' AND id <> $1' : '';
  const moved = await tx.$executeRawUnsafe(
    `UPDATE ${table} SET ${column} = $1 WHERE ${column} = $2${notDuplicate}${selfParent}`,
    survivorId,
    mergedId,
  );
  if (link.uniqueWith) await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE ${column} = $1`, mergedId);
  return moved;
}

async function entityName(tx: Transaction, type: MergeableType, id: number): Promise<string | null> {
  const found =
    type === 'Person'
      ? await tx.person.findUnique({ where: { id }, select: { name: true } })
      : type === 'Organization'
        ? await tx.organization.findUnique({ where: { id }, select: { name: true } })
        : type === 'Place'
          ? await tx.place.findUnique({ where: { id }, select: { name: true } })
          : type === 'Source'
            ? await tx.source.findUnique({ where: { id }, select: { name: true } })
            : await tx.event.findUnique({ where: { id }, select: { title: true } }).then((event) => event && { name: event.title });
  return found?.name ?? null;
}

export interface MergeOutcome {
  mergeId: number;
  survivorId: number;
  movedLinks: Record<string, number>;
}

/**
 * Folds one entity into another of the same type, in one transaction: every link moves to the survivor,
 * the merged entity's names become the survivor's aliases, the merged entity is deleted, and the merge
 * is recorded so its history can be shown.
 */
export async function mergeEntities(
  prisma: PrismaClient,
  type: MergeableType,
  survivorId: number,
  mergedId: number,
  reason?: string | null,
): Promise<MergeOutcome> {
  return prisma.$transaction((tx) => mergeEntitiesIn(tx, type, survivorId, mergedId, reason));
}

/** mergeEntities inside a transaction the caller holds. */
export async function mergeEntitiesIn(
  tx: Transaction,
  type: MergeableType,
  survivorId: number,
  mergedId: number,
  reason?: string | null,
): Promise<MergeOutcome> {
  if (survivorId === mergedId) throw new MergeError('an entity cannot be merged into itself');
  const survivorName = await entityName(tx, type, survivorId);
  if (survivorName === null) throw new MergeError(`survivor: no ${type.toLowerCase()} has that ID`);
  const mergedName = await entityName(tx, type, mergedId);
  if (mergedName === null) throw new MergeError(`merged: no ${type.toLowerCase()} has that ID`);

  if (type === 'Place') await keepPlaceHierarchyAcyclic(tx, survivorId, mergedId);
  if (type === 'Event') {
    await widenMergedStory(tx, survivorId, mergedId);
    await keepMergedEventNews(tx, survivorId, mergedId);
  }

  const movedLinks: Record<string, number> = {};
  for (const link of linkTables[type]) {
    movedLinks[`${link.table}.${link.column}`] = await moveLinks(tx, link, survivorId, mergedId);
  }
  if (type === 'Event') {
    await tx.eventRelation.deleteMany({ where: { fromEventId: survivorId, toEventId: survivorId } });
    await recountEventArticles(tx, [survivorId]);
  }

  const aliases = aliasTables[type];
  if (aliases) {
    movedLinks[`${aliases.table}`] = await tx.$executeRawUnsafe(
      `INSERT INTO "${aliases.table}" ("${aliases.column}", name, key)
       SELECT $1, name, key FROM "${aliases.table}" WHERE "${aliases.column}" = $2
       ON CONFLICT ("${aliases.column}", key) DO NOTHING`,
      survivorId,
      mergedId,
    );
  }
  if (type === 'Place') await inheritGazetteerIdentity(tx, survivorId, mergedId);

  await deleteEntity(tx, type, mergedId);
  const record = await tx.entityMerge.create({
    data: { entityType: entityTypeOf[type], survivorId, mergedId, mergedName, movedLinks, reason: reason ?? null },
  });
  return { mergeId: record.id, survivorId, movedLinks };
}

/** Two stories made one run from the first report of either to the last: the survivor's dates widen to cover both. */
async function widenMergedStory(tx: Transaction, survivorId: number, mergedId: number): Promise<void> {
  const [survivor, merged] = await Promise.all([
    tx.event.findUniqueOrThrow({ where: { id: survivorId }, select: { type: true, startsOn: true, endsOn: true } }),
    tx.event.findUniqueOrThrow({ where: { id: mergedId }, select: { type: true, startsOn: true, endsOn: true } }),
  ]);
  if (survivor.type !== 'STORY' || merged.type !== 'STORY') return;
  const startsOn = survivor.startsOn < merged.startsOn ? survivor.startsOn : merged.startsOn;
  const endsOn = survivor.endsOn > merged.endsOn ? survivor.endsOn : merged.endsOn;
  await tx.event.update({ where: { id: survivorId }, data: { startsOn, endsOn, spanDays: Math.round((endsOn.getTime() - startsOn.getTime()) / 86_400_000) } });
}

/** One event told as news by either side is news after the merge; it stays background only if both were. */
async function keepMergedEventNews(tx: Transaction, survivorId: number, mergedId: number): Promise<void> {
  const merged = await tx.event.findUniqueOrThrow({ where: { id: mergedId }, select: { background: true } });
  if (!merged.background) await tx.event.updateMany({ where: { id: survivorId, background: true }, data: { background: false } });
}

async function keepPlaceHierarchyAcyclic(tx: Transaction, survivorId: number, mergedId: number): Promise<void> {
  // A survivor lying inside the merged place would end up inside itself: lift it to the merged place's parent.
  const [inside] = await tx.$queryRaw<{ inside: boolean }[]>`
    WITH RECURSIVE below(id) AS (
      SELECT id FROM "Place" WHERE "parentId" = ${mergedId}
      UNION SELECT p.id FROM "Place" p JOIN below ON p."parentId" = below.id
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${survivorId}) AS inside`;
  if (inside?.inside) {
    const merged = await tx.place.findUniqueOrThrow({ where: { id: mergedId }, select: { parentId: true } });
    await tx.place.update({ where: { id: survivorId }, data: { parentId: merged.parentId } });
  }
}

async function inheritGazetteerIdentity(tx: Transaction, survivorId: number, mergedId: number): Promise<void> {
  const [survivor, merged] = await Promise.all([
    tx.place.findUniqueOrThrow({ where: { id: survivorId } }),
    tx.place.findUniqueOrThrow({ where: { id: mergedId } }),
  ]);
  await tx.place.update({ where: { id: mergedId }, data: { gazetteerId: null } });
  await tx.place.update({
    where: { id: survivorId },
    data: {
      gazetteerId: survivor.gazetteerId ?? merged.gazetteerId,
      latitude: survivor.latitude ?? merged.latitude,
      longitude: survivor.longitude ?? merged.longitude,
      countryCode: survivor.countryCode ?? merged.countryCode,
    },
  });
}

async function deleteEntity(tx: Transaction, type: MergeableType, id: number): Promise<void> {
  switch (type) {
    case 'Person':
      await tx.person.delete({ where: { id } });
      break;
    case 'Organization':
      await tx.organization.delete({ where: { id } });
      break;
    case 'Place':
      await tx.place.delete({ where: { id } });
      break;
    case 'Source':
      await tx.source.delete({ where: { id } });
      break;
    case 'Event':
      await tx.event.delete({ where: { id } });
      break;
  }
}
