/**
 * The error categories found on unseen news, each on a made-up report of its kind: what a reader of
 * the graph would see as a wrong person, organisation or place.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities, type EntityKind } from '../../src/ingest/extract/entities.js';
import { applyDocumentRules } from '../../src/ingest/ner/documentRules.js';
import { prepareSentence } from '../../src/ingest/ner/features.js';
import { deserializeNerModel } from '../../src/ingest/ner/model.js';
import { tagIndex } from '../../src/ingest/ner/tagset.js';
import { readFileSync } from 'node:fs';

const named = (text: string): Array<[string, EntityKind]> => extractEntities(text).map((entity) => [entity.text, entity.kind]);

describe('companies and clubs named after places or people', () => {
  it('types a company with a legal form, and its short form later in the report, as an organisation', () => {
    const entities = named('Shares of Tulsa Gold Corp rose 4 percent on Monday after the miner reported a record profit. Tulsa said output would double.');
    expect(entities).toContainEqual(['Tulsa Gold Corp', 'ORGANIZATION']);
    expect(entities).toContainEqual(['Tulsa', 'ORGANIZATION']);
    expect(entities).not.toContainEqual(['Tulsa', 'PLACE']);
  });

  it('reads a reinsurer named after a city as an organisation', () => {
    expect(named('Frankfurt Re signed a reinsurance deal with the state insurer, the company said.')).toContainEqual(['Frankfurt Re', 'ORGANIZATION']);
  });

  it('reads a club signing a player as an organisation', () => {
    expect(named('Coach Mario Bellini said Lazio would sign the striker on Friday.')).toContainEqual(['Lazio', 'ORGANIZATION']);
  });

  it('reads a place that sacks its coach as the club, and a country signing a treaty as the country', () => {
    expect(named('Marseille sacked their coach on Monday after a fourth straight defeat.')).toContainEqual(['Marseille', 'ORGANIZATION']);
    expect(named('Russia signed the treaty with Ukraine on Monday.')).toContainEqual(['Russia', 'PLACE']);
  });
});

describe('names with something glued to them', () => {
  it('keeps a title out of the person it introduces', () => {
    const entities = named('Chancellor of the Exchequer Tom Hollis told parliament on Tuesday that taxes would not rise.');
    expect(entities).toContainEqual(['Tom Hollis', 'PERSON']);
    expect(entities.some(([text, kind]) => kind === 'ORGANIZATION' && text.includes('Hollis'))).toBe(false);
  });

  it('keeps a weekday out of a country before it', () => {
    expect(named('The United States Thursday said it would send more aid to the region.')).toEqual([['United States', 'PLACE']]);
  });

  it('keeps a long institution name whole', () => {
    expect(named('The report was sent to the Monopolies and Mergers Commission, which will rule in May.')).toContainEqual([
      'Monopolies and Mergers Commission',
      'ORGANIZATION',
    ]);
  });
});

describe('surnames used alone', () => {
  it('reads a surname after its full name as the person', () => {
    const entities = named("Finance minister Tom Hollis presented the budget. Hollis told parliament it was balanced. Hollis's office declined to comment.");
    expect(entities.filter(([text]) => text === 'Hollis')).toEqual([
      ['Hollis', 'PERSON'],
      ['Hollis', 'PERSON'],
    ]);
  });
});

describe('surnames used alone, decided once per report', () => {
  const model = deserializeNerModel(readFileSync(new URL('../../models/ner.bin', import.meta.url)), 'models/ner.bin');
  const sentence = (words: string) => prepareSentence(words.split(' '), model);

  it('makes a lone surname the person whose full name ends with it, whatever the tagger read it as', () => {
    const sentences = [
      sentence('President Alberto Tarrago visited the wounded .'),
      sentence('Tarrago was praised for the raid .'),
      sentence('The tunnels took weeks to dig , Tarrago said .'),
    ];
    const tags = [
      Uint8Array.from(['O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'O'], tagIndex),
      Uint8Array.from(['B-LOC', 'O', 'O', 'O', 'O', 'O', 'O'], tagIndex),
      Uint8Array.from(['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'], tagIndex),
    ];
    applyDocumentRules(sentences, tags, tags.map((row) => new Float32Array(row.length).fill(0.9)));
    expect(tags[1]![0]).toBe(tagIndex('B-PER'));
    expect(tags[2]![7]).toBe(tagIndex('B-PER'));
  });

  it('leaves a word the report reads alone as a place more often than it ends a name, and a country, as they are', () => {
    const sentences = [
      sentence('Envoys met in Ulvan Chechnya on Monday .'),
      sentence('Fighting in Chechnya went on .'),
      sentence('Chechnya is calm , officials in Chechnya insist .'),
      sentence('Minister Ana France spoke .'),
      sentence('France said no .'),
    ];
    const tags = [
      Uint8Array.from(['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O'], tagIndex),
      Uint8Array.from(['O', 'O', 'B-LOC', 'O', 'O', 'O'], tagIndex),
      Uint8Array.from(['B-LOC', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O', 'O'], tagIndex),
      Uint8Array.from(['O', 'B-PER', 'I-PER', 'O', 'O'], tagIndex),
      Uint8Array.from(['B-LOC', 'O', 'O', 'O'], tagIndex),
    ];
    applyDocumentRules(sentences, tags, tags.map((row) => new Float32Array(row.length).fill(0.9)));
    expect(tags[1]![2]).toBe(tagIndex('B-LOC'));
    expect(tags[4]![0]).toBe(tagIndex('B-LOC'));
  });
});

describe('names that speak', () => {
  it('reads a lone name no gazetteer lists as a place, speaking in the report, as a person', () => {
    const entities = named('Tarrago was showered with praise after the raid on the residence. The tunnels took weeks to dig, according to Tarrago.');
    expect(entities.filter(([text]) => text === 'Tarrago')).toEqual([
      ['Tarrago', 'PERSON'],
      ['Tarrago', 'PERSON'],
    ]);
  });

  it('leaves countries, cities and the places that speak for a government as places', () => {
    const entities = named('China said on Monday it would reply. The White House said talks would go on, and Moscow said nothing.');
    expect(entities).toEqual([
      ['China', 'PLACE'],
      ['White House', 'PLACE'],
      ['Moscow', 'PLACE'],
    ]);
  });
});

describe('sentence-initial capitals', () => {
  it('takes no name from a capitalised common word or adverb opening a sentence', () => {
    expect(named('Graphic footage of the attack was shown on television. Lastly, the minister thanked the rescuers.')).toEqual([]);
  });
});

describe('one name, one type, within a report', () => {
  const model = deserializeNerModel(readFileSync(new URL('../../models/ner.bin', import.meta.url)), 'models/ner.bin');
  const sentence = (words: string) => prepareSentence(words.split(' '), model);

  it('gives a name read as a person once and as an organisation more surely elsewhere the organisation type', () => {
    const sentences = [sentence('Petofi general manager Laszlo Sebesvari resigned .'), sentence('Until a new manager of Petofi is appointed , he stays .')];
    const tags = [
      Uint8Array.from(['B-ORG', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O'], tagIndex),
      Uint8Array.from(['O', 'O', 'O', 'O', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'O'], tagIndex),
    ];
    const confidences = [Float32Array.from([0.9, 1, 1, 0.95, 0.95, 1, 1]), Float32Array.from([1, 1, 1, 1, 1, 0.4, 1, 1, 1, 1, 1])];
    applyDocumentRules(sentences, tags, confidences);
    expect(tags[1]![5]).toBe(tagIndex('B-ORG'));
    expect(tags[0]![3]).toBe(tagIndex('B-PER'));
  });

  it('leaves a place and the club named after it apart, as the text means them differently', () => {
    const sentences = [sentence('Seattle beat Texas 4-2 .'), sentence('The game was played in Seattle .')];
    const tags = [Uint8Array.from(['B-ORG', 'O', 'B-ORG', 'O', 'O'], tagIndex), Uint8Array.from(['O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'], tagIndex)];
    const confidences = [new Float32Array(5).fill(0.9), new Float32Array(7).fill(0.6)];
    applyDocumentRules(sentences, tags, confidences);
    expect(tags[1]![5]).toBe(tagIndex('B-LOC'));
  });
});
