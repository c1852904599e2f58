// One article's extraction turned into the facts the graph stores (src/graph/facts.ts): entities grouped
// per article, places resolved against the gazetteer (with their parents), sources, events and claims
// linked by key, every fact keeping the spans that support it.
import type { ArticleFacts, ClaimFact, EventFact, FactKey, OrganizationFact, PersonFact, PlaceFact, SourceFact, TextSpan } from '../../graph/facts.js';
import { nameKey } from '../../graph/names.js';
import type { OrganizationKind, SourceKind } from '../../db/generated/prisma/enums.js';
import type { ExtractedDocument } from './document.js';
import type { EntityMention } from './entities.js';
import { clusterEntities, normalCaseName } from './entity-clusters.js';
import { placeByGazetteerId, resolvePlaceName, type GazetteerPlace } from './gazetteer.js';

const organizationKindRules: [RegExp, OrganizationKind][] = [
  [/\b(?:health (?:ministry|authorit(?:y|ies)|officials)|ministry of health|who)\b/i, 'HEALTH_AUTHORITY'],
  [/\b(?:army|armed forces|defen[cs]e forces|military|navy|air force|forces|troops|idf|marines|guard)\b/i, 'MILITARY'],
  [/\b(?:ministry|government|administration|cabinet|parliament|congress|senate|white house|kremlin|state department|pentagon|council of ministers|presidency|police)\b/i, 'GOVERNMENT'],
  [/\b(?:united nations|u\.?n\.?|nato|european union|eu|world bank|imf|unicef|unrwa|red cross|red crescent|african union|arab league|opec|osce|interpol)\b/i, 'INTERNATIONAL_ORGANIZATION'],
  [/\b(?:reuters|afp|agence france|associated press|ap|bbc|cnn|epa|efe|xinhua|tass|itar|interfax|times|post|journal|news|television|radio|agency|press)\b/i, 'MEDIA'],
  [/\b(?:party|congress party|front|movement|alliance|union of)\b/i, 'POLITICAL_PARTY'],
  [/\b(?:hamas|hezbollah|hizbollah|taliban|al-qaeda|al qaeda|isis|islamic state|brigades?|militia|rebels?|guerrillas?|jihad|eta|ira|farc|khmer rouge|tigers)\b/i, 'ARMED_GROUP'],
  [/\b(?:church|synagogue|mosque|community|chabad|diocese|vatican|patriarchate)\b/i, 'RELIGIOUS'],
  [/\b(?:amnesty|human rights watch|greenpeace|oxfam|foundation|doctors without borders|msf|charity|ngo)\b/i, 'NGO'],
  [/\b(?:inc|corp|corporation|ltd|plc|company|co|group|bank|airlines?|motors|holdings?|gmbh|ag|sa)\b\.?$/i, 'COMPANY'],
];

export function organizationKindOf(name: string): OrganizationKind {
  return organizationKindRules.find(([pattern]) => pattern.test(name))?.[1] ?? 'OTHER';
}

const sourceKindOfOrganization: Partial<Record<OrganizationKind, SourceKind>> = {
  GOVERNMENT: 'GOVERNMENT',
  MILITARY: 'MILITARY',
  ARMED_GROUP: 'ARMED_GROUP',
  HEALTH_AUTHORITY: 'HEALTH_AUTHORITY',
  INTERNATIONAL_ORGANIZATION: 'INTERNATIONAL_ORGANIZATION',
  NGO: 'NGO',
  MEDIA: 'PUBLISHER',
};

function spanOf(text: string, range: { start: number; end: number }): TextSpan {
  return { start: range.start, end: range.end, text: text.slice(range.start, range.end) };
}

function slug(text: string): string {
  return nameKey(text).replace(/ /g, '-').slice(0, 60) || 'x';
}

function placeFactsFor(place: GazetteerPlace, byGazetteerId: Map<string, PlaceFact>, facts: PlaceFact[]): PlaceFact {
  const known = byGazetteerId.get(place.gazetteerId);
  if (known) return known;
  const fact: PlaceFact = {
    key: `pl:${place.gazetteerId}`,
    name: place.name,
    kind: place.kind === 'CONTINENT' ? 'CONTINENT' : place.kind,
    aliases: place.aliases.slice(0, 20),
    latitude: place.latitude,
    longitude: place.longitude,
    gazetteerId: place.gazetteerId,
    mentions: [],
    ...(place.countryCode ? { countryCode: place.countryCode } : {}),
  };
  byGazetteerId.set(place.gazetteerId, fact);
  facts.push(fact);
  if (place.parent) fact.parent = placeFactsFor(place.parent, byGazetteerId, facts).key;
  return fact;
}

