import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { z } from 'zod';
import {
  DatePrecision as DatePrecisionValues,
  EventRelationKind as EventRelationKindValues,
  EventType as EventTypeValues,
} from '../db/generated/prisma/enums.js';
import type { Prisma, PrismaClient } from '../db/generated/prisma/client.js';
import type { Event as EventRow, Organization as OrganizationRow, Person as PersonRow, Place as PlaceRow } from '../db/generated/prisma/client.js';
import { builder } from './builder.js';
import { dayOutOfRange, maxEventSpanDays } from '../http/input-bounds.js';
import { Organization } from './organization.js';
import { Person } from './person.js';
import { Place } from './place.js';
import { Quote } from './quote.js';
import { PlaceRole } from './place.js';
import { ParticipantRole } from './person.js';
import { decodeNodeIdOf } from '../http/global-ids.js';
import { NotFoundError, UserInputError } from './errors.js';
import { eventFilterWhere, resolveEventFilter, type ResolvedEventFilter } from '../timeline/event-filter.js';
import { splitEvent, SplitError } from '../graph/split.js';
import {
  DateExpressionError,
  eventDateFromExpressions,
  formatAtPrecision,
  isDateRange,
  type DatePrecision as Precision,
} from '../graph/event-date.js';

export const EventType = builder.enumType(EventTypeValues, { name: 'EventType', description: 'What kind of thing happened.' });

export const DatePrecision = builder.enumType(DatePrecisionValues, {
  name: 'DatePrecision',
  description: 'How precisely the date of an event is known.',
});

export const EventRelationKind = builder.enumType(EventRelationKindValues, {
  name: 'EventRelationKind',
  description: 'How one event relates to another: part of it, a response to it, or following it.',
});

interface EventDateShape {
  startsOn: Date;
  endsOn: Date;
  precision: Precision;
  approximate: boolean;
  dateText: string | null;
}

const EventDate = builder.objectRef<EventDateShape>('EventDate').implement({
  description:
    'When an event happened, no more precisely than the sources say: "2023-10" is a month, not the first of it. A range has an end.',
  fields: (t) => ({
    start: t.string({
      description: 'The start at its precision: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY.',
      resolve: (date) => formatAtPrecision(date.startsOn, date.precision),
    }),
    end: t.string({
      nullable: true,
      description: 'The end of a range, at the same precision; null when the date is a single day, week, month or year.',
      resolve: (date) => (isDateRange(date.startsOn, date.endsOn, date.precision) ? formatAtPrecision(date.endsOn, date.precision) : null),
    }),
    precision: t.field({ type: DatePrecision, resolve: (date) => date.precision }),
    approximate: t.boolean({ description: 'The sources give the date loosely ("about", "over a week").', resolve: (date) => date.approximate }),
    earliest: t.field({ type: 'Date', description: 'The first day the date can mean.', resolve: (date) => date.startsOn }),
    latest: t.field({ type: 'Date', description: 'The last day the date can mean.', resolve: (date) => date.endsOn }),
    text: t.string({ nullable: true, description: 'The date as an article wrote it.', resolve: (date) => date.dateText }),
  }),
});

const eventPlaceLinks = prismaConnectionHelpers(builder, 'EventPlace', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ role: true, place: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.place as unknown as PlaceRow,
});
const eventPersonLinks = prismaConnectionHelpers(builder, 'EventPerson', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ role: true, person: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.person as unknown as PersonRow,
});
const eventOrganizationLinks = prismaConnectionHelpers(builder, 'EventOrganization', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ role: true, organization: nodeSelection({ select: { id: true } }) }),
  resolveNode: (link) => link.organization as unknown as OrganizationRow,
});
const outgoingRelations = prismaConnectionHelpers(builder, 'EventRelation', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ kind: true, toEvent: nodeSelection({ select: { id: true } }) }),
  resolveNode: (relation) => relation.toEvent as unknown as EventRow,
});
const incomingRelations = prismaConnectionHelpers(builder, 'EventRelation', {
  cursor: 'id',
  query: { orderBy: { id: 'asc' } },
  select: (nodeSelection) => ({ kind: true, fromEvent: nodeSelection({ select: { id: true } }) }),
  resolveNode: (relation) => relation.fromEvent as unknown as EventRow,
});

