// Which events a list, a timeline or an export covers. One resolved filter, two renderings that must agree:
// a Prisma `where` for lists of events, and SQL for the timeline's aggregation (tests hold them to the same rows).
import { Prisma, type PrismaClient } from '../db/generated/prisma/client.js';
import type { EventType } from '../db/generated/prisma/enums.js';

/** Whether background events (history a report recalls, Event.background) are left out, kept, or the only ones. */
export type BackgroundInclusion = 'EXCLUDE' | 'INCLUDE' | 'ONLY';

export interface EventFilterInput {
  /** YYYY-MM-DD: events whose dates reach this day or later. */
  from?: string | null;
  /** YYYY-MM-DD: events whose dates start on this day or earlier. */
  to?: string | null;
  types?: EventType[] | null;
  placeId?: number | null;
  personId?: number | null;
  organizationId?: number | null;
  /** Events reported on the authority of this source, or with figures it gave. */
  sourceId?: number | null;
  /** Words in the title or in a reporting passage, ignoring case. */
  search?: string | null;
  /** Reported by at least this many distinct articles. */
  minArticles?: number | null;
  /** Only these events (an event's related timeline). */
  eventIds?: number[] | null;
  /** EXCLUDE when not given: a timeline is of news. */
  background?: BackgroundInclusion | null;
}

export interface ResolvedEventFilter extends EventFilterInput {
  /** The place and every place inside it. */
  placeIds?: number[];
  /** The longest span of any stored event, in days: events starting earlier than from minus it cannot reach from. */
  longestSpanDays?: number;
}

/** The place and every place inside it, at any depth (Gaza Strip → Gaza City → a street in it). */
export async function placeAndDescendantIds(prisma: Pick<PrismaClient, '$queryRaw'>, placeId: number): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE inside(id) AS (
      SELECT id FROM "Place" WHERE id = ${placeId}
      UNION
      SELECT p.id FROM "Place" p JOIN inside ON p."parentId" = inside.id
    )
    SELECT id FROM inside`;
  return rows.map((row) => row.id);
}

export async function resolveEventFilter(prisma: Pick<PrismaClient, '$queryRaw'>, input: EventFilterInput | null | undefined): Promise<ResolvedEventFilter> {
  if (!input) return {};
  const resolved: ResolvedEventFilter = { ...input };
  if (input.placeId != null) resolved.placeIds = await placeAndDescendantIds(prisma, input.placeId);
  if (input.search != null) resolved.search = input.search.trim() || null;
  if (input.from) {
    const [row] = await prisma.$queryRaw<{ longest: number | null }[]>`SELECT max("spanDays") AS longest FROM "Event"`;
    resolved.longestSpanDays = row?.longest ?? 0;
  }
  return resolved;
}

function day(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** 0001-01-01: PostgreSQL reads no earlier day written as YYYY-MM-DD, so a widened bound stops there. */
const earliestWritableDay = new Date('0001-01-01T00:00:00Z').getTime();

export function eventFilterWhere(filter: ResolvedEventFilter): Prisma.EventWhereInput {
  const conditions: Prisma.EventWhereInput[] = [];
  if (filter.from) {
    conditions.push({ endsOn: { gte: day(filter.from) } });
    if (filter.longestSpanDays !== undefined) {
      const earliestStart = Math.max(day(filter.from).getTime() - filter.longestSpanDays * 86_400_000, earliestWritableDay);
      conditions.push({ startsOn: { gte: new Date(earliestStart) } });
    }
  }
  if (filter.to) conditions.push({ startsOn: { lte: day(filter.to) } });
  if (filter.types?.length) conditions.push({ type: { in: filter.types } });
  if (filter.placeIds) conditions.push({ places: { some: { placeId: { in: filter.placeIds } } } });
  if (filter.personId != null) conditions.push({ people: { some: { personId: filter.personId } } });
  if (filter.organizationId != null) conditions.push({ organizations: { some: { organizationId: filter.organizationId } } });
  if (filter.sourceId != null) {
    const sourceId = filter.sourceId;
    conditions.push({ OR: [{ mentions: { some: { sourceId } } }, { claims: { some: { sources: { some: { sourceId } } } } }] });
  }
  if (filter.search) {
    const search = filter.search;
    conditions.push({
      OR: [{ title: { contains: search, mode: 'insensitive' } }, { mentions: { some: { quote: { contains: search, mode: 'insensitive' } } } }],
    });
  }
  if (filter.minArticles != null && filter.minArticles > 1) conditions.push({ articleCount: { gte: filter.minArticles } });
  if (filter.eventIds) conditions.push({ id: { in: filter.eventIds } });
  if (filter.background !== 'INCLUDE') conditions.push({ background: filter.background === 'ONLY' });
  return { AND: conditions };
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The same filter as SQL over the events table aliased `e`. */
export function eventFilterSql(filter: ResolvedEventFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.from) {
    conditions.push(Prisma.sql`e."endsOn" >= ${day(filter.from)}::date`);
    // Redundant with the line above, but it lets the planner range-scan the start-date index.
    if (filter.longestSpanDays !== undefined) conditions.push(Prisma.sql`e."startsOn" >= ${day(filter.from)}::date - ${filter.longestSpanDays}::int`);
  }
  if (filter.to) conditions.push(Prisma.sql`e."startsOn" <= ${day(filter.to)}::date`);
  if (filter.types?.length) conditions.push(Prisma.sql`e.type::text = ANY(${filter.types}::text[])`);
  if (filter.placeIds) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventPlace" ep WHERE ep."eventId" = e.id AND ep."placeId" = ANY(${filter.placeIds}::int[]))`);
  }
  if (filter.personId != null) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventPerson" x WHERE x."eventId" = e.id AND x."personId" = ${filter.personId})`);
  }
  if (filter.organizationId != null) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventOrganization" x WHERE x."eventId" = e.id AND x."organizationId" = ${filter.organizationId})`);
  }
  if (filter.sourceId != null) {
    conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "EventMention" m WHERE m."eventId" = e.id AND m."sourceId" = ${filter.sourceId})
      OR EXISTS (SELECT 1 FROM "Claim" c JOIN "ClaimSource" cs ON cs."claimId" = c.id WHERE c."eventId" = e.id AND cs."sourceId" = ${filter.sourceId}))`);
  }
  if (filter.search) {
    const pattern = likePattern(filter.search);
    conditions.push(Prisma.sql`(e.title ILIKE ${pattern} OR EXISTS (SELECT 1 FROM "EventMention" m WHERE m."eventId" = e.id AND m.quote ILIKE ${pattern}))`);
  }
  if (filter.minArticles != null && filter.minArticles > 1) conditions.push(Prisma.sql`e."articleCount" >= ${filter.minArticles}`);
  if (filter.eventIds) conditions.push(Prisma.sql`e.id = ANY(${filter.eventIds}::int[])`);
  if (filter.background !== 'INCLUDE') conditions.push(Prisma.sql`e.background = ${filter.background === 'ONLY'}`);
  return Prisma.join(conditions, ' AND ');
}
