import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import { isInMutationTransaction, isRetryableConflict } from '../db/mutation-transaction.js';
import type { ArticleFacts, EventFact, FactKey, TextSpan } from './facts.js';
import { isBackgroundDate } from './event-date.js';
import { distinctNames } from './names.js';
import {
  organizationLookup,
  organizationMatchKeys,
  personLookup,
  personMatchKeys,
  pickOwner,
  rememberOrganization,
  rememberPerson,
  resolveOrganization,
  resolvePerson,
  settleKindsByName,
  type KnownOrganizationName,
  type KnownPersonName,
} from './entity-resolution.js';
import { compatibleEventTypes, datesToLookUp, daysBetween, findSameEvent, widePlaceKinds, type EventLinks, type KnownEvent } from './same-event.js';
import { storyTerms } from '../ingest/extract/story-terms.js';
import { applyStoryPlaceCorrections } from './place-corrections.js';
import { chooseStory, leadPassage, readArticleContext, sharedEvidence, storyTitle, storyWindowDays, type ArticleContext, type ContextKey } from './stories.js';

export interface StoreCounts {
  people: number;
  organizations: number;
  places: number;
  sources: number;
  events: number;
  /** Stories (events of type STORY) the article founded or joined. */
  stories: number;
  claims: number;
  mentions: number;
}

export interface StoreResult {
  status: 'created' | 'unchanged';
  articleId: number;
  /** Entities and events created by this article (not those it linked to existing ones). */
  created: StoreCounts;
  /** Entities and events the article linked to, new or existing. */
  linked: StoreCounts;
}

