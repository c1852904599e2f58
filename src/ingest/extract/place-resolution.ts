/**
 * Toponym resolution that reads the whole article: which place each place name of an article means.
 *
 * A careful reader weighs, and so does this:
 * - the qualifier the text writes after a town ("Birmingham, Ala.", "London, Ontario", "Paris, Texas"), which
 *   restricts the town to the places inside it; the qualifier is itself a mention of that state or country;
 * - the kind of place the words around it imply: "the Gulf of X", "X River" are no town X; "X province" is a division;
 * - one reading per name within an article: once "Alexandria" is the Louisiana town it stays so;
 * - prominence: population, capitals and seats, countries and divisions (GazetteerPlace candidates);
 * - the article's other places: the reading that puts them in the same country, the same division, close together;
 * - the countries the article names (demonyms included), its dateline, and the publisher's home country, weakly.
 * Minor towns (see MINOR_PLACE_POPULATION) are only taken with such evidence.
 *
 * It also finds the place mentions the tagger leaves out: the state after a town ("Ky."), demonyms ("Turkish
 * troops", linked to their country), the place that opens an institution's name ("Kentucky State Police"), and a
 * place name the tagger took for a person or an organisation where the words around it say it is a place.
 */
import { nameKey } from '../../graph/names.js';
import type { Dateline } from '../formats/source-document.js';
import type { EntityMention } from './entities.js';
import {
  candidateByGazetteerId,
  townsNamedCompactly,
  divisionAbbreviationCandidates,
  liesWithin,
  placeByGazetteerId,
  placeCandidates,
  type GazetteerPlace,
  type PlaceCandidate,
} from './gazetteer.js';
import { countryOfDemonym, demonymPattern } from './gazetteer/demonyms.js';
import { isAcronym } from './entity-clusters.js';

export interface PlaceEvidence {
  text: string;
  entities: EntityMention[];
  dateline?: Dateline;
  /** The place a dateline outside the text names (TimeML `<DCT>`): read as the dateline is. */
  filedFrom?: string;
  /** The publisher's name or web address ("www.cbc.ca"): its country code top-level domain is a weak prior. */
  publisher?: string;
}

// Evidence, in the points a reading scores (PROMINENCE_WEIGHT for each power of ten of its prominence): a named
// country counts twice as much for a division as for a town (a town abroad is often meant beside a country that
// only acts in the story); the rest is the article's geography, each other place of the article supporting the
// readings near it. Set on the tuning half of TR-News and the AFP corpus, checked on the held-out half
// (`npm run eval:places`).
const NAMED_COUNTRY = 0.8;
const DEMONYM_OF_COUNTRY = 2;
const DATELINE_COUNTRY = 0.7;
const DATELINE_DIVISION = 1;
const DATELINE_CONTINENT = 0.4;
const PUBLISHER_COUNTRY = 0.5;
const SAME_DIVISION = 1;
const NEAR_100_KM = 1.2;
const NEAR_400_KM = 0.6;
const SAME_COUNTRY_AS_SPECIFIC_PLACE = 0.5;
const MAX_GEOGRAPHY = 3.5;
/** A minor town needs at least this much of the article's evidence (a qualifier always suffices). */
const MINOR_TOWN_EVIDENCE = 1.2;
/** A reading this many times less prominent than the strongest needs local evidence: a qualifier or a neighbour. */
const OUTWEIGHED = 10;
const FAR_OUTWEIGHED = 1_000;
/** Prominence in powers of ten counts this much against the article's evidence (set on the tuning half). */
const PROMINENCE_WEIGHT = 0.7;
/** A town smaller than this with no support at all from an article whose places all lie in other countries is no reading. */
const LONE_TOWN_PROMINENCE = 100_000;

// The places whose readings support their neighbours'. A site (the White House) stands for its government more often
// than for its street: it vouches for no town around it.
const specificKinds = new Set(['CITY', 'DISTRICT', 'DIVISION', 'TERRITORY']);