export const Event = builder.prismaNode('Event', {
  id: { field: 'id' },
  nullable: true,
  description: 'Something that happened at a time and place, as one or more articles report it.',
  fields: (t) => ({
    title: t.exposeString('title'),
    summary: t.exposeString('summary', { nullable: true }),
    type: t.expose('type', { type: EventType }),
    date: t.field({
      type: EventDate,
      select: { startsOn: true, endsOn: true, precision: true, approximate: true, dateText: true },
      resolve: (event) => event,
    }),
    background: t.exposeBoolean('background', {
      description:
        'History a report recalls rather than its news: every report dates it more than a year before itself, or its date is a vague range of years ("the 1990s"). Left out of timelines, lists and exports unless `EventFilter.background` asks for it.',
    }),
    mentionCount: t.relationCount('mentions', { description: 'How many passages of articles report the event.' }),
    articleCount: t.exposeInt('articleCount', { description: 'How many distinct articles report the event.' }),
    mentions: t.relatedConnection('mentions', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ article: { publishedOn: 'asc' } }, { articleId: 'asc' }, { start: 'asc' }] },
      description: 'The passages that report the event, earliest article first, each with its article and quote.',
    }),
    claims: t.relatedConnection('claims', {
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }] },
      description: 'Figures reported about the event, oldest report first.',
    }),
  }),
});

// Connections to other node types are added once Event itself is typed, so the types can refer to each other.
builder.prismaObjectFields('Event', (t) => ({
    places: t.connection(
      {
        type: Place,
        description: 'Where it happened, with the role of each place.',
        select: (args, context, nestedSelection) => ({
          places: eventPlaceLinks.getQuery(args, context, nestedSelection),
          _count: { select: { places: true } },
        }),
        resolve: (event, args, context) => ({ ...eventPlaceLinks.resolve(event.places, args, context), totalCount: event._count.places }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: PlaceRole, resolve: (link) => link.role }) }) },
    ),
    people: t.connection(
      {
        type: Person,
        description: 'People who took part, with their roles.',
        select: (args, context, nestedSelection) => ({
          people: eventPersonLinks.getQuery(args, context, nestedSelection),
          _count: { select: { people: true } },
        }),
        resolve: (event, args, context) => ({ ...eventPersonLinks.resolve(event.people, args, context), totalCount: event._count.people }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: ParticipantRole, resolve: (link) => link.role }) }) },
    ),
    organizations: t.connection(
      {
        type: Organization,
        description: 'Organisations that took part, with their roles.',
        select: (args, context, nestedSelection) => ({
          organizations: eventOrganizationLinks.getQuery(args, context, nestedSelection),
          _count: { select: { organizations: true } },
        }),
        resolve: (event, args, context) => ({
          ...eventOrganizationLinks.resolve(event.organizations, args, context),
          totalCount: event._count.organizations,
        }),
      },
      {},
      { fields: (edge) => ({ role: edge.field({ type: ParticipantRole, resolve: (link) => link.role }) }) },
    ),
    relatesTo: t.connection(
      {
        type: Event,
        description: 'Events this one is part of, responds to, or follows.',
        select: (args, context, nestedSelection) => ({
          relationsFrom: outgoingRelations.getQuery(args, context, nestedSelection),
          _count: { select: { relationsFrom: true } },
        }),
        resolve: (event, args, context) => ({
          ...outgoingRelations.resolve(event.relationsFrom, args, context),
          totalCount: event._count.relationsFrom,
        }),
      },
      {},
      { fields: (edge) => ({ kind: edge.field({ type: EventRelationKind, resolve: (relation) => relation.kind }) }) },
    ),
    relatedFrom: t.connection(
      {
        type: Event,
        description: 'Events that are part of this one, respond to it, or follow it.',
        select: (args, context, nestedSelection) => ({
          relationsTo: incomingRelations.getQuery(args, context, nestedSelection),
          _count: { select: { relationsTo: true } },
        }),
        resolve: (event, args, context) => ({
          ...incomingRelations.resolve(event.relationsTo, args, context),
          totalCount: event._count.relationsTo,
        }),
      },
      {},
      { fields: (edge) => ({ kind: edge.field({ type: EventRelationKind, resolve: (relation) => relation.kind }) }) },
    ),
}));

builder.prismaObject('EventMention', {
  description: 'A passage of an article that reports an event.',
  fields: (t) => ({
    quote: t.field({
      type: Quote,
      select: { quote: true, start: true, end: true },
      resolve: (mention) => ({ text: mention.quote, start: mention.start, end: mention.end }),
    }),
    event: t.relation('event'),
    article: t.relation('article'),
    source: t.relation('source', { nullable: true, description: 'Who the article has this account from, when it says.' }),
  }),
});

export const EventOrder = builder.enumType('EventOrder', {
  values: {
    DATE_ASC: { description: 'Earliest first.' },
    DATE_DESC: { description: 'Latest first.' },
    MOST_REPORTED: { description: 'Reported by the most articles first (the biggest stories, with types: [STORY]); then the first stored first.' },
  } as const,
});

