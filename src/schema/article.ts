import { z } from 'zod';
import { Prisma } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { articleRanking, articleSearchCount, rankedArticleIds, rankedPage, type EntityCondition } from './name-search.js';

export const Article = builder.prismaNode('Article', {
  id: { field: 'id' },
  // Select mode: a query reads only the columns it asks for, so a list of reports never reads their whole text.
  select: { id: true },
  nullable: true,
  description: 'One published text, and everything extracted from it, each fact pointing back to its words.',
  fields: (t) => ({
    url: t.exposeString('url', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    publishedOn: t.expose('publishedOn', { type: 'Date', description: 'The day of publication: the reference for relative dates.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'The time of publication, when stated.' }),
    byline: t.exposeString('byline', { nullable: true }),
    text: t.exposeString('text', { description: 'The plain text that was analysed; every offset points into it.' }),
    format: t.exposeString('format', { description: 'The input format it was read from: text, timeml or json.' }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the analysed text.' }),
    publisher: t.relation('publisher', { nullable: true }),
    datelinePlace: t.relation('datelinePlace', { nullable: true, description: 'Where the article was filed from.' }),
    eventMentions: t.relatedConnection('eventMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
      description: 'The events the article reports, in text order, each with its quote.',
    }),
    personMentions: t.relatedConnection('personMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
    }),
    organizationMentions: t.relatedConnection('organizationMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
    }),
    placeMentions: t.relatedConnection('placeMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
    }),
    sourceMentions: t.relatedConnection('sourceMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ start: 'asc' }, { id: 'asc' }] },
      description: 'Where the article cites its sources.',
    }),
    claims: t.relatedConnection('claims', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ quoteStart: 'asc' }, { id: 'asc' }] },
      description: 'The figures the article reports, in text order.',
    }),
  }),
});

const ArticleOrder = builder.enumType('ArticleOrder', {
  values: {
    PUBLISHED_DESC: { description: 'Newest first.' },
    PUBLISHED_ASC: { description: 'Oldest first.' },
    RELEVANCE: { description: `With a search: ${articleRanking}. Without one, newest first. The default when there is a search.` },
  } as const,
});

const ArticleFilter = builder.inputType('ArticleFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    publishedFrom: t.field({ type: 'Date', required: false }),
    publishedTo: t.field({ type: 'Date', required: false }),
    publisher: t.id({ required: false }),
    search: t.string({
      required: false,
      description: 'Words in the title or the text, as written but ignoring case and accents.',
      validate: z.string().max(200),
    }),
  }),
});

type ArticleFilterInput = typeof ArticleFilter.$inferInput | null | undefined;

function publishedDay(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function publisherId(filter: NonNullable<ArticleFilterInput>): number | null {
  return filter.publisher ? decodeNodeIdOf(String(filter.publisher), ['Source'], 'filter.publisher').id : null;
}

/** The filter without its search, for Prisma. */
function articleWhere(filter: ArticleFilterInput): Prisma.ArticleWhereInput {
  if (!filter) return {};
  const publisher = publisherId(filter);
  return {
    ...(filter.publishedFrom || filter.publishedTo
      ? {
          publishedOn: {
            ...(filter.publishedFrom ? { gte: publishedDay(filter.publishedFrom) } : {}),
            ...(filter.publishedTo ? { lte: publishedDay(filter.publishedTo) } : {}),
          },
        }
      : {}),
    ...(publisher !== null ? { publisherId: publisher } : {}),
  };
}

/** The filter without its search, as SQL on the searched article "e" (the same conditions as articleWhere). */
function articleConditions(filter: ArticleFilterInput): EntityCondition[] {
  if (!filter) return [];
  const publisher = publisherId(filter);
  return [
    ...(filter.publishedFrom ? [Prisma.sql`e."publishedOn" >= ${filter.publishedFrom}::date`] : []),
    ...(filter.publishedTo ? [Prisma.sql`e."publishedOn" <= ${filter.publishedTo}::date`] : []),
    ...(publisher !== null ? [Prisma.sql`e."publisherId" = ${publisher}`] : []),
  ];
}

builder.queryFields((t) => ({
  articles: t.prismaConnection({
    type: 'Article',
    cursor: 'id',
    description: `Articles, newest first unless asked otherwise. With a search and no other orderBy: ${articleRanking}.`,
    args: {
      filter: t.arg({ type: ArticleFilter, required: false }),
      orderBy: t.arg({ type: ArticleOrder, required: false, description: 'RELEVANCE when the filter has a search, PUBLISHED_DESC otherwise.' }),
    },
    totalCount: (_parent, args, context) => {
      const search = args.filter?.search?.trim();
      return search
        ? articleSearchCount(context.prisma, search, articleConditions(args.filter))
        : context.prisma.article.count({ where: articleWhere(args.filter) });
    },
    resolve: (query, _parent, args, context) => {
      const search = args.filter?.search?.trim();
      // Matching ignores accents, which Prisma's filters cannot: a search is matched, and ordered, in SQL.
      if (search) {
        return rankedPage(
          query,
          (slice) => rankedArticleIds(context.prisma, search, args.orderBy ?? 'RELEVANCE', slice, articleConditions(args.filter)),
          (selection, ids) => context.prisma.article.findMany({ ...selection, where: { id: { in: ids } } }),
        );
      }
      const direction = args.orderBy === 'PUBLISHED_ASC' ? 'asc' : 'desc';
      return context.prisma.article.findMany({
        ...query,
        where: articleWhere(args.filter),
        orderBy: [{ publishedOn: direction }, { id: direction }],
      });
    },
  }),
  articleByUrl: t.prismaField({
    type: 'Article',
    nullable: true,
    description: 'The article with this URL, if it has been ingested.',
    args: { url: t.arg.string({ required: true }) },
    resolve: (query, _root, args, context) => context.prisma.article.findUnique({ ...query, where: { url: args.url } }),
  }),
}));
