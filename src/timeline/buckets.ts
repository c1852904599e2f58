// The timeline in SQL: events grouped into periods (day, week, month, year), counted, ranked and paged in
// the database. An event whose date is known less precisely than the grouping (a month, when grouping by
// day) is not pretended into a day: it goes to a bucket of its own precision for its period, e.g. "2023-10,
// date known to the month", ordered just after the finer buckets that start on the same day.
import { Prisma, type PrismaClient } from '../db/generated/prisma/client.js';
import type { DatePrecision } from '../db/generated/prisma/enums.js';
import { eventFilterSql, type ResolvedEventFilter } from './event-filter.js';

export type TimelineGrouping = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export const precisionRank: Record<DatePrecision, number> = { DAY: 1, WEEK: 2, MONTH: 3, YEAR: 4 };
export const precisionOfRank: Record<number, DatePrecision> = { 1: 'DAY', 2: 'WEEK', 3: 'MONTH', 4: 'YEAR' };

export interface TimelineQuery {
  filter: ResolvedEventFilter;
  grouping: TimelineGrouping;
  reverse: boolean;
}

/** A bucket's identity: the first day of its period and its precision (as a rank, 1 = day … 4 = year). */
export interface BucketKey {
  periodStart: string;
  rank: number;
}

export interface Bucket extends BucketKey {
  precision: DatePrecision;
  /** Last day of the period, inclusive. */
  periodEnd: string;
  eventCount: number;
  articleCount: number;
}

export interface BucketPage {
  buckets: Bucket[];
  hasNextPage: boolean;
  bucketCount: number;
  eventCount: number;
}

/**
 * Every filtered event with the bucket it falls in; the CTE the other timeline queries build on. An event that began
 * before the filter's first day (a siege since March, in a timeline of one April week) is still going on then, so it
 * is bucketed from that day: no bucket of the grouping's precision lies before the days asked for.
 */
function bucketedEvents(query: TimelineQuery): Prisma.Sql {
  const groupRank = precisionRank[query.grouping];
  const placedOn = query.filter.from ? Prisma.sql`GREATEST(e."startsOn", ${new Date(`${query.filter.from}T00:00:00Z`)}::date)` : Prisma.sql`e."startsOn"`;
  return Prisma.sql`
    SELECT e.id, e."startsOn", e."articleCount", bucket.rank,
      (CASE bucket.rank WHEN 1 THEN bucket.day
                        WHEN 2 THEN date_trunc('week', bucket.day)::date
                        WHEN 3 THEN date_trunc('month', bucket.day)::date
                        ELSE date_trunc('year', bucket.day)::date END) AS "periodStart"
    FROM "Event" e
    CROSS JOIN LATERAL (SELECT ${placedOn} AS day, GREATEST(${groupRank}::int,
      CASE e.precision WHEN 'DAY' THEN 1 WHEN 'WEEK' THEN 2 WHEN 'MONTH' THEN 3 ELSE 4 END) AS rank) bucket
    WHERE ${eventFilterSql(query.filter)}`;
}

