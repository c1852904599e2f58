import { queryFromInfo } from '@pothos/plugin-prisma';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { dayProblem } from '../http/input-bounds.js';
import type { Context } from './context.js';
import { UserInputError } from './errors.js';
import { Event, EventFilter, DatePrecision, resolveEventFilterInput } from './event.js';
import { Claim, ClaimMetric } from './claim.js';
import { Person } from './person.js';
import { Organization } from './organization.js';
import { Place } from './place.js';
import { Source } from './source.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { formatAtPrecision } from '../graph/event-date.js';
import {
  loadBucketClaimCounts,
  loadBucketClaimIds,
  loadBucketEventIds,
  loadBucketPage,
  loadTopEntities,
  type Bucket,
  type BucketKey,
  type BucketSlice,
  type TimelineGrouping as Grouping,
  type TimelineQuery,
  type TopEntityKind,
} from '../timeline/buckets.js';
import type { ResolvedEventFilter } from '../timeline/event-filter.js';
import { placeAndDescendantIds } from '../timeline/event-filter.js';

const TimelineGrouping = builder.enumType('TimelineGrouping', {
  description: 'The length of a timeline bucket.',
  values: { DAY: {}, WEEK: { description: 'ISO weeks, Monday to Sunday.' }, MONTH: {}, YEAR: {} } as const,
});

const TimelineOrder = builder.enumType('TimelineOrder', {
  values: { CHRONOLOGICAL: { description: 'Earliest bucket first.' }, REVERSE: { description: 'Latest bucket first.' } } as const,
});

interface BucketShape extends Bucket {
  query: TimelineQuery;
}

const queryKey = (query: TimelineQuery) => JSON.stringify(query);
const bucketKey = (key: BucketKey) => `${key.periodStart}/${key.rank}`;

/** Loads the rows of many buckets' connections in one statement, then the rows themselves in one Prisma query. */
function bucketRows<Row extends { id: number }>(
  context: Context,
  name: string,
  bucket: BucketShape,
  selection: object,
  loadIds: (prisma: PrismaClient, query: TimelineQuery, slices: readonly BucketSlice[]) => Promise<number[][]>,
  loadRows: (ids: number[], selection: object) => Promise<Row[]>,
) {
  const loader = context.loaders.get<BucketSlice, Row[]>(
    `${name}:${queryKey(bucket.query)}:${JSON.stringify(selection)}`,
    async (slices) => {
      const ids = await loadIds(context.prisma, bucket.query, slices);
      const rows = await loadRows([...new Set(ids.flat())], selection);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((list) => list.map((id) => byId.get(id)!).filter(Boolean));
    },
    (slice) => `${bucketKey(slice)}:${slice.skip}:${slice.take}`,
  );
  return (offset: number, limit: number) => loader.load({ periodStart: bucket.periodStart, rank: bucket.rank, skip: offset, take: limit });
}

function selectionOf(context: Context, info: GraphQLResolveInfo, path: string[]): object {
  return queryFromInfo({ context, info, path }) as object;
}

interface RankedShape {
  entityId: number;
  eventCount: number;
}

function topEntities(kind: TopEntityKind, context: Context, bucket: BucketShape, limit: number) {
  const loader = context.loaders.get<BucketKey & { limit: number }, RankedShape[]>(
    `top-${kind}:${queryKey(bucket.query)}`,
    async (keys) => loadTopEntities(context.prisma, bucket.query, kind, keys),
    (key) => `${bucketKey(key)}:${key.limit}`,
  );
  return loader.load({ periodStart: bucket.periodStart, rank: bucket.rank, limit });
}

function rankedType(name: string, description: string) {
  return builder.objectRef<RankedShape>(name).implement({
    description,
    fields: (t) => ({ eventCount: t.exposeInt('eventCount', { description: 'In how many of the bucket’s events it appears.' }) }),
  });
}

const RankedPerson = rankedType('RankedPerson', 'A person and how many events of a bucket involve them.');
const RankedOrganization = rankedType('RankedOrganization', 'An organisation and how many events of a bucket involve it.');
const RankedPlace = rankedType('RankedPlace', 'A place and how many events of a bucket happened there.');
const RankedSource = rankedType('RankedSource', 'A source and how many events of a bucket it is cited for or gave figures about.');

