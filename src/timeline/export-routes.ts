// HTTP exports for timeline frontends that do not speak GraphQL: GET /export/timelinejs.json and
// GET /export/events.geojson, filtered with the same conditions as GraphQL's EventFilter, given as query parameters.
import type { Plugin } from 'graphql-yoga';
import type { Prisma, PrismaClient } from '../db/generated/prisma/client.js';
import { EventType as EventTypeValues, type EventType } from '../db/generated/prisma/enums.js';
import { isoDay } from '../graph/event-date.js';
import { dayProblem } from '../http/input-bounds.js';
import { currentRequestId } from '../http/request-id.js';
import { textProblem } from '../http/input-text.js';
import { decodeNodeIdOf, maxStoredId } from '../http/global-ids.js';
import { eventFilterWhere, resolveEventFilter, type BackgroundInclusion, type EventFilterInput } from './event-filter.js';
import { eventFeatureCollection } from './geojson.js';
import { eventTypeLabel, timelineDocument } from './timelinejs.js';

export const timelineJsPath = '/export/timelinejs.json';
export const geoJsonPath = '/export/events.geojson';
export const defaultExportLimit = 500;
export const maximumExportLimit = 5000;

/** The same bounds as GraphQL's EventFilter, so a URL and a query accept the same filters. */
const maximumSearchLength = 200;
const maximumMinArticles = 100_000;

const filterParameters = ['from', 'to', 'types', 'place', 'person', 'organization', 'source', 'search', 'minArticles', 'background'] as const;
const knownParameters: readonly string[] = [...filterParameters, 'limit', 'after'];
const eventTypes = Object.values(EventTypeValues) as EventType[];