// Words that make the name before them part of a natural feature, a building or a road: no town of that name.
const featureAfter = /^(?:\s+and\s+Co\b|\s*&\s*Co\b|\s+(?:Inc|Ltd|Corp|Plc|LLC|Securities|Brokerage|Instruments)\b|\s+(?:Conventions?|Accords?|Protocol|Agreement|Treaty|Declaration|Charter|River|Lake|Bay|Sea|Ocean|Mountains?|Mount|Hills?|Islands?|Isle|Strait|Straits|Peninsula|Valley|Desert|Canyon|Falls|Creek|Glacier|Park|Palace|Plaza|Building|Tower|Airport|Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Square|Bridge|Dam|Stadium|Arena|Hospital|University|College|Highway|Hwy))\b/;
const featureBefore = /\b(?:Gulf|Bay|Sea|Strait|Straits|Lake|Isle|Island|Mount|Cape|Port|University|College|Bank|Duchess|Duke|Earl|Prince|Princess|Queen|King)\s+of\s+(?:the\s+)?$/;
const divisionAfter = /^\s+(?:province|Province|state|State|region|Region|governorate|Governorate|prefecture|Prefecture|oblast|Oblast|territory|Territory)\b/;
const divisionBefore = /\b(?:province|state|region|governorate|prefecture|oblast|canton)\s+of\s+$/i;
// A person's title or a first name's context: "Mr. Jordan", "Ms Georgia".
const personBefore = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Rev|Sen|Rep|Gov)\.?\s+$/;
const locativeBefore = /\b(?:in|at|from|to|into|across|throughout|near|outside|inside|around|across|via|toward|towards|visited|visiting)\s+(?:the\s+)?(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+|north\s+|south\s+|east\s+|west\s+|downtown\s+|rural\s+)?$/;
const languageContext = /\b(?:in|speak|speaks|spoke|speaking|into|fluent)\s+$/;
const languageAfter = /^(?:-(?:speaking|language)|\s+(?:language|speakers?|translation|subtitles|-language))\b/;
// Words after a name that say it is a person ("Georgia said").
const speechAfter = /^\s+(?:said|says|told|added|asked|wrote|who|whose)\b/;
// An institution named after its place: "Kentucky State Police", "Metcalfe County Sheriff's Office".
const institutionTail = /^(?:State|Provincial|County|City|Municipal|Regional|National|International|Fire|Police|Sheriff|Highway|Department|Dept|Supreme|Superior|District|General|Public|Health|Board|Court|Council|Government|Legislature|Assembly|Transit|Hydro|Parks|Environment|Wildlife|Fish|Emergency|Coroner|Medical|Crown|Mayor|MLA|MP|MPP|Senator|Governor|Police|Art|Museum|Gallery|Skating|Hockey|Football|Soccer|Baseball|Basketball|Symphony|Opera|Festival|Film|Grand|Homeless|Humane|Animal|Chamber|School|Schools|Library|Airport|Port|Harbour|Harbor|Zoo|Times|Post|Herald|Journal|Tribune|Star|Sun|Daily|News|Free|Press|Geological|Underdogs|Rescue|EMS|Housing|Water|Energy|Electric|Power|Community)\b/;

type Group = {
  key: string;
  name: string;
  mentions: number[];
  candidates: PlaceCandidate[];
  /** Areas a qualifier puts the name inside ("Ky." after "Edmonton"). */
  within: PlaceCandidate[][];
  divisionOnly: boolean;
  dateline: boolean;
  pick?: PlaceCandidate;
};

/**
 * The article's entities, with every place mention resolved (gazetteerId, placeName, placeKind, latitude,
 * longitude, countryCode; none when no reading holds) and the place mentions found beyond the tagger appended.
 * Runs before anything indexes the entities: the tagger's "places" that read as none are left out, and a mention
 * the words show to be a place (or a person) changes kind.
 */
