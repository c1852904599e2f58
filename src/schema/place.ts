import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { PlaceKind as PlaceKindValues, PlaceRole as PlaceRoleValues } from '../db/generated/prisma/enums.js';
import type { Event as EventRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { Event } from './event.js';
import { aliasSearch } from './entity-filters.js';
import { placeAndDescendantIds } from '../timeline/event-filter.js';
import { EntityOrder, entityOrderArgument, searchedFirst, entityOrderBy, aliasesInput, replaceAliases, orderedBy, entityNameInput } from './entity-common.js';
import { idIn, kindIs, orderWithSearch, rankedEntityIds, rankedPage } from './name-search.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { NotFoundError, UserInputError } from './errors.js';
import { distinctNames } from '../graph/names.js';
import { correctPlaceName, PlaceCorrectionError } from '../graph/place-corrections.js';

export const PlaceKind = builder.enumType(PlaceKindValues, {
  name: 'PlaceKind',
  description: 'What kind of place: a country, a city, a site such as a building.',
});

export const PlaceRole = builder.enumType(PlaceRoleValues, {
  name: 'PlaceRole',
  description: 'What a place is to an event: where it happened, where it came from or went to, or its target.',
});

const placeEventLinks = prismaConnectionHelpers(builder, 'EventPlace', {
  cursor: 'id',
  query: { orderBy: orderedBy({ event: { startsOn: 'desc' } }, { id: 'desc' }) },
  select: (nodeSelection) => ({ role: true, event: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.event as unknown as EventRow,
});

export const Place = builder.prismaNode('Place', {
  id: { field: 'id' },
  nullable: true,
  description: 'A place named in the news, with its enclosing place: Gaza City lies in the Gaza Strip.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PlaceKind }),
    aliases: t.stringList({
      description: 'Every name the place goes by, its own name first.',
      select: { aliases: { select: { name: true }, orderBy: { id: 'asc' } } },
      resolve: (place) => place.aliases.map((alias) => alias.name),
    }),
    latitude: t.exposeFloat('latitude', { nullable: true, description: 'WGS 84 degrees north.' }),
    longitude: t.exposeFloat('longitude', { nullable: true, description: 'WGS 84 degrees east.' }),
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'ISO 3166-1 alpha-2.' }),
    gazetteerId: t.exposeString('gazetteerId', { nullable: true }),
    parent: t.relation('parent', { nullable: true, description: 'The place this one lies in.' }),
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] },
      description: 'The places directly inside this one.',
    }),
    mentions: t.relatedConnection('mentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ articleId: 'asc' }, { start: 'asc' }] },
      description: 'Every span of article text that names this place.',
    }),
    claims: t.relatedConnection('claims', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }] },
      description: 'Figures reported about this place.',
    }),
    datelineArticles: t.relatedConnection('datelineArticles', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }] },
      description: 'Articles filed from this place.',
    }),
  }),
});

// Connections to other node types are added once Place itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Place', (t) => ({
    events: t.connection(
      {
        type: Event,
        description: 'Events at this place (newest first), with the role the place plays in each.',
        select: (args, context, nestedSelection) => ({
          events: placeEventLinks.getQuery(args, context, nestedSelection),
          _count: { select: { events: true } },
        }),
        resolve: (place, args, context) => ({
          ...placeEventLinks.resolve(place.events, args, context),
          totalCount: place._count.events,
        }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: PlaceRole, resolve: (link) => link.role }) }) },
    ),
}));

builder.prismaObject('PlaceMention', {
  description: 'A span of an article that names a place.',
  fields: (t) => ({
    text: t.exposeString('text'),
    start: t.exposeInt('start', { description: 'Character offset into the article text.' }),
    end: t.exposeInt('end'),
    place: t.relation('place'),
    article: t.relation('article'),
  }),
});