export const BackgroundInclusion = builder.enumType('BackgroundInclusion', {
  description: 'Whether background events (history a report recalls rather than its news: `Event.background`) are listed.',
  values: {
    EXCLUDE: { description: 'News only (the default): what timelines and exports show.' },
    INCLUDE: { description: 'News and background.' },
    ONLY: { description: 'Background only.' },
  } as const,
});

export const EventFilter = builder.inputType('EventFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: false, description: 'Events whose date reaches this day or later.' }),
    to: t.field({ type: 'Date', required: false, description: 'Events whose date starts on this day or earlier.' }),
    types: t.field({ type: [EventType], required: false }),
    place: t.id({ required: false, description: 'Events at this place or any place inside it.' }),
    person: t.id({ required: false }),
    organization: t.id({ required: false }),
    source: t.id({ required: false, description: 'Events reported on the authority of this source, or with figures it gave.' }),
    search: t.string({ required: false, description: 'Words in the title or in a reporting passage, ignoring case.', validate: z.string().max(200) }),
    minArticles: t.int({
      required: false,
      description: 'Only events reported by at least this many distinct articles.',
      validate: z.number().int().min(1, 'minArticles must be at least 1').max(100_000),
    }),
    background: t.field({
      type: BackgroundInclusion,
      required: false,
      description: 'Background events are left out unless INCLUDE or ONLY is given.',
    }),
  }),
});

/** Decodes the GraphQL filter (global IDs, descendants of a place) into the filter the timeline and lists share. */
export async function resolveEventFilterInput(
  prisma: PrismaClient,
  filter: typeof EventFilter.$inferInput | null | undefined,
): Promise<ResolvedEventFilter> {
  if (!filter) return {};
  return resolveEventFilter(prisma, {
    from: filter.from ?? null,
    to: filter.to ?? null,
    types: filter.types ?? null,
    placeId: filter.place ? decodeNodeIdOf(String(filter.place), ['Place'], 'filter.place').id : null,
    personId: filter.person ? decodeNodeIdOf(String(filter.person), ['Person'], 'filter.person').id : null,
    organizationId: filter.organization ? decodeNodeIdOf(String(filter.organization), ['Organization'], 'filter.organization').id : null,
    sourceId: filter.source ? decodeNodeIdOf(String(filter.source), ['Source'], 'filter.source').id : null,
    search: filter.search ?? null,
    minArticles: filter.minArticles ?? null,
    background: filter.background ?? null,
  });
}

export async function eventWhere(prisma: PrismaClient, filter: typeof EventFilter.$inferInput | null | undefined): Promise<Prisma.EventWhereInput> {
  return eventFilterWhere(await resolveEventFilterInput(prisma, filter));
}

export function eventOrderBy(order: 'DATE_ASC' | 'DATE_DESC' | 'MOST_REPORTED' | null | undefined): Prisma.EventOrderByWithRelationInput[] {
  // As the index on (articleCount DESC, id) reads them.
  if (order === 'MOST_REPORTED') return [{ articleCount: 'desc' }, { id: 'asc' }];
  const direction = order === 'DATE_DESC' ? 'desc' : 'asc';
  return [{ startsOn: direction }, { id: direction }];
}

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    description: 'Events, filtered, in date order or most reported first.',
    args: {
      filter: t.arg({ type: EventFilter, required: false }),
      orderBy: t.arg({ type: EventOrder, required: false, defaultValue: 'DATE_ASC' }),
    },
    totalCount: async (_parent, args, context) => context.prisma.event.count({ where: await eventWhere(context.prisma, args.filter) }),
    resolve: async (query, _parent, args, context) =>
      context.prisma.event.findMany({
        ...query,
        where: await eventWhere(context.prisma, args.filter),
        orderBy: eventOrderBy(args.orderBy),
      }),
  }),
}));

// --- curation ---------------------------------------------------------------------------------

