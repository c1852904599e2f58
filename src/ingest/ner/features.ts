import type { CasingLexicon, Gazetteer } from './lexicons.js';
import { featureBucket, featurePrefix, type FeatureBuckets } from './model.js';
import type { WordClusters } from './wordClusters.js';
import { hasLetter, hasLowercase, isAllCaps, normalizeWord, shortShape, startsUppercase, wordShape } from './wordForms.js';

/** A sentence prepared once for feature extraction. */
export interface PreparedSentence {
  words: readonly string[];
  normalized: string[];
  shapes: string[];
  shortShapes: string[];
  casingHabits: string[];
  gazetteerLabels: string[][];
  /** Per token: its word cluster at each granularity, coarse to fine (none for a word without a vector). */
  clusterLabels: string[][];
  /** A: headline or dateline in capitals, T: Title Case headline, m: running text. Capitalisation means little in A and T. */
  casingStyle: CasingStyle;
}

export type CasingStyle = 'A' | 'T' | 'm';

/** Words headline style leaves in lowercase. */
const TITLE_CASE_EXCEPTIONS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with', 'as', 'from', 'vs', 'v']);

export function casingStyleOf(words: readonly string[]): CasingStyle {
  const lettered = words.filter(hasLetter);
  if (lettered.length > 0 && !lettered.some(hasLowercase)) return 'A';
  const content = lettered.filter((word) => /^\p{L}/u.test(word) && !TITLE_CASE_EXCEPTIONS.has(word.toLowerCase()));
  if (content.length >= 3 && content.every(startsUppercase)) return 'T';
  return 'm';
}

/** What the rest of the document says about a word: used to read headlines and sentence starts. */
export interface DocumentEvidence {
  /** Normalised words seen Capitalised mid-sentence in a mixed-case sentence. */
  capitalisedMidSentence: Set<string>;
  /** Normalised words seen in lowercase in a mixed-case sentence. */
  seenLowercase: Set<string>;
  /** Sports reports name clubs after places ("Leicestershire beat Somerset"), so places there are often organisations. */
  isSportsReport: boolean;
  /**
   * For each capitalised word, the contexts of all its capitalised occurrences in the document: the
   * words around it and the words that end or start its run of names. "Petofi general manager" and
   * "Petofi 's board" then speak for every "Petofi" of the report (context aggregation, Ratinov and Roth 2009).
   */
  contexts: Map<string, Set<string>>;
}

/** Enough contexts to carry a document's evidence without letting a long list of results swamp the features. */
const MAX_AGGREGATED_CONTEXTS = 24;

/** Words that mark a sports report when several of them occur. */
const SPORTS_WORDS = new Set([
  'soccer', 'football', 'cricket', 'tennis', 'golf', 'rugby', 'baseball', 'basketball', 'hockey', 'cycling', 'athletics',
  'league', 'championship', 'cup', 'match', 'matches', 'goal', 'goals', 'innings', 'wickets', 'scored', 'scorers',
  'halftime', 'draw', 'drew', 'beat', 'seed', 'round', 'tournament', 'standings', 'played', 'win', 'won', 'points',
  'olympic', 'race', 'lap', 'coach', 'striker', 'midfielder', 'goalkeeper', 'penalty', 'season', 'division',
]);

export interface FeatureLexicons {
  gazetteer: Gazetteer;
  casing: CasingLexicon;
  clusters: WordClusters;
}

/** Arabic articles and name particles written in lowercase before a capitalised name: "al-Qassam", "bin-Laden". */
const LOWERCASE_NAME_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|abd)-(?=\p{Lu})/u;