/** A query parameter the client can fix; the message names it and says what is accepted. */
export class ExportParameterError extends Error {
  override name = 'ExportParameterError';
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

/** Where a page starts: after this (startsOn, id) in date order. Opaque to clients. */
interface EventCursor {
  startsOn: string;
  id: number;
}

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.startsOn}:${cursor.id}`, 'utf8').toString('base64url');
}

function decodeEventCursor(value: string): EventCursor {
  const decoded = /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  const match = /^(\d{4}-\d{2}-\d{2}):(\d{1,15})$/.exec(decoded);
  // A forged cursor can hold an impossible day or an ID no row can have: refused here, before any query.
  if (!match || dayProblem(match[1]!) || Number(match[2]) > maxStoredId) {
    throw new ExportParameterError('after', `after: "${value}" is not a cursor of this export; use the URL of the Link header (rel="next") as given`);
  }
  return { startsOn: match[1]!, id: Number(match[2]) };
}

export interface ExportRequest {
  filter: EventFilterInput;
  limit: number;
  after: EventCursor | null;
}

function singleValue(parameters: URLSearchParams, name: string): string | null {
  const values = parameters.getAll(name);
  if (values.length > 1) throw new ExportParameterError(name, `${name}: given ${values.length} times; give it once`);
  const value = values[0]?.trim();
  return value ? value : null;
}

function dayParameter(parameters: URLSearchParams, name: 'from' | 'to'): string | null {
  const value = singleValue(parameters, name);
  if (value == null) return null;
  const problem = dayProblem(value);
  if (problem) throw new ExportParameterError(name, `${name}: ${problem}`);
  return value;
}

function countParameter(parameters: URLSearchParams, name: string, minimum: number, maximum: number, whyMaximum: string): number | null {
  const value = singleValue(parameters, name);
  if (value == null) return null;
  if (!/^\d{1,9}$/.test(value)) throw new ExportParameterError(name, `${name}: "${value}" is not a whole number`);
  const count = Number(value);
  if (count < minimum) throw new ExportParameterError(name, `${name}: must be at least ${minimum}, got ${count}`);
  if (count > maximum) throw new ExportParameterError(name, `${name}: at most ${maximum}${whyMaximum}, got ${count}`);
  return count;
}

function nodeParameter(parameters: URLSearchParams, name: 'place' | 'person' | 'organization' | 'source', typename: string): number | null {
  const value = singleValue(parameters, name);
  if (value == null) return null;
  try {
    return decodeNodeIdOf(value, [typename], name).id;
  } catch (error) {
    const message = (error as Error).message;
    throw new ExportParameterError(name, message.startsWith(`${name}:`) ? message : `${name}: ${message}`);
  }
}

function typesParameter(parameters: URLSearchParams): EventType[] | null {
  const values = parameters.getAll('types').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (!values.length) return null;
  const unknown = values.filter((value) => !eventTypes.includes(value as EventType));
  if (unknown.length) {
    throw new ExportParameterError('types', `types: ${unknown.map((value) => `"${value}"`).join(', ')} is not an event type; use any of ${eventTypes.join(', ')}`);
  }
  return [...new Set(values)] as EventType[];
}

const backgroundValues: Record<string, BackgroundInclusion> = { exclude: 'EXCLUDE', include: 'INCLUDE', only: 'ONLY' };

function backgroundParameter(parameters: URLSearchParams): BackgroundInclusion | null {
  const value = singleValue(parameters, 'background');
  if (value == null) return null;
  const inclusion = backgroundValues[value.toLowerCase()];
  if (!inclusion) throw new ExportParameterError('background', `background: "${value}" is not one of exclude (the default), include, only`);
  return inclusion;
}

/** Reads and checks every parameter; the first problem found is thrown, naming its parameter. */
export function parseExportRequest(parameters: URLSearchParams): ExportRequest {
  for (const name of new Set(parameters.keys())) {
    if (!knownParameters.includes(name)) {
      throw new ExportParameterError(name, `${name}: not a parameter of this export; it takes ${knownParameters.join(', ')}`);
    }
  }
  const from = dayParameter(parameters, 'from');
  const to = dayParameter(parameters, 'to');
  if (from && to && from > to) throw new ExportParameterError('to', `to: ${to} is before from ${from}`);
  const search = singleValue(parameters, 'search');
  if (search && search.length > maximumSearchLength) {
    throw new ExportParameterError('search', `search: at most ${maximumSearchLength} characters, got ${search.length}`);
  }
  const searchProblem = search ? textProblem(search) : null;
  if (searchProblem) throw new ExportParameterError('search', `search: ${searchProblem}; remove it`);
  const after = singleValue(parameters, 'after');
  return {
    filter: {
      from,
      to,
      types: typesParameter(parameters),
      placeId: nodeParameter(parameters, 'place', 'Place'),
      personId: nodeParameter(parameters, 'person', 'Person'),
      organizationId: nodeParameter(parameters, 'organization', 'Organization'),
      sourceId: nodeParameter(parameters, 'source', 'Source'),
      search,
      minArticles: countParameter(parameters, 'minArticles', 1, maximumMinArticles, ''),
      background: backgroundParameter(parameters),
    },
    limit:
      countParameter(parameters, 'limit', 1, maximumExportLimit, ' events a page; follow the Link header (rel="next") for the pages after') ??
      defaultExportLimit,
    after: after == null ? null : decodeEventCursor(after),
  };
}

/** The filter in words for the TimelineJS title slide, with the names of the entities it names. */
async function describeFilter(prisma: PrismaClient, filter: EventFilterInput): Promise<string[]> {
  const [place, person, organization, source] = await Promise.all([
    filter.placeId != null ? prisma.place.findUnique({ where: { id: filter.placeId }, select: { name: true } }) : null,
    filter.personId != null ? prisma.person.findUnique({ where: { id: filter.personId }, select: { name: true } }) : null,
    filter.organizationId != null ? prisma.organization.findUnique({ where: { id: filter.organizationId }, select: { name: true } }) : null,
    filter.sourceId != null ? prisma.source.findUnique({ where: { id: filter.sourceId }, select: { name: true } }) : null,
  ]);
  const conditions: string[] = [];
  if (filter.from) conditions.push(`from ${filter.from}`);
  if (filter.to) conditions.push(`to ${filter.to}`);
  if (filter.types?.length) conditions.push(`of type ${filter.types.map(eventTypeLabel).join(' or ')}`);
  if (filter.placeId != null) conditions.push(`at ${place?.name ?? 'an unknown place'} or a place inside it`);
  if (filter.personId != null) conditions.push(`involving ${person?.name ?? 'an unknown person'}`);
  if (filter.organizationId != null) conditions.push(`involving ${organization?.name ?? 'an unknown organisation'}`);
  if (filter.sourceId != null) conditions.push(`on the authority of ${source?.name ?? 'an unknown source'}`);
  if (filter.search) conditions.push(`mentioning “${filter.search}”`);
  if (filter.minArticles != null) conditions.push(`reported by at least ${filter.minArticles} articles`);
  return conditions;
}

const dateOrder: Prisma.EventOrderByWithRelationInput[] = [{ startsOn: 'asc' }, { id: 'asc' }];

function afterCursor(cursor: EventCursor | null): Prisma.EventWhereInput {
  if (!cursor) return {};
  const day = new Date(`${cursor.startsOn}T00:00:00Z`);
  return { OR: [{ startsOn: { gt: day } }, { startsOn: day, id: { gt: cursor.id } }] };
}

/** Only events a map can place: at least one place with both coordinates. */
const located: Prisma.EventWhereInput = { places: { some: { place: { latitude: { not: null }, longitude: { not: null } } } } };

/** Splits the limit+1 rows a page query fetches into the page and the cursor of the next one. */
function pageOf<Row extends { id: number; startsOn: Date }>(rows: Row[], limit: number): { events: Row[]; next: EventCursor | null } {
  const events = rows.slice(0, limit);
  const last = events[events.length - 1];
  return { events, next: rows.length > limit && last ? { startsOn: isoDay(last.startsOn), id: last.id } : null };
}

/** The next page's URL: on the configured public URL, never on whatever Host the request named. */
function nextPageUrl(requestUrl: URL, next: EventCursor | null, publicUrl?: string): string | null {
  if (!next) return null;
  const url = new URL(`${(publicUrl ?? requestUrl.origin).replace(/\/+$/, '')}${requestUrl.pathname}${requestUrl.search}`);
  url.searchParams.set('after', encodeEventCursor(next));
  return url.toString();
}

/** JSON with <, >, & and line separators escaped: the same values, but inert if a page inlines or sniffs it as HTML. */
function inertJson(body: unknown): string {
  return JSON.stringify(body).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const corsHeaders = {
  'access-control-allow-origin': '*',
  // Without this, a cross-origin script cannot read the paging headers.
  'access-control-expose-headers': 'Link, X-Newsline-Limit, X-Newsline-Total',
};

type FetchAPI = { Response: typeof Response };

function exportResponse(fetchAPI: FetchAPI, body: unknown, contentType: string, headers: Record<string, string> = {}, status = 200): Response {
  return new fetchAPI.Response(inertJson(body), { status, headers: { 'content-type': contentType, ...corsHeaders, ...headers } });
}

function pagingHeaders(limit: number, total: number, next: string | null): Record<string, string> {
  return {
    'x-newsline-limit': String(limit),
    'x-newsline-total': String(total),
    ...(next ? { link: `<${next}>; rel="next"` } : {}),
  };
}

async function timelineJsExport(prisma: PrismaClient, request: ExportRequest, url: URL, fetchAPI: FetchAPI, publicUrl?: string): Promise<Response> {
  const where = eventFilterWhere(await resolveEventFilter(prisma, request.filter));
  const [total, rows, conditions] = await Promise.all([
    prisma.event.count({ where }),
    prisma.event.findMany({
      where: { AND: [where, afterCursor(request.after)] },
      orderBy: dateOrder,
      take: request.limit + 1,
      include: {
        places: { orderBy: { id: 'asc' }, select: { role: true, place: { select: { name: true } } } },
        mentions: {
          orderBy: [{ article: { publishedOn: 'asc' } }, { articleId: 'asc' }, { start: 'asc' }],
          take: 1,
          select: {
            quote: true,
            source: { select: { name: true } },
            article: { select: { url: true, title: true, publishedOn: true, publisher: { select: { name: true } } } },
          },
        },
      },
    }),
    describeFilter(prisma, request.filter),
  ]);
  const page = pageOf(rows, request.limit);
  const next = nextPageUrl(url, page.next, publicUrl);
  const document = timelineDocument(
    page.events,
    { conditions, total, limit: request.limit, nextPage: next, generatedAt: new Date() },
    { from: request.filter.from, to: request.filter.to },
  );
  return exportResponse(fetchAPI, document, 'application/json', pagingHeaders(request.limit, total, next));
}

async function geoJsonExport(prisma: PrismaClient, request: ExportRequest, url: URL, fetchAPI: FetchAPI, publicUrl?: string): Promise<Response> {
  const where: Prisma.EventWhereInput = { AND: [eventFilterWhere(await resolveEventFilter(prisma, request.filter)), located] };
  const [total, rows] = await Promise.all([
    prisma.event.count({ where }),
    prisma.event.findMany({
      where: { AND: [where, afterCursor(request.after)] },
      orderBy: dateOrder,
      take: request.limit + 1,
      include: {
        places: {
          orderBy: { id: 'asc' },
          select: { id: true, role: true, place: { select: { id: true, name: true, kind: true, latitude: true, longitude: true } } },
        },
        _count: { select: { mentions: true } },
      },
    }),
  ]);
  const page = pageOf(rows, request.limit);
  const next = nextPageUrl(url, page.next, publicUrl);
  const collection = eventFeatureCollection(page.events, { limit: request.limit, total, next, generatedAt: new Date().toISOString() });
  return exportResponse(fetchAPI, collection, 'application/geo+json', pagingHeaders(request.limit, total, next));
}

/**
 * The export routes as a Yoga plugin: it answers its two paths and lets every other request through.
 * publicUrl is where clients reach the server (the Link header's base); without it, the request's own URL.
 */
export function exportRoutes(prisma: PrismaClient, publicUrl?: string): Plugin {
  const exporters: Record<string, typeof timelineJsExport> = { [timelineJsPath]: timelineJsExport, [geoJsonPath]: geoJsonExport };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const exporter = exporters[url.pathname];
      if (!exporter) return;
      if (request.method === 'OPTIONS') {
        endResponse(new fetchAPI.Response(null, { status: 204, headers: { ...corsHeaders, 'access-control-allow-methods': 'GET, OPTIONS' } }));
        return;
      }
      if (request.method !== 'GET') {
        endResponse(exportResponse(fetchAPI, { error: `${request.method} is not supported here; use GET`, code: 'METHOD_NOT_ALLOWED' }, 'application/json', { allow: 'GET, OPTIONS' }, 405));
        return;
      }
      try {
        endResponse(await exporter(prisma, parseExportRequest(url.searchParams), url, fetchAPI, publicUrl));
      } catch (error) {
        if (error instanceof ExportParameterError) {
          endResponse(exportResponse(fetchAPI, { error: error.message, parameter: error.parameter, code: 'BAD_USER_INPUT' }, 'application/json', {}, 400));
          return;
        }
        const requestId = currentRequestId();
        console.error(`[request ${requestId}] export ${url.pathname} failed:`, error);
        endResponse(
          exportResponse(
            fetchAPI,
            { error: `the export failed on the server; the error is in the server log under request ${requestId}`, code: 'INTERNAL_SERVER_ERROR', requestId },
            'application/json',
            {},
            500,
          ),
        );
      }
    },
    // Yoga's CORS echoes the Origin and allows credentials; the exports are public data, open to every origin.
    onResponse({ request, response }) {
      if (!exporters[new URL(request.url).pathname]) return;
      response.headers.set('access-control-allow-origin', '*');
      response.headers.delete('access-control-allow-credentials');
    },
  };
}