builder.queryFields((t) => ({
  places: t.prismaConnection({
    type: 'Place',
    cursor: 'id',
    description:
      'Places, optionally matching a name or alias (ignoring case and accents), a kind, or lying inside a place. '
      + searchedFirst,
    args: {
      search: t.arg.string({ required: false }),
      kind: t.arg({ type: PlaceKind, required: false }),
      within: t.arg.id({ required: false, description: 'Only this place and the places inside it.' }),
      orderBy: t.arg({ type: EntityOrder, required: false, description: entityOrderArgument }),
    },
    totalCount: async (_parent, args, context) => context.prisma.place.count({ where: placesWhere(args, await withinIds(args, context)) }),
    resolve: async (query, _parent, args, context) => {
      const within = await withinIds(args, context);
      return orderWithSearch(args.orderBy, args.search, 'NAME') === 'RELEVANCE'
        ? rankedPage(
            query,
            (slice) => rankedEntityIds(context.prisma, 'place', args.search, slice, [...kindIs(args.kind), ...idIn(within)]),
            (selection, ids) => context.prisma.place.findMany({ ...selection, where: { id: { in: ids } } }),
          )
        : context.prisma.place.findMany({ ...query, where: placesWhere(args, within), orderBy: entityOrderBy(args.orderBy) });
    },
  }),
}));

/** The place given as within and every place inside it; null when none is given. */
async function withinIds(args: { within?: string | number | null }, context: { prisma: import('../db/generated/prisma/client.js').PrismaClient }) {
  return args.within ? placeAndDescendantIds(context.prisma, decodeNodeIdOf(String(args.within), ['Place'], 'within').id) : null;
}

function placesWhere(args: { search?: string | null; kind?: PlaceKindValues | null }, within: number[] | null) {
  return {
    ...aliasSearch(args.search),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(within ? { id: { in: within } } : {}),
  };
}

const coordinate = (limit: number, name: string) =>
  z.number().min(-limit, `${name} must be between -${limit} and ${limit}`).max(limit, `${name} must be between -${limit} and ${limit}`);

const PlaceInput = builder.inputType('PlaceInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: entityNameInput('name') }),
    kind: t.field({ type: PlaceKind, required: false }),
    aliases: aliasesInput(t),
    latitude: t.float({ required: false, validate: coordinate(90, 'latitude') }),
    longitude: t.float({ required: false, validate: coordinate(180, 'longitude') }),
    countryCode: t.string({ required: false, validate: z.string().regex(/^[A-Z]{2}$/, 'countryCode must be two capital letters (ISO 3166-1 alpha-2)') }),
    parent: t.id({ required: false, description: 'The enclosing place.' }),
    gazetteerId: t.string({ required: false }),
  }),
});

async function parentIdFrom(
  prisma: import('../db/generated/prisma/client.js').PrismaClient,
  parent: string | number | null | undefined,
  selfId?: number,
): Promise<number | null | undefined> {
  if (parent === undefined) return undefined;
  if (parent === null) return null;
  const parentId = decodeNodeIdOf(String(parent), ['Place'], 'input.parent').id;
  if (selfId !== undefined && (await placeAndDescendantIds(prisma, selfId)).includes(parentId)) {
    throw new UserInputError('input.parent: a place cannot lie inside itself or inside a place within it', 'input.parent');
  }
  if (!(await prisma.place.findUnique({ where: { id: parentId }, select: { id: true } }))) {
    throw new NotFoundError(`input.parent: no place has the ID ${parent}`);
  }
  return parentId;
}

