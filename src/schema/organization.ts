import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { OrganizationKind as OrganizationKindValues } from '../db/generated/prisma/enums.js';
import type { Event as EventRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { Event } from './event.js';
import { ParticipantRole } from './person.js';
import { aliasSearch } from './entity-filters.js';
import { EntityOrder, entityOrderArgument, searchedFirst, entityOrderBy, aliasesInput, replaceAliases, orderedBy, entityNameInput } from './entity-common.js';
import { kindIs, orderWithSearch, rankedEntityIds, rankedPage } from './name-search.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { NotFoundError, UserInputError } from './errors.js';
import { distinctNames } from '../graph/names.js';

export const OrganizationKind = builder.enumType(OrganizationKindValues, {
  name: 'OrganizationKind',
  description: 'What kind of organisation: a government, a military, an armed group, a party, a company, …',
});

const organizationEventLinks = prismaConnectionHelpers(builder, 'EventOrganization', {
  cursor: 'id',
  query: { orderBy: orderedBy({ event: { startsOn: 'desc' } }, { id: 'desc' }) },
  select: (nodeSelection) => ({ role: true, event: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.event as unknown as EventRow,
});

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'id' },
  nullable: true,
  description: 'An organisation named in the news: a government, an army, an armed group, a company, an NGO.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganizationKind }),
    description: t.exposeString('description', { nullable: true }),
    aliases: t.stringList({
      description: 'Every name the organisation goes by, its own name first.',
      select: { aliases: { select: { name: true }, orderBy: { id: 'asc' } } },
      resolve: (organization) => organization.aliases.map((alias) => alias.name),
    }),
    mentions: t.relatedConnection('mentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ articleId: 'asc' }, { start: 'asc' }] },
      description: 'Every span of article text that names this organisation.',
    }),
    sources: t.relatedConnection('sources', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
      description: 'The sources that speak for this organisation (its officials, its spokespeople, its statements).',
    }),
  }),
});

// Connections to other node types are added once Organization itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Organization', (t) => ({
    events: t.connection(
      {
        type: Event,
        description: 'Events the organisation took part in (newest first), with its role in each.',
        select: (args, context, nestedSelection) => ({
          events: organizationEventLinks.getQuery(args, context, nestedSelection),
          _count: { select: { events: true } },
        }),
        resolve: (organization, args, context) => ({
          ...organizationEventLinks.resolve(organization.events, args, context),
          totalCount: organization._count.events,
        }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: ParticipantRole, resolve: (link) => link.role }) }) },
    ),
}));

builder.prismaObject('OrganizationMention', {
  description: 'A span of an article that names an organisation.',
  fields: (t) => ({
    text: t.exposeString('text'),
    start: t.exposeInt('start', { description: 'Character offset into the article text.' }),
    end: t.exposeInt('end'),
    organization: t.relation('organization'),
    article: t.relation('article'),
  }),
});

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: 'Organization',
    cursor: 'id',
    description:
      'Organisations, optionally matching a name or alias (ignoring case and accents) and a kind. '
      + searchedFirst,
    args: {
      search: t.arg.string({ required: false }),
      kind: t.arg({ type: OrganizationKind, required: false }),
      orderBy: t.arg({ type: EntityOrder, required: false, description: entityOrderArgument }),
    },
    totalCount: (_parent, args, context) => context.prisma.organization.count({ where: organizationsWhere(args) }),
    resolve: (query, _parent, args, context) =>
      orderWithSearch(args.orderBy, args.search, 'NAME') === 'RELEVANCE'
        ? rankedPage(
            query,
            (slice) => rankedEntityIds(context.prisma, 'organization', args.search, slice, kindIs(args.kind)),
            (selection, ids) => context.prisma.organization.findMany({ ...selection, where: { id: { in: ids } } }),
          )
        : context.prisma.organization.findMany({ ...query, where: organizationsWhere(args), orderBy: entityOrderBy(args.orderBy) }),
  }),
}));

function organizationsWhere(args: { search?: string | null; kind?: OrganizationKindValues | null }) {
  return { ...aliasSearch(args.search), ...(args.kind ? { kind: args.kind } : {}) };
}

const OrganizationInput = builder.inputType('OrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: entityNameInput('name') }),
    kind: t.field({ type: OrganizationKind, required: false }),
    description: t.string({ required: false, validate: z.string().max(2000) }),
    aliases: aliasesInput(t),
  }),
});

builder.mutationFields((t) => ({
  createOrganization: t.prismaField({
    authScopes: { curate: true },
    type: 'Organization',
    description: 'Adds an organisation by hand.',
    args: { input: t.arg({ type: OrganizationInput, required: true }) },
    resolve: (query, _root, { input }, context) => {
      if (!input.name) throw new UserInputError('input.name is required to create an organization', 'input.name');
      const names = distinctNames([input.name, ...(input.aliases ?? [])]);
      return context.prisma.organization.create({
        ...query,
        data: {
          name: input.name,
          nameKey: names[0]!.key,
          kind: input.kind ?? 'OTHER',
          description: input.description ?? null,
          aliases: { create: names },
        },
      });
    },
  }),
  updateOrganization: t.prismaField({
    authScopes: { curate: true },
    type: 'Organization',
    description: 'Changes the fields given; aliases, when given, replace the old ones (the name always stays one).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: OrganizationInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const organizationId = decodeNodeIdOf(String(id), ['Organization']).id;
      return context.prisma.$transaction(async (tx) => {
        const current = await tx.organization.findUnique({ where: { id: organizationId } });
        if (!current) throw new NotFoundError(`no organization has the ID ${id}`);
        const name = input.name ?? current.name;
        await replaceAliases(tx.organizationAlias, 'organizationId', organizationId, name, input.aliases);
        return tx.organization.update({
          ...query,
          where: { id: organizationId },
          data: {
            name,
            nameKey: distinctNames([name])[0]!.key,
            ...(input.kind ? { kind: input.kind } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
          },
        });
      });
    },
  }),
}));
