// Property tests of name normalisation: the lookup key of a name (graph/names.ts nameKey, distinctNames) and the
// search that matches on it (people/places/organizations/sources(search:), schema/name-search.ts), on a real database.
// Fixed seed; NEWSLINE_PROPERTY_SEED changes it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctNames, nameKey } from '../../src/graph/names.js';
import { openHarness, type HttpHarness } from '../http/http-client.js';

const seed = Number(process.env.NEWSLINE_PROPERTY_SEED ?? 20_261_204);
const settings = { seed, numRuns: 3_000 };

/** Letters of the names in the news: Latin with its accents and the letters NFKD leaves alone, and some Greek and Cyrillic. */
const latinLetters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëáàâäãåçñóòôöõúùûüíìîïýÿćčđłńśšźżžőűğışøæœßþðÉÈÁÀÂÄÇÑÓÖÜÍÎÝĆČĐŁŃŚŠŹŻŽŐŰĞİŞØÆŒÞÐ'];
const otherLetters = [...'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩабвгдежзийклмнопрстуфхцчшщъыьэюяёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯЁ'];
const separators = [...' .-\'’‘`´,()/&:;"_']; // eslint-disable-line
const nameLike = fc.string({ unit: fc.constantFrom(...latinLetters, ...otherLetters, ...separators, '0', '7'), minLength: 0, maxLength: 30 });
/** Any text at all, lone surrogates and control characters included. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), nameLike);

/** The same name without its accents: NFD and no combining marks (ø, ł and the like stay; nameKey folds those itself). */
const withoutAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
/**
 * Names the case property holds for: not İ (its lower case is i with a combining dot), and no sigma, whose lower case
 * depends on its place in the word (Σ → ς at a word's end, σ elsewhere), which nameKey does not fold (see below).
 */
const caseFoldable = /^[^İσςΣ]*$/;

describe('name keys (graph/names.ts)', () => {
  it('never throws, and gives only lower-case letters and digits in words separated by single spaces', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const key = nameKey(name);
        expect(key).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(key).toBe(key.toLowerCase());
      }),
      settings,
    );
  });

  it('is idempotent: a key is its own key', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
      settings,
    );
  });

  it('ignores case and accents: upper case, lower case and the unaccented name share a key', () => {
    fc.assert(
      fc.property(nameLike.filter((name) => caseFoldable.test(name)), (name) => {
        const key = nameKey(name);
        expect(nameKey(name.toUpperCase())).toBe(key);
        expect(nameKey(name.toLowerCase())).toBe(key);
        expect(nameKey(withoutAccents(name))).toBe(key);
        expect(nameKey(name.normalize('NFC'))).toBe(nameKey(name.normalize('NFD')));
      }),
      settings,
    );
  });

  // A known gap, left for a change that re-keys the stored aliases: nameKey keeps ς and σ apart, and JavaScript lowers
  // a final Σ to ς, so "ΟΔΥΣ" (a prefix typed in capitals) keys as "οδυς" and does not find "Οδυσσέας" ("οδυσσεας").
  it.fails('folds the Greek final sigma (ς) as σ, so a name in capitals and its prefixes match (known gap)', () => {
    expect(nameKey('ΟΔΥΣ')).toBe(nameKey('Οδυσ'));
    expect(nameKey('Οδυσσέας')).toContain(nameKey('ΟΔΥΣ'));
  });

  it('ignores dots, apostrophes and runs of other punctuation or spaces between words', () => {
    const word = fc.string({ unit: fc.constantFrom(...latinLetters), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', '-', ' - ', ', ', '/', '\t', '\n'), (words, separator) => {
        expect(nameKey(words.join(separator))).toBe(nameKey(words.join(' ')));
        expect(nameKey(words.map((w) => w.split('').join('.')).join(' '))).toBe(nameKey(words.join(' ')));
        expect(nameKey(`${words.join(' ')}’`)).toBe(nameKey(words.join(' ')));
      }),
      settings,
    );
  });

  it('keeps one display name per key, none of them empty, the first of each key', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 8 }), (names) => {
        const distinct = distinctNames(names);
        const keys = distinct.map((entry) => entry.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const { name, key } of distinct) {
          expect(key).not.toBe('');
          expect(nameKey(name)).toBe(key);
          const first = names.map((raw) => raw.trim().replace(/\s+/g, ' ')).find((raw) => nameKey(raw) === key);
          expect(name).toBe(first);
        }
        expect(keys.sort()).toEqual([...new Set(names.map((raw) => nameKey(raw.trim().replace(/\s+/g, ' '))).filter(Boolean))].sort());
      }),
      settings,
    );
  });
});

describe('name search on a database (schema/name-search.ts)', () => {
  let harness: HttpHarness;
  const names: Record<string, { id: string; name: string }[]> = {};
  const lists = ['people', 'places', 'organizations', 'sources'] as const;
  const totals: Record<string, number> = {};

  beforeAll(async () => {
    harness = await openHarness();
    for (const list of lists) {
      const { body } = await harness.post(`{ ${list}(first: 100) { totalCount edges { node { id name } } } }`);
      names[list] = body.data[list].edges.map((edge: { node: { id: string; name: string } }) => edge.node);
      totals[list] = body.data[list].totalCount;
    }
    expect(names.people!.length).toBeGreaterThan(0);
  });
  afterAll(async () => harness?.close());

  const search = async (list: string, text: string) => {
    const { body } = await harness.post(`query ($s: String) { ${list}(search: $s, first: 100) { totalCount edges { node { id } } } }`, { s: text });
    return body;
  };

  it('finds an entity by any case, accent or punctuation variant of its name, first among equals', async () => {
    const variant = fc.constantFrom<(name: string) => string>(
      (name) => name.toUpperCase(),
      (name) => name.toLowerCase(),
      (name) => withoutAccents(name),
      (name) => ` ${name}  `,
      (name) => name.replace(/ /g, '-'),
      (name) => name.replace(/ /g, '  '),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), fc.nat(), variant, async (list, index, change) => {
        const entities = names[list]!;
        if (!entities.length) return;
        const entity = entities[index % entities.length]!;
        const body = await search(list, change(entity.name));
        expect(body.errors).toBeUndefined();
        const found = body.data[list].edges.map((edge: { node: { id: string } }) => edge.node.id);
        expect(found).toContain(entity.id);
        // An exact key match ranks in the first tier: no entity whose names only contain the search comes before it.
        const exact = await search(list, entity.name);
        expect(body.data[list].edges[0].node.id).toBe(exact.data[list].edges[0].node.id);
      }),
      { seed, numRuns: 150 },
    );
  }, 120_000);

  it('treats a search that normalises to nothing as no search, and any other text without an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), anyText, async (list, text) => {
        const body = await search(list, text);
        const problem = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
        if (problem) {
          // NUL and lone surrogates are refused by name before anything runs (http/input-text.ts).
          expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          return;
        }
        expect(body.errors).toBeUndefined();
        if (!nameKey(text)) expect(body.data[list].totalCount).toBe(totals[list]);
        else expect(body.data[list].totalCount).toBeLessThanOrEqual(totals[list]!);
      }),
      { seed, numRuns: 300 },
    );
  }, 120_000);
});
