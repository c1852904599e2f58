import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { SourceKind as SourceKindValues } from '../db/generated/prisma/enums.js';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import type { Claim as ClaimRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { Claim } from './claim.js';
import { aliasSearch } from './entity-filters.js';
import { EntityOrder, entityOrderArgument, searchedFirst, entityOrderBy, aliasesInput, replaceAliases, orderedBy, entityNameInput } from './entity-common.js';
import { kindIs, orderWithSearch, rankedEntityIds, rankedPage } from './name-search.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { NotFoundError, UserInputError } from './errors.js';
import { distinctNames } from '../graph/names.js';

export const SourceKind = builder.enumType(SourceKindValues, {
  name: 'SourceKind',
  description: 'Who a source is: a news agency, a government body, a military, a health authority, a named person, an anonymous official, …',
});

const sourceClaimLinks = prismaConnectionHelpers(builder, 'ClaimSource', {
  cursor: 'id',
  query: { orderBy: orderedBy({ claim: { reportedAt: 'asc' } }, { id: 'asc' }) },
  select: (nodeSelection) => ({ claim: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.claim as unknown as ClaimRow,
});

export const Source = builder.prismaNode('Source', {
  id: { field: 'id' },
  nullable: true,
  description: 'Who an article or a claim is attributed to, and who may stand behind it.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: SourceKind }),
    description: t.exposeString('description', { nullable: true }),
    handle: t.exposeString('handle', { nullable: true, description: 'Social-media handle, without the @.' }),
    aliases: t.stringList({
      description: 'Every name the source goes by, its own name first.',
      select: { aliases: { select: { name: true }, orderBy: { id: 'asc' } } },
      resolve: (source) => source.aliases.map((alias) => alias.name),
    }),
    person: t.relation('person', { nullable: true, description: 'The person behind this source.' }),
    organization: t.relation('organization', { nullable: true, description: 'The organisation behind this source.' }),
    publishedArticles: t.relatedConnection('publishedArticles', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }] },
      description: 'Articles this source published (for publishers and agencies).',
    }),
    mentions: t.relatedConnection('mentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ articleId: 'asc' }, { start: 'asc' }] },
      description: 'Every span of article text that cites this source.',
    }),
    eventMentions: t.relatedConnection('eventMentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ articleId: 'asc' }, { start: 'asc' }] },
      description: 'Accounts of events that articles attribute to this source.',
    }),
  }),
});

// Connections to other node types are added once Source itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Source', (t) => ({
    claims: t.connection({
      type: Claim,
      description: 'Figures attributed to this source, oldest report first.',
      select: (args, context, nestedSelection) => ({
        claims: sourceClaimLinks.getQuery(args, context, nestedSelection),
        _count: { select: { claims: true } },
      }),
      resolve: (source, args, context) => ({
        ...sourceClaimLinks.resolve(source.claims, args, context),
        totalCount: source._count.claims,
      }),
    }),
}));

builder.prismaObject('SourceMention', {
  description: 'A span of an article that cites a source.',
  fields: (t) => ({
    text: t.exposeString('text'),
    start: t.exposeInt('start', { description: 'Character offset into the article text.' }),
    end: t.exposeInt('end'),
    source: t.relation('source'),
    article: t.relation('article'),
  }),
});

builder.queryFields((t) => ({
  sources: t.prismaConnection({
    type: 'Source',
    cursor: 'id',
    description:
      'Sources, optionally matching a name or alias (ignoring case and accents) and a kind. '
      + `${searchedFirst} A source's events, for the ranking, are those it gave an account of.`,
    args: {
      search: t.arg.string({ required: false }),
      kind: t.arg({ type: SourceKind, required: false }),
      orderBy: t.arg({ type: EntityOrder, required: false, description: entityOrderArgument }),
    },
    totalCount: (_parent, args, context) => context.prisma.source.count({ where: sourcesWhere(args) }),
    resolve: (query, _parent, args, context) =>
      orderWithSearch(args.orderBy, args.search, 'NAME') === 'RELEVANCE'
        ? rankedPage(
            query,
            (slice) => rankedEntityIds(context.prisma, 'source', args.search, slice, kindIs(args.kind)),
            (selection, ids) => context.prisma.source.findMany({ ...selection, where: { id: { in: ids } } }),
          )
        : context.prisma.source.findMany({ ...query, where: sourcesWhere(args), orderBy: entityOrderBy(args.orderBy) }),
  }),
}));

