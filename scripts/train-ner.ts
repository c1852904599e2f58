/**
 * Trains the news NER model (averaged perceptron, greedy IOB2 decoding with document memory)
 * on CoNLL-2003 eng.train, reports exact-span scores on eng.testa and writes models/ner.bin.
 * Usage: npm run train:ner [-- --epochs N]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AveragedPerceptron } from '../src/ingest/ner/averagedPerceptron.js';
import { readConllDocuments, SpanScoreboard, type ConllDocument } from '../src/ingest/ner/conll.js';
import { featurizeDocument, tagDocument, type FeaturizedDocument } from '../src/ingest/ner/documentTagger.js';
import { prepareSentence, type FeatureLexicons } from '../src/ingest/ner/features.js';
import { CompactWeights, serializeNerModel, type TagScorer } from '../src/ingest/ner/model.js';
import { augmentCasing } from './ner/augment.js';
import { buildCasingLexicon, buildGazetteer, readTimemlTexts } from './ner/lexicon-sources.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasets = resolve(repositoryRoot, '../shared/datasets');
const trainPath = resolve(datasets, 'conll2003/eng.train');
const devPath = resolve(datasets, 'conll2003/eng.testa');
/** Unlabeled news (AFP 1997, TimeBank) teaches how words are usually cased. */
const unlabeledDirectory = resolve(datasets, 'afp-1997');
const modelPath = resolve(repositoryRoot, 'models/ner.bin');

const epochsArgument = process.argv.indexOf('--epochs');
const epochs = epochsArgument > 0 ? Number(process.argv[epochsArgument + 1]) : 12;
const SEED = 20030531;
/** Weights this small after averaging change no decision worth keeping, and would bloat the file. */
const MINIMUM_KEPT_WEIGHT = 0.05;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function featurize(documents: ConllDocument[], lexicons: FeatureLexicons): FeaturizedDocument[] {
  return documents.map((document) =>
    featurizeDocument(document.sentences.map((sentence) => prepareSentence(sentence.words, lexicons))),
  );
}

function evaluate(documents: ConllDocument[], featurized: FeaturizedDocument[], scorer: TagScorer): SpanScoreboard {
  const scoreboard = new SpanScoreboard();
  featurized.forEach((document, documentIndex) => {
    const { tags } = tagDocument(document, scorer);
    documents[documentIndex]!.sentences.forEach((sentence, index) => scoreboard.addSentence(sentence.tags, tags[index]!));
  });
  return scoreboard;
}

const started = Date.now();
const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1);
const random = seededRandom(SEED);
const originalTrainDocuments = readConllDocuments(trainPath);
const trainDocuments = augmentCasing(originalTrainDocuments, { allCapsDocuments: 0.15, allCapsSentence: 0.2, titleCaseSentence: 0.25 }, random);
const devDocuments = readConllDocuments(devPath);
console.log(`read ${originalTrainDocuments.length} training (${trainDocuments.length} with casing variants) and ${devDocuments.length} dev documents (${seconds()} s)`);

const { gazetteer, sizes } = buildGazetteer();
console.log(`gazetteer: ${Object.entries(sizes).map(([category, size]) => `${category} ${size}`).join(', ')}`);
const trainSentences = originalTrainDocuments.flatMap((document) => document.sentences.map((sentence) => sentence.words));
const unlabeledTexts = [...readTimemlTexts(unlabeledDirectory), ...readTimemlTexts(resolve(datasets, 'timebank'))];
const casing = buildCasingLexicon(unlabeledTexts, trainSentences);
console.log(`casing lexicon: ${casing.capitalised.hashes.length} capitalised, ${casing.lowercase.hashes.length} lowercase, ${casing.mixed.hashes.length} mixed words (${seconds()} s)`);
const lexicons: FeatureLexicons = { gazetteer, casing };

const trainFeaturized = featurize(trainDocuments, lexicons);
const devFeaturized = featurize(devDocuments, lexicons);
console.log(`features extracted (${seconds()} s)`);

const perceptron = new AveragedPerceptron();
const order = trainFeaturized.map((_, index) => index);
for (let epoch = 1; epoch <= epochs; epoch += 1) {
  for (let index = order.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [order[index], order[swap]] = [order[swap]!, order[index]!];
  }
  let mistakes = 0;
  let tokens = 0;
  for (const documentIndex of order) {
    const goldTags = trainDocuments[documentIndex]!.sentences.map((sentence) => sentence.tags);
    tagDocument(trainFeaturized[documentIndex]!, perceptron, {
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
  const averaged = CompactWeights.fromDense(perceptron.averagedWeights(), MINIMUM_KEPT_WEIGHT);
  const dev = evaluate(devDocuments, devFeaturized, averaged);
  console.log(
    `epoch ${epoch}/${epochs}: ${((100 * mistakes) / tokens).toFixed(2)}% training tokens mistagged, dev F1 PER+ORG+LOC ${dev.f1(['PER', 'ORG', 'LOC']).toFixed(4)} (${seconds()} s)`,
  );
}

const weights = CompactWeights.fromDense(perceptron.averagedWeights(), MINIMUM_KEPT_WEIGHT);
mkdirSync(dirname(modelPath), { recursive: true });
writeFileSync(modelPath, serializeNerModel(weights, gazetteer, casing));
const dev = evaluate(devDocuments, devFeaturized, weights);
console.log(`dev (eng.testa, CoNLL tokens, exact spans):\n${dev.report(['PER', 'ORG', 'LOC', 'MISC'])}`);
console.log(`PER+ORG+LOC: ${dev.report(['PER', 'ORG', 'LOC']).split('\n').pop()}`);
console.log(
  `wrote ${modelPath}: ${weights.rowBuckets.length} feature rows, ${(statSync(modelPath).size / 1e6).toFixed(2)} MB; trained ${epochs} epochs in ${seconds()} s`,
);
