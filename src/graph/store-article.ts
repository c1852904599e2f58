import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../db/generated/prisma/client.js';
import type { ArticleFacts, EventFact, FactKey, PlaceFact, SourceFact, TextSpan } from './facts.js';
import { distinctNames } from './names.js';

type Transaction = Prisma.TransactionClient;

export interface StoreCounts {
  people: number;
  organizations: number;
  places: number;
  sources: number;
  events: number;
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

function day(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

const emptyCounts = (): StoreCounts => ({ people: 0, organizations: 0, places: 0, sources: 0, events: 0, claims: 0, mentions: 0 });

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
  for (const list of [facts.people, facts.organizations, facts.places, facts.sources]) {
    for (const fact of list) for (const span of fact.mentions) checkSpan(span, fact.key);
  }
  for (const event of facts.events) {
    for (const mention of event.mentions) {
      checkSpan(mention, event.key);
      checkKey(mention.source, event.key);
    }
    event.places?.forEach((link) => checkKey(link.place, event.key));
    event.people?.forEach((link) => checkKey(link.person, event.key));
    event.organizations?.forEach((link) => checkKey(link.organization, event.key));
    event.relations?.forEach((relation) => checkKey(relation.to, event.key));
    if (event.date.endsOn < event.date.startsOn) throw new FactsError(`${event.key}: date ends before it starts`);
  }
  facts.claims.forEach((claim, index) => {
    if (!Number.isFinite(claim.value)) throw new FactsError(`claim ${index}: value ${claim.value} is not a finite number`);
    checkSpan(claim.quote, `claim ${index}`);
    checkKey(claim.event, `claim ${index}`);
    checkKey(claim.place, `claim ${index}`);
    claim.sources.forEach((source) => checkKey(source, `claim ${index}`));
  });
  facts.places.forEach((place) => checkKey(place.parent, place.key));
  facts.sources.forEach((source) => {
    checkKey(source.person, source.key);
    checkKey(source.organization, source.key);
  });
  checkKey(facts.article.publisher, 'article.publisher');
  checkKey(facts.article.datelinePlace, 'article.datelinePlace');
}

type AliasTable = 'PersonAlias' | 'OrganizationAlias' | 'PlaceAlias' | 'SourceAlias';

const aliasOwner: Record<AliasTable, string> = {
  PersonAlias: 'personId',
  OrganizationAlias: 'organizationId',
  PlaceAlias: 'placeId',
  SourceAlias: 'sourceId',
};

/**
 * The oldest entity known under any of the names, preferring one known under the first (its own) name.
 * `extra` narrows the owners with a condition on the owner table (aliased "owner").
 */
async function findByNames(
  tx: Transaction,
  table: AliasTable,
  keys: string[],
  extra?: { ownerTable: string; condition: string; value: unknown },
): Promise<number | undefined> {
  if (!keys.length) return undefined;
  const column = aliasOwner[table];
  const join = extra ? ` JOIN "${extra.ownerTable}" owner ON owner.id = alias."${column}" AND ${extra.condition}` : '';
  const rows = await tx.$queryRawUnsafe<{ owner: number; key: string }[]>(
    `SELECT alias."${column}" AS owner, alias.key FROM "${table}" alias${join} WHERE alias.key = ANY($1::text[]) ORDER BY alias."${column}"`,
    keys,
    ...(extra ? [extra.value] : []),
  );
  return (rows.find((row) => row.key === keys[0]) ?? rows[0])?.owner;
}

function namesOf(fact: { name: string; aliases?: string[] }) {
  return distinctNames([fact.name, ...(fact.aliases ?? [])]);
}

async function resolvePlace(tx: Transaction, place: PlaceFact, created: StoreCounts): Promise<number> {
  const names = namesOf(place);
  const byGazetteer = place.gazetteerId
    ? await tx.place.findUnique({ where: { gazetteerId: place.gazetteerId }, select: { id: true } })
    : null;
  let id = byGazetteer?.id;
  // Without a gazetteer identity, a name only matches a place of the same country (or of none stated).
  id ??= await findByNames(
    tx,
    'PlaceAlias',
    names.map((name) => name.key),
    place.countryCode ? { ownerTable: 'Place', condition: '(owner."countryCode" IS NULL OR owner."countryCode" = $2)', value: place.countryCode } : undefined,
  );
  if (id === undefined) {
    const row = await tx.place.create({
      data: {
        name: place.name,
        nameKey: names[0]!.key,
        kind: place.kind,
        latitude: place.latitude ?? null,
        longitude: place.longitude ?? null,
        countryCode: place.countryCode ?? null,
        gazetteerId: place.gazetteerId ?? null,
      },
      select: { id: true },
    });
    created.places += 1;
    id = row.id;
  } else {
    // Fill in what the stored place lacks; never overwrite what is there.
    const stored = await tx.place.findUniqueOrThrow({ where: { id } });
    const fill: Prisma.PlaceUpdateInput = {};
    if (stored.latitude === null && place.latitude !== undefined) fill.latitude = place.latitude;
    if (stored.longitude === null && place.longitude !== undefined) fill.longitude = place.longitude;
    if (stored.countryCode === null && place.countryCode) fill.countryCode = place.countryCode;
    if (stored.gazetteerId === null && place.gazetteerId && !byGazetteer) fill.gazetteerId = place.gazetteerId;
    if (Object.keys(fill).length) await tx.place.update({ where: { id }, data: fill });
  }
  await tx.placeAlias.createMany({ data: names.map((name) => ({ ...name, placeId: id })), skipDuplicates: true });
  return id;
}

async function resolveSource(tx: Transaction, source: SourceFact, ids: Map<FactKey, number>, created: StoreCounts): Promise<number> {
  const names = namesOf(source);
  let id = await findByNames(
    tx,
    'SourceAlias',
    names.map((name) => name.key),
    { ownerTable: 'Source', condition: 'owner.kind = CAST($2 AS "SourceKind")', value: source.kind },
  );
  const personId = source.person ? ids.get(source.person) ?? null : null;
  const organizationId = source.organization ? ids.get(source.organization) ?? null : null;
  if (id === undefined) {
    const row = await tx.source.create({
      data: {
        name: source.name,
        nameKey: names[0]!.key,
        kind: source.kind,
        description: source.description ?? null,
        handle: source.handle ?? null,
        personId,
        organizationId,
      },
      select: { id: true },
    });
    created.sources += 1;
    id = row.id;
  } else {
    const stored = await tx.source.findUniqueOrThrow({ where: { id } });
    const fill: Prisma.SourceUncheckedUpdateInput = {};
    if (stored.personId === null && personId !== null) fill.personId = personId;
    if (stored.organizationId === null && organizationId !== null) fill.organizationId = organizationId;
    if (stored.handle === null && source.handle) fill.handle = source.handle;
    if (Object.keys(fill).length) await tx.source.update({ where: { id }, data: fill });
  }
  await tx.sourceAlias.createMany({ data: names.map((name) => ({ ...name, sourceId: id })), skipDuplicates: true });
  return id;
}

const dayMs = 86_400_000;

/**
 * An event already in the graph that this fact reports too: same type and date precision, a start within
 * a day (reports disagree across time zones), and a shared place, participant or title. Events the same
 * article already stands for are left out: one article telling of two events means two events.
 */
async function findSameEvent(
  tx: Transaction,
  event: EventFact,
  links: { placeIds: number[]; personIds: number[]; organizationIds: number[] },
  takenByArticle: number[],
): Promise<number | undefined> {
  const shared: Prisma.EventWhereInput[] = [{ title: { equals: event.title, mode: 'insensitive' } }];
  if (links.placeIds.length) shared.push({ places: { some: { placeId: { in: links.placeIds } } } });
  if (links.personIds.length) shared.push({ people: { some: { personId: { in: links.personIds } } } });
  if (links.organizationIds.length) shared.push({ organizations: { some: { organizationId: { in: links.organizationIds } } } });
  const start = day(event.date.startsOn).getTime();
  const slack = event.date.precision === 'DAY' ? dayMs : 0;
  const match = await tx.event.findFirst({
    where: {
      type: event.type,
      precision: event.date.precision,
      startsOn: { gte: new Date(start - slack), lte: new Date(start + slack) },
      id: { notIn: takenByArticle },
      OR: shared,
    },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return match?.id;
}

function idsOf(ids: Map<FactKey, number>, keys: (FactKey | undefined)[]): number[] {
  return keys.flatMap((key) => (key !== undefined && ids.has(key) ? [ids.get(key)!] : []));
}

/**
 * Stores one article's facts in one transaction. The same article (by URL or content) again changes
 * nothing. People, organisations, places and sources already in the graph under any of the fact's
 * names are reused; an event is reused when an existing event of the same type overlaps its dates and
 * shares a place, a participant or its title.
 */
export async function storeArticleFacts(prisma: PrismaClient, facts: ArticleFacts): Promise<StoreResult> {
  checkFacts(facts);
  const hash = contentHash(facts.article.text);
  const existing = await prisma.article.findFirst({
    where: { OR: [{ contentHash: hash }, ...(facts.article.url ? [{ url: facts.article.url }] : [])] },
    select: { id: true },
  });
  if (existing) return { status: 'unchanged', articleId: existing.id, created: emptyCounts(), linked: emptyCounts() };

  return prisma.$transaction(
    async (tx) => {
      const created = emptyCounts();
      const ids = new Map<FactKey, number>();

      for (const person of facts.people) {
        const names = namesOf(person);
        let id = await findByNames(tx, 'PersonAlias', names.map((name) => name.key));
        if (id === undefined) {
          id = (await tx.person.create({ data: { name: person.name, nameKey: names[0]!.key, description: person.description ?? null } })).id;
          created.people += 1;
        }
        await tx.personAlias.createMany({ data: names.map((name) => ({ ...name, personId: id })), skipDuplicates: true });
        ids.set(person.key, id);
      }
      for (const organization of facts.organizations) {
        const names = namesOf(organization);
        let id = await findByNames(tx, 'OrganizationAlias', names.map((name) => name.key));
        if (id === undefined) {
          id = (
            await tx.organization.create({
              data: { name: organization.name, nameKey: names[0]!.key, kind: organization.kind, description: organization.description ?? null },
            })
          ).id;
          created.organizations += 1;
        }
        await tx.organizationAlias.createMany({ data: names.map((name) => ({ ...name, organizationId: id })), skipDuplicates: true });
        ids.set(organization.key, id);
      }
      for (const place of facts.places) ids.set(place.key, await resolvePlace(tx, place, created));
      for (const place of facts.places) {
        if (!place.parent) continue;
        const parentId = ids.get(place.parent)!;
        const placeId = ids.get(place.key)!;
        if (parentId !== placeId) await tx.place.updateMany({ where: { id: placeId, parentId: null }, data: { parentId } });
      }
      for (const source of facts.sources) ids.set(source.key, await resolveSource(tx, source, ids, created));

      const { article: fact } = facts;
      const article = await tx.article.create({
        data: {
          url: fact.url ?? null,
          contentHash: hash,
          title: fact.title ?? null,
          publishedOn: day(fact.publishedOn),
          publishedAt: fact.publishedAt ? new Date(fact.publishedAt) : null,
          publisherId: fact.publisher ? ids.get(fact.publisher)! : null,
          byline: fact.byline ?? null,
          datelinePlaceId: fact.datelinePlace ? ids.get(fact.datelinePlace)! : null,
          text: fact.text,
          format: fact.format,
          sourcePath: fact.sourcePath ?? null,
        },
        select: { id: true },
      });
      const articleId = article.id;

      const mentionRows = <Owner extends string>(owner: Owner, list: { key: FactKey; mentions: TextSpan[] }[]) =>
        list.flatMap((entity) =>
          entity.mentions.map((span) => ({ [owner]: ids.get(entity.key)!, articleId, text: span.text, start: span.start, end: span.end }) as Record<Owner, number> & { articleId: number; text: string; start: number; end: number }),
        );
      const mentionCounts = await Promise.all([
        tx.personMention.createMany({ data: mentionRows('personId', facts.people), skipDuplicates: true }),
        tx.organizationMention.createMany({ data: mentionRows('organizationId', facts.organizations), skipDuplicates: true }),
        tx.placeMention.createMany({ data: mentionRows('placeId', facts.places), skipDuplicates: true }),
        tx.sourceMention.createMany({ data: mentionRows('sourceId', facts.sources), skipDuplicates: true }),
      ]);
      let mentions = mentionCounts.reduce((sum, result) => sum + result.count, 0);

      for (const event of facts.events) {
        const placeIds = idsOf(ids, (event.places ?? []).map((link) => link.place));
        const personIds = idsOf(ids, (event.people ?? []).map((link) => link.person));
        const organizationIds = idsOf(ids, (event.organizations ?? []).map((link) => link.organization));
        const takenByArticle = facts.events.flatMap((other) => (ids.has(other.key) ? [ids.get(other.key)!] : []));
        let eventId = await findSameEvent(tx, event, { placeIds, personIds, organizationIds }, takenByArticle);
        if (eventId === undefined) {
          eventId = (
            await tx.event.create({
              data: {
                title: event.title,
                summary: event.summary ?? null,
                type: event.type,
                startsOn: day(event.date.startsOn),
                endsOn: day(event.date.endsOn),
                precision: event.date.precision,
                approximate: event.date.approximate ?? false,
                dateText: event.date.text ?? null,
              },
            })
          ).id;
          created.events += 1;
        }
        ids.set(event.key, eventId);
        const id = eventId;
        await tx.eventPlace.createMany({
          data: (event.places ?? []).map((link) => ({ eventId: id, placeId: ids.get(link.place)!, role: link.role })),
          skipDuplicates: true,
        });
        await tx.eventPerson.createMany({
          data: (event.people ?? []).map((link) => ({ eventId: id, personId: ids.get(link.person)!, role: link.role })),
          skipDuplicates: true,
        });
        await tx.eventOrganization.createMany({
          data: (event.organizations ?? []).map((link) => ({ eventId: id, organizationId: ids.get(link.organization)!, role: link.role })),
          skipDuplicates: true,
        });
        const eventMentions = await tx.eventMention.createMany({
          data: event.mentions.map((mention) => ({
            eventId: id,
            articleId,
            sourceId: mention.source ? ids.get(mention.source)! : null,
            quote: mention.text,
            start: mention.start,
            end: mention.end,
          })),
          skipDuplicates: true,
        });
        mentions += eventMentions.count;
      }
      for (const event of facts.events) {
        const fromEventId = ids.get(event.key)!;
        const relations = (event.relations ?? [])
          .map((relation) => ({ fromEventId, toEventId: ids.get(relation.to)!, kind: relation.kind }))
          .filter((relation) => relation.fromEventId !== relation.toEventId);
        await tx.eventRelation.createMany({ data: relations, skipDuplicates: true });
      }

      for (const claim of facts.claims) {
        const stored = await tx.claim.create({
          data: {
            metric: claim.metric,
            value: claim.value,
            qualifier: claim.qualifier,
            subject: claim.subject ?? null,
            articleId,
            eventId: claim.event ? ids.get(claim.event)! : null,
            placeId: claim.place ? ids.get(claim.place)! : null,
            quote: claim.quote.text,
            quoteStart: claim.quote.start,
            quoteEnd: claim.quote.end,
            reportedAt: day(claim.reportedOn ?? fact.publishedOn),
          },
          select: { id: true },
        });
        await tx.claimSource.createMany({
          data: [...new Set(claim.sources)].map((source) => ({ claimId: stored.id, sourceId: ids.get(source)! })),
          skipDuplicates: true,
        });
        created.claims += 1;
      }

      const linked: StoreCounts = {
        people: new Set(facts.people.map((fact) => ids.get(fact.key))).size,
        organizations: new Set(facts.organizations.map((fact) => ids.get(fact.key))).size,
        places: new Set(facts.places.map((fact) => ids.get(fact.key))).size,
        sources: new Set(facts.sources.map((fact) => ids.get(fact.key))).size,
        events: new Set(facts.events.map((fact) => ids.get(fact.key))).size,
        claims: facts.claims.length,
        mentions,
      };
      created.mentions = mentions;
      return { status: 'created' as const, articleId, created, linked };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

