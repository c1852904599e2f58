/**
 * Estimates how the NER model generalises to unseen news: K-fold cross-validation over the
 * CoNLL-2003 eng.train documents, training each fold exactly as `train:ner` does (same features,
 * casing variants, epochs, seed, span rules) and scoring PER+ORG+LOC exact spans on the held-out
 * documents. Folds are contiguous blocks of documents, not a shuffle, so a held-out fold is mostly
 * days and stories the model never saw, as with the CoNLL test set. Each fold's model also scores
 * eng.testa, which separates the cost of training on 4/5 of the data from the cost of unseen stories.
 * Usage: npm run crossvalidate:ner [-- --folds K] [--epochs N]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prf, readConllDocuments, type ConllDocument } from '../src/ingest/ner/conll.js';
import type { EntityType } from '../src/ingest/ner/tagset.js';
import { buildWordClusters } from './ner/word-clusters.js';
import { augmentCasing, AUGMENTATION, buildLexicons, DEFAULT_EPOCHS, evaluate, featurize, SEED, seededRandom, trainPerceptron } from './ner/training.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasets = resolve(repositoryRoot, '../shared/datasets');
const trainPath = resolve(datasets, 'conll2003/eng.train');
const devPath = resolve(datasets, 'conll2003/eng.testa');

function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number, got "${process.argv[at + 1]}"`);
  return value;
}
const folds = numberArgument('--folds', 5);
const epochs = numberArgument('--epochs', DEFAULT_EPOCHS);
if (folds < 2) throw new Error('--folds must be at least 2');

const SCORED_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC'];
const started = Date.now();
const seconds = (): string => ((Date.now() - started) / 1000).toFixed(0);
const tokenCount = (documents: readonly ConllDocument[]): number =>
  documents.reduce((sum, document) => sum + document.sentences.reduce((inner, sentence) => inner + sentence.words.length, 0), 0);

const documents = readConllDocuments(trainPath);
const devDocuments = readConllDocuments(devPath);
console.log(`${documents.length} eng.train documents, ${tokenCount(documents)} tokens; ${folds} contiguous folds, ${epochs} epochs each`);

// The clusters come from GloVe vectors, not from CoNLL, so every fold shares them.
const { clusters } = buildWordClusters(seededRandom(SEED));
const foldF1: number[] = [];
const devF1: number[] = [];
const perType = new Map<string, number[]>();
for (let fold = 0; fold < folds; fold += 1) {
  const from = Math.round((fold * documents.length) / folds);
  const to = Math.round(((fold + 1) * documents.length) / folds);
  const heldOut = documents.slice(from, to);
  const training = [...documents.slice(0, from), ...documents.slice(to)];
  // Each fold is seeded like train:ner, and learns its casing lexicon from its own training documents only.
  const random = seededRandom(SEED);
  const augmented = augmentCasing(training, AUGMENTATION, random);
  const lexicons = buildLexicons(datasets, training, clusters);
  const weights = trainPerceptron(augmented, featurize(augmented, lexicons), epochs, random);
  const scoreboard = evaluate(heldOut, featurize(heldOut, lexicons), weights);
  foldF1.push(scoreboard.f1(SCORED_TYPES));
  devF1.push(evaluate(devDocuments, featurize(devDocuments, lexicons), weights).f1(SCORED_TYPES));
  const typeScores = [...SCORED_TYPES, 'ALL' as const].map((type) => {
    const score = prf(type === 'ALL' ? scoreboard.total(SCORED_TYPES) : scoreboard.total([type]));
    perType.set(type, [...(perType.get(type) ?? []), score.f1]);
    return `${type} P=${score.precision.toFixed(4)} R=${score.recall.toFixed(4)} F1=${score.f1.toFixed(4)}`;
  });
  console.log(
    `fold ${fold + 1}/${folds}: train ${training.length} documents, ${tokenCount(training)} tokens (${augmented.length} documents with casing variants); ` +
      `held out documents ${from + 1}-${to}, ${tokenCount(heldOut)} tokens, ${scoreboard.total(SCORED_TYPES).gold} entities (${seconds()} s)\n  ${typeScores.join('\n  ')}\n  eng.testa with this fold's model: PER+ORG+LOC F1=${devF1[fold]!.toFixed(4)}`,
  );
}

function meanAndDeviation(values: readonly number[]): string {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return `${mean.toFixed(4)} ± ${Math.sqrt(variance).toFixed(4)}`;
}
console.log(`\nPER+ORG+LOC F1 per held-out fold: ${foldF1.map((f1) => f1.toFixed(4)).join(' ')}`);
for (const [type, values] of perType) console.log(`${type.padEnd(3)} F1 mean ± sd (sample) over ${folds} held-out folds: ${meanAndDeviation(values)}`);
console.log(`eng.testa F1 of the same fold models: ${meanAndDeviation(devF1)} (the gap to the held-out mean is the cost of unseen stories)`);
console.log(`(${seconds()} s)`);
