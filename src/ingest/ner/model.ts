import { gunzipSync, gzipSync } from 'node:zlib';
import { FNV_OFFSET, fnvAppend, fnvAppendSlice, fnvFinish, HashedStringSet, hashString } from './featureHash.js';
import { CasingLexicon, GAZETTEER_CATEGORIES, Gazetteer, type GazetteerCategory } from './lexicons.js';
import { TAG_COUNT, TAGS } from './tagset.js';
import { WORD_CLUSTER_LEVELS, WordClusters } from './wordClusters.js';

/** Features are hashed into 2^21 buckets: few collisions for ~1M distinct features, and only used rows are stored. */
export const FEATURE_BUCKET_BITS = 21;
const MODEL_MAGIC = 'NEWSLINE-NER-2';

export function featureBucket(feature: string): number {
  return hashString(feature) >>> (32 - FEATURE_BUCKET_BITS);
}

/** A feature name hashed once, so each value only hashes its own characters: `featurePrefix('w=')`. */
export function featurePrefix(name: string): number {
  return fnvAppend(FNV_OFFSET, name);
}

const SEPARATOR = '|'.charCodeAt(0);
const FNV_PRIME = 0x01000193;

/**
 * Feature buckets of a token or sentence, hashed part by part as the features are named: `add2(prefix, a, b)` is
 * the bucket of the string `${name}${a}|${b}` without building it, which spares the tagger most of its allocations.
 */
export class FeatureBuckets {
  values = new Uint32Array(256);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(bucket: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = bucket;
    this.length += 1;
  }

  /** The feature written out whole (features made elsewhere as strings). */
  addFeature(feature: string): void {
    this.push(featureBucket(feature));
  }

  add(prefix: number, value: string): void {
    this.push(bucketOfState(fnvAppend(prefix, value)));
  }

  /** The feature `${name}${text.slice(start, end)}`. */
  addSlice(prefix: number, text: string, start: number, end: number): void {
    this.push(bucketOfState(fnvAppendSlice(prefix, text, start, end)));
  }

  add2(prefix: number, first: string, second: string): void {
    this.push(bucketOfState(fnvAppend(Math.imul(fnvAppend(prefix, first) ^ SEPARATOR, FNV_PRIME), second)));
  }

  add3(prefix: number, first: string, second: string, third: string): void {
    const state = Math.imul(fnvAppend(Math.imul(fnvAppend(prefix, first) ^ SEPARATOR, FNV_PRIME), second) ^ SEPARATOR, FNV_PRIME);
    this.push(bucketOfState(fnvAppend(state, third)));
  }

  add4(prefix: number, first: string, second: string, third: string, fourth: string): void {
    let state = Math.imul(fnvAppend(prefix, first) ^ SEPARATOR, FNV_PRIME);
    state = Math.imul(fnvAppend(state, second) ^ SEPARATOR, FNV_PRIME);
    state = Math.imul(fnvAppend(state, third) ^ SEPARATOR, FNV_PRIME);
    this.push(bucketOfState(fnvAppend(state, fourth)));
  }

