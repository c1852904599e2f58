/**
 * Trains the news NER model (averaged perceptron, greedy IOB2 decoding with document memory)
 * on CoNLL-2003 eng.train, reports exact-span scores on eng.testa and writes models/ner.bin.
 * Usage: npm run train:ner [-- --epochs N]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllDocuments } from '../src/ingest/ner/conll.js';
import { serializeNerModel } from '../src/ingest/ner/model.js';
import { buildWordClusters } from './ner/word-clusters.js';
import { augmentCasing, AUGMENTATION, buildLexicons, DEFAULT_EPOCHS, evaluate, featurize, SEED, seededRandom, trainPerceptron } from './ner/training.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasets = resolve(repositoryRoot, '../shared/datasets');
const trainPath = resolve(datasets, 'conll2003/eng.train');
const devPath = resolve(datasets, 'conll2003/eng.testa');
const modelPath = resolve(repositoryRoot, 'models/ner.bin');

const epochsArgument = process.argv.indexOf('--epochs');
const epochs = epochsArgument > 0 ? Number(process.argv[epochsArgument + 1]) : DEFAULT_EPOCHS;

const started = Date.now();
const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1);
const random = seededRandom(SEED);
const originalTrainDocuments = readConllDocuments(trainPath);
const trainDocuments = augmentCasing(originalTrainDocuments, AUGMENTATION, random);
const devDocuments = readConllDocuments(devPath);
console.log(`read ${originalTrainDocuments.length} training (${trainDocuments.length} with casing variants) and ${devDocuments.length} dev documents (${seconds()} s)`);

const { clusters, report: clusterReport } = buildWordClusters(seededRandom(SEED));
console.log(
  `word clusters: ${clusterReport.words} words from GloVe vectors, ${clusterReport.levels.map((level) => `${level.used} of ${level.clusters}`).join(', ')} clusters used (${seconds()} s)`,
);
const lexicons = buildLexicons(datasets, originalTrainDocuments, clusters);
const { gazetteer, casing } = lexicons;
console.log(`gazetteer: ${Object.entries(lexicons.gazetteerSizes).map(([category, size]) => `${category} ${size}`).join(', ')}`);
console.log(`casing lexicon: ${casing.capitalised.hashes.length} capitalised, ${casing.lowercase.hashes.length} lowercase, ${casing.mixed.hashes.length} mixed words (${seconds()} s)`);

const trainFeaturized = featurize(trainDocuments, lexicons);
const devFeaturized = featurize(devDocuments, lexicons);
console.log(`features extracted (${seconds()} s)`);

const weights = trainPerceptron(trainDocuments, trainFeaturized, epochs, random, ({ epoch, mistakeRate, averaged }) => {
  const dev = evaluate(devDocuments, devFeaturized, averaged());
  console.log(
    `epoch ${epoch}/${epochs}: ${(100 * mistakeRate).toFixed(2)}% training tokens mistagged, dev F1 PER+ORG+LOC ${dev.f1(['PER', 'ORG', 'LOC']).toFixed(4)} (${seconds()} s)`,
  );
});

mkdirSync(dirname(modelPath), { recursive: true });
writeFileSync(modelPath, serializeNerModel(weights, gazetteer, casing, clusters));
const dev = evaluate(devDocuments, devFeaturized, weights);
console.log(`dev (eng.testa, CoNLL tokens, exact spans, after span rules):\n${dev.report(['PER', 'ORG', 'LOC', 'MISC'])}`);
console.log(`PER+ORG+LOC: ${dev.report(['PER', 'ORG', 'LOC']).split('\n').pop()}`);
console.log(
  `wrote ${modelPath}: ${weights.rowBuckets.length} feature rows, ${(statSync(modelPath).size / 1e6).toFixed(2)} MB; trained ${epochs} epochs in ${seconds()} s`,
);