export class FactsError extends Error {
  override name = 'FactsError';
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const emptyCounts = (): StoreCounts => ({ people: 0, organizations: 0, places: 0, sources: 0, events: 0, stories: 0, claims: 0, mentions: 0 });

/** Refuses facts that point at nothing or at the wrong words, before anything is written. */
export function checkFacts(facts: ArticleFacts): void {
  const { text } = facts.article;
  const keys = new Set<FactKey>();
  for (const list of [facts.people, facts.organizations, facts.places, facts.sources, facts.events]) {
    for (const fact of list) {
      if (keys.has(fact.key)) throw new FactsError(`fact key "${fact.key}" is used twice`);
      keys.add(fact.key);
    }
  }
  const checkSpan = (span: TextSpan, where: string) => {
    if (!(span.start >= 0 && span.end <= text.length && span.start <= span.end) || text.slice(span.start, span.end) !== span.text) {
      throw new FactsError(`${where}: span ${span.start}-${span.end} does not hold "${span.text}" in the article text`);
    }
  };
  const checkKey = (key: FactKey | undefined, where: string) => {
    if (key !== undefined && !keys.has(key)) throw new FactsError(`${where}: refers to "${key}", which no fact defines`);
  };
  const placeKeys = new Set(facts.places.map((fact) => fact.key));
  const personKeys = new Set(facts.people.map((fact) => fact.key));
  const organizationKeys = new Set(facts.organizations.map((fact) => fact.key));
  const sourceKeys = new Set(facts.sources.map((fact) => fact.key));
  const checkKind = (key: FactKey | undefined, ofKind: Set<FactKey>, kind: string, where: string) => {
    checkKey(key, where);
    if (key !== undefined && !ofKind.has(key)) throw new FactsError(`${where}: "${key}" is used as ${kind} but is not one`);
  };
  for (const list of [facts.people, facts.organizations, facts.places, facts.sources]) {
    for (const fact of list) for (const span of fact.mentions) checkSpan(span, fact.key);
  }
  for (const event of facts.events) {
    for (const mention of event.mentions) {
      checkSpan(mention, event.key);
      checkKey(mention.source, event.key);
    }
    event.places?.forEach((link) => checkKind(link.place, placeKeys, 'a place', event.key));
    event.people?.forEach((link) => checkKind(link.person, personKeys, 'a person', event.key));
    event.organizations?.forEach((link) => checkKind(link.organization, organizationKeys, 'an organization', event.key));
    event.relations?.forEach((relation) => checkKey(relation.to, event.key));
    if (event.date.endsOn < event.date.startsOn) throw new FactsError(`${event.key}: date ends before it starts`);
  }
  facts.claims.forEach((claim, index) => {
    if (!Number.isFinite(claim.value)) throw new FactsError(`claim ${index}: value ${claim.value} is not a finite number`);
    checkSpan(claim.quote, `claim ${index}`);
    checkKey(claim.event, `claim ${index}`);
    checkKind(claim.place, placeKeys, 'a place', `claim ${index}`);
    claim.sources.forEach((source) => checkKind(source, sourceKeys, 'a source', `claim ${index}`));
  });
  facts.places.forEach((place) => checkKey(place.parent, place.key));
  facts.sources.forEach((source) => {
    checkKey(source.person, source.key);
    checkKey(source.organization, source.key);
  });
  checkKey(facts.article.publisher, 'article.publisher');
  checkKey(facts.article.datelinePlace, 'article.datelinePlace');
}

function namesOf(fact: { name: string; aliases?: string[] }) {
  return distinctNames([fact.name, ...(fact.aliases ?? [])]);
}

const dayMs = 86_400_000;

// The advisory lock that storing an article holds ("newstor" in ASCII).
const storeLockKey = 0x6e_6577_7374_6f72n.toString();

/**
 * Waits for, then holds until the transaction ends, the lock that every change to stories and the known
 * graph takes: one article stored, or one story merge, at a time, whatever the number of processes.
 */
export async function holdStoreLock(tx: Pick<PrismaClient, '$queryRawUnsafe'>): Promise<void> {
  await tx.$queryRawUnsafe('SELECT pg_advisory_xact_lock($1::bigint)::text AS locked', storeLockKey);
}

function isoDay(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** What the graph already holds that this article's facts may name, read in one statement. */
interface KnownGraph {
  existingArticle: number | null;
  people: KnownPersonName[];
  organizations: KnownOrganizationName[];
  sources: (KnownOrganizationName & { kind: string })[];
  places: { id: number; key: string; countryCode: string | null }[];
  placesByGazetteer: { id: number; gazetteerId: string }[];
  events: KnownEvent[];
  /** Ids drawn from each table's sequence for the rows this article may create. */
  ids: Record<'people' | 'organizations' | 'places' | 'sources' | 'events' | 'claims' | 'articles', number[]>;
}

const readKnownGraph = `
SELECT json_build_object(
  'existingArticle', (SELECT id FROM "Article" WHERE "contentHash" = $1 OR ($2::text IS NOT NULL AND url = $2) ORDER BY id LIMIT 1),
  'people', (SELECT coalesce(json_agg(json_build_object('id', a."personId", 'name', a.name, 'key', a.key, 'surnameKey', a."surnameKey", 'spellingKey', a."spellingKey",
                'fullNamed', EXISTS (SELECT 1 FROM "PersonAlias" f WHERE f."personId" = a."personId" AND f."surnameKey" IS NOT NULL),
                'primary', a.key = (SELECT p."nameKey" FROM "Person" p WHERE p.id = a."personId")) ORDER BY a."personId"), '[]')
             FROM "PersonAlias" a WHERE a.key = ANY($3::text[]) OR a."surnameKey" = ANY($16::text[]) OR a."spellingKey" = ANY($17::text[])),
  'organizations', (SELECT coalesce(json_agg(json_build_object('id', a."organizationId", 'name', a.name, 'key', a.key, 'initialsKey', a."initialsKey", 'spellingKey', a."spellingKey",
                'fullNamed', EXISTS (SELECT 1 FROM "OrganizationAlias" f WHERE f."organizationId" = a."organizationId" AND f."initialsKey" IS NOT NULL)) ORDER BY a."organizationId"), '[]')
             FROM "OrganizationAlias" a WHERE a.key = ANY($4::text[]) OR a."initialsKey" = ANY($18::text[]) OR a."spellingKey" = ANY($19::text[])),
  'sources', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', a.name, 'key', a.key, 'kind', s.kind, 'initialsKey', a."initialsKey", 'spellingKey', a."spellingKey",
                'fullNamed', EXISTS (SELECT 1 FROM "SourceAlias" f WHERE f."sourceId" = a."sourceId" AND f."initialsKey" IS NOT NULL)) ORDER BY s.id), '[]')
              FROM "SourceAlias" a JOIN "Source" s ON s.id = a."sourceId" WHERE a.key = ANY($5::text[]) OR a."initialsKey" = ANY($20::text[]) OR a."spellingKey" = ANY($21::text[])),
  'places', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'key', a.key, 'countryCode', p."countryCode") ORDER BY p.id), '[]')
             FROM "PlaceAlias" a JOIN "Place" p ON p.id = a."placeId" WHERE a.key = ANY($6::text[])),
  'placesByGazetteer', (SELECT coalesce(json_agg(json_build_object('id', id, 'gazetteerId', "gazetteerId")), '[]') FROM "Place" WHERE "gazetteerId" = ANY($7::text[])),
  'events', (SELECT coalesce(json_agg(json_build_object(
                'id', e.id, 'type', e.type, 'precision', e.precision, 'startsOn', e."startsOn", 'endsOn', e."endsOn", 'title', e.title,
                'approximate', e.approximate, 'dateText', e."dateText", 'background', e.background,
                'places', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind)), '[]')
                           FROM "EventPlace" ep JOIN "Place" p ON p.id = ep."placeId" WHERE ep."eventId" = e.id),
                'people', (SELECT coalesce(json_agg("personId"), '[]') FROM "EventPerson" WHERE "eventId" = e.id),
                'organizations', (SELECT coalesce(json_agg("organizationId"), '[]') FROM "EventOrganization" WHERE "eventId" = e.id)
              ) ORDER BY e.id), '[]')
             FROM "Event" e WHERE e."startsOn" = ANY($8::date[]) AND e.type = ANY($15::text[]::"EventType"[])),
  'ids', json_build_object(
    'people', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Person"', 'id'))), '[]') FROM generate_series(1, $9::int)),
    'organizations', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Organization"', 'id'))), '[]') FROM generate_series(1, $10::int)),
    'places', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Place"', 'id'))), '[]') FROM generate_series(1, $11::int)),
    'sources', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Source"', 'id'))), '[]') FROM generate_series(1, $12::int)),
    'events', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Event"', 'id'))), '[]') FROM generate_series(1, $13::int)),
    'claims', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Claim"', 'id'))), '[]') FROM generate_series(1, $14::int)),
    'articles', (SELECT coalesce(json_agg(nextval(pg_get_serial_sequence('"Article"', 'id'))), '[]') FROM generate_series(1, 1))
  )
) AS known`;

// Every row of the article, written in one statement: data-modifying CTEs run together and the foreign keys
// are checked at the end of the statement, when parents and children are all in place.
const writeArticle = `
WITH
  data AS (SELECT $1::jsonb AS d),
  new_people AS (INSERT INTO "Person" (id, name, "nameKey", description)
    SELECT id, name, "nameKey", description FROM data, jsonb_to_recordset(d->'people') AS x(id int, name text, "nameKey" text, description text)),
  known_people AS (UPDATE "Person" p SET name = coalesce(x.name, p.name), "nameKey" = coalesce(x."nameKey", p."nameKey"), description = coalesce(p.description, x.description)
    FROM data, jsonb_to_recordset(d->'knownPeople') AS x(id int, name text, "nameKey" text, description text) WHERE p.id = x.id),
  new_organizations AS (INSERT INTO "Organization" (id, name, "nameKey", kind, description)
    SELECT id, name, "nameKey", kind::"OrganizationKind", description FROM data, jsonb_to_recordset(d->'organizations') AS x(id int, name text, "nameKey" text, kind text, description text)),
  known_organizations AS (UPDATE "Organization" o SET name = coalesce(x.name, o.name), "nameKey" = coalesce(x."nameKey", o."nameKey"), description = coalesce(o.description, x.description)
    FROM data, jsonb_to_recordset(d->'knownOrganizations') AS x(id int, name text, "nameKey" text, description text) WHERE o.id = x.id),
  new_places AS (INSERT INTO "Place" (id, name, "nameKey", kind, latitude, longitude, "countryCode", "gazetteerId", "parentId")
    SELECT id, name, "nameKey", kind::"PlaceKind", latitude, longitude, "countryCode", "gazetteerId", "parentId"
    FROM data, jsonb_to_recordset(d->'places') AS x(id int, name text, "nameKey" text, kind text, latitude float8, longitude float8, "countryCode" text, "gazetteerId" text, "parentId" int)),
  known_places AS (UPDATE "Place" p SET
      "parentId" = coalesce(p."parentId", CASE WHEN x."parentId" <> p.id THEN x."parentId" END),
      latitude = coalesce(p.latitude, x.latitude), longitude = coalesce(p.longitude, x.longitude),
      "countryCode" = coalesce(p."countryCode", x."countryCode")
    FROM data, jsonb_to_recordset(d->'knownPlaces') AS x(id int, "parentId" int, latitude float8, longitude float8, "countryCode" text)
    WHERE p.id = x.id),
  new_sources AS (INSERT INTO "Source" (id, name, "nameKey", kind, description, handle, "personId", "organizationId")
    SELECT id, name, "nameKey", kind::"SourceKind", description, handle, "personId", "organizationId"
    FROM data, jsonb_to_recordset(d->'sources') AS x(id int, name text, "nameKey" text, kind text, description text, handle text, "personId" int, "organizationId" int)),
  known_sources AS (UPDATE "Source" s SET
      "personId" = coalesce(s."personId", x."personId"), "organizationId" = coalesce(s."organizationId", x."organizationId"), handle = coalesce(s.handle, x.handle),
      kind = coalesce(x.kind::"SourceKind", s.kind)
    FROM data, jsonb_to_recordset(d->'knownSources') AS x(id int, "personId" int, "organizationId" int, handle text, kind text)
    WHERE s.id = x.id),
  person_aliases AS (INSERT INTO "PersonAlias" ("personId", name, key, "surnameKey", "spellingKey")
    SELECT owner, name, key, "surnameKey", "spellingKey" FROM data, jsonb_to_recordset(d->'personAliases') AS x(owner int, name text, key text, "surnameKey" text, "spellingKey" text) ON CONFLICT DO NOTHING),
  organization_aliases AS (INSERT INTO "OrganizationAlias" ("organizationId", name, key, "initialsKey", "spellingKey")
    SELECT owner, name, key, "initialsKey", "spellingKey" FROM data, jsonb_to_recordset(d->'organizationAliases') AS x(owner int, name text, key text, "initialsKey" text, "spellingKey" text) ON CONFLICT DO NOTHING),
  place_aliases AS (INSERT INTO "PlaceAlias" ("placeId", name, key)
    SELECT owner, name, key FROM data, jsonb_to_recordset(d->'placeAliases') AS x(owner int, name text, key text) ON CONFLICT DO NOTHING),
  source_aliases AS (INSERT INTO "SourceAlias" ("sourceId", name, key, "initialsKey", "spellingKey")
    SELECT owner, name, key, "initialsKey", "spellingKey" FROM data, jsonb_to_recordset(d->'sourceAliases') AS x(owner int, name text, key text, "initialsKey" text, "spellingKey" text) ON CONFLICT DO NOTHING),
  article AS (INSERT INTO "Article" (id, url, "contentHash", title, "publishedOn", "publishedAt", "publisherId", byline, "datelinePlaceId", text, format, "sourcePath")
    SELECT id, url, "contentHash", title, "publishedOn", "publishedAt", "publisherId", byline, "datelinePlaceId", text, format, "sourcePath"
    FROM data, jsonb_to_record(d->'article') AS x(id int, url text, "contentHash" text, title text, "publishedOn" date, "publishedAt" timestamptz, "publisherId" int, byline text, "datelinePlaceId" int, text text, format text, "sourcePath" text)),
  person_mentions AS (INSERT INTO "PersonMention" ("personId", "articleId", text, start, "end")
    SELECT owner, (d->'article'->>'id')::int, text, start, "end" FROM data, jsonb_to_recordset(d->'personMentions') AS x(owner int, text text, start int, "end" int) ON CONFLICT DO NOTHING),
  organization_mentions AS (INSERT INTO "OrganizationMention" ("organizationId", "articleId", text, start, "end")
    SELECT owner, (d->'article'->>'id')::int, text, start, "end" FROM data, jsonb_to_recordset(d->'organizationMentions') AS x(owner int, text text, start int, "end" int) ON CONFLICT DO NOTHING),
  place_mentions AS (INSERT INTO "PlaceMention" ("placeId", "articleId", text, start, "end")
    SELECT owner, (d->'article'->>'id')::int, text, start, "end" FROM data, jsonb_to_recordset(d->'placeMentions') AS x(owner int, text text, start int, "end" int) ON CONFLICT DO NOTHING),
  source_mentions AS (INSERT INTO "SourceMention" ("sourceId", "articleId", text, start, "end")
    SELECT owner, (d->'article'->>'id')::int, text, start, "end" FROM data, jsonb_to_recordset(d->'sourceMentions') AS x(owner int, text text, start int, "end" int) ON CONFLICT DO NOTHING),
  new_events AS (INSERT INTO "Event" (id, title, summary, type, "startsOn", "endsOn", "spanDays", precision, approximate, "dateText", background, "updatedAt")
    SELECT id, title, summary, type::"EventType", "startsOn", "endsOn", "endsOn" - "startsOn", precision::"DatePrecision", approximate, "dateText", background, now()
    FROM data, jsonb_to_recordset(d->'events') AS x(id int, title text, summary text, type text, "startsOn" date, "endsOn" date, precision text, approximate boolean, "dateText" text, background boolean)),
  known_events AS (UPDATE "Event" e SET "startsOn" = x."startsOn", "endsOn" = x."endsOn", "spanDays" = x."endsOn" - x."startsOn", precision = x.precision::"DatePrecision",
      approximate = x.approximate, "dateText" = x."dateText", background = x.background, "updatedAt" = now()
    FROM data, jsonb_to_recordset(d->'knownEvents') AS x(id int, "startsOn" date, "endsOn" date, precision text, approximate boolean, "dateText" text, background boolean)
    WHERE e.id = x.id),
  event_places AS (INSERT INTO "EventPlace" ("eventId", "placeId", role)
    SELECT event, owner, role::"PlaceRole" FROM data, jsonb_to_recordset(d->'eventPlaces') AS x(event int, owner int, role text) ON CONFLICT DO NOTHING),
  event_people AS (INSERT INTO "EventPerson" ("eventId", "personId", role)
    SELECT event, owner, role::"ParticipantRole" FROM data, jsonb_to_recordset(d->'eventPeople') AS x(event int, owner int, role text) ON CONFLICT DO NOTHING),
  event_organizations AS (INSERT INTO "EventOrganization" ("eventId", "organizationId", role)
    SELECT event, owner, role::"ParticipantRole" FROM data, jsonb_to_recordset(d->'eventOrganizations') AS x(event int, owner int, role text) ON CONFLICT DO NOTHING),
  event_mentions AS (INSERT INTO "EventMention" ("eventId", "articleId", "sourceId", quote, start, "end")
    SELECT event, (d->'article'->>'id')::int, source, quote, start, "end" FROM data, jsonb_to_recordset(d->'eventMentions') AS x(event int, source int, quote text, start int, "end" int)
    UNION ALL SELECT event, article, NULL, quote, start, "end" FROM data, jsonb_to_recordset(d->'storyMentions') AS x(event int, article int, quote text, start int, "end" int)
    ON CONFLICT DO NOTHING),
  known_stories AS (UPDATE "Event" e SET "startsOn" = least(e."startsOn", x."startsOn"), "endsOn" = greatest(e."endsOn", x."endsOn"),
      "spanDays" = greatest(e."endsOn", x."endsOn") - least(e."startsOn", x."startsOn"), "updatedAt" = now()
    FROM data, jsonb_to_recordset(d->'knownStories') AS x(id int, "startsOn" date, "endsOn" date)
    WHERE e.id = x.id),
  event_relations AS (INSERT INTO "EventRelation" ("fromEventId", "toEventId", kind)
    SELECT "from", "to", kind::"EventRelationKind" FROM data, jsonb_to_recordset(d->'eventRelations') AS x("from" int, "to" int, kind text) ON CONFLICT DO NOTHING),
  claims AS (INSERT INTO "Claim" (id, metric, value, qualifier, subject, "articleId", "eventId", "placeId", quote, "quoteStart", "quoteEnd", "reportedAt")
    SELECT id, metric::"ClaimMetric", value, qualifier::"ClaimQualifier", subject, (d->'article'->>'id')::int, event, place, quote, "quoteStart", "quoteEnd", "reportedAt"
    FROM data, jsonb_to_recordset(d->'claims') AS x(id int, metric text, value float8, qualifier text, subject text, event int, place int, quote text, "quoteStart" int, "quoteEnd" int, "reportedAt" date)),
  article_terms AS (INSERT INTO "ArticleTerm" ("articleId", term, count, "publishedOn")
    SELECT (d->'article'->>'id')::int, term, count, (d->'article'->>'publishedOn')::date FROM data, jsonb_to_recordset(d->'articleTerms') AS x(term text, count int)),
  -- In the order of the words, so that two articles stored at once lock the counts they share in one order.
  story_terms AS (INSERT INTO "StoryTerm" (term, articles)
    SELECT term, 1 FROM data, jsonb_to_recordset(d->'storyTerms') AS x(term text) ORDER BY term
    ON CONFLICT (term) DO UPDATE SET articles = "StoryTerm".articles + 1),
  claim_sources AS (INSERT INTO "ClaimSource" ("claimId", "sourceId")
    SELECT claim, source FROM data, jsonb_to_recordset(d->'claimSources') AS x(claim int, source int) ON CONFLICT DO NOTHING)
SELECT 1 AS written`;

/** Keeps Event.articleCount true for events whose mentions just changed. */
export async function recountEventArticles(tx: Pick<PrismaClient, '$executeRawUnsafe'>, eventIds: number[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "Event" e SET "articleCount" = (SELECT count(DISTINCT m."articleId") FROM "EventMention" m WHERE m."eventId" = e.id) WHERE e.id = ANY($1::int[])`,
    eventIds,
  );
}

/** Sources that are people or stand for people: their names are not acronyms of institutions. */
const personalSourceKinds = new Set(['PERSON', 'ANONYMOUS_OFFICIAL', 'SOCIAL_MEDIA_ACCOUNT']);

/** What storing one article builds up before its one write: the graph ids of its facts and the rows to write. */
interface ArticleWrite {
  read: KnownGraph;
  facts: ArticleFacts;
  names: Record<'people' | 'organizations' | 'places' | 'sources', ReturnType<typeof namesOf>[]>;
  /** The graph id of each fact key (entities, events). */
  ids: Map<FactKey, number>;
  rows: Record<string, unknown[]>;
  created: StoreCounts;
  /** Events (and the story) the article reports: their article counts change. */
  reportedEvents: Set<number>;
}

/** The next of the ids reserved for new rows of one table (the read reserves as many as the facts could need). */
function take(pool: number[]): number {
  return pool.shift()!;
}

function emptyRows(): Record<string, unknown[]> {
  return {
    people: [], knownPeople: [], organizations: [], knownOrganizations: [], places: [], knownPlaces: [], sources: [], knownSources: [],
    personAliases: [], organizationAliases: [], placeAliases: [], sourceAliases: [],
    personMentions: [], organizationMentions: [], placeMentions: [], sourceMentions: [],
    events: [], knownEvents: [], knownStories: [], eventPlaces: [], eventPeople: [], eventOrganizations: [], eventMentions: [], storyMentions: [], eventRelations: [],
    claims: [], claimSources: [],
  };
}

type Lookups = { people: ReturnType<typeof personLookup>; organizations: ReturnType<typeof organizationLookup>; sources: ReturnType<typeof organizationLookup> };

function keysOf(list: { key: string }[][]): string[] {
  return [...new Set(list.flat().map((name) => name.key))];
}

/** The names to look up: people by name as organisations too and the reverse, so that one name never becomes both. */
function lookupsFor(names: ArticleWrite['names']): Lookups {
  const people = personLookup(names.people);
  const organizations = organizationLookup(names.organizations);
  people.keys.push(...keysOf(names.organizations));
  organizations.keys.push(...keysOf(names.people));
  return { people, organizations, sources: organizationLookup(names.sources) };
}

/** Step 1: one statement reads what the graph knows under the facts' names and dates, and reserves ids. */
async function readKnownGraphFor(tx: Transaction, facts: ArticleFacts, hash: string, names: ArticleWrite['names'], lookups: Lookups): Promise<KnownGraph> {
  const [{ known }] = (await tx.$queryRawUnsafe(
    readKnownGraph,
    hash,
    facts.article.url ?? null,
    lookups.people.keys,
    lookups.organizations.keys,
    lookups.sources.keys,
    keysOf(names.places),
    facts.places.flatMap((place) => (place.gazetteerId ? [place.gazetteerId] : [])),
    datesToLookUp(facts.events, facts.article.publishedOn.slice(0, 10)),
    facts.people.length + facts.organizations.length,
    facts.people.length + facts.organizations.length,
    facts.places.length,
    facts.sources.length,
    facts.events.length + 1, // and a story
    facts.claims.length,
    [...new Set(facts.events.flatMap((event) => compatibleEventTypes(event.type)))],
    lookups.people.surnameKeys,
    lookups.people.spellingKeys,
    lookups.organizations.initialsKeys,
    lookups.organizations.spellingKeys,
    lookups.sources.initialsKeys,
    lookups.sources.spellingKeys,
  )) as [{ known: KnownGraph }];
  return known;
}

/** Step 2: a name the graph knows as the other kind joins that node (entity-resolution.ts says why). */
function settleKinds(facts: ArticleFacts, read: KnownGraph): ArticleFacts {
  return settleKindsByName(facts, (name, inArticle) => {
    const [own] = distinctNames([name]);
    return {
      person: inArticle.person ? resolvePerson([own!], read.people) !== undefined : read.people.some((row) => row.key === own!.key),
      organization: inArticle.organization ? resolveOrganization([own!], read.organizations) !== undefined : read.organizations.some((row) => row.key === own!.key),
    };
  });
}

/** Step 3: each person the graph knows under one of the fact's names is reused; the others are new. */
function settlePeople({ facts, read, rows, ids, created }: ArticleWrite): void {
  facts.people.forEach((person) => {
    const personNames = namesOf(person);
    const match = resolvePerson(personNames, read.people);
    let id = match?.id;
    if (id === undefined) {
      id = take(read.ids.people);
      rows.people!.push({ id, name: person.name, nameKey: personNames[0]!.key, description: person.description ?? null });
      created.people += 1;
    } else {
      // A full name is a better name than the surname the person was first stored under.
      const fuller = match!.rule === 'full name' ? { name: person.name, nameKey: personNames[0]!.key } : { name: null, nameKey: null };
      if (fuller.name || person.description) rows.knownPeople!.push({ id, ...fuller, description: person.description ?? null });
    }
    ids.set(person.key, id);
    for (const name of personNames) rows.personAliases!.push({ owner: id, ...name, ...personMatchKeys(name.name) });
    rememberPerson(read.people, id, personNames, match === undefined);
  });
}

/** Step 4: organisations, reused by name, acronym or spelling. */
function settleOrganizations({ facts, read, rows, ids, created }: ArticleWrite): void {
  facts.organizations.forEach((organization) => {
    const organizationNames = namesOf(organization);
    const match = resolveOrganization(organizationNames, read.organizations);
    let id = match?.id;
    if (id === undefined) {
      id = take(read.ids.organizations);
      rows.organizations!.push({
        id,
        name: organization.name,
        nameKey: organizationNames[0]!.key,
        kind: organization.kind,
        description: organization.description ?? null,
      });
      created.organizations += 1;
    } else {
      // The full name is a better name than the acronym the organisation was first stored under.
      const fuller = match!.rule === 'expansion' ? { name: organization.name, nameKey: organizationNames[0]!.key } : { name: null, nameKey: null };
      if (fuller.name || organization.description) rows.knownOrganizations!.push({ id, ...fuller, description: organization.description ?? null });
    }
    ids.set(organization.key, id);
    for (const name of organizationNames) rows.organizationAliases!.push({ owner: id, ...name, ...organizationMatchKeys(name.name) });
    rememberOrganization(read.organizations, id, organizationNames, {});
  });
}

/** Step 5: places, by gazetteer identity first, then by name within the same country; then their parents. */
function settlePlaces({ facts, names, read, rows, ids, created }: ArticleWrite): void {
  const newPlaceIds = new Set<number>();
  facts.places.forEach((place, index) => {
    const keys = names.places[index]!.map((name) => name.key);
    let id = place.gazetteerId ? read.placesByGazetteer.find((row) => row.gazetteerId === place.gazetteerId)?.id : undefined;
    // Without a gazetteer identity, a name only matches a place of the same country (or of none stated).
    id ??= pickOwner(read.places, keys, (row) => !place.countryCode || row.countryCode === null || row.countryCode === place.countryCode);
    if (id === undefined) {
      id = take(read.ids.places);
      newPlaceIds.add(id);
      created.places += 1;
    }
    ids.set(place.key, id);
    for (const name of names.places[index]!) rows.placeAliases!.push({ owner: id, ...name });
  });
  facts.places.forEach((place, index) => {
    const id = ids.get(place.key)!;
    const parentId = place.parent ? ids.get(place.parent)! : null;
    const coordinates = { latitude: place.latitude ?? null, longitude: place.longitude ?? null, countryCode: place.countryCode ?? null };
    if (newPlaceIds.has(id)) {
      newPlaceIds.delete(id);
      rows.places!.push({
        id,
        name: place.name,
        nameKey: names.places[index]![0]!.key,
        kind: place.kind,
        gazetteerId: place.gazetteerId && !read.placesByGazetteer.some((row) => row.gazetteerId === place.gazetteerId) ? place.gazetteerId : null,
        parentId: parentId !== id ? parentId : null,
        ...coordinates,
      });
    } else if (!rows.knownPlaces!.some((row) => (row as { id: number }).id === id)) {
      rows.knownPlaces!.push({ id, parentId, ...coordinates });
    }
  });
}

/** Step 6: sources, by name and kind; institutions also by acronym or spelling. */
function settleSources({ facts, names, read, rows, ids, created }: ArticleWrite): void {
  facts.sources.forEach((source, index) => {
    const sourceNames = names.sources[index]!;
    const keys = sourceNames.map((name) => name.key);
    const kindMatch = pickOwner(read.sources, keys, (row) => row.kind === source.kind);
    let id = kindMatch ?? pickOwner(read.sources, keys);
    // Institutions are also known by their acronym or another spelling; people and anonymous officials are not.
    if (id === undefined && !personalSourceKinds.has(source.kind)) {
      id = (resolveOrganization(sourceNames, read.sources, (row) => row.kind === source.kind) ?? resolveOrganization(sourceNames, read.sources))?.id;
    }
    const personId = source.person ? ids.get(source.person)! : null;
    const organizationId = source.organization ? ids.get(source.organization)! : null;
    if (id === undefined) {
      id = take(read.ids.sources);
      rows.sources!.push({
        id,
        name: source.name,
        nameKey: keys[0],
        kind: source.kind,
        description: source.description ?? null,
        handle: source.handle ?? null,
        personId,
        organizationId,
      });
      created.sources += 1;
    } else if (!rows.knownSources!.some((row) => (row as { id: number }).id === id)) {
      // A wire agency is one whichever article first named it otherwise ("Kyodo News" as a mere name).
      const becomesAgency = source.kind === 'NEWS_AGENCY' && read.sources.some((row) => row.id === id && row.kind !== 'NEWS_AGENCY');
      rows.knownSources!.push({ id, personId, organizationId, handle: source.handle ?? null, kind: becomesAgency ? 'NEWS_AGENCY' : null });
    }
    ids.set(source.key, id);
    for (const name of sourceNames) rows.sourceAliases!.push({ owner: id, ...name, ...organizationMatchKeys(name.name) });
    rememberOrganization(read.sources, id, sourceNames, { kind: source.kind });
  });

}

/** Step 7: the article's own row and the mentions of its entities. */
function articleRows({ facts, read, rows, ids }: ArticleWrite, hash: string) {
  const articleId = take(read.ids.articles);
  const { article: fact } = facts;
  const article = {
    id: articleId,
    url: fact.url ?? null,
    contentHash: hash,
    title: fact.title ?? null,
    publishedOn: fact.publishedOn.slice(0, 10),
    publishedAt: fact.publishedAt ?? null,
    publisherId: fact.publisher ? ids.get(fact.publisher)! : null,
    byline: fact.byline ?? null,
    datelinePlaceId: fact.datelinePlace ? ids.get(fact.datelinePlace)! : null,
    text: fact.text,
    format: fact.format,
    sourcePath: fact.sourcePath ?? null,
  };

  const mentionRows = (list: { key: FactKey; mentions: TextSpan[] }[], into: unknown[]) => {
    for (const entity of list) for (const span of entity.mentions) into.push({ owner: ids.get(entity.key)!, text: span.text, start: span.start, end: span.end });
  };
  mentionRows(facts.people, rows.personMentions!);
  mentionRows(facts.organizations, rows.organizationMentions!);
  mentionRows(facts.places, rows.placeMentions!);
  mentionRows(facts.sources, rows.sourceMentions!);

  return article;
}

/** What an article tells about its events beyond their sentences: their links as graph ids, and its context. */
interface ArticleEvidence {
  linksOf: (event: EventFact) => EventLinks;
  context: ArticleContext;
  contextNames: Map<ContextKey, { name: string; kind: 'person' | 'organization' | 'place' }>;
}

/** Step 8: the graph ids each event links to, and the article's context (who and where it names). */
function articleEvidence({ facts, ids }: ArticleWrite): ArticleEvidence {
  const placeKinds = new Map(facts.places.map((place) => [place.key, place.kind as string]));
  const mediaKeys = new Set(facts.organizations.filter((organization) => organization.kind === 'MEDIA').map((organization) => organization.key));
  const linksOf = (event: EventFact): EventLinks => ({
    places: (event.places ?? []).map((link) => ({ id: ids.get(link.place)!, kind: placeKinds.get(link.place) ?? 'OTHER' })),
    people: (event.people ?? []).map((link) => ids.get(link.person)!),
    // Media organisations (the wire agency naming itself) say nothing about the event: never shared evidence.
    organizations: (event.organizations ?? []).filter((link) => !mediaKeys.has(link.organization)).map((link) => ids.get(link.organization)!),
  });
  // The article's context: who and where it names, but media, continents, and countries it names only in
  // passing (a list of countries would join every story told there); names many articles use weigh little.
  const contextNames = new Map<ContextKey, { name: string; kind: 'person' | 'organization' | 'place' }>();
  for (const person of facts.people) contextNames.set(`p${ids.get(person.key)!}`, { name: person.name, kind: 'person' });
  for (const organization of facts.organizations) {
    if (!mediaKeys.has(organization.key)) contextNames.set(`o${ids.get(organization.key)!}`, { name: organization.name, kind: 'organization' });
  }
  for (const place of facts.places) {
    if (place.kind === 'CONTINENT' || (widePlaceKinds.has(place.kind) && place.mentions.length < 2)) continue;
    contextNames.set(`l${ids.get(place.key)!}`, { name: place.name, kind: 'place' });
  }
  const context: ArticleContext = { people: [], organizations: [], places: [] };
  for (const [key, { kind }] of contextNames) {
    (kind === 'person' ? context.people : kind === 'organization' ? context.organizations : context.places).push(Number(key.slice(1)));
  }
  return { linksOf, context, contextNames };
}

/** Step 9: the story context of the known events that only it could link to this article's, and the article's terms. */
async function readStoryContext(tx: Transaction, write: ArticleWrite, evidence: ArticleEvidence) {
  const { facts, read, rows } = write;
  const { linksOf, context } = evidence;
  const fact = facts.article;
  const wantingContext = new Set<number>();
  for (const event of facts.events) findSameEvent(read.events, event, linksOf(event), new Map(), wantingContext, fact.publishedOn.slice(0, 10));
  const terms = storyTerms(fact.text);
  const contextRead = await readArticleContext(tx, [...wantingContext], context, fact.publishedOn, terms.map((entry) => entry.term));
  // Every term counts towards how many articles use it; only the telling ones are looked up, so only they are kept.
  rows.storyTerms = terms;
  rows.articleTerms = terms.filter((entry) => contextRead.telling.includes(entry.term));
  return contextRead;
}

/** Step 10: each event joins the known event that findSameEvent finds, or is new; its links and mentions follow. */
function settleEvents(write: ArticleWrite, evidence: ArticleEvidence, contextRead: Awaited<ReturnType<typeof readArticleContext>>): void {
  const { facts, read, rows, ids, created, reportedEvents } = write;
  const fact = facts.article;
  const { linksOf } = evidence;
  const contextEvidence = new Map(Object.entries(contextRead.shared).map(([id, keys]) => [Number(id), sharedEvidence(keys, contextRead)]));
  // Known events whose date or background this report changes, written once each whatever it says of them.
  const changedEvents = new Map<number, KnownEvent>();
  for (const event of facts.events) {
    const links = linksOf(event);
    const same = findSameEvent(read.events, event, links, contextEvidence, undefined, fact.publishedOn.slice(0, 10));
    let eventId = same?.id;
    const background = event.background ?? isBackgroundDate(event.date, fact.publishedOn);
    if (same) {
      // A stated date beats a publication day: the event takes the date the new report gives.
      const sharper = event.date.precision === 'DAY' && same.precision === 'WEEK';
      const redated = ((same.dateText === null && same.approximate) || sharper) && event.date.text !== undefined && !event.date.approximate;
      if (redated) {
        same.dateText = event.date.text!;
        same.startsOn = event.date.startsOn;
        same.endsOn = event.date.endsOn;
        same.precision = event.date.precision;
        same.approximate = false;
      }
      // One report that tells it as news makes it news.
      const nowNews = same.background && !background;
      if (nowNews) same.background = false;
      if (redated || nowNews) changedEvents.set(same.id, same);
    }
    if (eventId === undefined) {
      eventId = take(read.ids.events);
      rows.events!.push({
        id: eventId,
        title: event.title,
        summary: event.summary ?? null,
        type: event.type,
        startsOn: event.date.startsOn,
        endsOn: event.date.endsOn,
        precision: event.date.precision,
        approximate: event.date.approximate ?? false,
        dateText: event.date.text ?? null,
        background,
      });
      created.events += 1;
    }
    reportedEvents.add(eventId);
    ids.set(event.key, eventId);
    for (const link of event.places ?? []) rows.eventPlaces!.push({ event: eventId, owner: ids.get(link.place)!, role: link.role });
    for (const link of event.people ?? []) rows.eventPeople!.push({ event: eventId, owner: ids.get(link.person)!, role: link.role });
    for (const link of event.organizations ?? []) rows.eventOrganizations!.push({ event: eventId, owner: ids.get(link.organization)!, role: link.role });
    for (const mention of event.mentions) {
      rows.eventMentions!.push({ event: eventId, source: mention.source ? ids.get(mention.source)! : null, quote: mention.text, start: mention.start, end: mention.end });
    }
  }
  rows.knownEvents = [...changedEvents.values()].map(({ id, startsOn, endsOn, precision, approximate, dateText, background }) => ({
    id, startsOn, endsOn, precision, approximate, dateText, background,
  }));
  for (const event of facts.events) {
    for (const relation of event.relations ?? []) {
      const from = ids.get(event.key)!;
      const to = ids.get(relation.to)!;
      if (from !== to) rows.eventRelations!.push({ from, to, kind: relation.kind });
    }
  }
}

/** Step 11: the story the article is a report of (joined or founded): its events become the story's parts, its lead a mention. */
function settleStory(write: ArticleWrite, evidence: ArticleEvidence, contextRead: Awaited<ReturnType<typeof readArticleContext>>) {
  const { facts, read, rows, ids, created, reportedEvents } = write;
  const fact = facts.article;
  const { contextNames } = evidence;
  const story = chooseStory(contextRead);
  // Read after the write, to apply the place corrections curators made in the story's reports.
  let storyOfArticle: number | undefined;
  let founderArticle: number | undefined;
  if (story.kind !== 'none') {
    const publishedOn = fact.publishedOn.slice(0, 10);
    // A story runs from its first report, or from the day a report says its events began, to its latest report.
    const reportedFrom = facts.events
      .filter((event) => event.date.precision === 'DAY' && event.date.text !== undefined && !event.date.approximate)
      .map((event) => event.date.startsOn)
      .filter((day) => day <= publishedOn && daysBetween(day, publishedOn) <= storyWindowDays)
      .reduce((earliest, day) => (day < earliest ? day : earliest), publishedOn);
    let storyId: number;
    if (story.kind === 'join') {
      storyId = story.story;
      rows.knownStories!.push({ id: storyId, startsOn: reportedFrom, endsOn: publishedOn });
    } else {
      storyId = take(read.ids.events);
      founderArticle = story.with.article;
      const founder = story.with.publishedOn.slice(0, 10);
      const startsOn = founder < reportedFrom ? founder : reportedFrom;
      const endsOn = founder > publishedOn ? founder : publishedOn;
      const mentionsInArticle = new Map<ContextKey, number>();
      for (const [list, prefix] of [[facts.people, 'p'], [facts.organizations, 'o'], [facts.places, 'l']] as const) {
        for (const entity of list) {
          const key = `${prefix}${ids.get(entity.key)!}`;
          mentionsInArticle.set(key, (mentionsInArticle.get(key) ?? 0) + entity.mentions.length);
        }
      }
      // Reports linked by their words alone may share no name: the title then comes from the article's own names.
      const shared = (story.shared.length ? story.shared : [...contextNames.keys()]).flatMap((key) => {
        const named = contextNames.get(key);
        return named ? [{ ...named, weight: sharedEvidence([key], contextRead), mentions: mentionsInArticle.get(key) ?? 0 }] : [];
      });
      // Dated by its reports: it was going on from the first to the latest, and began at or before the first.
      rows.events!.push({ id: storyId, title: storyTitle(shared), summary: null, type: 'STORY', startsOn, endsOn, precision: 'DAY', approximate: true, dateText: null, background: false });
      created.stories += 1;
      const lead = leadPassage(story.with.opening);
      rows.storyMentions!.push({ event: storyId, article: story.with.article, quote: lead.text, start: lead.start, end: lead.end });
      for (const part of story.with.events) rows.eventRelations!.push({ from: part, to: storyId, kind: 'PART_OF' });
    }
    const lead = leadPassage(fact.text);
    rows.eventMentions!.push({ event: storyId, source: null, quote: lead.text, start: lead.start, end: lead.end });
    for (const part of new Set(facts.events.map((event) => ids.get(event.key)!))) rows.eventRelations!.push({ from: part, to: storyId, kind: 'PART_OF' });
    // The story is where and among whom its reports meet: the names they share. Its places are those its
    // first two reports share: a later report's other places would let the story wander from place to place.
    for (const key of story.shared) {
      const id = Number(key.slice(1));
      if (key.startsWith('l')) {
        if (story.kind === 'found') rows.eventPlaces!.push({ event: storyId, owner: id, role: 'LOCATION' });
      } else if (key.startsWith('p')) rows.eventPeople!.push({ event: storyId, owner: id, role: 'OTHER' });
      else rows.eventOrganizations!.push({ event: storyId, owner: id, role: 'OTHER' });
    }
    reportedEvents.add(storyId);
    storyOfArticle = storyId;
  }
  return { story, storyOfArticle, founderArticle };
}

/** Step 12: the figures the article reports, with their sources. */
function claimRows({ facts, read, rows, ids, created }: ArticleWrite): void {
  const fact = facts.article;
  for (const claim of facts.claims) {
    const id = take(read.ids.claims);
    rows.claims!.push({
      id,
      metric: claim.metric,
      value: claim.value,
      qualifier: claim.qualifier,
      subject: claim.subject ?? null,
      event: claim.event ? ids.get(claim.event)! : null,
      place: claim.place ? ids.get(claim.place)! : null,
      quote: claim.quote.text,
      quoteStart: claim.quote.start,
      quoteEnd: claim.quote.end,
      reportedAt: (claim.reportedOn ?? fact.publishedOn).slice(0, 10),
    });
    for (const source of new Set(claim.sources)) rows.claimSources!.push({ claim: id, source: ids.get(source)! });
    created.claims += 1;
  }
}

/** What the article linked to, new or known. */
function linkedCounts({ facts, rows, ids }: ArticleWrite, storyFound: boolean): StoreCounts {
  const mentions =
    rows.personMentions!.length + rows.organizationMentions!.length + rows.placeMentions!.length + rows.sourceMentions!.length + rows.eventMentions!.length + rows.storyMentions!.length;
  const linked: StoreCounts = {
    people: new Set(facts.people.map((f) => ids.get(f.key))).size,
    organizations: new Set(facts.organizations.map((f) => ids.get(f.key))).size,
    places: new Set(facts.places.map((f) => ids.get(f.key))).size,
    sources: new Set(facts.sources.map((f) => ids.get(f.key))).size,
    events: new Set(facts.events.map((f) => ids.get(f.key))).size,
    stories: storyFound ? 1 : 0,
    claims: facts.claims.length,
    mentions,
  };
  return linked;
}

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Stores one article's facts in one transaction, in a fixed number of statements whatever the article holds:
 * one that reads what the graph already knows under the facts' names, one that writes every row. The same
 * article (by URL or content) again changes nothing. People, organisations, places and sources already in
 * the graph under any of the fact's names are reused (places by gazetteer identity first, then by name within
 * the same country); an event is reused when findSameEvent finds it (same type, near date, shared specific
 * place or participant), and takes the new report's stated date when it had only a publication day.
 */
export async function storeArticleFacts(prisma: PrismaClient, facts: ArticleFacts): Promise<StoreResult> {
  checkFacts(facts);
  const hash = contentHash(facts.article.text);
  const names = {
    people: facts.people.map(namesOf),
    organizations: facts.organizations.map(namesOf),
    places: facts.places.map(namesOf),
    sources: facts.sources.map(namesOf),
  };
  const lookups = lookupsFor(names);

  // Inside a mutation the transaction is the mutation's, and the mutation runs again on a conflict (write-log-plugin.ts).
  const attempts = isInMutationTransaction(prisma) ? 1 : maxStoreAttempts;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storeOnce(prisma, facts, hash, names, lookups);
    } catch (error) {
      // A serialization failure or deadlock (40001, 40P01) rolled the article back whole: store it again.
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

/** Runs of storing one article (outside a mutation) before a serialization failure or deadlock is reported. */
export const maxStoreAttempts = 3;

/** One attempt: the whole article in one transaction (see storeArticleFacts). */
function storeOnce(prisma: PrismaClient, facts: ArticleFacts, hash: string, names: ArticleWrite['names'], lookups: Lookups): Promise<StoreResult> {
  return prisma.$transaction(
    async (tx) => {
      // One article is stored at a time, whatever the number of processes sharing a server: two articles
      // naming a new place or person at once would otherwise both create it. Waiting comes before the read,
      // so that the read sees what the other article wrote.
      await holdStoreLock(tx);
      const read = await readKnownGraphFor(tx, facts, hash, names, lookups);
      if (read.existingArticle !== null) {
        return { status: 'unchanged' as const, articleId: read.existingArticle, created: emptyCounts(), linked: emptyCounts() };
      }
      const write: ArticleWrite = {
        read, facts: settleKinds(facts, read), names, ids: new Map(), rows: emptyRows(), created: emptyCounts(), reportedEvents: new Set(),
      };
      settlePeople(write);
      settleOrganizations(write);
      settlePlaces(write);
      settleSources(write);
      const article = articleRows(write, hash);
      const evidence = articleEvidence(write);
      const contextRead = await readStoryContext(tx, write, evidence);
      settleEvents(write, evidence, contextRead);
      const { story, storyOfArticle, founderArticle } = settleStory(write, evidence, contextRead);
      claimRows(write);

      await tx.$queryRawUnsafe(writeArticle, JSON.stringify({ ...write.rows, article }));
      if (storyOfArticle !== undefined) await applyStoryPlaceCorrections(tx, article.id, storyOfArticle, founderArticle);
      if (write.reportedEvents.size) await recountEventArticles(tx, [...write.reportedEvents]);
      const linked = linkedCounts(write, story.kind !== 'none');
      write.created.mentions = linked.mentions;
      return { status: 'created' as const, articleId: article.id, created: write.created, linked };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