function isoDay(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function periodEnd(periodStart: string, rank: number): string {
  const start = new Date(`${periodStart}T00:00:00Z`);
  const end = new Date(start);
  if (rank === 1) return periodStart;
  if (rank === 2) end.setUTCDate(end.getUTCDate() + 6);
  else if (rank === 3) end.setUTCMonth(end.getUTCMonth() + 1, 0);
  else end.setUTCFullYear(end.getUTCFullYear() + 1, 0, 0);
  return isoDay(end);
}

/** The statement behind one page of buckets: counts per bucket plus the totals over every bucket. */
export function bucketPageSql(query: TimelineQuery, first: number, after?: BucketKey): Prisma.Sql {
  const order = query.reverse ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const afterCondition = after
    ? query.reverse
      ? Prisma.sql`("periodStart", rank) < (${after.periodStart}::date, ${after.rank}::int)`
      : Prisma.sql`("periodStart", rank) > (${after.periodStart}::date, ${after.rank}::int)`
    : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH b AS (${bucketedEvents(query)}),
    g AS (
      SELECT b."periodStart", b.rank, count(DISTINCT b.id)::int AS "eventCount", count(DISTINCT m."articleId")::int AS "articleCount"
      FROM b LEFT JOIN "EventMention" m ON m."eventId" = b.id
      GROUP BY b."periodStart", b.rank
    )
    SELECT g.*, (SELECT count(*) FROM g)::int AS "bucketCount", (SELECT coalesce(sum("eventCount"), 0) FROM g)::int AS "totalEvents"
    FROM g WHERE ${afterCondition}
    ORDER BY "periodStart" ${order}, rank ${order}
    LIMIT ${first + 1}`;
}

/** One page of buckets, in one statement (two when the page is empty, to count what lies before it). */
export async function loadBucketPage(prisma: PrismaClient, query: TimelineQuery, first: number, after?: BucketKey): Promise<BucketPage> {
  const rows = await prisma.$queryRaw<
    { periodStart: Date; rank: number; eventCount: number; articleCount: number; bucketCount: number; totalEvents: number }[]
  >(bucketPageSql(query, first, after));
  const empty = rows.length === 0;
  const totals = empty
    ? await prisma.$queryRaw<{ bucketCount: number; totalEvents: number }[]>`
        WITH b AS (${bucketedEvents(query)})
        SELECT count(DISTINCT ("periodStart", rank))::int AS "bucketCount", count(*)::int AS "totalEvents" FROM b`
    : null;
  return {
    buckets: rows.slice(0, first).map((row) => {
      const periodStart = isoDay(row.periodStart);
      return {
        periodStart,
        rank: row.rank,
        precision: precisionOfRank[row.rank]!,
        periodEnd: periodEnd(periodStart, row.rank),
        eventCount: row.eventCount,
        articleCount: row.articleCount,
      };
    }),
    hasNextPage: rows.length > first,
    bucketCount: rows[0]?.bucketCount ?? totals?.[0]?.bucketCount ?? 0,
    eventCount: rows[0]?.totalEvents ?? totals?.[0]?.totalEvents ?? 0,
  };
}

export interface BucketSlice extends BucketKey {
  /** Items to skip (the position of the cursor) and to take (one more than asked, to know if more remain). */
  skip: number;
  take: number;
}

function slicesSql(slices: readonly BucketSlice[]): Prisma.Sql {
  return Prisma.sql`unnest(${slices.map((slice) => slice.periodStart)}::date[], ${slices.map((slice) => slice.rank)}::int[],
    ${slices.map((slice) => slice.skip)}::int[], ${slices.map((slice) => slice.take)}::int[]) AS k("periodStart", rank, skip, take)`;
}

/** Pages of ranked rows (`id`, `periodStart`, `rank`, `position` per bucket) for several buckets, in one statement. */
async function loadBucketSlices(prisma: PrismaClient, ranked: Prisma.Sql, slices: readonly BucketSlice[]): Promise<number[][]> {
  const rows = await prisma.$queryRaw<{ id: number; periodStart: Date; rank: number }[]>`
    WITH ranked AS (${ranked})
    SELECT r.id, r."periodStart", r.rank FROM ranked r JOIN ${slicesSql(slices)}
      ON k."periodStart" = r."periodStart" AND k.rank = r.rank
    WHERE r.position > k.skip AND r.position <= k.skip + k.take
    ORDER BY r."periodStart", r.rank, r.position`;
  const idsByBucket = groupByBucket(rows);
  return slices.map((slice) => (idsByBucket.get(bucketKey(slice.periodStart, slice.rank)) ?? []).map((row) => row.id));
}

function bucketKey(periodStart: string, rank: number): string {
  return `${periodStart}/${rank}`;
}

/** Rows by the bucket they belong to, in their order: one pass, each row's day formatted once. */
function groupByBucket<Row extends { periodStart: Date; rank: number }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = bucketKey(isoDay(row.periodStart), row.rank);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The events of several buckets at once, ordered in each by date and then by how widely reported. */
export function loadBucketEventIds(prisma: PrismaClient, query: TimelineQuery, slices: readonly BucketSlice[]): Promise<number[][]> {
  return loadBucketSlices(
    prisma,
    Prisma.sql`
      WITH b AS (${bucketedEvents(query)})
      SELECT b.id, b."periodStart", b.rank,
        row_number() OVER (PARTITION BY b."periodStart", b.rank ORDER BY b."startsOn", b."articleCount" DESC, b.id) AS position
      FROM b`,
    slices,
  );
}

/** The claims about the events of several buckets at once, oldest report first. */
export function loadBucketClaimIds(prisma: PrismaClient, query: TimelineQuery, slices: readonly BucketSlice[]): Promise<number[][]> {
  return loadBucketSlices(
    prisma,
    Prisma.sql`
      WITH b AS (${bucketedEvents(query)})
      SELECT c.id, b."periodStart", b.rank,
        row_number() OVER (PARTITION BY b."periodStart", b.rank ORDER BY c."reportedAt", c.id) AS position
      FROM b JOIN "Claim" c ON c."eventId" = b.id`,
    slices,
  );
}

export type TopEntityKind = 'person' | 'organization' | 'place' | 'source';

const topEntitySql: Record<TopEntityKind, Prisma.Sql> = {
  person: Prisma.sql`SELECT x."eventId", x."personId" AS "entityId" FROM "EventPerson" x`,
  organization: Prisma.sql`SELECT x."eventId", x."organizationId" AS "entityId" FROM "EventOrganization" x`,
  place: Prisma.sql`SELECT x."eventId", x."placeId" AS "entityId" FROM "EventPlace" x`,
  // A source counts for the events it is cited for and the events it gave figures about.
  source: Prisma.sql`SELECT m."eventId", m."sourceId" AS "entityId" FROM "EventMention" m WHERE m."sourceId" IS NOT NULL
             UNION ALL SELECT c."eventId", cs."sourceId" FROM "Claim" c JOIN "ClaimSource" cs ON cs."claimId" = c.id WHERE c."eventId" IS NOT NULL`,
};

export interface EntityCount {
  entityId: number;
  /** In how many of the bucket's events the entity appears. */
  eventCount: number;
}

/** The entities that appear in the most events of each bucket, for several buckets at once, in one statement. */
export async function loadTopEntities(
  prisma: PrismaClient,
  query: TimelineQuery,
  kind: TopEntityKind,
  buckets: readonly (BucketKey & { limit: number })[],
): Promise<EntityCount[][]> {
  const rows = await prisma.$queryRaw<{ entityId: number; eventCount: number; periodStart: Date; rank: number }[]>`
    WITH b AS (${bucketedEvents(query)}),
    links AS (${topEntitySql[kind]}),
    counted AS (
      SELECT b."periodStart", b.rank, l."entityId", count(DISTINCT b.id)::int AS "eventCount",
        row_number() OVER (PARTITION BY b."periodStart", b.rank ORDER BY count(DISTINCT b.id) DESC, l."entityId") AS position
      FROM b JOIN links l ON l."eventId" = b.id
      GROUP BY b."periodStart", b.rank, l."entityId"
    )
    SELECT c."entityId", c."eventCount", c."periodStart", c.rank FROM counted c
    JOIN unnest(${buckets.map((bucket) => bucket.periodStart)}::date[], ${buckets.map((bucket) => bucket.rank)}::int[],
                ${buckets.map((bucket) => bucket.limit)}::int[]) AS k("periodStart", rank, lim)
      ON k."periodStart" = c."periodStart" AND k.rank = c.rank
    WHERE c.position <= k.lim
    ORDER BY c."periodStart", c.rank, c.position`;
  const byBucket = groupByBucket(rows);
  return buckets.map((bucket) =>
    (byBucket.get(bucketKey(bucket.periodStart, bucket.rank)) ?? []).map((row) => ({ entityId: row.entityId, eventCount: row.eventCount })),
  );
}

/** How many claims are reported about each bucket's events, for several buckets at once, in one statement. */
export async function loadBucketClaimCounts(prisma: PrismaClient, query: TimelineQuery, buckets: readonly BucketKey[]): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ periodStart: Date; rank: number; count: number }[]>`
    WITH b AS (${bucketedEvents(query)})
    SELECT b."periodStart", b.rank, count(c.id)::int AS count FROM b JOIN "Claim" c ON c."eventId" = b.id
    JOIN unnest(${buckets.map((bucket) => bucket.periodStart)}::date[], ${buckets.map((bucket) => bucket.rank)}::int[]) AS k("periodStart", rank)
      ON k."periodStart" = b."periodStart" AND k.rank = b.rank
    GROUP BY b."periodStart", b.rank`;
  const byBucket = groupByBucket(rows);
  return buckets.map((bucket) => byBucket.get(bucketKey(bucket.periodStart, bucket.rank))?.[0]?.count ?? 0);
}
