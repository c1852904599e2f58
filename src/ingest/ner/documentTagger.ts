import { featureBucket, FeatureBuckets, featurePrefix, type TagScorer } from './model.js';
import { addStaticFeatures, gatherDocumentEvidence, type PreparedSentence } from './features.js';
import { ENTITY_TYPES, isAllowedAfter, OUTSIDE, TAG_COUNT, TAGS, tagType } from './tagset.js';
import { hasLetter, startsUppercase } from './wordForms.js';

/** A document's sentences with their tag-independent feature buckets computed once. */
export interface FeaturizedDocument {
  sentences: PreparedSentence[];
  /** Per sentence: feature buckets of all tokens, concatenated. */
  buckets: Uint32Array[];
  /** Per sentence: where each token's buckets start (length = tokens + 1). */
  offsets: Uint32Array[];
}

export function featurizeDocument(sentences: PreparedSentence[]): FeaturizedDocument {
  const evidence = gatherDocumentEvidence(sentences);
  const buckets: Uint32Array[] = [];
  const offsets: Uint32Array[] = [];
  const sentenceBuckets = new FeatureBuckets();
  for (const sentence of sentences) {
    sentenceBuckets.clear();
    const sentenceOffsets = new Uint32Array(sentence.words.length + 1);
    for (let index = 0; index < sentence.words.length; index += 1) {
      addStaticFeatures(sentence, index, evidence, sentenceBuckets);
      sentenceOffsets[index + 1] = sentenceBuckets.length;
    }
    buckets.push(sentenceBuckets.toArray());
    offsets.push(sentenceOffsets);
  }
  return { sentences, buckets, offsets };
}

/** Called during training after each prediction, with the features used. */
export interface TaggingLesson {
  goldTags: readonly Uint8Array[];
  /** One more token seen (the clock of weight averaging). */
  advance(): void;
  learn(buckets: ArrayLike<number>, from: number, to: number, gold: number, predicted: number): void;
}

export interface TaggedDocument {
  tags: Uint8Array[];
  /** Per token: share of the softmax over tag scores taken by the chosen tag. */
  confidences: Float32Array[];
}

const HISTORY_SLOTS = ENTITY_TYPES.length + 1;
/** Local copy: the tag loop runs for every token. */
const TAGS_PER_TOKEN = TAG_COUNT;
/** The tags as the previous-tag features name them, with "<s>" before the first word (index TAG_COUNT). */
const TAG_NAMES = [...TAGS, '<s>'];
const SENTENCE_START = TAG_COUNT;
const PREVIOUS_TAG = TAG_NAMES.map((tag) => featureBucket(`t-1=${tag}`));
const TWO_PREVIOUS_TAGS = TAG_NAMES.map((before) => TAG_NAMES.map((tag) => featureBucket(`t-2|t-1=${before}|${tag}`)));
const PREVIOUS_TAG_AND_WORD = TAG_NAMES.map((tag) => featurePrefix(`t-1|w=${tag}|`));
const PREVIOUS_TAG_AND_SHAPE = TAG_NAMES.map((tag) => featurePrefix(`t-1|ss=${tag}|`));
const HISTORY_LABELS = ['O', ...ENTITY_TYPES];
const REMEMBERED = HISTORY_LABELS.map((label) => featureBucket(`h=${label}`));
const REMEMBERED_WITH_CASING = HISTORY_LABELS.map((label) => featurePrefix(`h|caps=${label}|`));

/**
 * The lowercase words a name of each type can hold inside it in running text: the particles of surnames ("van der
 * Westhuizen", "bin Laden") and the function words of institutions' and places' names ("Bank of England", "Mergers and
 * Acquisitions", "Stratford-upon-Avon"). Any other lowercase word ends the name: "Tyson in Las Vegas" is two names, and
 * "Atalanta reunites Lentini" three words of two. MISC (events, works, nationalities) is left free.
 */