/** Shapes and capitalisation cues read "al-Qassam" as the capitalised name it is. */
function capitaliseNameParticle(word: string): string {
  return LOWERCASE_NAME_PARTICLE.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/**
 * "US", "WHO", "IT": the word vectors are of lowercase text, where an acronym is read as the common word it spells
 * ("us"), so a word in capitals within running text takes no cluster.
 */
function isAcronym(word: string): boolean {
  return word.length >= 2 && isAllCaps(word.replace(/\./g, ''));
}

export function prepareSentence(originalWords: readonly string[], lexicons: FeatureLexicons): PreparedSentence {
  const words = originalWords.map(capitaliseNameParticle);
  const normalized = words.map(normalizeWord);
  const shapes = words.map(wordShape);
  const casingStyle = casingStyleOf(words);
  return {
    words,
    normalized,
    shapes,
    shortShapes: shapes.map(shortShape),
    casingHabits: normalized.map((word) => lexicons.casing.habitOf(word)),
    gazetteerLabels: lexicons.gazetteer.matchSentence(normalized),
    clusterLabels: normalized.map((word, index) => (casingStyle === 'm' && isAcronym(words[index]!) ? [] : lexicons.clusters.labelsOf(word))),
    casingStyle,
  };
}

export function gatherDocumentEvidence(sentences: readonly PreparedSentence[]): DocumentEvidence {
  const evidence: DocumentEvidence = { capitalisedMidSentence: new Set(), seenLowercase: new Set(), isSportsReport: false, contexts: new Map() };
  let sportsWords = 0;
  let words = 0;
  for (const sentence of sentences) {
    for (const word of sentence.normalized) if (SPORTS_WORDS.has(word)) sportsWords += 1;
    words += sentence.normalized.length;
  }
  evidence.isSportsReport = sportsWords >= 3 && sportsWords * 40 >= words;
  for (const sentence of sentences) recordContexts(sentence, evidence.contexts);
  for (const sentence of sentences) {
    if (sentence.casingStyle !== 'm') continue;
    sentence.words.forEach((word, index) => {
      if (!hasLetter(word)) return;
      if (index > 0 && startsUppercase(word)) evidence.capitalisedMidSentence.add(sentence.normalized[index]!);
      else if (!startsUppercase(word)) evidence.seenLowercase.add(sentence.normalized[index]!);
    });
  }
  return evidence;
}

function recordContexts(sentence: PreparedSentence, contexts: Map<string, Set<string>>): void {
  const { words, normalized, casingStyle } = sentence;
  const isName = (index: number): boolean => hasLetter(words[index]!) && (casingStyle === 'A' || startsUppercase(words[index]!));
  for (let index = 0; index < words.length; index += 1) {
    if (!isName(index)) continue;
    const set = contexts.get(normalized[index]!) ?? new Set<string>();
    if (set.size >= MAX_AGGREGATED_CONTEXTS) continue;
    if (casingStyle === 'm' && index > 0) set.add(`-1:${normalized[index - 1]}`);
    if (casingStyle === 'm') set.add(`+1:${normalized[index + 1] ?? '</s>'}`);
    if (casingStyle === 'm') {
      let runStart = index;
      while (runStart > 0 && isName(runStart - 1)) runStart -= 1;
      let runEnd = index + 1;
      while (runEnd < words.length && isName(runEnd)) runEnd += 1;
      if (runEnd - runStart > 1) {
        if (runEnd - 1 !== index) set.add(`last:${normalized[runEnd - 1]}`);
        if (runStart !== index) set.add(`first:${normalized[runStart]}`);
      }
    }
    contexts.set(normalized[index]!, set);
  }
}

const BOUNDARY = '<s>';

/** Each feature's name hashed once (see FeatureBuckets); the name is the string the feature was first written as. */
const NAMES = {
  bias: featureBucket('bias'),
  word: featurePrefix('w='),
  rawWord: featurePrefix('W='),
  shape: featurePrefix('sh='),
  shortShape: featurePrefix('ss='),
  shapeCaps: featurePrefix('sh|caps='),
  wordCaps: featurePrefix('w|caps='),
  casing: featurePrefix('case='),
  casingCapsFirst: featurePrefix('case|caps|first='),
  previousWord: featurePrefix('w-1='),
  nextWord: featurePrefix('w+1='),
  secondPreviousWord: featurePrefix('w-2='),
  secondNextWord: featurePrefix('w+2='),
  previousAndWord: featurePrefix('w-1|w='),
  wordAndNext: featurePrefix('w|w+1='),
  twoPrevious: featurePrefix('w-2|w-1='),
  twoNext: featurePrefix('w+1|w+2='),
  previousShortShape: featurePrefix('ss-1='),
  nextShortShape: featurePrefix('ss+1='),
  secondPreviousShortShape: featurePrefix('ss-2='),
  secondNextShortShape: featurePrefix('ss+2='),
  shortShapeWindow: featurePrefix('ss-1|ss|ss+1='),
  previousCasing: featurePrefix('case-1='),
  nextCasing: featurePrefix('case+1='),
  first: featurePrefix('first='),
  length: featurePrefix('len='),
  prefixes: [0, 1, 2, 3, 4].map((length) => featurePrefix(`p${length}=`)),
  suffixes: [0, 1, 2, 3, 4].map((length) => featurePrefix(`s${length}=`)),
  part: featurePrefix('part='),
  allCaps: featurePrefix('allcaps|caps='),
  document: featurePrefix('doc='),
  aggregated: featurePrefix('agg='),
  sportsWord: featurePrefix('sports|w='),
  sportsShortShape: featurePrefix('sports|ss|caps='),
  runLast: featurePrefix('runLast='),
  runFirst: featurePrefix('runFirst='),
  runPosition: featurePrefix('runPos='),
  runHeadCluster: featurePrefix('runHeadC|pos='),
  runHeadGazetteer: featurePrefix('runHeadGaz|pos='),
  runHeadCasing: featurePrefix('runHeadCase|pos='),
  runFirstCluster: featurePrefix('runFirstC|pos='),
  runLength: featurePrefix('runLen|pos='),
  cluster: featurePrefix('c='),
  previousCluster: featurePrefix('c-1='),
  nextCluster: featurePrefix('c+1='),
  secondPreviousCluster: featurePrefix('c-2='),
  secondNextCluster: featurePrefix('c+2='),
  gazetteer: featurePrefix('gaz='),
  sportsGazetteer: featurePrefix('sports|gaz='),
  previousGazetteer: featurePrefix('gaz-1='),
  nextGazetteer: featurePrefix('gaz+1='),
};

const LENGTH_TEXT = Array.from({ length: 13 }, (_, length) => String(length));
const NO_LABELS: readonly string[] = [];

function wordAt(list: readonly string[], position: number): string {
  return list[position] ?? BOUNDARY;
}

function booleanText(value: boolean): string {
  return value ? 'true' : 'false';
}

const RUN_LENGTH_TEXT = ['0', '1', '2', '3', '4+'];

/**
 * A run's head word says what the run names ("... Holdings", "... Rovers", "... Province"), but a head the training
 * data never saw says nothing through its own word. Its class does: the head's clusters, gazetteer lists and casing
 * habit, so an unseen "Bancorp" speaks like the "Corp" it clusters with. The first word's cluster marks runs that open
 * with a given name or a title.
 */
function addRunClassFeatures(sentence: PreparedSentence, index: number, runStart: number, runEnd: number, position: string, out: FeatureBuckets): void {
  const head = runEnd - 1;
  const { clusterLabels, gazetteerLabels, casingHabits } = sentence;
  if (head !== index) {
    for (const label of clusterLabels[head]!) out.add2(NAMES.runHeadCluster, label, position);
    for (const label of gazetteerLabels[head]!) out.add2(NAMES.runHeadGazetteer, label, position);
    out.add2(NAMES.runHeadCasing, casingHabits[head]!, position);
  }
  if (runStart !== index) {
    const firstClusters = clusterLabels[runStart]!;
    for (let level = 0; level < 2 && level < firstClusters.length; level += 1) out.add2(NAMES.runFirstCluster, firstClusters[level]!, position);
  }
  out.add2(NAMES.runLength, RUN_LENGTH_TEXT[Math.min(runEnd - runStart, 4)]!, position);
}

/** Adds the buckets of the features that do not depend on predicted tags. */
export function addStaticFeatures(sentence: PreparedSentence, index: number, evidence: DocumentEvidence, out: FeatureBuckets): void {
  const { words, normalized, shapes, shortShapes, casingHabits } = sentence;
  const word = words[index]!;
  const norm = normalized[index]!;
  const shape = shapes[index]!;
  const shortShape = shortShapes[index]!;
  const habit = casingHabits[index]!;
  const caps = sentence.casingStyle;
  const first = booleanText(index === 0);
  const previous = wordAt(normalized, index - 1);
  const next = wordAt(normalized, index + 1);
  const secondPrevious = wordAt(normalized, index - 2);
  const secondNext = wordAt(normalized, index + 2);
  out.push(NAMES.bias);
  out.add(NAMES.word, norm);
  out.add(NAMES.rawWord, word);
  out.add(NAMES.shape, shape);
  out.add(NAMES.shortShape, shortShape);
  out.add2(NAMES.shapeCaps, shape, caps);
  out.add2(NAMES.wordCaps, norm, caps);
  out.add(NAMES.casing, habit);
  out.add3(NAMES.casingCapsFirst, habit, caps, first);
  out.add(NAMES.previousWord, previous);
  out.add(NAMES.nextWord, next);
  out.add(NAMES.secondPreviousWord, secondPrevious);
  out.add(NAMES.secondNextWord, secondNext);
  out.add2(NAMES.previousAndWord, previous, norm);
  out.add2(NAMES.wordAndNext, norm, next);
  out.add2(NAMES.twoPrevious, secondPrevious, previous);
  out.add2(NAMES.twoNext, next, secondNext);
  out.add2(NAMES.previousShortShape, wordAt(shortShapes, index - 1), caps);
  out.add2(NAMES.nextShortShape, wordAt(shortShapes, index + 1), caps);
  out.add2(NAMES.secondPreviousShortShape, wordAt(shortShapes, index - 2), caps);
  out.add2(NAMES.secondNextShortShape, wordAt(shortShapes, index + 2), caps);
  out.add3(NAMES.shortShapeWindow, wordAt(shortShapes, index - 1), shortShape, wordAt(shortShapes, index + 1));
  out.add(NAMES.previousCasing, wordAt(casingHabits, index - 1));
  out.add(NAMES.nextCasing, wordAt(casingHabits, index + 1));
  out.add2(NAMES.first, first, caps);
  out.add(NAMES.length, LENGTH_TEXT[Math.min(word.length, 12)]!);
  for (let length = 1; length <= 4 && length < norm.length; length += 1) {
    out.addSlice(NAMES.prefixes[length]!, norm, 0, length);
    out.addSlice(NAMES.suffixes[length]!, norm, norm.length - length, norm.length);
  }
  if (word.includes('-')) for (const part of norm.split('-')) out.add(NAMES.part, part);
  if (isAllCaps(word) && word.length > 1) out.add(NAMES.allCaps, caps);
  if (hasLetter(word)) {
    const capitalisedElsewhere = evidence.capitalisedMidSentence.has(norm);
    const lowercaseElsewhere = evidence.seenLowercase.has(norm);
    out.add4(NAMES.document, booleanText(capitalisedElsewhere), booleanText(lowercaseElsewhere), caps, first);
  }
  const aggregated = evidence.contexts.get(norm);
  if (aggregated && (caps === 'A' || startsUppercase(word))) for (const context of aggregated) out.add(NAMES.aggregated, context);
  const sports = evidence.isSportsReport ? 'S' : 'N';
  out.add2(NAMES.sportsWord, sports, norm);
  out.add3(NAMES.sportsShortShape, sports, shortShape, caps);
  if (caps === 'm' && startsUppercase(word)) {
    // The last word of a run of Capitalised words names its kind: "... Forces", "... Strip", "... Party".
    let runStart = index;
    while (runStart > 0 && startsUppercase(words[runStart - 1]!)) runStart -= 1;
    let runEnd = index + 1;
    while (runEnd < words.length && startsUppercase(words[runEnd]!)) runEnd += 1;
    if (runEnd - runStart > 1) {
      out.add(NAMES.runLast, normalized[runEnd - 1]!);
      out.add(NAMES.runFirst, normalized[runStart]!);
      const position = index === runStart ? 'B' : index === runEnd - 1 ? 'L' : 'I';
      out.add(NAMES.runPosition, position);
      addRunClassFeatures(sentence, index, runStart, runEnd, position, out);
    }
  }
  const { clusterLabels, gazetteerLabels } = sentence;
  // The word's own cluster at the finer levels only: the coarsest groups words by topic as much as by use (Spanish
  // surnames with Spanish towns), and on its own it would outvote what the context says.
  const own = clusterLabels[index]!;
  for (let level = 1; level < own.length; level += 1) out.add(NAMES.cluster, own[level]!);
  for (const label of clusterLabels[index - 1] ?? NO_LABELS) out.add(NAMES.previousCluster, label);
  for (const label of clusterLabels[index + 1] ?? NO_LABELS) out.add(NAMES.nextCluster, label);
  const secondPreviousClusters = clusterLabels[index - 2] ?? NO_LABELS;
  for (let level = 0; level < 2 && level < secondPreviousClusters.length; level += 1) out.add(NAMES.secondPreviousCluster, secondPreviousClusters[level]!);
  const secondNextClusters = clusterLabels[index + 2] ?? NO_LABELS;
  for (let level = 0; level < 2 && level < secondNextClusters.length; level += 1) out.add(NAMES.secondNextCluster, secondNextClusters[level]!);
  for (const label of gazetteerLabels[index]!) {
    out.add(NAMES.gazetteer, label);
    out.add2(NAMES.sportsGazetteer, sports, label);
  }
  for (const label of gazetteerLabels[index - 1] ?? NO_LABELS) out.add(NAMES.previousGazetteer, label);
  for (const label of gazetteerLabels[index + 1] ?? NO_LABELS) out.add(NAMES.nextGazetteer, label);
}
