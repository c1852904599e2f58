import { z } from 'zod';
import type { Prisma } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { decodeNodeIdOf } from './node-id.js';

export const Article = builder.prismaNode('Article', {
  id: { field: 'id' },
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
  } as const,
});

const ArticleFilter = builder.inputType('ArticleFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    publishedFrom: t.field({ type: 'Date', required: false }),
    publishedTo: t.field({ type: 'Date', required: false }),
    publisher: t.id({ required: false }),
    search: t.string({ required: false, description: 'Words in the title, ignoring case.', validate: z.string().max(200) }),
  }),
});

function articleWhere(filter: typeof ArticleFilter.$inferInput | null | undefined): Prisma.ArticleWhereInput {
  if (!filter) return {};
  return {
    ...(filter.publishedFrom || filter.publishedTo
      ? {
          publishedOn: {
            ...(filter.publishedFrom ? { gte: new Date(`${filter.publishedFrom}T00:00:00Z`) } : {}),
            ...(filter.publishedTo ? { lte: new Date(`${filter.publishedTo}T00:00:00Z`) } : {}),
          },
        }
      : {}),
    ...(filter.publisher ? { publisherId: decodeNodeIdOf(String(filter.publisher), ['Source'], 'filter.publisher').id } : {}),
    ...(filter.search?.trim() ? { title: { contains: filter.search.trim(), mode: 'insensitive' as const } } : {}),
  };
}

builder.queryFields((t) => ({
  articles: t.prismaConnection({
    type: 'Article',
    cursor: 'id',
    description: 'Articles, newest first unless asked otherwise.',
    args: {
      filter: t.arg({ type: ArticleFilter, required: false }),
      orderBy: t.arg({ type: ArticleOrder, required: false, defaultValue: 'PUBLISHED_DESC' }),
    },
    totalCount: (_parent, args, context) => context.prisma.article.count({ where: articleWhere(args.filter) }),
    resolve: (query, _parent, args, context) => {
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
