import { HashLookup, hashString } from './featureHash.js';

/** Cluster counts from coarse to fine; every coarse cluster is a union of fine ones. */
export const WORD_CLUSTER_LEVELS = [64, 256, 1024] as const;

/** Which cluster each known word falls in at each level, kept as sorted word hashes and one id array per level. */
export class WordClusters {
  private readonly lookup: HashLookup;

  constructor(
    readonly hashes: Uint32Array,
    /** levels[level][row]: the cluster of the word whose hash is hashes[row]. */
    readonly levels: readonly Uint16Array[],
  ) {
    this.lookup = new HashLookup(hashes);
  }

  static fromWords(words: readonly string[], idsByLevel: readonly Uint16Array[]): WordClusters {
    const rows = new Map<number, number>();
    words.forEach((word, index) => {
      const hash = hashString(word);
      if (!rows.has(hash)) rows.set(hash, index); // on a hash collision the more frequent word wins
    });
    const sorted = [...rows.keys()].sort((left, right) => left - right);
    return new WordClusters(
      Uint32Array.from(sorted),
      idsByLevel.map((ids) => Uint16Array.from(sorted, (hash) => ids[rows.get(hash)!]!)),
    );
  }

  static empty(): WordClusters {
    return new WordClusters(new Uint32Array(0), WORD_CLUSTER_LEVELS.map(() => new Uint16Array(0)));
  }

  /** Row of a normalised word, or -1 when it has no vector. */
  rowOf(normalizedWord: string): number {
    return this.lookup.indexOf(hashString(normalizedWord));
  }

  /** "64:12|256:40|1024:873" style labels per level, or none for an unknown word. */
  labelsOf(normalizedWord: string): string[] {
    const row = this.rowOf(normalizedWord);
    if (row < 0) return [];
    return WORD_CLUSTER_LEVELS.map((level, index) => `${level}:${this.levels[index]![row]}`);
  }
}
