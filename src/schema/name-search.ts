import { Prisma, type PrismaClient } from '../db/generated/prisma/client.js';
import { nameKey } from '../graph/names.js';

/**
 * Where an entity type keeps its names and what the graph knows of it: the tables a ranked name search reads.
 * Every name of an entity, its own name included, is a row of its alias table.
 */
const searchedEntities = {
  organization: { table: 'Organization', aliases: 'OrganizationAlias', owner: 'organizationId', eventLinks: 'EventOrganization', mentions: 'OrganizationMention' },
  person: { table: 'Person', aliases: 'PersonAlias', owner: 'personId', eventLinks: 'EventPerson', mentions: 'PersonMention' },
  place: { table: 'Place', aliases: 'PlaceAlias', owner: 'placeId', eventLinks: 'EventPlace', mentions: 'PlaceMention' },
  // A source's events are those whose accounts articles attribute to it.
  source: { table: 'Source', aliases: 'SourceAlias', owner: 'sourceId', eventLinks: 'EventMention', mentions: 'SourceMention' },
} as const;

export type SearchedEntity = keyof typeof searchedEntities;

/** The page a Pothos cursor connection asks for: Prisma's take (negative pages backwards), skip and cursor. */
export interface ConnectionSlice {
  take?: number;
  skip?: number;
  cursor?: { id?: number };
}

/** A SQL condition on the ranked entity's row, aliased "e" (its kind, the places it lies in). */
export type EntityCondition = Prisma.Sql;

/**
 * How a search box ranks names, best first: a name or alias equal to the search, then one that starts with it,
 * then one with a word that starts with it, then one that contains it anywhere; ties go to the entity the graph
 * knows most about (most events, then most mentions), then to the name. Case, accents and punctuation are
 * ignored on both sides (names.ts nameKey); an empty search ranks every entity by what the graph knows.
 */
export const nameRanking =
  'exact name or alias first, then names that start with the search, then names with a word that starts with it, then names that contain it; '
  + 'ties go to the most events, then the most mentions, then the name';

/**
 * The ids of one page of entities matching a search, in ranked order (see nameRanking). The page is Prisma's
 * take/skip/cursor, as Pothos hands it over, so Relay cursors (the id) page through the ranking itself.
 * The match is the alias filter of entity-filters.ts (an alias key containing the search key), so totalCount agrees.
 */
export async function rankedEntityIds(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  entity: SearchedEntity,
  search: string | null | undefined,
  slice: ConnectionSlice,
  conditions: EntityCondition[] = [],
): Promise<number[]> {
  const tables = searchedEntities[entity];
  const table = Prisma.raw(`"${tables.table}"`);
  const owner = Prisma.raw(`"${tables.owner}"`);
  const key = search ? nameKey(search) : '';
  // A key holds only letters, digits and single spaces, so no LIKE wildcard needs escaping: strpos is "contains".
  const matched = key
    ? Prisma.sql`
        SELECT a.${owner} AS id,
          min(CASE WHEN a.key = ${key} THEN 0
                   WHEN starts_with(a.key, ${key}) THEN 1
                   WHEN strpos(' ' || a.key, ${` ${key}`}) > 0 THEN 2
                   ELSE 3 END) AS tier
        FROM ${Prisma.raw(`"${tables.aliases}"`)} a
        WHERE strpos(a.key, ${key}) > 0
        GROUP BY a.${owner}`
    : Prisma.sql`SELECT id, 0 AS tier FROM ${table}`;
  const ranked = Prisma.sql`
    SELECT e.id, m.tier,
      -(SELECT count(DISTINCT l."eventId") FROM ${Prisma.raw(`"${tables.eventLinks}"`)} l WHERE l.${owner} = e.id) AS "fewerEvents",
      -(SELECT count(*) FROM ${Prisma.raw(`"${tables.mentions}"`)} x WHERE x.${owner} = e.id) AS "fewerMentions",
      e.name
    FROM matched m JOIN ${table} e ON e.id = m.id
    WHERE ${conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`}`;
  return pageOfRanking(prisma, Prisma.sql`WITH matched AS (${matched}), ranked AS (${ranked})`, ['tier', '"fewerEvents"', '"fewerMentions"', 'name', 'id'], slice);
}

/**
 * One page of the "ranked" relation a query defines, its rows in the ascending order of the sort columns
 * (unique with their last, the id). The page starts after (or, taking backwards, ends before) the cursor's row,
 * as Prisma's cursor pagination does; a cursor whose row no longer matches gives an empty page, as in Prisma.
 */
export async function pageOfRanking(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  ranking: Prisma.Sql,
  sortColumns: readonly string[],
  slice: ConnectionSlice,
): Promise<number[]> {
  const columns = Prisma.raw(sortColumns.join(', '));
  const take = slice.take ?? 20;
  const backwards = take < 0;
  const cursorId = slice.cursor?.id;
  const comparison = Prisma.raw(backwards ? (slice.skip ? '<' : '<=') : slice.skip ? '>' : '>=');
  const after =
    cursorId === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`(${columns}) ${comparison} (SELECT ${columns} FROM ranked WHERE id = ${cursorId})`;
  const order = Prisma.raw(sortColumns.map((column) => (backwards ? `${column} DESC` : column)).join(', '));
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    ${ranking}
    SELECT id FROM ranked WHERE ${after} ORDER BY ${order} LIMIT ${Math.abs(take)}`;
  const ids = rows.map((row) => Number(row.id));
  return backwards ? ids.reverse() : ids;
}

