import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featurizeDocument, tagDocument } from '../../src/ingest/ner/documentTagger.js';
import { prepareSentence } from '../../src/ingest/ner/features.js';
import { deserializeNerModel, featureBucket, type TagScorer } from '../../src/ingest/ner/model.js';
import { TAGS, tagIndex } from '../../src/ingest/ner/tagset.js';

const modelPath = new URL('../../models/ner.bin', import.meta.url);
const lexicons = deserializeNerModel(readFileSync(modelPath), modelPath.pathname);

/**
 * A scorer that wants each word to take the tag it is given, whatever else the features say, and a capitalised word,
 * second best, to begin a name of that type: what the decoder then outputs is what its constraints allow.
 */
function scorerWanting(wanted: Record<string, string>): TagScorer {
  const tagOfBucket = new Map(Object.entries(wanted).map(([word, tag]) => [featureBucket(`w=${word.toLowerCase()}`), { tag: tagIndex(tag), capitalised: /^\p{Lu}/u.test(word) }]));
  return {
    addScores(buckets, from, to, scores) {
      for (let position = from; position < to; position += 1) {
        const want = tagOfBucket.get(buckets[position]!);
        if (!want) continue;
        scores[want.tag]! += 100;
        if (want.capitalised && TAGS[want.tag]!.startsWith('I-')) scores[want.tag - 1]! += 50;
      }
    },
  };
}

function decode(words: string[], wanted: Record<string, string>): string[] {
  const sentence = prepareSentence(words, lexicons);
  const { tags } = tagDocument(featurizeDocument([sentence]), scorerWanting(wanted));
  return [...tags[0]!].map((tag) => TAGS[tag]!);
}

describe('the decoder ends a name where running text ends it', () => {
  it('a verb or preposition the scores would put inside a name ends it, and the next name starts afresh', () => {
    const words = ['Sampdoria', 'reunites', 'Mancini', 'in', 'Genoa', '.'];
    expect(decode(words, { Sampdoria: 'B-ORG', reunites: 'I-ORG', Mancini: 'I-ORG', in: 'I-ORG', Genoa: 'I-ORG' })).toEqual(['B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  });

  it('a particle or function word may continue a name only towards a capitalised word', () => {
    expect(decode(['Marco', 'van', 'Basten', 'scored', '.'], { Marco: 'B-PER', van: 'I-PER', Basten: 'I-PER' })).toEqual(['B-PER', 'I-PER', 'I-PER', 'O', 'O']);
    expect(decode(['Bank', 'of', 'Tokyo', 'said'], { Bank: 'B-ORG', of: 'I-ORG', Tokyo: 'I-ORG' })).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'O']);
    // "of" is no particle of a person's name, and "the" before a lowercase word leads to no name.
    expect(decode(['Tyson', 'of', 'Brooklyn', 'won'], { Tyson: 'B-PER', of: 'I-PER', Brooklyn: 'I-PER' })).toEqual(['B-PER', 'O', 'B-PER', 'O']);
    expect(decode(['Radio', 'Red', 'the', 'station', 'said'], { Radio: 'B-ORG', Red: 'I-ORG', the: 'I-ORG' })).toEqual(['B-ORG', 'I-ORG', 'O', 'O', 'O']);
  });

  it('a comma ends a name, except in a list of partners that closes with "&"', () => {
    const list = ['Shares', 'of', 'Mercantile', ',', 'Commerce', 'and', 'Heritage', 'rose', '.'];
    expect(decode(list, { Mercantile: 'B-ORG', ',': 'I-ORG', Commerce: 'I-ORG' })).toEqual(['O', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'O', 'O', 'O']);
    const firm = ['the', 'firm', 'Bodman', ',', 'Longley', '&', 'Dahling', 'said'];
    expect(decode(firm, { Bodman: 'B-ORG', ',': 'I-ORG', Longley: 'I-ORG', '&': 'I-ORG', Dahling: 'I-ORG' })).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']);
  });

  it('a headline in capitals is not held to the running-text rules', () => {
    expect(decode(['YELTSIN', 'BACKS', 'LEBED', 'PLAN'], { YELTSIN: 'B-PER', BACKS: 'I-PER' })[1]).toBe('I-PER');
  });

  it('training sees the unconstrained decoder, so the weights learn from those mistakes', () => {
    const sentence = prepareSentence(['Tyson', 'in', 'Vegas'], lexicons);
    const learned: Array<[number, number]> = [];
    tagDocument(featurizeDocument([sentence]), scorerWanting({ Tyson: 'B-PER', in: 'I-PER', Vegas: 'I-PER' }), {
      goldTags: [Uint8Array.from([tagIndex('B-PER'), 0, tagIndex('B-LOC')])],
      advance() {},
      learn(_buckets, _from, _to, gold, predicted) {
        learned.push([gold, predicted]);
      },
    });
    expect(learned.some(([gold, predicted]) => gold === 0 && predicted === tagIndex('I-PER'))).toBe(true);
  });
});
