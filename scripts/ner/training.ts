/** Training and CoNLL scoring shared by `train:ner` and `crossvalidate:ner`, so both learn and score the same way. */
import { resolve } from 'node:path';
import { AveragedPerceptron } from '../../src/ingest/ner/averagedPerceptron.js';
import { SpanScoreboard, type ConllDocument } from '../../src/ingest/ner/conll.js';
import { featurizeDocument, tagDocument, type FeaturizedDocument } from '../../src/ingest/ner/documentTagger.js';
import { prepareSentence, type FeatureLexicons } from '../../src/ingest/ner/features.js';
import { CompactWeights, type TagScorer } from '../../src/ingest/ner/model.js';
import { applyDocumentRules } from '../../src/ingest/ner/documentRules.js';
import { applySpanRules } from '../../src/ingest/ner/spanRules.js';
import { augmentCasing } from './augment.js';
import { buildCasingLexicon, buildGazetteer, readTimemlTexts } from './lexicon-sources.js';
import type { WordClusters } from '../../src/ingest/ner/wordClusters.js';

export const DEFAULT_EPOCHS = 12;
export const SEED = 20030531;
/** Weights this small after averaging change no decision worth keeping, and would bloat the file. */
export const MINIMUM_KEPT_WEIGHT = 0.05;
/** Casing variants added to the training documents (see augment.ts). */
export const AUGMENTATION = { allCapsDocuments: 0.15, allCapsSentence: 0.2, titleCaseSentence: 0.25 };

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gazetteer from the npm place lists; casing habits from unlabeled news (AFP 1997, TimeBank) and the given training sentences. */
export function buildLexicons(
  datasets: string,
  trainDocuments: readonly ConllDocument[],
  clusters: WordClusters,
): FeatureLexicons & { gazetteerSizes: Record<string, number> } {
  const { gazetteer, sizes } = buildGazetteer();
  const trainSentences = trainDocuments.flatMap((document) => document.sentences.map((sentence) => sentence.words));
  const unlabeledTexts = [...readTimemlTexts(resolve(datasets, 'afp-1997')), ...readTimemlTexts(resolve(datasets, 'timebank'))];
  return { gazetteer, casing: buildCasingLexicon(unlabeledTexts, trainSentences), clusters, gazetteerSizes: sizes };
}

export function featurize(documents: readonly ConllDocument[], lexicons: FeatureLexicons): FeaturizedDocument[] {
  return documents.map((document) =>
    featurizeDocument(document.sentences.map((sentence) => prepareSentence(sentence.words, lexicons))),
  );
}

/** Tags CoNLL documents like extractEntities does (tagger, then span rules; each CoNLL sentence is its own line) and counts exact spans. */
export function evaluate(documents: readonly ConllDocument[], featurized: readonly FeaturizedDocument[], scorer: TagScorer): SpanScoreboard {
  const scoreboard = new SpanScoreboard();
  featurized.forEach((document, documentIndex) => {
    const { tags, confidences } = tagDocument(document, scorer);
    document.sentences.forEach((sentence, index) => applySpanRules(sentence, tags[index]!, scorer, { endsLine: true, startsLine: true }));
    applyDocumentRules(document.sentences, tags, confidences);
    documents[documentIndex]!.sentences.forEach((sentence, index) => scoreboard.addSentence(sentence.tags, tags[index]!));
  });
  return scoreboard;
}

export interface EpochReport {
  epoch: number;
  mistakeRate: number;
  /** The weights averaged so far, ready to score. */
  averaged: () => CompactWeights;
}

/** Averaged-perceptron epochs over shuffled documents (shuffled with `random`, which the caller seeds). */
export function trainPerceptron(
  documents: readonly ConllDocument[],
  featurized: readonly FeaturizedDocument[],
  epochs: number,
  random: () => number,
  onEpoch?: (report: EpochReport) => void,
): CompactWeights {
  const perceptron = new AveragedPerceptron();
  const order = featurized.map((_, index) => index);
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap]!, order[index]!];
    }
    let mistakes = 0;
    let tokens = 0;
    for (const documentIndex of order) {
      const goldTags = documents[documentIndex]!.sentences.map((sentence) => sentence.tags);
      tagDocument(featurized[documentIndex]!, perceptron, {
        goldTags,
        advance: () => {
          tokens += 1;
          perceptron.tick();
        },
        learn: (buckets, from, to, gold, predicted) => {
          mistakes += 1;
          perceptron.update(buckets, from, to, gold, predicted);
        },
      });
    }
    onEpoch?.({ epoch, mistakeRate: mistakes / tokens, averaged: () => CompactWeights.fromDense(perceptron.averagedWeights(), MINIMUM_KEPT_WEIGHT) });
  }
  return CompactWeights.fromDense(perceptron.averagedWeights(), MINIMUM_KEPT_WEIGHT);
}

export { augmentCasing };
