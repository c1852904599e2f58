import type { CasingLexicon, Gazetteer } from './lexicons.js';
import { hasLetter, hasLowercase, isAllCaps, normalizeWord, shortShape, startsUppercase, wordShape } from './wordForms.js';

/** A sentence prepared once for feature extraction. */
export interface PreparedSentence {
  words: readonly string[];
  normalized: string[];
  shapes: string[];
  shortShapes: string[];
  casingHabits: string[];
  gazetteerLabels: string[][];
  /** Headlines and datelines in capitals: capitalisation says nothing there. */
  isAllCaps: boolean;
}

/** What the rest of the document says about a word: used to read headlines and sentence starts. */
export interface DocumentEvidence {
  /** Normalised words seen Capitalised mid-sentence in a mixed-case sentence. */
  capitalisedMidSentence: Set<string>;
  /** Normalised words seen in lowercase in a mixed-case sentence. */
  seenLowercase: Set<string>;
}

export interface FeatureLexicons {
  gazetteer: Gazetteer;
  casing: CasingLexicon;
}

export function prepareSentence(words: readonly string[], lexicons: FeatureLexicons): PreparedSentence {
  const normalized = words.map(normalizeWord);
  const shapes = words.map(wordShape);
  const lettered = words.filter(hasLetter);
  return {
    words,
    normalized,
    shapes,
    shortShapes: shapes.map(shortShape),
    casingHabits: normalized.map((word) => lexicons.casing.habitOf(word)),
    gazetteerLabels: lexicons.gazetteer.matchSentence(normalized),
    isAllCaps: lettered.length > 0 && !lettered.some(hasLowercase),
  };
}

export function gatherDocumentEvidence(sentences: readonly PreparedSentence[]): DocumentEvidence {
  const evidence: DocumentEvidence = { capitalisedMidSentence: new Set(), seenLowercase: new Set() };
  for (const sentence of sentences) {
    if (sentence.isAllCaps) continue;
    sentence.words.forEach((word, index) => {
      if (!hasLetter(word)) return;
      if (index > 0 && startsUppercase(word)) evidence.capitalisedMidSentence.add(sentence.normalized[index]!);
      else if (!startsUppercase(word)) evidence.seenLowercase.add(sentence.normalized[index]!);
    });
  }
  return evidence;
}

const BOUNDARY = '<s>';

/** Features that do not depend on predicted tags, as strings (hashed by the caller). */
export function staticFeatures(sentence: PreparedSentence, index: number, evidence: DocumentEvidence): string[] {
  const { words, normalized, shapes, shortShapes, casingHabits } = sentence;
  const word = words[index]!;
  const norm = normalized[index]!;
  const shape = shapes[index]!;
  const caps = sentence.isAllCaps ? 'A' : 'm';
  const at = (list: readonly string[], offset: number): string => list[index + offset] ?? BOUNDARY;
  const features = [
    'bias',
    `w=${norm}`,
    `W=${word}`,
    `sh=${shape}`,
    `ss=${shortShapes[index]}`,
    `sh|caps=${shape}|${caps}`,
    `w|caps=${norm}|${caps}`,
    `case=${casingHabits[index]}`,
    `case|caps|first=${casingHabits[index]}|${caps}|${index === 0}`,
    `w-1=${at(normalized, -1)}`,
    `w+1=${at(normalized, 1)}`,
    `w-2=${at(normalized, -2)}`,
    `w+2=${at(normalized, 2)}`,
    `w-1|w=${at(normalized, -1)}|${norm}`,
    `w|w+1=${norm}|${at(normalized, 1)}`,
    `w-2|w-1=${at(normalized, -2)}|${at(normalized, -1)}`,
    `w+1|w+2=${at(normalized, 1)}|${at(normalized, 2)}`,
    `ss-1=${at(shortShapes, -1)}|${caps}`,
    `ss+1=${at(shortShapes, 1)}|${caps}`,
    `ss-2=${at(shortShapes, -2)}|${caps}`,
    `ss+2=${at(shortShapes, 2)}|${caps}`,
    `ss-1|ss|ss+1=${at(shortShapes, -1)}|${shortShapes[index]}|${at(shortShapes, 1)}`,
    `case-1=${at(casingHabits, -1)}`,
    `case+1=${at(casingHabits, 1)}`,
    `first=${index === 0}|${caps}`,
    `len=${Math.min(word.length, 12)}`,
  ];
  for (let length = 1; length <= 4 && length < norm.length; length += 1) {
    features.push(`p${length}=${norm.slice(0, length)}`, `s${length}=${norm.slice(-length)}`);
  }
  if (word.includes('-')) for (const part of norm.split('-')) features.push(`part=${part}`);
  if (isAllCaps(word) && word.length > 1) features.push(`allcaps|caps=${caps}`);
  if (hasLetter(word)) {
    const capitalisedElsewhere = evidence.capitalisedMidSentence.has(norm);
    const lowercaseElsewhere = evidence.seenLowercase.has(norm);
    features.push(`doc=${capitalisedElsewhere}|${lowercaseElsewhere}|${caps}|${index === 0}`);
  }
  for (const label of sentence.gazetteerLabels[index]!) features.push(`gaz=${label}`);
  for (const label of sentence.gazetteerLabels[index - 1] ?? []) features.push(`gaz-1=${label}`);
  for (const label of sentence.gazetteerLabels[index + 1] ?? []) features.push(`gaz+1=${label}`);
  return features;
}