const dateExpression = z.string().max(20).superRefine((value, issues) => {
  try {
    const span = eventDateFromExpressions(value);
    const outOfRange = dayOutOfRange(span.startsOn) ?? dayOutOfRange(span.endsOn);
    if (outOfRange) issues.addIssue({ code: 'custom', message: outOfRange });
  } catch (error) {
    issues.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const EventDateInput = builder.inputType('EventDateInput', {
  description: 'A date at the precision the sources give: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY; with an end for a range.',
  fields: (t) => ({
    start: t.string({ required: true, validate: dateExpression }),
    end: t.string({ required: false, validate: dateExpression }),
    approximate: t.boolean({ required: false }),
    text: t.string({ required: false, description: 'The date as the source wrote it.', validate: z.string().max(200) }),
  }),
});

function storedDate(input: typeof EventDateInput.$inferInput) {
  let span;
  try {
    span = eventDateFromExpressions(input.start, input.end);
  } catch (error) {
    if (error instanceof DateExpressionError) throw new UserInputError(`input.date.end: ${error.message}`, 'input.date.end');
    throw error;
  }
  const startsOn = new Date(`${span.startsOn}T00:00:00Z`);
  const endsOn = new Date(`${span.endsOn}T00:00:00Z`);
  const spanDays = Math.round((endsOn.getTime() - startsOn.getTime()) / 86_400_000);
  if (spanDays > maxEventSpanDays) {
    throw new UserInputError(
      `input.date: ${span.startsOn} to ${span.endsOn} is ${spanDays} days; an event may last at most ${maxEventSpanDays} days (100 years)`,
      'input.date.end',
    );
  }
  return {
    startsOn,
    endsOn,
    spanDays,
    precision: span.precision,
    approximate: input.approximate ?? false,
    dateText: input.text ?? null,
  };
}

const EventInput = builder.inputType('EventInput', {
  fields: (t) => ({
    title: t.string({ required: false, validate: z.string().trim().min(1, 'title must not be empty').max(500) }),
    summary: t.string({ required: false, validate: z.string().max(5000) }),
    type: t.field({ type: EventType, required: false }),
    date: t.field({ type: EventDateInput, required: false }),
  }),
});

async function requireEvent(prisma: PrismaClient, id: string | number, field = 'event'): Promise<number> {
  const eventId = decodeNodeIdOf(String(id), ['Event'], field).id;
  if (!(await prisma.event.findUnique({ where: { id: eventId }, select: { id: true } }))) {
    throw new NotFoundError(`${field}: no event has the ID ${id}`);
  }
  return eventId;
}

async function requirePlace(prisma: PrismaClient, id: string | number): Promise<number> {
  const placeId = decodeNodeIdOf(String(id), ['Place'], 'place').id;
  if (!(await prisma.place.findUnique({ where: { id: placeId }, select: { id: true } }))) {
    throw new NotFoundError(`place: no place has the ID ${id}`);
  }
  return placeId;
}

async function requireParticipant(prisma: PrismaClient, id: string | number) {
  const { typename, id: participantId } = decodeNodeIdOf(String(id), ['Person', 'Organization'], 'participant');
  const found =
    typename === 'Person'
      ? await prisma.person.findUnique({ where: { id: participantId }, select: { id: true } })
      : await prisma.organization.findUnique({ where: { id: participantId }, select: { id: true } });
  if (!found) throw new NotFoundError(`participant: no ${typename.toLowerCase()} has the ID ${id}`);
  return { typename, participantId };
}

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Adds an event by hand.',
    args: { input: t.arg({ type: EventInput, required: true }) },
    resolve: (query, _root, { input }, context) => {
      if (!input.title) throw new UserInputError('input.title is required to create an event', 'input.title');
      if (!input.date) throw new UserInputError('input.date is required to create an event', 'input.date');
      return context.prisma.event.create({
        ...query,
        data: { title: input.title, titleByCurator: true, summary: input.summary ?? null, type: input.type ?? 'OTHER', ...storedDate(input.date) },
      });
    },
  }),
  updateEvent: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Changes the fields given.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: EventInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const eventId = await requireEvent(context.prisma, id, 'id');
      return context.prisma.event.update({
        ...query,
        where: { id: eventId },
        data: {
          ...(input.title ? { title: input.title, titleByCurator: true } : {}),
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(input.type ? { type: input.type } : {}),
          ...(input.date ? storedDate(input.date) : {}),
        },
      });
    },
  }),
  linkEventPlace: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Says an event happened at (or came from, went to, targeted) a place. Linking twice changes nothing.',
    args: {
      event: t.arg.id({ required: true }),
      place: t.arg.id({ required: true }),
      role: t.arg({ type: PlaceRole, required: false, defaultValue: 'LOCATION' }),
    },
    resolve: async (query, _root, args, context) => {
      const eventId = await requireEvent(context.prisma, args.event);
      const placeId = await requirePlace(context.prisma, args.place);
      const role = args.role ?? 'LOCATION';
      await context.prisma.eventPlace.upsert({
        where: { eventId_placeId_role: { eventId, placeId, role } },
        create: { eventId, placeId, role },
        update: {},
      });
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
  unlinkEventPlace: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Removes a place from an event (in the given role, or in every role).',
    args: { event: t.arg.id({ required: true }), place: t.arg.id({ required: true }), role: t.arg({ type: PlaceRole, required: false }) },
    resolve: async (query, _root, args, context) => {
      const eventId = await requireEvent(context.prisma, args.event);
      const placeId = await requirePlace(context.prisma, args.place);
      await context.prisma.eventPlace.deleteMany({ where: { eventId, placeId, ...(args.role ? { role: args.role } : {}) } });
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
  linkEventParticipant: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Says a person or organisation took part in an event, in a role. Linking twice changes nothing.',
    args: {
      event: t.arg.id({ required: true }),
      participant: t.arg.id({ required: true, description: 'A Person or Organization ID.' }),
      role: t.arg({ type: ParticipantRole, required: false, defaultValue: 'ACTOR' }),
    },
    resolve: async (query, _root, args, context) => {
      const eventId = await requireEvent(context.prisma, args.event);
      const { typename, participantId } = await requireParticipant(context.prisma, args.participant);
      const role = args.role ?? 'ACTOR';
      if (typename === 'Person') {
        await context.prisma.eventPerson.upsert({
          where: { eventId_personId_role: { eventId, personId: participantId, role } },
          create: { eventId, personId: participantId, role },
          update: {},
        });
      } else {
        await context.prisma.eventOrganization.upsert({
          where: { eventId_organizationId_role: { eventId, organizationId: participantId, role } },
          create: { eventId, organizationId: participantId, role },
          update: {},
        });
      }
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
  unlinkEventParticipant: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Removes a person or organisation from an event (in the given role, or in every role).',
    args: {
      event: t.arg.id({ required: true }),
      participant: t.arg.id({ required: true }),
      role: t.arg({ type: ParticipantRole, required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const eventId = await requireEvent(context.prisma, args.event);
      const { typename, participantId } = await requireParticipant(context.prisma, args.participant);
      const role = args.role ? { role: args.role } : {};
      if (typename === 'Person') await context.prisma.eventPerson.deleteMany({ where: { eventId, personId: participantId, ...role } });
      else await context.prisma.eventOrganization.deleteMany({ where: { eventId, organizationId: participantId, ...role } });
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
  linkEvents: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Says one event is part of, responds to, or follows another. Returns the first event.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      kind: t.arg({ type: EventRelationKind, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const fromEventId = await requireEvent(context.prisma, args.from, 'from');
      const toEventId = await requireEvent(context.prisma, args.to, 'to');
      if (fromEventId === toEventId) throw new UserInputError('to: an event cannot be related to itself', 'to');
      await context.prisma.eventRelation.upsert({
        where: { fromEventId_toEventId_kind: { fromEventId, toEventId, kind: args.kind } },
        create: { fromEventId, toEventId, kind: args.kind },
        update: {},
      });
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: fromEventId } });
    },
  }),
  splitEvent: t.prismaField({
    authScopes: { admin: true },
    type: 'Event',
    description:
      'Moves what the given articles report of an event (their mentions and figures) to a new event with the same type, date, places and participants; returns the new event. For reports that were merged but tell of another event.',
    args: {
      event: t.arg.id({ required: true }),
      articles: t.arg.idList({ required: true, description: 'Article IDs whose reports move to the new event.' }),
      title: t.arg.string({ required: false, validate: z.string().trim().min(1).max(500) }),
    },
    resolve: async (query, _root, args, context) => {
      const eventId = await requireEvent(context.prisma, args.event);
      const articleIds = args.articles.map((id, index) => decodeNodeIdOf(String(id), ['Article'], `articles.${index}`).id);
      if (articleIds.length === 0) throw new UserInputError('articles: name at least one article to split off', 'articles');
      try {
        const { splitId } = await splitEvent(context.prisma, eventId, articleIds, args.title);
        return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: splitId } });
      } catch (error) {
        if (error instanceof SplitError) throw new UserInputError(error.message, 'articles');
        throw error;
      }
    },
  }),
  unlinkEvents: t.prismaField({
    authScopes: { curate: true },
    type: 'Event',
    description: 'Removes a relation between two events (of the given kind, or of every kind). Returns the first event.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      kind: t.arg({ type: EventRelationKind, required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const fromEventId = await requireEvent(context.prisma, args.from, 'from');
      const toEventId = await requireEvent(context.prisma, args.to, 'to');
      await context.prisma.eventRelation.deleteMany({ where: { fromEventId, toEventId, ...(args.kind ? { kind: args.kind } : {}) } });
      return context.prisma.event.findUniqueOrThrow({ ...query, where: { id: fromEventId } });
    },
  }),
}));