// findUnique calls made in the same tick are batched by Prisma into one query per type.
builder.objectField(RankedPerson, 'person', (t) =>
  t.prismaField({ type: Person, resolve: (query, ranked, _args, context) => context.prisma.person.findUniqueOrThrow({ ...query, where: { id: ranked.entityId } }) }),
);
builder.objectField(RankedOrganization, 'organization', (t) =>
  t.prismaField({
    type: Organization,
    resolve: (query, ranked, _args, context) => context.prisma.organization.findUniqueOrThrow({ ...query, where: { id: ranked.entityId } }),
  }),
);
builder.objectField(RankedPlace, 'place', (t) =>
  t.prismaField({ type: Place, resolve: (query, ranked, _args, context) => context.prisma.place.findUniqueOrThrow({ ...query, where: { id: ranked.entityId } }) }),
);
builder.objectField(RankedSource, 'source', (t) =>
  t.prismaField({ type: Source, resolve: (query, ranked, _args, context) => context.prisma.source.findUniqueOrThrow({ ...query, where: { id: ranked.entityId } }) }),
);

const topLimit = (t: Parameters<Parameters<typeof builder.objectFields>[1]>[0]) =>
  t.arg.int({ required: false, defaultValue: 5, description: 'How many to list (1–20).' });

function checkLimit(limit: number | null | undefined): number {
  const value = limit ?? 5;
  if (!Number.isInteger(value) || value < 1 || value > 20) throw new UserInputError(`limit must be between 1 and 20, got ${value}`, 'limit');
  return value;
}

const TimelineBucket = builder.objectRef<BucketShape>('TimelineBucket').implement({
  description:
    'One period of a timeline. Events known only less precisely than the grouping (a month, when grouping by day) are not put on a day: they form a bucket of their own precision for that period, listed after the finer buckets that start on the same day.',
  fields: (t) => ({
    period: t.string({
      description: 'The period at its precision: 2023-10-07, 2023-W40, 2023-10 or 2023.',
      resolve: (bucket) => formatAtPrecision(bucket.periodStart, bucket.precision),
    }),
    precision: t.field({ type: DatePrecision, description: 'The length of this bucket’s period.', resolve: (bucket) => bucket.precision }),
    datesLessPreciseThanGrouping: t.boolean({
      description: 'True for a bucket of events whose dates are known only to a longer period than the grouping.',
      resolve: (bucket) => bucket.precision !== bucket.query.grouping,
    }),
    start: t.field({ type: 'Date', resolve: (bucket) => bucket.periodStart }),
    end: t.field({ type: 'Date', description: 'The last day of the period.', resolve: (bucket) => bucket.periodEnd }),
    eventCount: t.exposeInt('eventCount'),
    articleCount: t.exposeInt('articleCount', { description: 'Distinct articles reporting the bucket’s events.' }),
    topPeople: t.field({
      type: [RankedPerson],
      args: { limit: topLimit(t) },
      resolve: (bucket, args, context) => topEntities('person', context, bucket, checkLimit(args.limit)),
    }),
    topOrganizations: t.field({
      type: [RankedOrganization],
      args: { limit: topLimit(t) },
      resolve: (bucket, args, context) => topEntities('organization', context, bucket, checkLimit(args.limit)),
    }),
    topPlaces: t.field({
      type: [RankedPlace],
      args: { limit: topLimit(t) },
      resolve: (bucket, args, context) => topEntities('place', context, bucket, checkLimit(args.limit)),
    }),
    topSources: t.field({
      type: [RankedSource],
      args: { limit: topLimit(t) },
      resolve: (bucket, args, context) => topEntities('source', context, bucket, checkLimit(args.limit)),
    }),
  }),
});

builder.objectField(TimelineBucket, 'events', (t) =>
  t.connection({
    type: Event,
    description: 'The bucket’s events, by date and then by how many articles report them.',
    resolve: (bucket, args, context, info) => {
      const load = bucketRows(context, 'timeline-events', bucket, selectionOf(context, info, ['edges', 'node']), loadBucketEventIds, (ids, selection) =>
        context.prisma.event.findMany({ ...selection, where: { id: { in: ids } } }),
      );
      return resolveOffsetConnection({ args, defaultSize: 10, maxSize: 100, totalCount: bucket.eventCount }, ({ offset, limit }) => load(offset, limit));
    },
  }),
);

builder.objectField(TimelineBucket, 'claims', (t) =>
  t.connection({
    type: Claim,
    description: 'Figures reported about the bucket’s events, oldest report first.',
    resolve: (bucket, args, context, info) => {
      const load = bucketRows(context, 'timeline-claims', bucket, selectionOf(context, info, ['edges', 'node']), loadBucketClaimIds, (ids, selection) =>
        context.prisma.claim.findMany({ ...selection, where: { id: { in: ids } } }),
      );
      const counts = context.loaders.get<BucketKey, number>(
        `timeline-claim-counts:${queryKey(bucket.query)}`,
        (keys) => loadBucketClaimCounts(context.prisma, bucket.query, keys),
        bucketKey,
      );
      return resolveOffsetConnection(
        { args, defaultSize: 10, maxSize: 100, totalCount: 0 },
        ({ offset, limit }) => load(offset, limit),
      ).then((connection) => ({ ...connection, totalCount: () => counts.load({ periodStart: bucket.periodStart, rank: bucket.rank }) }));
    },
  }),
);