export function resolveArticlePlaces(evidence: PlaceEvidence): { entities: EntityMention[]; filedFrom?: GazetteerPlace } {
  const { text } = evidence;
  const repaired = evidence.entities.map((entity) => ({ ...entity }));
  const pairs: EntityMention[] = [];
  for (const entity of repaired) if (entity.kind === 'PLACE') pairs.push(...repairPlaceSpan(entity));
  const entities = keepLikelyPlaces(text, repaired);
  reclassifyPlaceNames(text, entities);
  const added: EntityMention[] = [...pairs, ...readCountryAbbreviations(text, entities)];
  const occupied = (start: number, end: number) =>
    entities.some((entity) => entity.start < end && start < entity.end) || added.some((entity) => entity.start < end && start < entity.end);

  // Qualifiers after a town: another place mention, or a division's abbreviation the tagger did not take.
  const qualifierOf = new Map<number, number>();
  const placeIndexes = entities.flatMap((entity, index) => (entity.kind === 'PLACE' ? [index] : []));
  for (const index of placeIndexes) {
    const entity = entities[index]!;
    const after = text.slice(entity.end, entity.end + 40);
    const comma = /^,\s*/.exec(after);
    if (!comma) continue;
    const start = entity.end + comma[0].length;
    const next = entities.findIndex((other) => other.start === start && other.kind === 'PLACE');
    if (next >= 0) {
      qualifierOf.set(index, next);
      continue;
    }
    const abbreviation = /^(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?|[A-Z]{2,3})(?![\w])/.exec(text.slice(start, start + 12));
    if (!abbreviation || occupied(start, start + abbreviation[0].length)) continue;
    const divisions = divisionAbbreviationCandidates(abbreviation[0]);
    if (!divisions.some((division) => placeCandidates(entity.text).some((town) => liesWithin(town, division)))) continue;
    // "Ky." ends a sentence as often as not: the dot belongs to the abbreviation only when it is one.
    added.push({ start, end: start + abbreviation[0].length, text: abbreviation[0], kind: 'PLACE' });
    qualifierOf.set(index, entities.length + added.length - 1);
  }

  // The place an institution is named after.
  for (const entity of entities) {
    if (entity.kind !== 'ORGANIZATION') continue;
    for (const part of placesInInstitutionName(entity)) {
      if (!added.some((other) => other.start === part.start)) added.push(part);
    }
  }

  // Demonyms and adjectives of countries, where they are not a language or part of a longer name.
  for (const match of text.matchAll(demonymPattern())) {
    const start = match.index;
    const end = start + match[0].length;
    if (occupied(start, end)) continue;
    if (languageContext.test(text.slice(Math.max(0, start - 12), start)) || languageAfter.test(text.slice(end, end + 14))) continue;
    // "Turkish" opening a capitalised name the tagger did not take ("Turkish Airlines") is still the country's adjective.
    added.push({ start, end, text: match[0], kind: 'PLACE', placeOnly: true });
  }

  // Places the tagger leaves in compounds and abbreviations: "US policies", "the U.S.-led campaign",
  // "Seattle-based Starbucks", "Montreal-area mayors", "mid-Ohio".
  for (const match of text.matchAll(placeInCompound)) {
    const name = match[1] ?? match[2] ?? match[3]!;
    const start = match.index + match[0].indexOf(name);
    const end = start + name.length;
    if (occupied(start, end)) continue;
    const abbreviation = match[1] !== undefined;
    if (!abbreviation && !placeCandidates(name).some(isProminentPlace)) continue;
    added.push({ start, end, text: name, kind: 'PLACE', placeOnly: true });
  }

  const all = [...entities, ...added];
  const opening = evidence.dateline || evidence.filedFrom ? undefined : openingDateline(text, all);
  const dateline = evidence.dateline ?? (opening ? { place: opening.text, start: opening.start, end: opening.end } : undefined);
  const groups = groupPlaceMentions(text, all, dateline, new Set(qualifierOf.values()));
  const groupOfMention = new Map<number, Group>();
  for (const group of groups) for (const index of group.mentions) groupOfMention.set(index, group);

  // Qualifiers first: a state or a country is rarely ambiguous, and it settles the town before it.
  for (const [town, qualifier] of qualifierOf) {
    const townGroup = groupOfMention.get(town);
    const qualifierGroup = groupOfMention.get(qualifier);
    if (!townGroup || !qualifierGroup) continue;
    const areas = qualifierGroup.candidates.filter((area) => townGroup.candidates.some((candidate) => liesWithin(candidate, area)));
    if (areas.length) {
      townGroup.within.push(areas);
      qualifierGroup.candidates = areas;
    }
  }

  // A dateline outside the text is the article's dateline all the same.
  let filedFromGroup: Group | undefined;
  if (evidence.filedFrom) {
    const key = nameKey(evidence.filedFrom);
    filedFromGroup = groups.find((group) => group.key === key);
    if (!filedFromGroup) {
      filedFromGroup = { key, name: evidence.filedFrom, mentions: [], candidates: [...placeCandidates(evidence.filedFrom)], within: [], divisionOnly: false, dateline: true };
      groups.push(filedFromGroup);
    }
    filedFromGroup.dateline = true;
  }

  // A local outlet's address often names its town ("edmontonjournal.com", "lemarssentinel.com"): a place of the
  // article's geography, even where the article does not name it.
  const home = evidence.publisher ? homeTownOfPublisher(evidence.publisher) : undefined;
  if (home && !groups.some((group) => group.candidates.some((candidate) => home.includes(candidate)))) {
    groups.push({ key: 'publisher-home', name: home[0]!.place.name, mentions: [], candidates: [...home], within: [], divisionOnly: false, dateline: false });
  }

  const countries = evidenceCountries(groups, evidence);
  for (const group of groups) group.pick = bestReading(group, groups, countries, false);
  for (let round = 0; round < 2; round++) {
    for (const group of groups) group.pick = bestReading(group, groups, countries, true);
  }

  for (const group of groups) {
    const place = group.pick?.place;
    for (const index of group.mentions) {
      const mention = all[index]!;
      if (!place) continue;
      mention.gazetteerId = place.gazetteerId;
      mention.placeName = place.name;
      mention.placeKind = place.kind;
      mention.latitude = place.latitude;
      mention.longitude = place.longitude;
      if (place.countryCode) mention.countryCode = place.countryCode;
    }
  }
  // A demonym or a place inside a name is only a link to a place: without a reading it is nothing.
  const resolved = all.filter((mention) => !mention.placeOnly || mention.gazetteerId !== undefined);
  const filedFrom = filedFromGroup?.pick?.place;
  return filedFrom ? { entities: resolved, filedFrom } : { entities: resolved };
}

