// A curator's correction of a place name: the mentions of that name in an article move to the place meant
// (a gazetteer entry, or a place of the graph), the article's events with them, and the correction is kept for
// the name in the later reports of the article's story.
import type { Prisma, PrismaClient } from '../db/generated/prisma/client.js';
import { placeByGazetteerId, type GazetteerPlace } from '../ingest/extract/gazetteer.js';
import { holdStoreLock } from './store-article.js';
import { nameKey } from './names.js';

type Transaction = Prisma.TransactionClient;

export class PlaceCorrectionError extends Error {
  constructor(message: string, readonly field: string, readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND') {
    super(message);
  }
}

export type PlaceTarget = { gazetteerId: string } | { placeId: number };

export interface PlaceCorrectionOutcome {
  correctionId: number;
  placeId: number;
  movedMentions: number;
}

/** Re-points the mentions of `name` in the article to the target place, and keeps the correction for its story. */
export async function correctPlaceName(
  prisma: PrismaClient,
  input: { articleId: number; name: string; target: PlaceTarget; reason?: string | null },
): Promise<PlaceCorrectionOutcome> {
  const key = nameKey(input.name);
  if (!key) throw new PlaceCorrectionError('name must contain a letter or a digit', 'name', 'BAD_USER_INPUT');
  const gazetteerPlace = 'gazetteerId' in input.target ? placeByGazetteerId(input.target.gazetteerId) : undefined;
  if ('gazetteerId' in input.target && !gazetteerPlace) {
    throw new PlaceCorrectionError(`gazetteerId: the gazetteer has no place "${input.target.gazetteerId}" (ids read "geonames:2660646", "geonames-admin1:US.KY", "newsline:country-ch")`, 'gazetteerId', 'NOT_FOUND');
  }
  return prisma.$transaction(async (tx) => {
    await holdStoreLock(tx);
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true } });
    if (!article) throw new PlaceCorrectionError(`article: no article has the ID given`, 'article', 'NOT_FOUND');
    let placeId: number;
    if (gazetteerPlace) placeId = await ensureGazetteerPlace(tx, gazetteerPlace);
    else {
      placeId = (input.target as { placeId: number }).placeId;
      if (!(await tx.place.findUnique({ where: { id: placeId }, select: { id: true } }))) {
        throw new PlaceCorrectionError('place: no place has the ID given', 'place', 'NOT_FOUND');
      }
    }
    const named = (await tx.placeMention.findMany({ where: { articleId: article.id }, select: { id: true, text: true, placeId: true } }))
      .filter((mention) => nameKey(mention.text.replace(/['’]s$/u, '').replace(/^the\s+/iu, '')) === key);
    if (!named.length) throw new PlaceCorrectionError(`name: the article has no place mention "${input.name}"`, 'name', 'NOT_FOUND');
    const moved = await repointMentions(tx, article.id, named, placeId);
    const story = await storyOf(tx, article.id);
    const correction = await tx.placeCorrection.create({
      data: { name: input.name.trim(), nameKey: key, placeId, articleId: article.id, storyId: story, reason: input.reason ?? null },
      select: { id: true },
    });
    return { correctionId: correction.id, placeId, movedMentions: moved };
  });
}

/**
 * Applies the corrections kept for the story an article has just joined: its mentions of a corrected name move
 * to the place the curator chose. Runs inside the article's own transaction.
 */
export async function applyStoryPlaceCorrections(tx: Transaction, articleId: number, storyId: number, founderArticle?: number): Promise<number> {
  // A story founded with an earlier report takes the corrections made to that report before it had a story.
  if (founderArticle !== undefined) {
    await tx.placeCorrection.updateMany({ where: { articleId: founderArticle, storyId: null }, data: { storyId } });
  }
  const corrections = await tx.placeCorrection.findMany({
    where: { storyId },
    orderBy: { createdAt: 'desc' },
    select: { nameKey: true, placeId: true },
  });
  if (!corrections.length) return 0;
  const latest = new Map<string, number>();
  for (const correction of corrections) if (!latest.has(correction.nameKey)) latest.set(correction.nameKey, correction.placeId);
  const mentions = await tx.placeMention.findMany({ where: { articleId }, select: { id: true, text: true, placeId: true } });
  let moved = 0;
  for (const [key, placeId] of latest) {
    const named = mentions.filter((mention) => mention.placeId !== placeId && nameKey(mention.text.replace(/['’]s$/u, '').replace(/^the\s+/iu, '')) === key);
    if (named.length) moved += await repointMentions(tx, articleId, named, placeId);
  }
  return moved;
}

async function repointMentions(tx: Transaction, articleId: number, mentions: { id: number; placeId: number }[], placeId: number): Promise<number> {
  const wrong = mentions.filter((mention) => mention.placeId !== placeId);
  if (!wrong.length) return 0;
  const formerPlaces = [...new Set(wrong.map((mention) => mention.placeId))];
  await tx.placeMention.updateMany({ where: { id: { in: wrong.map((mention) => mention.id) } }, data: { placeId } });
  // The article's events were placed by those mentions; a former place the article still names elsewhere stays.
  const stillNamed = new Set((await tx.placeMention.findMany({ where: { articleId, placeId: { in: formerPlaces } }, select: { placeId: true } })).map((row) => row.placeId));
  const gone = formerPlaces.filter((id) => !stillNamed.has(id));
  if (gone.length) {
    await tx.$executeRawUnsafe(
      `WITH reported AS (SELECT DISTINCT "eventId" FROM "EventMention" WHERE "articleId" = $1),
            moved AS (DELETE FROM "EventPlace" WHERE "placeId" = ANY($2::int[]) AND "eventId" IN (SELECT "eventId" FROM reported)
                      RETURNING "eventId", role)
       INSERT INTO "EventPlace" ("eventId", "placeId", role) SELECT "eventId", $3, role FROM moved
       ON CONFLICT ("eventId", "placeId", role) DO NOTHING`,
      articleId,
      gone,
      placeId,
    );
    await tx.$executeRawUnsafe(`UPDATE "Article" SET "datelinePlaceId" = $2 WHERE id = $1 AND "datelinePlaceId" = ANY($3::int[])`, articleId, placeId, gone);
  }
  return wrong.length;
}

async function storyOf(tx: Transaction, articleId: number): Promise<number | null> {
  const [row] = await tx.$queryRawUnsafe<{ id: number }[]>(
    `SELECT e.id FROM "EventMention" m JOIN "Event" e ON e.id = m."eventId" WHERE m."articleId" = $1 AND e.type = 'STORY' ORDER BY e.id LIMIT 1`,
    articleId,
  );
  return row?.id ?? null;
}

/** The graph's place of a gazetteer entry, created with its enclosing places when the graph lacks it. */
export async function ensureGazetteerPlace(tx: Transaction, place: GazetteerPlace): Promise<number> {
  const known = await tx.place.findUnique({ where: { gazetteerId: place.gazetteerId }, select: { id: true } });
  if (known) return known.id;
  const parentId = place.parent ? await ensureGazetteerPlace(tx, place.parent) : null;
  const names = [...new Map([place.name, ...place.aliases.slice(0, 20)].map((name) => [nameKey(name), name])).entries()].filter(([key]) => key);
  const created = await tx.place.create({
    data: {
      name: place.name,
      nameKey: nameKey(place.name),
      kind: place.kind,
      latitude: place.latitude,
      longitude: place.longitude,
      countryCode: place.countryCode ?? null,
      gazetteerId: place.gazetteerId,
      parentId,
      aliases: { create: names.map(([key, name]) => ({ name, key })) },
    },
    select: { id: true },
  });
  return created.id;
}
