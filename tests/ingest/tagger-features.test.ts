import { describe, expect, it } from 'vitest';
import { HashedStringSet, HashLookup, hashString } from '../../src/ingest/ner/featureHash.js';
import { Gazetteer, gazetteerKeyFor } from '../../src/ingest/ner/lexicons.js';
import { featureBucket, FeatureBuckets, featurePrefix } from '../../src/ingest/ner/model.js';

// The shipped model's weights are keyed by the buckets of feature strings such as "w-1|w=the|bank". The tagger
// hashes those strings part by part without building them; if the two ever differed, every weight would be read
// from the wrong bucket and the model would tag nonsense.
describe('feature buckets hashed part by part', () => {
  const values = ['', 'bank', 'Zürich', 'al-Qassam', '<s>', 'B-ORG', 'Xx', '東京', 'a|b'];

  it('equal the buckets of the whole feature strings', () => {
    const buckets = new FeatureBuckets();
    const expected: number[] = [];
    for (const first of values) {
      buckets.add(featurePrefix('w='), first);
      expected.push(featureBucket(`w=${first}`));
      for (const second of values) {
        buckets.add2(featurePrefix('w-1|w='), first, second);
        expected.push(featureBucket(`w-1|w=${first}|${second}`));
        buckets.add3(featurePrefix('ss-1|ss|ss+1='), first, second, 'm');
        expected.push(featureBucket(`ss-1|ss|ss+1=${first}|${second}|m`));
        buckets.add4(featurePrefix('doc='), first, 'true', second, 'false');
        expected.push(featureBucket(`doc=${first}|true|${second}|false`));
      }
      for (let length = 0; length <= first.length; length += 1) {
        buckets.addSlice(featurePrefix(`s${length}=`), first, first.length - length, first.length);
        expected.push(featureBucket(`s${length}=${first.slice(first.length - length)}`));
      }
    }
    buckets.addFeature('bias');
    expected.push(featureBucket('bias'));
    expect([...buckets.toArray()]).toEqual(expected);
  });

  it('keep every bucket however many features a sentence has', () => {
    const buckets = new FeatureBuckets();
    for (let index = 0; index < 5000; index += 1) buckets.add(featurePrefix('w='), `word${index}`);
    expect(buckets.length).toBe(5000);
    expect(buckets.toArray()[4999]).toBe(featureBucket('w=word4999'));
    buckets.clear();
    expect(buckets.toArray()).toHaveLength(0);
  });
});

describe('hash lookups', () => {
  it('find the position of every listed hash and no other, whatever their low bits', () => {
    // Hashes sharing their low bits land on the same slot and must be told apart by probing on.
    const hashes = Uint32Array.from([0, 16, 32, 0xffff_fff0, 5, 0x8000_0000, 21]);
    const lookup = new HashLookup(hashes);
    hashes.forEach((hash, position) => expect(lookup.indexOf(hash)).toBe(position));
    for (const absent of [1, 48, 0xffff_ffff, 0x8000_0010]) expect(lookup.indexOf(absent)).toBe(-1);
  });

  it('answer string sets exactly as the list of their hashes', () => {
    const words = Array.from({ length: 2000 }, (_, index) => `name${index}`);
    const set = HashedStringSet.fromStrings(words);
    expect(words.every((word) => set.has(word))).toBe(true);
    expect(Array.from({ length: 2000 }, (_, index) => `other${index}`).filter((word) => set.has(word))).toHaveLength(0);
    expect(set.hasHash(hashString('name7'))).toBe(true);
  });
});

describe('gazetteer phrases', () => {
  const gazetteer = new Gazetteer(
    new Map([
      ['city', HashedStringSet.fromStrings(['new york', 'york', 'khan younis'])],
      ['country', HashedStringSet.fromStrings(['united states'])],
      ['placeSkeleton', HashedStringSet.fromStrings([gazetteerKeyFor('placeSkeleton', 'khan younis')!])],
    ]),
  );

  it('mark the longest listed phrase at each start, per list', () => {
    const labels = gazetteer.matchSentence(['flights', 'from', 'new', 'york', 'to', 'the', 'united', 'states']);
    expect(labels).toEqual([[], [], ['city:B'], ['city:I'], [], [], ['country:B'], ['country:I']]);
  });

  it('meet transliteration variants of names of several words by their consonants', () => {
    const labels = gazetteer.matchSentence(['shelling', 'in', 'khan', 'yunis']);
    expect(labels[2]).toEqual(['placeSkeleton:B']);
    expect(labels[3]).toEqual(['placeSkeleton:I']);
  });
});