  /** The buckets so far, as their own array. */
  toArray(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

function bucketOfState(state: number): number {
  return fnvFinish(state) >>> (32 - FEATURE_BUCKET_BITS);
}

/** Anything that can score every tag for a bag of feature buckets. */
export interface TagScorer {
  addScores(buckets: ArrayLike<number>, from: number, to: number, scores: Float64Array): void;
}

/** Only the buckets with weights, each a row of TAG_COUNT weights. */
export class CompactWeights implements TagScorer {
  private readonly rowOfBucket: Int32Array;

  constructor(
    readonly rowBuckets: Uint32Array,
    readonly rowWeights: Float32Array,
  ) {
    this.rowOfBucket = new Int32Array(1 << FEATURE_BUCKET_BITS).fill(-1);
    rowBuckets.forEach((bucket, row) => {
      this.rowOfBucket[bucket] = row;
    });
  }

  /** Keeps only buckets whose largest weight matters, from a dense bucket × tag table. */
  static fromDense(dense: Float32Array, minimumWeight: number): CompactWeights {
    const buckets: number[] = [];
    for (let bucket = 0; bucket < dense.length / TAG_COUNT; bucket += 1) {
      for (let tag = 0; tag < TAG_COUNT; tag += 1) {
        if (Math.abs(dense[bucket * TAG_COUNT + tag]!) >= minimumWeight) {
          buckets.push(bucket);
          break;
        }
      }
    }
    const rowWeights = new Float32Array(buckets.length * TAG_COUNT);
    buckets.forEach((bucket, row) => {
      rowWeights.set(dense.subarray(bucket * TAG_COUNT, (bucket + 1) * TAG_COUNT), row * TAG_COUNT);
    });
    return new CompactWeights(Uint32Array.from(buckets), rowWeights);
  }

  addScores(buckets: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
    const weights = this.rowWeights;
    const tagCount = TAG_COUNT;
    for (let index = from; index < to; index += 1) {
      const row = this.rowOfBucket[buckets[index]!]!;
      if (row < 0) continue;
      const base = row * tagCount;
      for (let tag = 0; tag < tagCount; tag += 1) scores[tag]! += weights[base + tag]!;
    }
  }
}

export interface NerModel {
  weights: TagScorer;
  gazetteer: Gazetteer;
  casing: CasingLexicon;
  clusters: WordClusters;
}

type SectionData = Uint32Array | Uint16Array | Int16Array;

interface SectionHeader {
  name: string;
  kind: 'uint32' | 'uint16' | 'int16';
  length: number;
}

interface ModelHeader {
  magic: string;
  tags: readonly string[];
  featureBucketBits: number;
  weightScale: number;
  sections: SectionHeader[];
}

/** Writes weights (quantised to 16 bits) and lexicons as one gzipped binary file. */
export function serializeNerModel(weights: CompactWeights, gazetteer: Gazetteer, casing: CasingLexicon, clusters: WordClusters): Buffer {
  let largest = 0;
  for (const weight of weights.rowWeights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest / 32767 || 1;
  const quantised = Int16Array.from(weights.rowWeights, (weight) => Math.round(weight / weightScale));
  const sections: Array<{ header: SectionHeader; data: SectionData }> = [
    { header: { name: 'rowBuckets', kind: 'uint32', length: weights.rowBuckets.length }, data: weights.rowBuckets },
    { header: { name: 'rowWeights', kind: 'int16', length: quantised.length }, data: quantised },
    { header: { name: 'casing.C', kind: 'uint32', length: casing.capitalised.hashes.length }, data: casing.capitalised.hashes },
    { header: { name: 'casing.L', kind: 'uint32', length: casing.lowercase.hashes.length }, data: casing.lowercase.hashes },
    { header: { name: 'casing.M', kind: 'uint32', length: casing.mixed.hashes.length }, data: casing.mixed.hashes },
  ];
  sections.push({ header: { name: 'clusters.words', kind: 'uint32', length: clusters.hashes.length }, data: clusters.hashes });
  WORD_CLUSTER_LEVELS.forEach((level, index) => {
    const ids = clusters.levels[index]!;
    sections.push({ header: { name: `clusters.${level}`, kind: 'uint16', length: ids.length }, data: ids });
  });
  for (const [category, list] of gazetteer.lists) {
    sections.push({ header: { name: `gazetteer.${category}`, kind: 'uint32', length: list.hashes.length }, data: list.hashes });
  }
  const header: ModelHeader = {
    magic: MODEL_MAGIC,
    tags: TAGS,
    featureBucketBits: FEATURE_BUCKET_BITS,
    weightScale,
    sections: sections.map((section) => section.header),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(headerBytes.length);
  const padding = Buffer.alloc((4 - ((4 + headerBytes.length) % 4)) % 4, 0x20);
  const parts: Uint8Array[] = [headerLength, headerBytes, padding];
  for (const { data } of sections) {
    parts.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    // Keep every section 4-byte aligned after a 16-bit one of odd length.
    if (data.byteLength % 4 !== 0) parts.push(new Uint8Array(4 - (data.byteLength % 4)));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function deserializeNerModel(file: Buffer, origin: string): NerModel {
  const bytes = gunzipSync(file);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as ModelHeader;
  if (header.magic !== MODEL_MAGIC) {
    throw new Error(`${origin}: not a Newsline NER model (magic "${header.magic}"); retrain it with \`npm run train:ner\``);
  }
  if (header.featureBucketBits !== FEATURE_BUCKET_BITS || header.tags.join() !== TAGS.join()) {
    throw new Error(`${origin}: model was trained with a different feature layout or tag set; retrain it with \`npm run train:ner\``);
  }
  let offset = 4 + headerLength;
  offset += (4 - (offset % 4)) % 4;
  const sections = new Map<string, SectionData>();
  for (const section of header.sections) {
    const width = section.kind === 'uint32' ? 4 : 2;
    // Copying each section gives it its own aligned buffer.
    const slice = bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + section.length * width);
    sections.set(
      section.name,
      section.kind === 'uint32' ? new Uint32Array(slice) : section.kind === 'uint16' ? new Uint16Array(slice) : new Int16Array(slice),
    );
    offset += section.length * width;
    offset += (4 - (offset % 4)) % 4;
  }
  const section = <T extends SectionData>(name: string): T => {
    const found = sections.get(name);
    if (!found) throw new Error(`${origin}: model section "${name}" is missing; retrain it with \`npm run train:ner\``);
    return found as T;
  };
  const quantised = section<Int16Array>('rowWeights');
  const rowWeights = Float32Array.from(quantised, (value) => value * header.weightScale);
  const lists = new Map<GazetteerCategory, HashedStringSet>();
  for (const category of GAZETTEER_CATEGORIES) {
    const hashes = sections.get(`gazetteer.${category}`);
    if (hashes instanceof Uint32Array) lists.set(category, new HashedStringSet(hashes));
  }
  return {
    weights: new CompactWeights(section<Uint32Array>('rowBuckets'), rowWeights),
    gazetteer: new Gazetteer(lists),
    clusters: new WordClusters(
      section<Uint32Array>('clusters.words'),
      WORD_CLUSTER_LEVELS.map((level) => section<Uint16Array>(`clusters.${level}`)),
    ),
    casing: new CasingLexicon(
      new HashedStringSet(section<Uint32Array>('casing.C')),
      new HashedStringSet(section<Uint32Array>('casing.L')),
      new HashedStringSet(section<Uint32Array>('casing.M')),
    ),
  };
}
