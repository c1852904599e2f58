/**
 * Training-data variants for text CoNLL rarely shows in running form: whole articles in capitals
 * (headline-only feeds), sentences in capitals, and Title Case headlines. Labels are unchanged.
 */
import type { ConllDocument } from '../../src/ingest/ner/conll.js';

const LOWERCASE_IN_TITLES = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with', 'as', 'from']);

function toTitleCase(word: string): string {
  if (!/^\p{Ll}/u.test(word) || LOWERCASE_IN_TITLES.has(word)) return word;
  return word[0]!.toUpperCase() + word.slice(1);
}

export interface AugmentationShares {
  /** Share of documents added again entirely in capitals. */
  allCapsDocuments: number;
  /** Share of documents with one body sentence turned to capitals. */
  allCapsSentence: number;
  /** Share of documents with one body sentence turned to Title Case. */
  titleCaseSentence: number;
}

export function augmentCasing(documents: ConllDocument[], shares: AugmentationShares, random: () => number): ConllDocument[] {
  const augmented: ConllDocument[] = [];
  for (const document of documents) {
    const sentences = document.sentences.map((sentence) => ({ words: [...sentence.words], tags: sentence.tags }));
    const pickBodySentence = (): { words: string[] } | undefined =>
      sentences.length > 3 ? sentences[2 + Math.floor(random() * (sentences.length - 2))] : undefined;
    if (random() < shares.allCapsSentence) {
      const sentence = pickBodySentence();
      if (sentence) sentence.words = sentence.words.map((word) => word.toUpperCase());
    }
    if (random() < shares.titleCaseSentence) {
      const sentence = pickBodySentence();
      if (sentence) sentence.words = sentence.words.map(toTitleCase);
    }
    augmented.push({ sentences });
    if (random() < shares.allCapsDocuments) {
      augmented.push({
        sentences: document.sentences.map((sentence) => ({ words: sentence.words.map((word) => word.toUpperCase()), tags: sentence.tags })),
      });
    }
  }
  return augmented;
}
