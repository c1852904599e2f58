import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { ClaimMetric as ClaimMetricValues, ClaimQualifier as ClaimQualifierValues } from '../db/generated/prisma/enums.js';
import type { Source as SourceRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { Source } from './source.js';
import { Quote } from './quote.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { placeAndDescendantIds } from '../timeline/event-filter.js';

export const ClaimMetric = builder.enumType(ClaimMetricValues, {
  name: 'ClaimMetric',
  description: 'What a figure counts: people killed, injured, held hostage, missing, displaced, …',
});

export const ClaimQualifier = builder.enumType(ClaimQualifierValues, {
  name: 'ClaimQualifier',
  description: 'How the source qualified the figure: exactly, at least, more than, about, up to, less than.',
});

const claimSourceLinks = prismaConnectionHelpers(builder, 'ClaimSource', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ source: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.source as unknown as SourceRow,
});

export const Claim = builder.prismaNode('Claim', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A figure a source gave about an event or a place ("at least 9,061 killed, according to Gaza health authorities"). Conflicting claims are kept side by side.',
  fields: (t) => ({
    metric: t.expose('metric', { type: ClaimMetric }),
    value: t.exposeFloat('value'),
    qualifier: t.expose('qualifier', { type: ClaimQualifier }),
    subject: t.exposeString('subject', { nullable: true, description: 'Who or what is counted ("people", "Americans").' }),
    reportedOn: t.expose('reportedAt', { type: 'Date', description: 'The day the figure was reported.' }),
    quote: t.field({
      type: Quote,
      select: { quote: true, quoteStart: true, quoteEnd: true },
      resolve: (claim) => ({ text: claim.quote, start: claim.quoteStart, end: claim.quoteEnd }),
    }),
    article: t.relation('article'),
    event: t.relation('event', { nullable: true }),
    place: t.relation('place', { nullable: true }),
  }),
});

// Connections to other node types are added once Claim itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Claim', (t) => ({
    sources: t.connection({
      type: Source,
      description: 'Who the article attributes the figure to; one figure may have several sources.',
      select: (args, context, nestedSelection) => ({
        sources: claimSourceLinks.getQuery(args, context, nestedSelection),
        _count: { select: { sources: true } },
      }),
      resolve: (claim, args, context) => ({
        ...claimSourceLinks.resolve(claim.sources, args, context),
        totalCount: claim._count.sources,
      }),
    }),
}));

const ClaimFilter = builder.inputType('ClaimFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    metric: t.field({ type: ClaimMetric, required: false }),
    event: t.id({ required: false }),
    place: t.id({ required: false, description: 'Claims about this place or any place inside it.' }),
    source: t.id({ required: false }),
    reportedFrom: t.field({ type: 'Date', required: false }),
    reportedTo: t.field({ type: 'Date', required: false }),
  }),
});

builder.queryFields((t) => ({
  claims: t.prismaConnection({
    type: 'Claim',
    cursor: 'id',
    description: 'Figures as they were reported, oldest report first.',
    args: { filter: t.arg({ type: ClaimFilter, required: false }) },
    totalCount: async (_parent, args, context) => context.prisma.claim.count({ where: await claimWhere(args.filter, context) }),
    resolve: async (query, _parent, args, context) =>
      context.prisma.claim.findMany({
        ...query,
        where: await claimWhere(args.filter, context),
        orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

async function claimWhere(
  filter: typeof ClaimFilter.$inferInput | null | undefined,
  context: { prisma: import('../db/generated/prisma/client.js').PrismaClient },
) {
  if (!filter) return {};
  const places = filter.place
    ? await placeAndDescendantIds(context.prisma, decodeNodeIdOf(String(filter.place), ['Place'], 'filter.place').id)
    : null;
  return {
    ...(filter.metric ? { metric: filter.metric } : {}),
    ...(filter.event ? { eventId: decodeNodeIdOf(String(filter.event), ['Event'], 'filter.event').id } : {}),
    ...(places ? { placeId: { in: places } } : {}),
    ...(filter.source
      ? { sources: { some: { sourceId: decodeNodeIdOf(String(filter.source), ['Source'], 'filter.source').id } } }
      : {}),
    ...(filter.reportedFrom || filter.reportedTo
      ? {
          reportedAt: {
            ...(filter.reportedFrom ? { gte: new Date(`${filter.reportedFrom}T00:00:00Z`) } : {}),
            ...(filter.reportedTo ? { lte: new Date(`${filter.reportedTo}T00:00:00Z`) } : {}),
          },
        }
      : {}),
  };
}