/** Turns one article's extraction into the facts the graph stores. */
export function toArticleFacts(extracted: ExtractedDocument): ArticleFacts {
  const { text } = extracted;
  // Named entities first, so that the events' indexes into them hold; then the places mentioned without a name.
  const entities: EntityMention[] = [...extracted.entities, ...(extracted.placeMentions ?? [])];
  const clusters = clusterEntities(entities, text);
  const keyOfEntity = new Map<number, string>();

  const people: PersonFact[] = [];
  const organizations: OrganizationFact[] = [];
  const places: PlaceFact[] = [];
  const placesByGazetteerId = new Map<string, PlaceFact>();
  const usedKeys = new Set<string>();
  const uniqueKey = (base: string) => {
    let key = base;
    for (let n = 2; usedKeys.has(key); n += 1) key = `${base}-${n}`;
    usedKeys.add(key);
    return key;
  };

  // Places were resolved over the whole article at extraction (place-resolution.ts); countries named help the dateline.
  const countryCodes = new Set(entities.flatMap((entity) => (entity.placeKind === 'COUNTRY' && entity.countryCode ? [entity.countryCode] : [])));
  for (const cluster of clusters) {
    const mentionSpans = cluster.mentions.map((index) => spanOf(text, entities[index]!));
    let key: string;
    if (cluster.kind === 'PERSON') {
      key = uniqueKey(`p:${slug(cluster.name)}`);
      people.push({ key, name: cluster.name, aliases: cluster.names.slice(1), mentions: mentionSpans, ...(cluster.title ? { description: cluster.title } : {}) });
    } else if (cluster.kind === 'ORGANIZATION') {
      key = uniqueKey(`o:${slug(cluster.name)}`);
      organizations.push({ key, name: cluster.name, kind: organizationKindOf(cluster.names.join(' ')), aliases: cluster.names.slice(1), mentions: mentionSpans });
    } else {
      const resolvedAs = cluster.mentions.map((index) => entities[index]!.gazetteerId).find((id) => id !== undefined);
      const place = resolvedAs ? placeByGazetteerId(resolvedAs) : undefined;
      if (place) {
        const fact = placeFactsFor(place, placesByGazetteerId, places);
        fact.mentions.push(...mentionSpans);
        // A demonym or an institution's name mentions the place without being a name of it.
        const ownNames = cluster.mentions.every((index) => entities[index]!.placeOnly) ? [] : cluster.names;
        for (const name of ownNames) if (!fact.aliases!.includes(name) && nameKey(name) !== nameKey(fact.name)) fact.aliases!.push(name);
        key = fact.key;
        usedKeys.add(key);
      } else if (cluster.mentions.every((index) => entities[index]!.placeOnly)) {
        continue;
      } else if (organizationKindOf(cluster.name) !== 'OTHER' && /\b(?:forces|army|ministry|authorit(?:y|ies)|government|police|party|council|agency|brigades?|union|corps|command)\b/i.test(cluster.name)) {
        // A "place" the gazetteer does not know whose name says it is an institution ("Israel Defense Forces").
        key = uniqueKey(`o:${slug(cluster.name)}`);
        organizations.push({ key, name: cluster.name, kind: organizationKindOf(cluster.name), aliases: cluster.names.slice(1), mentions: mentionSpans });
      } else {
        key = uniqueKey(`pl:${slug(cluster.name)}`);
        places.push({ key, name: cluster.name, kind: 'OTHER', aliases: cluster.names.slice(1), mentions: mentionSpans });
      }
    }
    for (const index of cluster.mentions) keyOfEntity.set(index, key);
  }

  const organizationByName = new Map(organizations.flatMap((fact) => [fact.name, ...(fact.aliases ?? [])].map((name) => [nameKey(name), fact] as const)));
  const personByName = new Map(people.flatMap((fact) => [fact.name, ...(fact.aliases ?? [])].map((name) => [nameKey(name), fact] as const)));
  const organizationFor = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const known = organizationByName.get(nameKey(name));
    if (known) return known.key;
    const fact: OrganizationFact = { key: uniqueKey(`o:${slug(name)}`), name: normalCaseName(name), kind: organizationKindOf(name), mentions: [] };
    organizations.push(fact);
    organizationByName.set(nameKey(name), fact);
    return fact.key;
  };
  const personFor = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const known = personByName.get(nameKey(name)) ?? people.find((fact) => nameKey(fact.name).endsWith(` ${nameKey(name)}`));
    if (known) return known.key;
    const fact: PersonFact = { key: uniqueKey(`p:${slug(name)}`), name: normalCaseName(name), mentions: [] };
    people.push(fact);
    personByName.set(nameKey(name), fact);
    return fact.key;
  };

  // One source per name: two phrasings of "a Kremlin official" in one article are one source.
  const sources: SourceFact[] = [];
  const sourceByName = new Map<string, SourceFact>();
  const sourceOfCandidate: SourceFact[] = extracted.sources.map((candidate) => {
    const known = sourceByName.get(nameKey(candidate.name));
    if (known) {
      known.mentions.push(...candidate.mentions.map((mention) => spanOf(text, mention)));
      return known;
    }
    const fact: SourceFact = {
      key: uniqueKey(`s:${slug(candidate.name)}`),
      name: candidate.name,
      kind: candidate.kind,
      mentions: candidate.mentions.map((mention) => spanOf(text, mention)),
    };
    if (candidate.description) fact.description = candidate.description;
    if (candidate.handle) fact.handle = candidate.handle;
    if (candidate.aliases?.length) fact.aliases = candidate.aliases;
    const organization = organizationFor(candidate.organizationName);
    if (organization) fact.organization = organization;
    const person = personFor(candidate.personName);
    if (person) fact.person = person;
    sources.push(fact);
    sourceByName.set(nameKey(candidate.name), fact);
    return fact;
  });

  // The publisher: the source extraction named as such, else the feed's publisher or the dateline's agency.
  let publisher: string | undefined = extracted.publisherSource !== undefined ? sourceOfCandidate[extracted.publisherSource]?.key : undefined;
  const publisherName = extracted.publisher ?? extracted.dateline?.agency;
  if (!publisher && publisherName) {
    const existing = sources.find((source) => nameKey(source.name) === nameKey(publisherName));
    if (existing) publisher = existing.key;
    else {
      const kind: SourceKind = /\b(?:reuters|afp|agence france|associated press|ap|xinhua|tass|efe|dpa|ansa|kyodo|upi)\b/i.test(publisherName) ? 'NEWS_AGENCY' : 'PUBLISHER';
      const fact: SourceFact = { key: uniqueKey(`s:${slug(publisherName)}`), name: publisherName, kind, mentions: [] };
      const organization = organizationFor(publisherName);
      if (organization) fact.organization = organization;
      sources.push(fact);
      publisher = fact.key;
    }
  }

  let datelinePlace: string | undefined;
  const filedFrom = extracted.filedFrom?.gazetteerId ? placeByGazetteerId(extracted.filedFrom.gazetteerId) : undefined;
  if (filedFrom) datelinePlace = placeFactsFor(filedFrom, placesByGazetteerId, places).key;
  else if (extracted.dateline) {
    const dateline = extracted.dateline;
    const covering = entities.findIndex((entity) => entity.kind === 'PLACE' && entity.start >= dateline.start && entity.end <= dateline.end);
    if (covering >= 0) datelinePlace = keyOfEntity.get(covering);
    else {
      const place = resolvePlaceName(dateline.place, { countryCodes: [...countryCodes] });
      if (place) datelinePlace = placeFactsFor(place, placesByGazetteerId, places).key;
    }
  }

  // News of the last month, not history the report recalls.
  const publishedDay = Date.parse(`${extracted.publishedAt.slice(0, 10)}T00:00:00Z`);
  const isRecent = (startsOn: string) => publishedDay - Date.parse(`${startsOn}T00:00:00Z`) <= 30 * 86_400_000;

  const attributionAt = (range: { start: number; end: number }) =>
    extracted.attributions.find((attribution) => attribution.start <= range.start && attribution.end >= range.end) ??
    extracted.attributions.find((attribution) => attribution.start < range.end && attribution.end > range.start);

  const placeKeys = new Set(places.map((fact) => fact.key));
  const personKeys = new Set(people.map((fact) => fact.key));
  const organizationKeys = new Set(organizations.map((fact) => fact.key));
  const placedByDateline = new Set<FactKey>();
  const events: EventFact[] = extracted.events.map((candidate, index) => {
    const fact: EventFact = {
      key: `e:${index}`,
      title: candidate.title,
      type: candidate.type,
      date: {
        startsOn: candidate.date.startsOn,
        endsOn: candidate.date.endsOn,
        precision: candidate.date.precision,
        approximate: candidate.date.approximate,
        ...(candidate.date.text ? { text: candidate.date.text } : {}),
      },
      // Links go by what the entity became (a "place" the gazetteer did not know may have become an organisation).
      places: uniqueLinks(
        candidate.places.flatMap((link) => {
          const key = keyOfEntity.get(link.entity);
          return key && placeKeys.has(key) ? [{ place: key, role: link.role }] : [];
        }),
        'place',
      ),
      people: uniqueLinks(
        candidate.participants.flatMap((link) => {
          const key = keyOfEntity.get(link.entity);
          return key && personKeys.has(key) ? [{ person: key, role: link.role }] : [];
        }),
        'person',
      ),
      organizations: uniqueLinks(
        [
          ...candidate.participants.flatMap((link) => {
            const key = keyOfEntity.get(link.entity);
            return key && organizationKeys.has(key) ? [{ organization: key, role: link.role }] : [];
          }),
          ...candidate.places.flatMap((link) => {
            const key = keyOfEntity.get(link.entity);
            return key && organizationKeys.has(key) ? [{ organization: key, role: 'OTHER' as const }] : [];
          }),
        ],
        'organization',
      ),
      mentions: candidate.mentions.map((mention) => {
        const attribution = attributionAt(mention);
        return { ...spanOf(text, mention), ...(attribution ? { source: sourceOfCandidate[attribution.source]!.key } : {}) };
      }),
    };
    // The lead tells the news where the report is filed from: an event it names no place for happened there.
    const inLead = extracted.lead !== undefined && candidate.trigger.start >= extracted.lead.start && candidate.trigger.end <= extracted.lead.end;
    if (!fact.places?.length && datelinePlace && inLead) {
      fact.places = [{ place: datelinePlace, role: 'LOCATION' }];
      placedByDateline.add(fact.key);
    }
    return fact;
  });
  // A report whose placed news all happens in the dateline's country tells its scene from there: its other recent
  // events that name no place happened there too (a LIMA report's "troops stormed the building"). A report filed
  // from elsewhere (the Lima raid seen from Tokyo) lends its dateline to none.
  if (datelinePlace) {
    const placeOf = new Map(places.map((place) => [place.key, place]));
    const datelineCountry = placeOf.get(datelinePlace)?.countryCode;
    const countriesOf = (event: EventFact) => (event.places ?? []).map((link) => placeOf.get(link.place)?.countryCode);
    // Places the text gives, not the lead's borrowed from the dateline.
    const recentPlaced = events.filter((event) => event.places?.length && !placedByDateline.has(event.key) && isRecent(event.date.startsOn));
    const atScene = datelineCountry !== undefined && recentPlaced.length > 0 && recentPlaced.every((event) => countriesOf(event).every((code) => code === datelineCountry));
    if (atScene) {
      for (const event of events) if (!event.places?.length && isRecent(event.date.startsOn)) event.places = [{ place: datelinePlace, role: 'LOCATION' }];
    }
  }

  const claims: ClaimFact[] = extracted.claims.map((candidate) => {
    const event = extracted.events.findIndex((eventCandidate) =>
      eventCandidate.mentions.some((mention) => mention.start <= candidate.quote.start && mention.end >= candidate.quote.end),
    );
    const placeInQuote = entities.findIndex(
      (entity) => entity.kind === 'PLACE' && entity.start >= candidate.quote.start && entity.end <= candidate.quote.end,
    );
    const quotedPlace = placeInQuote >= 0 ? keyOfEntity.get(placeInQuote) : undefined;
    const placeKey = quotedPlace && placeKeys.has(quotedPlace) ? quotedPlace : event >= 0 ? events[event]!.places?.[0]?.place : undefined;
    const claimSources = [...new Set(candidate.sources.map((index) => sourceOfCandidate[index]!.key))];
    return {
      metric: candidate.metric,
      value: candidate.value,
      qualifier: candidate.qualifier,
      ...(candidate.subject ? { subject: candidate.subject } : {}),
      ...(event >= 0 ? { event: events[event]!.key } : {}),
      ...(placeKey ? { place: placeKey } : {}),
      sources: claimSources.length ? claimSources : publisher ? [publisher] : [],
      quote: spanOf(text, candidate.quote),
    };
  });

  const publishedOn = extracted.publishedAt.slice(0, 10);
  return {
    article: {
      text,
      format: extracted.format,
      publishedOn,
      sourcePath: extracted.source,
      ...(extracted.publishedAt.length > 10 ? { publishedAt: extracted.publishedAt } : {}),
      ...(extracted.url ? { url: extracted.url } : {}),
      ...(extracted.title ? { title: extracted.title } : {}),
      ...(extracted.byline ? { byline: extracted.byline } : {}),
      ...(publisher ? { publisher } : {}),
      ...(datelinePlace ? { datelinePlace } : {}),
    },
    people,
    organizations,
    places,
    sources,
    events,
    claims,
  };
}

function uniqueLinks<Link extends { role: string }>(links: Link[], target: keyof Link): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const id = `${String(link[target])}|${link.role}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
