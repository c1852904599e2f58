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
      let predicted = OUTSIDE;
      for (let tag = 1; tag < TAGS_PER_TOKEN; tag += 1) {
        if (isAllowedAfter(previousTag, tag) && scores[tag]! > scores[predicted]!) predicted = tag;
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

      const word = sentence.words[index]!;
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