const NAME_PARTICLES = ['de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'dello', 'dal', 'du', 'des', 'van', 'von', 'der', 'den', 'ter', 'ten', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'wa', 'y', 'e', 'zu', 'af'];
const INSIDE_WORDS: Partial<Record<(typeof ENTITY_TYPES)[number], ReadonlySet<string>>> = {
  PER: new Set(NAME_PARTICLES),
  ORG: new Set([...NAME_PARTICLES, 'of', 'and', 'for', 'the', 'in', 'on', 'at', 'et', 'und', 'für', 'fur', 'am', 'upon', 'les', 'los']),
  LOC: new Set([...NAME_PARTICLES, 'of', 'the', 'and', 'on', 'upon', 'am', 'an', 'sur', 'en', 'im', 'les', 'los', 'las']),
};
const INSIDE_TAGS = TAGS.map((tag) => (tag.startsWith('I-') ? INSIDE_WORDS[tag.slice(2) as (typeof ENTITY_TYPES)[number]] : undefined));

/** Whether a lowercase word of running text may continue a name as `tag`; a connector must lead to a capitalised word. */
function mayContinueName(sentence: PreparedSentence, index: number, tag: number): boolean {
  const allowed = INSIDE_TAGS[tag];
  if (!allowed) return true;
  const next = sentence.words[index + 1];
  return allowed.has(sentence.normalized[index]!) && next !== undefined && startsUppercase(next);
}

const ORG_INSIDE = TAGS.indexOf('I-ORG');

/**
 * A comma of running text ends a name ("Mercantile, Commerce", "Staunton, Irwin, McAteer"), except in a firm's list
 * of partners that closes with "&" ("Bodman, Longely & Dahling").
 */
function commaMayContinueName(sentence: PreparedSentence, index: number, tag: number): boolean {
  if (!INSIDE_TAGS[tag]) return true;
  if (tag !== ORG_INSIDE) return false;
  for (let ahead = index + 1; ahead < sentence.words.length && ahead <= index + 4; ahead += 1) {
    const word = sentence.words[ahead]!;
    if (word === '&') return true;
    if (!startsUppercase(word) && word !== ',') return false;
  }
  return false;
}

/** Perceptron scores are unscaled; dividing by this makes the softmax share a usable (uncalibrated) confidence. */
const SCORE_TEMPERATURE = 4;

/**
 * Greedy left-to-right tagging with previous-tag features and a document memory of how each
 * word was tagged before. Mixed-case sentences go first so all-caps headlines and datelines can
 * lean on what the body said about the same words.
 */
export function tagDocument(document: FeaturizedDocument, scorer: TagScorer, lesson?: TaggingLesson): TaggedDocument {
  const { sentences } = document;
  const tags = sentences.map((sentence) => new Uint8Array(sentence.words.length));
  const confidences = sentences.map((sentence) => new Float32Array(sentence.words.length));
  const history = new Map<string, Int32Array>();
  const order = sentences.map((_, index) => index);
  const isHeadlineStyle = (index: number): number => Number(sentences[index]!.casingStyle !== 'm');
  order.sort((left, right) => isHeadlineStyle(left) - isHeadlineStyle(right) || left - right);
  const scores = new Float64Array(TAG_COUNT);
  const dynamic = new FeatureBuckets();

  for (const sentenceIndex of order) {
    const sentence = sentences[sentenceIndex]!;
    const staticBuckets = document.buckets[sentenceIndex]!;
    const offsets = document.offsets[sentenceIndex]!;
    const sentenceTags = tags[sentenceIndex]!;
    const caps = sentence.casingStyle;
    for (let index = 0; index < sentence.words.length; index += 1) {
      const norm = sentence.normalized[index]!;
      const previous = index > 0 ? sentenceTags[index - 1]! : SENTENCE_START;
      const beforePrevious = index > 1 ? sentenceTags[index - 2]! : SENTENCE_START;
      dynamic.clear();
      dynamic.push(PREVIOUS_TAG[previous]!);
      dynamic.push(TWO_PREVIOUS_TAGS[beforePrevious]![previous]!);
      dynamic.add(PREVIOUS_TAG_AND_WORD[previous]!, norm);
      dynamic.add2(PREVIOUS_TAG_AND_SHAPE[previous]!, sentence.shortShapes[index]!, caps);
      const remembered = history.get(norm);
      if (remembered) {
        let best = 0;
        for (let slot = 1; slot < HISTORY_SLOTS; slot += 1) if (remembered[slot]! > remembered[best]!) best = slot;
        dynamic.push(REMEMBERED[best]!);
        dynamic.add(REMEMBERED_WITH_CASING[best]!, caps);
      }

      scores.fill(0);
      const from = offsets[index]!;
      const to = offsets[index + 1]!;
      scorer.addScores(staticBuckets, from, to, scores);
      scorer.addScores(dynamic.values, 0, dynamic.length, scores);
      const previousTag = index > 0 ? sentenceTags[index - 1]! : OUTSIDE;
      const word = sentence.words[index]!;
      // Only when tagging: training learns from the tagger's unconstrained mistakes on such words, which teaches the
      // weights more than a constrained decoder that never makes them (dev F1 0.930 against 0.923 trained constrained).
      const lowercaseInRunningText = !lesson && caps === 'm' && /^\p{Ll}/u.test(word);
      const commaInRunningText = !lesson && caps === 'm' && word === ',';
      let predicted = OUTSIDE;
      for (let tag = 1; tag < TAGS_PER_TOKEN; tag += 1) {
        if (!isAllowedAfter(previousTag, tag) || scores[tag]! <= scores[predicted]!) continue;
        if (lowercaseInRunningText && !mayContinueName(sentence, index, tag)) continue;
        if (commaInRunningText && !commaMayContinueName(sentence, index, tag)) continue;
        predicted = tag;
      }
      if (lesson) {
        const gold = lesson.goldTags[sentenceIndex]![index]!;
        if (gold !== predicted) {
          lesson.learn(staticBuckets, from, to, gold, predicted);
          lesson.learn(dynamic.values, 0, dynamic.length, gold, predicted);
        }
        lesson.advance();
      }
      sentenceTags[index] = predicted;
      confidences[sentenceIndex]![index] = softmaxShare(scores, predicted, previousTag);

      if (hasLetter(word) && (startsUppercase(word) || caps === 'A')) {
        const counts = history.get(norm) ?? new Int32Array(HISTORY_SLOTS);
        const type = tagType(predicted);
        counts[type ? ENTITY_TYPES.indexOf(type) + 1 : 0]! += 1;
        history.set(norm, counts);
      }
    }
  }
  return { tags, confidences };
}

function softmaxShare(scores: Float64Array, chosen: number, previousTag: number): number {
  const top = scores[chosen]!;
  let total = 0;
  for (let tag = 0; tag < TAGS_PER_TOKEN; tag += 1) {
    if (isAllowedAfter(previousTag, tag)) total += Math.exp((scores[tag]! - top) / SCORE_TEMPERATURE);
  }
  return 1 / total;
}
