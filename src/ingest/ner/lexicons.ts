import { FNV_OFFSET, fnvAppend, fnvFinish, HashedStringSet } from './featureHash.js';

const SPACE = ' '.charCodeAt(0);
const FNV_PRIME = 0x01000193;

/** Place-name lists baked into the model at training time, matched on normalised token sequences. */
export const GAZETTEER_CATEGORIES = ['country', 'capital', 'city', 'admin', 'demonym', 'region', 'placeSkeleton'] as const;
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

export const MAX_PHRASE_TOKENS = 5;

/**
 * Consonant skeleton of a multi-word name, so transliteration variants meet:
 * "khan younis" and "khan yunis" both become "khn yns".
 */
export function placeSkeleton(phrase: string): string {
  return phrase.split(' ').map(wordSkeleton).join(' ');
}

function wordSkeleton(word: string): string {
  return word.replace(/(?!^)[aeiouy']/g, '').replace(/(.)\1+/g, '$1');
}

/** Skeletons are only trusted for names of two or more words: single-word skeletons collide with common words. */
export function gazetteerKeyFor(category: GazetteerCategory, phrase: string): string | undefined {
  if (category !== 'placeSkeleton') return phrase;
  return phrase.includes(' ') ? placeSkeleton(phrase) : undefined;
}

export class Gazetteer {
  constructor(readonly lists: ReadonlyMap<GazetteerCategory, HashedStringSet>) {}

  /** For each token, feature labels like "city:B" (first token of a match) or "country:I"; longest match first, per category. */
  matchSentence(normalizedWords: readonly string[]): string[][] {
    const labels: string[][] = normalizedWords.map(() => []);
    const lists = [...this.lists];
    const nextFree = new Map<GazetteerCategory, number>();
    const exactHashes: number[] = [];
    const skeletonHashes: number[] = [];
    // A phrase's skeleton is its words' skeletons joined, so each word is reduced once.
    const skeletons = this.lists.has('placeSkeleton') ? normalizedWords.map(wordSkeleton) : undefined;
    for (let start = 0; start < normalizedWords.length; start += 1) {
      // Hash each phrase starting here once, for all categories, each extending the hash of the one before by a
      // space and a word, as hashing the joined phrase would.
      const longest = Math.min(MAX_PHRASE_TOKENS, normalizedWords.length - start);
      let phraseState = FNV_OFFSET;
      let skeletonState = FNV_OFFSET;
      for (let length = 1; length <= longest; length += 1) {
        if (length > 1) phraseState = Math.imul(phraseState ^ SPACE, FNV_PRIME);
        phraseState = fnvAppend(phraseState, normalizedWords[start + length - 1]!);
        exactHashes[length] = fnvFinish(phraseState);
        if (skeletons) {
          if (length > 1) skeletonState = Math.imul(skeletonState ^ SPACE, FNV_PRIME);
          skeletonState = fnvAppend(skeletonState, skeletons[start + length - 1]!);
        }
        skeletonHashes[length] = length > 1 && skeletons ? fnvFinish(skeletonState) : -1;
      }
      for (const [category, list] of lists) {
        if ((nextFree.get(category) ?? 0) > start) continue;
        const hashes = category === 'placeSkeleton' ? skeletonHashes : exactHashes;
        let matchedLength = 0;
        for (let length = longest; length >= 1 && matchedLength === 0; length -= 1) {
          if (hashes[length]! >= 0 && list.hasHash(hashes[length]!)) matchedLength = length;
        }
        if (matchedLength === 0) continue;
        labels[start]!.push(`${category}:B`);
        for (let inside = start + 1; inside < start + matchedLength; inside += 1) labels[inside]!.push(`${category}:I`);
        nextFree.set(category, start + matchedLength);
      }
    }
    return labels;
  }
}

/** How a word is usually written mid-sentence in unlabeled news: Capitalised, lowercase, or Mixed. */
export type CasingHabit = 'C' | 'L' | 'M' | '?';

export class CasingLexicon {
  constructor(
    readonly capitalised: HashedStringSet,
    readonly lowercase: HashedStringSet,
    readonly mixed: HashedStringSet,
  ) {}

  habitOf(normalizedWord: string): CasingHabit {
    if (this.capitalised.has(normalizedWord)) return 'C';
    if (this.lowercase.has(normalizedWord)) return 'L';
    if (this.mixed.has(normalizedWord)) return 'M';
    return '?';
  }
}

/** Counts how each word is cased in running text, away from sentence starts and all-caps lines. */
export class CasingCounter {
  private readonly counts = new Map<string, [capitalised: number, lowercase: number]>();

  addSentence(words: readonly string[], normalizedWords: readonly string[]): void {
    if (!words.some((word) => /\p{Ll}/u.test(word))) return; // headlines say nothing about casing
    for (let index = 1; index < words.length; index += 1) {
      const word = words[index]!;
      if (!/^\p{L}/u.test(word)) continue;
      const previous = words[index - 1]!;
      if (/^[.!?:"'“‘(]$/u.test(previous)) continue; // likely a new clause or quotation start
      const key = normalizedWords[index]!;
      const entry = this.counts.get(key) ?? [0, 0];
      if (/^\p{Lu}/u.test(word)) entry[0] += 1;
      else entry[1] += 1;
      this.counts.set(key, entry);
    }
  }

  build(minimumCount: number): CasingLexicon {
    const capitalised: string[] = [];
    const lowercase: string[] = [];
    const mixed: string[] = [];
    for (const [word, [caps, lower]] of this.counts) {
      const total = caps + lower;
      if (total < minimumCount) continue;
      const ratio = caps / total;
      if (ratio >= 0.9) capitalised.push(word);
      else if (ratio <= 0.1) lowercase.push(word);
      else mixed.push(word);
    }
    return new CasingLexicon(
      HashedStringSet.fromStrings(capitalised),
      HashedStringSet.fromStrings(lowercase),
      HashedStringSet.fromStrings(mixed),
    );
  }
}