builder.mutationFields((t) => ({
  createPlace: t.prismaField({
    authScopes: { curate: true },
    type: 'Place',
    description: 'Adds a place by hand.',
    args: { input: t.arg({ type: PlaceInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      if (!input.name) throw new UserInputError('input.name is required to create a place', 'input.name');
      const parentId = await parentIdFrom(context.prisma, input.parent);
      const names = distinctNames([input.name, ...(input.aliases ?? [])]);
      return context.prisma.place.create({
        ...query,
        data: {
          name: input.name,
          nameKey: names[0]!.key,
          kind: input.kind ?? 'OTHER',
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          countryCode: input.countryCode ?? null,
          gazetteerId: input.gazetteerId ?? null,
          parentId: parentId ?? null,
          aliases: { create: names },
        },
      });
    },
  }),
  updatePlace: t.prismaField({
    authScopes: { curate: true },
    type: 'Place',
    description: 'Changes the fields given; aliases, when given, replace the old ones (the name always stays one).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PlaceInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const placeId = decodeNodeIdOf(String(id), ['Place']).id;
      return context.prisma.$transaction(async (tx) => {
        const current = await tx.place.findUnique({ where: { id: placeId } });
        if (!current) throw new NotFoundError(`no place has the ID ${id}`);
        const parentId = await parentIdFrom(tx as never, input.parent, placeId);
        const name = input.name ?? current.name;
        await replaceAliases(tx.placeAlias, 'placeId', placeId, name, input.aliases);
        return tx.place.update({
          ...query,
          where: { id: placeId },
          data: {
            name,
            nameKey: distinctNames([name])[0]!.key,
            ...(input.kind ? { kind: input.kind } : {}),
            ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
            ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
            ...(input.countryCode !== undefined ? { countryCode: input.countryCode } : {}),
            ...(input.gazetteerId !== undefined ? { gazetteerId: input.gazetteerId } : {}),
            ...(parentId !== undefined ? { parentId } : {}),
          },
        });
      });
    },
  }),
}));

const PlaceCorrection = builder.prismaObject('PlaceCorrection', {
  description: 'A curator\'s reading of a place name in an article, kept for the later reports of its story.',
  fields: (t) => ({
    name: t.exposeString('name'),
    place: t.relation('place'),
    article: t.relation('article'),
    story: t.relation('story', { nullable: true, description: 'The story whose later reports read the name so too.' }),
    reason: t.exposeString('reason', { nullable: true }),
    correctedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CorrectPlaceNameInput = builder.inputType('CorrectPlaceNameInput', {
  fields: (t) => ({
    article: t.id({ required: true, description: 'The article whose mentions of the name are wrong.' }),
    name: t.string({ required: true, description: 'The place name as the article writes it ("Geneva").', validate: entityNameInput('name') }),
    gazetteerId: t.string({ required: false, description: 'The gazetteer entry meant: "geonames:2660646", "geonames-admin1:US.KY", "newsline:country-ch".' }),
    place: t.id({ required: false, description: 'Or a place already in the graph.' }),
    reason: t.string({ required: false, validate: z.string().max(1000) }),
  }),
});

const PlaceCorrectionResult = builder.objectRef<{ correctionId: number; movedMentions: number }>('PlaceCorrectionResult').implement({
  fields: (t) => ({
    movedMentions: t.exposeInt('movedMentions', { description: 'How many mentions of the name moved to the place.' }),
    correction: t.prismaField({
      type: PlaceCorrection,
      resolve: (query, result, _args, context) => context.prisma.placeCorrection.findUniqueOrThrow({ ...query, where: { id: result.correctionId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  correctPlaceName: t.field({
    authScopes: { curate: true },
    type: PlaceCorrectionResult,
    description:
      'Says which place a name means in an article: its mentions of the name, and the events they placed, move to that gazetteer entry or place. '
      + 'The later reports of the article\'s story read the name so too.',
    args: { input: t.arg({ type: CorrectPlaceNameInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if ((input.gazetteerId ? 1 : 0) + (input.place ? 1 : 0) !== 1) {
        throw new UserInputError('input: give exactly one of gazetteerId and place', 'input.gazetteerId');
      }
      const articleId = decodeNodeIdOf(String(input.article), ['Article'], 'input.article').id;
      const target = input.gazetteerId ? { gazetteerId: input.gazetteerId } : { placeId: decodeNodeIdOf(String(input.place), ['Place'], 'input.place').id };
      try {
        return await correctPlaceName(context.prisma, { articleId, name: input.name, target, reason: input.reason ?? null });
      } catch (error) {
        if (!(error instanceof PlaceCorrectionError)) throw error;
        if (error.code === 'NOT_FOUND') throw new NotFoundError(`input.${error.field}: ${error.message.replace(/^\w+: /, '')}`);
        throw new UserInputError(`input.${error.field}: ${error.message}`, `input.${error.field}`);
      }
    },
  }),
}));