// "COLUMBIA, Ky. (WBKO) -", "PARIS, Mo. —", "LYON (Reuters) –": a dateline opening text no format parsed it out of.
const datelineTail = /^(?:,\s*[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--?|:)\s/u;

/** The place mention a text opens with, when it opens with a dateline. */
function openingDateline(text: string, mentions: EntityMention[]): EntityMention | undefined {
  const first = text.length - text.trimStart().length;
  const mention = mentions.find((candidate) => candidate.kind === 'PLACE' && candidate.start === first);
  return mention && datelineTail.test(text.slice(mention.end, mention.end + 60)) ? mention : undefined;
}

function groupPlaceMentions(text: string, mentions: EntityMention[], dateline: Dateline | undefined, qualifiers: Set<number>): Group[] {
  const byKey = new Map<string, Group>();
  mentions.forEach((mention, index) => {
    if (mention.kind !== 'PLACE') return;
    // "the Gulf of X", "X River", "Bank of X": part of another name, not the town X (and no reading of it).
    if (!mention.placeOnly && (featureBefore.test(text.slice(Math.max(0, mention.start - 40), mention.start)) || featureAfter.test(text.slice(mention.end, mention.end + 20)))) return;
    const demonymOf = mention.placeOnly ? countryOfDemonym(mention.text) : undefined;
    const demonymPlace = demonymOf ? candidateByGazetteerId(demonymOf) : undefined;
    const name = demonymPlace ? demonymPlace.place.name : mention.text.replace(/['’]s?$/u, '').replace(/^the\s+/iu, '');
    const key = demonymPlace ? `id:${demonymPlace.place.gazetteerId}` : nameKey(name);
    if (!key) return;
    let group = byKey.get(key);
    if (!group) {
      const candidates = demonymPlace ? [demonymPlace] : [...placeCandidates(name)];
      // A qualifier after a town may be a division's abbreviation ("Mo.", "Ont.") or its postal code ("ON").
      if (qualifiers.has(index)) candidates.push(...divisionAbbreviationCandidates(mention.text).filter((division) => !candidates.includes(division)));
      group = { key, name, mentions: [], candidates, within: [], divisionOnly: false, dateline: false };
      byKey.set(key, group);
    }
    group.mentions.push(index);
    const after = text.slice(mention.end, mention.end + 20);
    if (divisionAfter.test(after) || divisionBefore.test(text.slice(Math.max(0, mention.start - 30), mention.start))) group.divisionOnly = true;
    if (dateline && mention.start >= dateline.start && mention.end <= dateline.end) group.dateline = true;
  });
  for (const group of byKey.values()) {
    if (group.divisionOnly && group.candidates.some((candidate) => candidate.place.kind === 'DIVISION')) {
      group.candidates = group.candidates.filter((candidate) => candidate.place.kind === 'DIVISION');
    }
  }
  return [...byKey.values()];
}

/** The countries the article names, each with the groups that name it; the publisher's; the dateline's group. */
type CountryEvidence = { named: Map<string, Set<Group>>; publisher?: string; dateline?: Group };

function evidenceCountries(groups: Group[], evidence: PlaceEvidence): CountryEvidence {
  const named = new Map<string, Set<Group>>();
  for (const group of groups) {
    const countries = group.candidates.filter((candidate) => candidate.place.kind === 'COUNTRY');
    const best = [...group.candidates].sort((a, b) => b.prominence - a.prominence)[0];
    const code = best && countries.includes(best) ? best.place.countryCode : undefined;
    if (code) named.set(code, (named.get(code) ?? new Set()).add(group));
  }
  const result: CountryEvidence = { named };
  const datelineGroup = groups.find((group) => group.dateline);
  if (datelineGroup) result.dateline = datelineGroup;
  const publisherCountry = evidence.publisher ? countryOfPublisher(evidence.publisher) : undefined;
  if (publisherCountry) result.publisher = publisherCountry;
  return result;
}

function bestReading(group: Group, groups: Group[], countries: CountryEvidence, withGeography: boolean): PlaceCandidate | undefined {
  let best: PlaceCandidate | undefined;
  let bestScore = -Infinity;
  const candidates = group.within.length
    ? group.candidates.filter((candidate) => group.within.every((areas) => areas.some((area) => liesWithin(candidate, area))))
    : group.candidates;
  const strongest = Math.max(0, ...candidates.map((candidate) => candidate.prominence));
  for (const candidate of candidates) {
    const place = candidate.place;
    let evidence = 0;
    const code = place.countryCode;
    // A country counts when another name names it ("Lebanese" for Lebanon, for Beirut): "Taiwan" does not make
    // Taiwan's province of that name likelier.
    const naming = code ? countries.named.get(code) : undefined;
    if (naming && [...naming].some((other) => other !== group)) evidence += NAMED_COUNTRY;
    // The article's own adjective of a country settles a name that is also the country's: "Lebanese" for Lebanon.
    if (place.kind === 'COUNTRY' && groups.some((other) => other !== group && other.key === `id:${place.gazetteerId}`)) evidence += DEMONYM_OF_COUNTRY;
    const dateline = countries.dateline?.pick;
    if (dateline && !group.dateline) {
      if (code && code === dateline.place.countryCode) evidence += DATELINE_COUNTRY;
      if (sameDivision(candidate, dateline)) evidence += DATELINE_DIVISION;
      if (continentOf(place) === continentOf(dateline.place)) evidence += DATELINE_CONTINENT;
    }
    if (code && code === countries.publisher) evidence += PUBLISHER_COUNTRY;
    let local = dateline && !group.dateline && sameDivision(candidate, dateline) ? DATELINE_DIVISION : 0;
    let closest = local;
    if (withGeography) {
      const support = geographicSupport(candidate, group, groups);
      local += support.local;
      closest = Math.max(closest, support.closest);
      evidence += Math.min(MAX_GEOGRAPHY, support.local + support.country);
    }
    if (!group.within.length) {
      if (candidate.minor && (evidence < MINOR_TOWN_EVIDENCE || group.dateline)) continue;
      // Geneva, Illinois is written "Geneva, Ill.": a tenth as prominent as its namesake, a town needs a neighbour.
      if (candidate.prominence * OUTWEIGHED < strongest && local === 0) continue;
      // Lebanon, Pennsylvania, a thousandth of Lebanon: it takes a close neighbour, not one 300 km away.
      if (candidate.prominence * FAR_OUTWEIGHED < strongest && closest < SAME_DIVISION) continue;
      // "the Spring thaw" in a story from the Caucasus is no town in Texas: a small town abroad needs some support.
      if (withGeography && evidence === 0 && (place.kind === 'CITY' || place.kind === 'DISTRICT') && candidate.prominence < LONE_TOWN_PROMINENCE
        && placedElsewhere(place, groups, group)) continue;
    }
    const score = PROMINENCE_WEIGHT * Math.log10(Math.max(candidate.prominence, 1)) + evidence;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Whether the article places things, and none of them in this place's country. */
function placedElsewhere(place: GazetteerPlace, groups: Group[], own: Group): boolean {
  const countries = groups.filter((group) => group !== own && group.pick?.place.countryCode).map((group) => group.pick!.place.countryCode);
  return countries.length > 0 && !countries.includes(place.countryCode);
}

/** How much the article's other specific places support this reading: same division, nearby, same country. */
function geographicSupport(candidate: PlaceCandidate, own: Group, groups: Group[]): { local: number; closest: number; country: number } {
  let support = 0;
  let closest = 0;
  const bySpot = new Map<string, number>();
  let sameCountry = false;
  const wide = candidate.place.kind === 'COUNTRY' || candidate.place.kind === 'CONTINENT';
  for (const other of groups) {
    // The dateline weighs through its own evidence, not a second time as a neighbour.
    if (other === own || !other.pick || other.dateline) continue;
    const place = other.pick.place;
    if (!specificKinds.has(place.kind)) continue;
    if (place.countryCode && place.countryCode === candidate.place.countryCode) sameCountry = true;
    if (wide) {
      // A country holding the article's towns is the one meant: Lebanon beside Beirut.
      if (candidate.place.kind === 'COUNTRY' && place.countryCode === candidate.place.countryCode) support += SAME_DIVISION;
      continue;
    }
    let km = Infinity;
    if (place.kind !== 'DIVISION' && candidate.place.kind !== 'DIVISION') km = kilometresBetween(candidate.place, place);
    const near = km < 100 ? NEAR_100_KM : km < 400 ? NEAR_400_KM : 0;
    const neighbour = Math.max(near, sameDivision(candidate, other.pick) ? SAME_DIVISION : 0);
    // Places at one spot support once: Washington and the White House are one neighbour, not two.
    const spot = `${Math.round(place.latitude * 2)},${Math.round(place.longitude * 2)}`;
    bySpot.set(spot, Math.max(bySpot.get(spot) ?? 0, neighbour));
    closest = Math.max(closest, neighbour);
  }
  for (const neighbour of bySpot.values()) support += neighbour;
  return { local: support, closest, country: sameCountry && !wide ? SAME_COUNTRY_AS_SPECIFIC_PLACE : 0 };
}

/** Both in one first-level division, or one the division of the other. */
function sameDivision(a: PlaceCandidate, b: PlaceCandidate): boolean {
  if (a.place === b.place) return false;
  if (liesWithin(a, b) || liesWithin(b, a)) return true;
  return a.adminCode !== undefined && a.adminCode === b.adminCode && a.place.countryCode === b.place.countryCode;
}

function continentOf(place: GazetteerPlace): GazetteerPlace | undefined {
  let area: GazetteerPlace | undefined = place;
  while (area && area.kind !== 'CONTINENT') area = area.parent;
  return area;
}

function kilometresBetween(a: GazetteerPlace, b: GazetteerPlace): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRadians;
  const dLon = (b.longitude - a.longitude) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRadians) * Math.cos(b.latitude * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Country-code top-level domains that are not the ISO code of their country.
const domainCountries: Record<string, string> = { uk: 'GB' };

/** "www.cbc.ca" → CA, "www.bbc.co.uk" → GB; generic domains and plain names say nothing. */
export function countryOfPublisher(publisher: string): string | undefined {
  const host = /^(?:https?:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:]|$)/i.exec(publisher.trim())?.[1];
  const tld = host?.split('.').at(-1)?.toLowerCase();
  if (!tld || tld.length !== 2) return undefined;
  const code = domainCountries[tld] ?? tld.toUpperCase();
  return placeByGazetteerId(`newsline:country-${code.toLowerCase()}`) ? code : undefined;
}

const HOST_NOISE = new Set(['www', 'com', 'co', 'org', 'net', 'news', 'ca', 'uk', 'au', 'us']);

/** The towns a publisher's web address may be named after: the longest leading part of a label that is a town's name. */
export function homeTownOfPublisher(publisher: string): readonly PlaceCandidate[] | undefined {
  const host = /^(?:https?:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:]|$)/i.exec(publisher.trim())?.[1]?.toLowerCase();
  if (!host) return undefined;
  const labels = host.split('.').slice(0, -1).flatMap((label) => label.split('-')).filter((label) => !HOST_NOISE.has(label));
  for (const label of labels) {
    for (let length = label.length; length >= 5; length--) {
      const towns = townsNamedCompactly(label.slice(0, length));
      if (towns.length) return towns;
    }
  }
  return undefined;
}

/**
 * A name the tagger took for a person or an organisation that the words around it show to be a place: after
 * "in", "from", "near" ("shipped from Aleppo"), and a prominent place of that exact name (a country, a division,
 * a capital or a city of 100,000). Not after a title ("Mr. Jordan"), not before "said".
 */
function reclassifyPlaceNames(text: string, entities: EntityMention[]): void {
  const personNames = entities.filter((entity) => entity.kind === 'PERSON' && /\s/.test(entity.text.trim())).map((entity) => nameKey(entity.text).split(' '));
  for (const entity of entities) {
    if (entity.kind === 'PLACE') continue;
    const before = text.slice(Math.max(0, entity.start - 40), entity.start);
    const after = text.slice(entity.end, entity.end + 20);
    if (!locativeBefore.test(before) || personBefore.test(before) || speechAfter.test(after) || featureAfter.test(after)) continue;
    const key = nameKey(entity.text);
    if (personNames.some((words) => words.includes(key))) continue;
    if (placeCandidates(entity.text).some(isProminentPlace)) {
      entity.kind = 'PLACE';
      delete entity.title;
    }
  }
}

/** The words after a country's abbreviation that make it the country's government: "the US administration". */
const governmentAfter = /^\s+(?:government|administration)\b/i;

/**
 * A country's abbreviation the tagger took for an organisation or a person ("US", "U.S.", "UK"; never anyone's
 * initials) is a mention of the country. Taken for an organisation, it stands for the country's government too
 * ("US mediator", "the US administration"): the organisation "US government", with the country mentioned in it
 * (returned). Taken for a person, it is the country alone.
 */
function readCountryAbbreviations(text: string, entities: EntityMention[]): EntityMention[] {
  const countries: EntityMention[] = [];
  for (const entity of entities) {
    if (entity.kind === 'PLACE' || !isAcronym(entity.text)) continue;
    if (!placeCandidates(entity.text).some((candidate) => candidate.place.kind === 'COUNTRY')) continue;
    if (entity.kind === 'PERSON') {
      entity.kind = 'PLACE';
      delete entity.title;
      continue;
    }
    countries.push({ start: entity.start, end: entity.end, text: entity.text, kind: 'PLACE', placeOnly: true });
    const government = governmentAfter.exec(text.slice(entity.end, entity.end + 20));
    if (government && !entities.some((other) => other.start >= entity.end && other.start < entity.end + government[0].length)) {
      entity.end += government[0].length;
      entity.text = text.slice(entity.start, entity.end);
    } else entity.institution = `${entity.text} government`;
  }
  return countries;
}

// Words that make an unknown name a place all the same: a street, a building, a site.
// "the town of X", "villages of X and Y", "the western province of X", "a northern X community".
const placeWordBefore = /(?:\b(?:town|towns|city|cities|village|villages|province|provinces|region|state|district|county|capital|port|island|islands|municipality|suburb|neighbourhood|neighborhood|community|area)\s+of\s+(?:the\s+)?|\b(?:northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|central|rural|downtown)\s+)$/i;
const siteWord = /\b(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd|Lane|Drive|Square|Place|Way|Highway|Park|Bridge|Hospital|Airport|Station|Castle|Palace|Fort|Camp|Mosque|Church|Synagogue|Temple|Cathedral|Market|Mall|Centre|Center|Hall|House|Tower|Stadium|Valley|Mountains?|Hills?|Lake|River|Bay|Island|Islands|Coast|Beach|Desert|Forest|Canal|Port|Harbou?r|County|District|Province|Region|Village|Township|Reserve)\b/;

/**
 * The tagger's place mentions that a reader would not take for places: a one-word name that is the first or last
 * name of a person the article names ("said Georgia", of Georgia Stevens; "Castro", of Fidel Castro) is that
 * person; a name the gazetteer does not know, with no word of a site and not after "in", "at", "from", is no
 * place ("Walsh", "Easter", "Elle"). The rest stay.
 */
function keepLikelyPlaces(text: string, entities: EntityMention[]): EntityMention[] {
  const nameWords = new Set(entities
    .filter((entity) => entity.kind === 'PERSON' && /\s/.test(entity.text.trim()))
    .flatMap((entity) => { const words = nameKey(entity.text).split(' '); return [words[0]!, words.at(-1)!]; }));
  return entities.filter((entity) => {
    if (entity.kind !== 'PLACE') return true;
    const before = text.slice(Math.max(0, entity.start - 40), entity.start);
    const locative = locativeBefore.test(before);
    const key = nameKey(entity.text);
    if (!key.includes(' ') && nameWords.has(key) && !locative) {
      entity.kind = 'PERSON';
      return true;
    }
    if (placeCandidates(entity.text).length || siteWord.test(entity.text) || locative || placeWordBefore.test(before)) return true;
    // A state after a town ("Surrey, B.C."), or a town before one ("Foua, Idlib").
    if (/,\s*$/.test(before) && divisionAbbreviationCandidates(entity.text).length) return true;
    return /^,\s*\p{Lu}/u.test(text.slice(entity.end, entity.end + 4)) || /^\s+(?:and|or)\s+\p{Lu}/u.test(text.slice(entity.end, entity.end + 6)) && placeWordBefore.test(before);
  });
}

function isProminentPlace(candidate: PlaceCandidate): boolean {
  const { kind } = candidate.place;
  return kind === 'COUNTRY' || kind === 'DIVISION' || kind === 'TERRITORY' || (kind === 'CITY' && candidate.prominence >= 100_000);
}

const placeInCompound = /(?<![\p{L}\p{N}.])(U\.S\.|US|U\.K\.|UK)(?=[\s-](?!\p{Lu}\p{Ll}))|(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)-(?:based|led|area|born|bound|backed|owned|run|made|funded|controlled|held|sponsored|brokered|style|registered|headquartered)\b|\bmid-(\p{Lu}[\p{L}]+)/gu;
const compassWord = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Inner|Outer|New|Old|Great|Little|Port|Stade|Saint|St\.?|San|Santa|Mount|Lake|Cape|Fort)$/;
const kindWord = /^(?:County|Parish|Borough|District|Province|Region|State|Territory|City|Township|Municipality|Island|Islands|Sea|Ocean|Gulf|Bay)\b/;

const WEEKDAY_TAIL = /\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;

/**
 * Repairs a place span the tagger drew too wide, in place, and returns the second place of a pair:
 * "New York Saturday" → "New York"; "Russia-Turkey" → "Russia" and "Turkey"; "Turkish-Russian" likewise;
 * "Paris Regional Medical Center" → "Paris" and "South of France" → "France" when the whole is no place the
 * gazetteer knows.
 */
function repairPlaceSpan(entity: EntityMention): EntityMention[] {
  const narrow = (offset: number, length: number) => {
    entity.start += offset;
    entity.end = entity.start + length;
    entity.text = entity.text.slice(offset, offset + length);
  };
  const weekday = WEEKDAY_TAIL.exec(entity.text);
  if (weekday) narrow(0, weekday.index);
  if (placeCandidates(entity.text).length) return [];
  const isPlace = (name: string) => countryOfDemonym(name) !== undefined || placeCandidates(name).some((candidate) => !candidate.minor);
  const pair = /^([\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+)?)[-–]([\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+)?)$/u.exec(entity.text);
  if (pair && isPlace(pair[1]!) && isPlace(pair[2]!)) {
    const second = pair[1]!.length + 1;
    const other: EntityMention = { start: entity.start + second, end: entity.end, text: pair[2]!, kind: 'PLACE' };
    if (countryOfDemonym(pair[2]!)) other.placeOnly = true;
    if (countryOfDemonym(pair[1]!)) entity.placeOnly = true;
    narrow(0, pair[1]!.length);
    return [other];
  }
  const of = /^(?:the\s+)?(?:\p{L}+\s+)?of\s+(?:the\s+)?/iu.exec(entity.text);
  if (of && isPlace(entity.text.slice(of[0].length))) {
    narrow(of[0].length, entity.text.length - of[0].length);
    return [];
  }
  const words = [...entity.text.matchAll(/\S+/g)];
  for (let count = Math.min(3, words.length - 1); count >= 1; count--) {
    const last = words[count - 1]!;
    const name = entity.text.slice(0, last.index + last[0].length);
    const rest = entity.text.slice(name.length).trim();
    // "North London", "South Pacific", "Monroe County", "Stade de France" are places of their own, not their first word.
    if (compassWord.test(name) || kindWord.test(rest) || !/^\p{Lu}/u.test(rest)) continue;
    if ((placeCandidates(name).some(isProminentPlace) || siteWord.test(rest) || institutionTail.test(rest)) && isPlace(name) && !countryOfDemonym(name)) {
      narrow(0, name.length);
      return [];
    }
  }
  return [];
}

/**
 * The places an organisation is named after: "Kentucky State Police", "Red Deer Skating Association" and "Calgary-North
 * West MLA" open with one; "University of Manitoba" and "Human Rights League of France" end with one; "Costco Canada"
 * and "Team Alberta" end with a country or a division. Countries, divisions and towns the gazetteer ranks (never a
 * minor town, never a first word like "The" or "Air").
 */
function placesInInstitutionName(entity: EntityMention): EntityMention[] {
  const found: EntityMention[] = [];
  const isPlaceName = (name: string, prominentOnly: boolean) =>
    !/^the\s/i.test(name) && !compassWord.test(name) && placeCandidates(name).some((candidate) =>
      prominentOnly ? isProminentPlace(candidate) : !candidate.minor && candidate.place.kind !== 'CONTINENT');
  const add = (offset: number, name: string) => {
    if (!found.some((other) => other.start === entity.start + offset)) {
      found.push({ start: entity.start + offset, end: entity.start + offset + name.length, text: name, kind: 'PLACE', placeOnly: true });
    }
  };
  const words = [...entity.text.matchAll(/[\p{L}\p{N}.'’&]+/gu)];
  // Opening words: the longest run of up to three words that is a place, followed by more of the name.
  for (let count = Math.min(3, words.length - 1); count >= 1; count--) {
    const last = words[count - 1]!;
    const end = last.index + last[0].length;
    const name = entity.text.slice(0, end);
    const rest = entity.text.slice(end);
    if (!/^[\s-]+\p{Lu}/u.test(rest) || kindWord.test(rest.replace(/^[\s-]+/, ''))) continue;
    // A town opening a name must be followed by an institution's word; a country or a division by any name.
    if (isPlaceName(name, false) && (institutionTail.test(rest.replace(/^[\s-]+/, '')) || isPlaceName(name, true))) {
      add(0, name);
      break;
    }
  }
  // "… of Place" anywhere in the name.
  for (const of of entity.text.matchAll(/\bof\s+(?:the\s+)?((?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})/gu)) {
    const words = of[1]!.split(/\s+/);
    for (let count = words.length; count >= 1; count--) {
      const name = words.slice(0, count).join(' ').replace(/['’]s$/u, '');
      if (isPlaceName(name, false)) {
        add(of.index + of[0].length - of[1]!.length, name);
        break;
      }
    }
  }
  // A country or a division closing the name: "Costco Canada", "Skate Canada Sectionals" excepted.
  if (words.length >= 2) {
    for (let count = Math.min(2, words.length - 1); count >= 1; count--) {
      const first = words[words.length - count]!;
      const name = entity.text.slice(first.index).replace(/['’]s$/u, '');
      if (placeCandidates(name).some((candidate) => ['COUNTRY', 'DIVISION', 'TERRITORY'].includes(candidate.place.kind) && !candidate.minor)) {
        add(first.index, name);
        break;
      }
    }
  }
  return found;
}
