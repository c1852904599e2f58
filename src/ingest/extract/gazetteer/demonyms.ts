/**
 * Demonyms and adjectives of countries and continents ("Turkish", "Syrian", "European"), as world-countries
 * (ODbL 1.0) lists them in English, plus the forms news uses that it lacks. Each names the gazetteer place it
 * stands for; a demonym is a mention of that place, never a place of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Forms English news writes that world-countries does not list, or lists differently.
const extraDemonyms: Record<string, string> = {
  Saudi: 'SA', Emirati: 'AE', Palestinian: 'PS', Israeli: 'IL', Congolese: 'CD', Bosnian: 'BA', Kosovar: 'XK',
  Taiwanese: 'TW', Czech: 'CZ', Dutch: 'NL', Filipino: 'PH', Welsh: 'GB', Scottish: 'GB',
};
const continentAdjectives: Record<string, string> = {
  European: 'newsline:europe', African: 'newsline:africa', Asian: 'newsline:asia',
};
// Demonyms that are also common words or first names in English text; left out.
const ambiguous = new Set(['Guinean', 'Niger', 'Chad', 'Jersey', 'Man', 'Georgian', 'Dominican', 'Swiss']);

let table: Map<string, string> | undefined;
let pattern: RegExp | undefined;

function demonymTable(): Map<string, string> {
  if (table) return table;
  const path = createRequire(import.meta.url).resolve('world-countries/countries.json');
  const countries = JSON.parse(readFileSync(path, 'utf8')) as { cca2: string; independent: boolean | null; demonyms?: { eng?: { m?: string; f?: string } } }[];
  table = new Map();
  for (const country of countries) {
    for (const form of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (!form || ambiguous.has(form) || !/^\p{Lu}[\p{L}-]+$/u.test(form)) continue;
      // A dependency shares its demonym with its sovereign ("American" of US territories): the first independent one wins.
      const existing = table.get(form);
      if (existing && country.independent !== true) continue;
      table.set(form, `newsline:country-${country.cca2.toLowerCase()}`);
    }
  }
  for (const [form, code] of Object.entries(extraDemonyms)) table.set(form, `newsline:country-${code.toLowerCase()}`);
  for (const [form, id] of Object.entries(continentAdjectives)) table.set(form, id);
  // "Swiss" is safe in news even though "Swiss cheese" exists; Georgian is the country or the US state's.
  table.set('Swiss', 'newsline:country-ch');
  return table;
}

/** The gazetteer id of the place a demonym stands for ("Turkish" → "newsline:country-tr"). */
export function countryOfDemonym(word: string): string | undefined {
  return demonymTable().get(word);
}

/** Matches any demonym as a whole word, capitalised as written ("Turkish", not "turkish"). */
export function demonymPattern(): RegExp {
  pattern ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...demonymTable().keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  pattern.lastIndex = 0;
  return pattern;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