/**
 * A text folded for article search: accents (the combining marks of NFKD) and case dropped. The search is folded
 * by the same SQL, so both sides agree on PGlite and PostgreSQL alike. A pure-ASCII text folds to its lower case,
 * so the costly normalisation runs only on the texts that need it.
 */
function foldedForSearch(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${text} ~ '[^\\x01-\\x7f]'
    THEN lower(regexp_replace(normalize(${text}, NFKD), '[\\u0300-\\u036f]+', '', 'g'))
    ELSE lower(${text}) END`;
}

/** How article search ranks, for the schema's descriptions. */
export const articleRanking = 'articles whose title holds the search first, then those whose text alone does, newest first in each';

export type ArticleSearchOrder = 'RELEVANCE' | 'PUBLISHED_DESC' | 'PUBLISHED_ASC';

/** The articles (aliased "e") whose title or text holds the search, ignoring case and accents, with their sort keys. */
function rankedArticles(search: string, order: ArticleSearchOrder, conditions: EntityCondition[]): Prisma.Sql {
  const title = foldedForSearch(Prisma.sql`coalesce(e.title, '')`);
  const descending = order !== 'PUBLISHED_ASC';
  return Prisma.sql`
    WITH needle AS (SELECT ${foldedForSearch(Prisma.sql`${search}::text`)} AS folded),
    ranked AS (
      SELECT e.id,
        ${order === 'RELEVANCE' ? Prisma.sql`CASE WHEN strpos(${title}, needle.folded) > 0 THEN 0 ELSE 1 END` : Prisma.sql`0`} AS tier,
        ${descending ? Prisma.sql`-` : Prisma.empty}(e."publishedOn" - DATE '1970-01-01') AS "dayKey",
        ${descending ? Prisma.sql`-` : Prisma.empty}e.id AS "idKey"
      FROM "Article" e, needle
      WHERE (strpos(${title}, needle.folded) > 0 OR strpos(${foldedForSearch(Prisma.sql`e.text`)}, needle.folded) > 0)
        AND ${conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`}
    )`;
}

/** One page of the articles matching a search, in the order asked for (RELEVANCE: see articleRanking). */
export function rankedArticleIds(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  search: string,
  order: ArticleSearchOrder,
  slice: ConnectionSlice,
  conditions: EntityCondition[] = [],
): Promise<number[]> {
  return pageOfRanking(prisma, rankedArticles(search, order, conditions), ['tier', '"dayKey"', '"idKey"'], slice);
}

/** How many articles match a search: the totalCount of rankedArticleIds. */
export async function articleSearchCount(prisma: Pick<PrismaClient, '$queryRaw'>, search: string, conditions: EntityCondition[] = []): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: bigint | number }[]>`${rankedArticles(search, 'PUBLISHED_DESC', conditions)} SELECT count(*) AS count FROM ranked`;
  return Number(row?.count ?? 0);
}

/** The entity is of this kind (the enum column "kind"), when one is asked for. */
export function kindIs(kind: string | null | undefined): EntityCondition[] {
  return kind ? [Prisma.sql`e.kind::text = ${kind}`] : [];
}

/** The entity is one of these ids, when a list of them is given. */
export function idIn(ids: number[] | null | undefined): EntityCondition[] {
  return ids ? [Prisma.sql`e.id = ANY(${ids}::int[])`] : [];
}

/**
 * One ranked page of a Pothos cursor connection: the page's ids from the ranking, then its rows with the
 * connection's nested selection in one Prisma call, put back in ranked order.
 */
export async function rankedPage<Query extends ConnectionSlice, Row extends { id: number }>(
  query: Query,
  rank: (slice: ConnectionSlice) => Promise<number[]>,
  load: (selection: Omit<Query, 'take' | 'skip' | 'cursor'>, ids: number[]) => Promise<Row[]>,
): Promise<Row[]> {
  const { take, skip, cursor, ...selection } = query;
  const ids = await rank({ take, skip, cursor });
  return ids.length ? inRankedOrder(ids, await load(selection, ids)) : [];
}

/** The rows of a page in the order of its ids. */
export function inRankedOrder<Row extends { id: number }>(ids: number[], rows: Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The ordering a list takes: the one asked for, else by relevance when there is a search, else the default. */
export function orderWithSearch<Order extends string>(order: Order | null | undefined, search: string | null | undefined, unsearched: Order): Order | 'RELEVANCE' {
  if (order) return order;
  return search && nameKey(search) ? 'RELEVANCE' : unsearched;
}
