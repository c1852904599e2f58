import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { ParticipantRole as ParticipantRoleValues } from '../db/generated/prisma/enums.js';
import type { Event as EventRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { Event } from './event.js';
import { aliasSearch } from './entity-filters.js';
import { EntityOrder, entityOrderArgument, searchedFirst, entityOrderBy, aliasesInput, replaceAliases, orderedBy, entityNameInput } from './entity-common.js';
import { orderWithSearch, rankedEntityIds, rankedPage } from './name-search.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { NotFoundError, UserInputError } from './errors.js';
import { distinctNames } from '../graph/names.js';

export const ParticipantRole = builder.enumType(ParticipantRoleValues, {
  name: 'ParticipantRole',
  description: 'What a person or organisation did in an event: acted, was targeted, fell victim, spoke, organised, witnessed.',
});

const personEventLinks = prismaConnectionHelpers(builder, 'EventPerson', {
  cursor: 'id',
  query: { orderBy: orderedBy({ event: { startsOn: 'desc' } }, { id: 'desc' }) },
  select: (nodeSelection) => ({ role: true, event: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.event as unknown as EventRow,
});

export const Person = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  description: 'A person named in the news.',
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    aliases: t.stringList({
      description: 'Every name the person goes by, their own name first.',
      select: { aliases: { select: { name: true }, orderBy: { id: 'asc' } } },
      resolve: (person) => person.aliases.map((alias) => alias.name),
    }),
    mentions: t.relatedConnection('mentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ articleId: 'asc' }, { start: 'asc' }] },
      description: 'Every span of article text that names this person.',
    }),
    sources: t.relatedConnection('sources', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
      description: 'The sources this person stands behind (e.g. their social-media account).',
    }),
  }),
});

// Connections to other node types are added once Person itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Person', (t) => ({
    events: t.connection(
      {
        type: Event,
        description: 'Events the person took part in (newest first), with their role in each.',
        select: (args, context, nestedSelection) => ({
          events: personEventLinks.getQuery(args, context, nestedSelection),
          _count: { select: { events: true } },
        }),
        resolve: (person, args, context) => ({
          ...personEventLinks.resolve(person.events, args, context),
          totalCount: person._count.events,
        }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: ParticipantRole, resolve: (link) => link.role }) }) },
    ),
}));

builder.prismaObject('PersonMention', {
  description: 'A span of an article that names a person.',
  fields: (t) => ({
    text: t.exposeString('text'),
    start: t.exposeInt('start', { description: 'Character offset into the article text.' }),
    end: t.exposeInt('end'),
    person: t.relation('person'),
    article: t.relation('article'),
  }),
});

builder.queryFields((t) => ({
  people: t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description:
      'People, optionally matching a name or alias (ignoring case and accents). '
      + searchedFirst,
    args: {
      search: t.arg.string({ required: false }),
      orderBy: t.arg({ type: EntityOrder, required: false, description: entityOrderArgument }),
    },
    totalCount: (_parent, args, context) => context.prisma.person.count({ where: aliasSearch(args.search) }),
    resolve: (query, _parent, args, context) =>
      orderWithSearch(args.orderBy, args.search, 'NAME') === 'RELEVANCE'
        ? rankedPage(
            query,
            (slice) => rankedEntityIds(context.prisma, 'person', args.search, slice),
            (selection, ids) => context.prisma.person.findMany({ ...selection, where: { id: { in: ids } } }),
          )
        : context.prisma.person.findMany({ ...query, where: aliasSearch(args.search), orderBy: entityOrderBy(args.orderBy) }),
  }),
}));

const PersonInput = builder.inputType('PersonInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: entityNameInput('name') }),
    description: t.string({ required: false, validate: z.string().max(2000) }),
    aliases: aliasesInput(t),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.prismaField({
    authScopes: { curate: true },
    type: 'Person',
    description: 'Adds a person by hand.',
    args: { input: t.arg({ type: PersonInput, required: true }) },
    resolve: (query, _root, { input }, context) => {
      if (!input.name) throw new UserInputError('input.name is required to create a person', 'input.name');
      const names = distinctNames([input.name, ...(input.aliases ?? [])]);
      return context.prisma.person.create({
        ...query,
        data: { name: input.name, nameKey: names[0]!.key, description: input.description ?? null, aliases: { create: names } },
      });
    },
  }),
  updatePerson: t.prismaField({
    authScopes: { curate: true },
    type: 'Person',
    description: 'Changes the fields given; aliases, when given, replace the old ones (the name always stays one).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PersonInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const personId = decodeNodeIdOf(String(id), ['Person']).id;
      return context.prisma.$transaction(async (tx) => {
        const current = await tx.person.findUnique({ where: { id: personId } });
        if (!current) throw new NotFoundError(`no person has the ID ${id}`);
        const name = input.name ?? current.name;
        await replaceAliases(tx.personAlias, 'personId', personId, name, input.aliases);
        return tx.person.update({
          ...query,
          where: { id: personId },
          data: {
            name,
            nameKey: distinctNames([name])[0]!.key,
            ...(input.description !== undefined ? { description: input.description } : {}),
          },
        });
      });
    },
  }),
}));