interface TimelineArgs {
  groupBy?: Grouping | null;
  order?: 'CHRONOLOGICAL' | 'REVERSE' | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function decodeBucketCursor(cursor: string): BucketKey {
  const match = /^(\d{4}-\d{2}-\d{2})\/([1-4])$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  // A forged cursor can hold an impossible day (9999-99-99): it must fail here, not in SQL.
  if (!match || dayProblem(match[1]!)) throw new UserInputError(`after: "${cursor}" is not a timeline cursor; use a cursor this timeline returned`, 'after');
  return { periodStart: match[1]!, rank: Number(match[2]) };
}

async function resolveTimeline(context: Context, filter: ResolvedEventFilter, args: TimelineArgs) {
  if (args.last != null || args.before != null) {
    throw new UserInputError('timelines page forward only: use first/after, with order: REVERSE to start from the latest bucket', 'last');
  }
  const first = args.first ?? 20;
  const query: TimelineQuery = { filter, grouping: args.groupBy ?? 'DAY', reverse: args.order === 'REVERSE' };
  const page = await loadBucketPage(context.prisma, query, first, args.after ? decodeBucketCursor(args.after) : undefined);
  const edges = page.buckets.map((bucket) => ({ cursor: Buffer.from(bucketKey(bucket)).toString('base64'), node: { ...bucket, query } }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.bucketCount,
    eventCount: page.eventCount,
  };
}

const timelineConnectionOptions = {
  name: 'TimelineConnection',
  fields: (connection: { int: (options: { description: string; resolve: (parent: { eventCount: number }) => number }) => unknown }) => ({
    eventCount: connection.int({ description: 'Events in the whole timeline, across every bucket.', resolve: (parent) => parent.eventCount }),
  }),
};

const timelineArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  groupBy: t.arg({ type: TimelineGrouping, required: false, defaultValue: 'DAY' }),
  order: t.arg({ type: TimelineOrder, required: false, defaultValue: 'CHRONOLOGICAL' }),
});

builder.queryFields((t) => ({
  timeline: t.connection(
    {
      type: TimelineBucket,
      description:
        'Events grouped into periods, computed in the database: counts, the events of each period, the people, organisations, places and sources that appear most, and the figures reported.',
      args: { ...timelineArgs(t), filter: t.arg({ type: EventFilter, required: false }) },
      resolve: async (_root, args, context) => resolveTimeline(context, await resolveEventFilterInput(context.prisma, args.filter), args),
    },
    timelineConnectionOptions as never,
  ),
}));

/** Adds `timeline` to an entity type: the same timeline, narrowed to the entity. */
function entityTimeline(
  typeName: 'Person' | 'Organization' | 'Place' | 'Source',
  narrow: (id: number, prisma: PrismaClient) => Promise<Partial<ResolvedEventFilter>>,
) {
  builder.prismaObjectField(typeName, 'timeline', (t) =>
    t.connection(
      {
        type: TimelineBucket,
        description: `The timeline of the events this ${typeName.toLowerCase()} is part of.`,
        args: { ...timelineArgs(t as never), filter: t.arg({ type: EventFilter, required: false }) },
        select: { id: true },
        resolve: async (entity: { id: number }, args: TimelineArgs & { filter?: typeof EventFilter.$inferInput | null }, context: Context) => {
          const filter = await resolveEventFilterInput(context.prisma, args.filter);
          return resolveTimeline(context, { ...filter, ...(await narrow(entity.id, context.prisma)) }, args);
        },
      } as never,
      { ...timelineConnectionOptions, name: `${typeName}TimelineConnection` } as never,
    ),
  );
}

entityTimeline('Person', async (id) => ({ personId: id }));
entityTimeline('Organization', async (id) => ({ organizationId: id }));
entityTimeline('Place', async (id, prisma) => ({ placeId: id, placeIds: await placeAndDescendantIds(prisma, id) }));
entityTimeline('Source', async (id) => ({ sourceId: id }));