function sourcesWhere(args: { search?: string | null; kind?: SourceKindValues | null }) {
  return { ...aliasSearch(args.search), ...(args.kind ? { kind: args.kind } : {}) };
}

const SourceInput = builder.inputType('SourceInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: entityNameInput('name') }),
    kind: t.field({ type: SourceKind, required: false }),
    description: t.string({ required: false, validate: z.string().max(2000) }),
    handle: t.string({ required: false, validate: z.string().regex(/^[A-Za-z0-9_.]{1,64}$/, 'handle must be letters, digits, "_" or ".", without the @') }),
    aliases: aliasesInput(t),
    person: t.id({ required: false, description: 'The person behind the source.' }),
    organization: t.id({ required: false, description: 'The organisation behind the source.' }),
  }),
});

async function linkedIds(prisma: PrismaClient, input: { person?: string | number | null; organization?: string | number | null }) {
  const result: { personId?: number | null; organizationId?: number | null } = {};
  if (input.person !== undefined) {
    result.personId = input.person === null ? null : decodeNodeIdOf(String(input.person), ['Person'], 'input.person').id;
    if (result.personId !== null && !(await prisma.person.findUnique({ where: { id: result.personId }, select: { id: true } }))) {
      throw new NotFoundError(`input.person: no person has the ID ${input.person}`);
    }
  }
  if (input.organization !== undefined) {
    result.organizationId =
      input.organization === null ? null : decodeNodeIdOf(String(input.organization), ['Organization'], 'input.organization').id;
    if (
      result.organizationId !== null &&
      !(await prisma.organization.findUnique({ where: { id: result.organizationId }, select: { id: true } }))
    ) {
      throw new NotFoundError(`input.organization: no organization has the ID ${input.organization}`);
    }
  }
  return result;
}

builder.mutationFields((t) => ({
  createSource: t.prismaField({
    authScopes: { curate: true },
    type: 'Source',
    description: 'Adds a source by hand.',
    args: { input: t.arg({ type: SourceInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      if (!input.name) throw new UserInputError('input.name is required to create a source', 'input.name');
      const names = distinctNames([input.name, ...(input.aliases ?? [])]);
      const links = await linkedIds(context.prisma, input);
      return context.prisma.source.create({
        ...query,
        data: {
          name: input.name,
          nameKey: names[0]!.key,
          kind: input.kind ?? 'OTHER',
          description: input.description ?? null,
          handle: input.handle ?? null,
          personId: links.personId ?? null,
          organizationId: links.organizationId ?? null,
          aliases: { create: names },
        },
      });
    },
  }),
  updateSource: t.prismaField({
    authScopes: { curate: true },
    type: 'Source',
    description: 'Changes the fields given; aliases, when given, replace the old ones (the name always stays one).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SourceInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const sourceId = decodeNodeIdOf(String(id), ['Source']).id;
      return context.prisma.$transaction(async (tx) => {
        const current = await tx.source.findUnique({ where: { id: sourceId } });
        if (!current) throw new NotFoundError(`no source has the ID ${id}`);
        const links = await linkedIds(tx as unknown as PrismaClient, input);
        const name = input.name ?? current.name;
        await replaceAliases(tx.sourceAlias, 'sourceId', sourceId, name, input.aliases);
        return tx.source.update({
          ...query,
          where: { id: sourceId },
          data: {
            name,
            nameKey: distinctNames([name])[0]!.key,
            ...(input.kind ? { kind: input.kind } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.handle !== undefined ? { handle: input.handle } : {}),
            ...links,
          },
        });
      });
    },
  }),
}));