builder.prismaObjectField('Event', 'relatedTimeline', (t) =>
  t.connection(
    {
      type: TimelineBucket,
      description: 'The timeline of this event with the events it is part of, responds to or follows, and those that relate to it.',
      args: timelineArgs(t as never),
      select: { id: true, relationsFrom: { select: { toEventId: true } }, relationsTo: { select: { fromEventId: true } } },
      resolve: async (
        event: { id: number; relationsFrom: { toEventId: number }[]; relationsTo: { fromEventId: number }[] },
        args: TimelineArgs,
        context: Context,
      ) => {
        const eventIds = [event.id, ...event.relationsFrom.map((link) => link.toEventId), ...event.relationsTo.map((link) => link.fromEventId)];
        return resolveTimeline(context, { eventIds }, args);
      },
    } as never,
    { ...timelineConnectionOptions, name: 'EventRelatedTimelineConnection' } as never,
  ),
);

// --- claim series -----------------------------------------------------------------------------

interface SeriesShape {
  metric: string;
  claims: { id: number; value: number; qualifier: string; reportedAt: Date; sources: { sourceId: number }[] }[];
}

const SeriesPoint = builder.objectRef<SeriesShape['claims'][number]>('ClaimSeriesPoint').implement({
  description: 'One reported value.',
  fields: (t) => ({
    value: t.exposeFloat('value'),
    qualifier: t.exposeString('qualifier'),
    reportedOn: t.field({ type: 'Date', resolve: (point) => point.reportedAt }),
  }),
});
builder.objectField(SeriesPoint, 'claim', (t) =>
  t.prismaField({ type: Claim, resolve: (query, point, _args, context) => context.prisma.claim.findUniqueOrThrow({ ...query, where: { id: point.id } }) }),
);

const SourceSeries = builder.objectRef<{ sourceId: number; points: SeriesShape['claims'] }>('ClaimSourceSeries').implement({
  description: 'What one source reported over time.',
  fields: (t) => ({
    points: t.field({ type: [SeriesPoint], resolve: (series) => series.points }),
    latest: t.field({ type: SeriesPoint, resolve: (series) => series.points.at(-1)! }),
  }),
});
builder.objectField(SourceSeries, 'source', (t) =>
  t.prismaField({ type: Source, resolve: (query, series, _args, context) => context.prisma.source.findUniqueOrThrow({ ...query, where: { id: series.sourceId } }) }),
);

/** The most reports a series holds; a figure reported more often than that is summarised by its latest reports. */
const seriesLimit = 1000;

const ClaimSeries = builder.objectRef<SeriesShape>('ClaimSeries').implement({
  description: 'How a figure was reported over time and by whom: values side by side, never averaged.',
  fields: (t) => ({
    metric: t.string({ resolve: (series) => series.metric }),
    reportCount: t.int({ resolve: (series) => series.claims.length }),
    points: t.field({ type: [SeriesPoint], description: `Every report in date order (at most ${seriesLimit}).`, resolve: (series) => series.claims }),
    bySource: t.field({
      type: [SourceSeries],
      description: 'The reports grouped by the source they are attributed to; a report with two sources counts for both.',
      resolve: (series) => {
        const bySource = new Map<number, SeriesShape['claims']>();
        for (const claim of series.claims) {
          for (const { sourceId } of claim.sources) bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), claim]);
        }
        return [...bySource].map(([sourceId, points]) => ({ sourceId, points }));
      },
    }),
    low: t.float({ nullable: true, resolve: (series) => (series.claims.length ? Math.min(...series.claims.map((claim) => claim.value)) : null) }),
    high: t.float({ nullable: true, resolve: (series) => (series.claims.length ? Math.max(...series.claims.map((claim) => claim.value)) : null) }),
  }),
});

builder.queryFields((t) => ({
  claimSeries: t.field({
    type: ClaimSeries,
    description: 'Every value reported for a figure about an event or a place (and the places inside it), over time and by source.',
    args: {
      metric: t.arg({ type: ClaimMetric, required: true }),
      event: t.arg.id({ required: false }),
      place: t.arg.id({ required: false }),
      subject: t.arg.string({ required: false, description: 'Only figures counting this subject ("people", "Americans").' }),
    },
    resolve: async (_root, args, context) => {
      if (!args.event && !args.place) throw new UserInputError('claimSeries needs an event or a place', 'event');
      const places = args.place ? await placeAndDescendantIds(context.prisma, decodeNodeIdOf(String(args.place), ['Place'], 'place').id) : null;
      const claims = await context.prisma.claim.findMany({
        where: {
          metric: args.metric,
          ...(args.event ? { eventId: decodeNodeIdOf(String(args.event), ['Event'], 'event').id } : {}),
          ...(places ? { placeId: { in: places } } : {}),
          ...(args.subject ? { subject: { equals: args.subject, mode: 'insensitive' as const } } : {}),
        },
        orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }],
        take: seriesLimit,
        select: { id: true, value: true, qualifier: true, reportedAt: true, sources: { select: { sourceId: true } } },
      });
      return { metric: args.metric, claims };
    },
  }),
}));
