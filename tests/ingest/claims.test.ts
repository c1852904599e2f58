import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../src/graph/facts.js';
import { extractClaims, type ClaimCandidate } from '../../src/ingest/extract/claims.js';
import { extractEntities } from '../../src/ingest/extract/entities.js';
import { extractSources, type ExtractedSources } from '../../src/ingest/extract/sources.js';
import { parseTimeMLDocument } from '../../src/ingest/formats/timeml.js';

const gold = JSON.parse(readFileSync('examples/seed/000_09a13298e7180d8f.facts.json', 'utf8')) as ArticleFacts;
const text = gold.article.text;
const afpDirectory = '../shared/datasets/afp-1997';

const goldSourceName = new Map(gold.sources.map((source) => [source.key, source.name]));
const claimKey = (metric: string, value: number, qualifier: string) => `${metric} ${value} ${qualifier}`;
const sourceNames = (claim: ClaimCandidate, extracted: ExtractedSources) => claim.sources.map((index) => extracted.sources[index]!.name).sort();

/** Extracts the claims of one hand-written sentence, without NER. */
function claimsOf(sentence: string) {
  const sources = extractSources(sentence, []);
  return extractClaims(sentence, sources).map((claim) => ({ ...claim, sourceNames: sourceNames(claim, sources) }));
}

describe('extractClaims on the seed article', () => {
  const sources = extractSources(text, extractEntities(text));
  const claims = extractClaims(text, sources);

  it('finds every gold claim with its metric, value, qualifier, subject and sources (precision and recall)', () => {
    const found = claims.map((claim) => claimKey(claim.metric, claim.value, claim.qualifier));
    const expected = gold.claims.map((claim) => claimKey(claim.metric, claim.value, claim.qualifier));
    const correct = found.filter((key) => expected.includes(key)).length;
    console.log(`claims: precision ${correct}/${found.length}, recall ${correct}/${expected.length}`);
    for (const goldClaim of gold.claims) {
      const claim = claims.find((candidate) => claimKey(candidate.metric, candidate.value, candidate.qualifier) === claimKey(goldClaim.metric, goldClaim.value, goldClaim.qualifier));
      expect(claim, claimKey(goldClaim.metric, goldClaim.value, goldClaim.qualifier)).toBeDefined();
      expect(claim!.subject).toBe(goldClaim.subject);
      expect(sourceNames(claim!, sources)).toEqual(goldClaim.sources.map((key) => goldSourceName.get(key)).sort());
      // The quote holds the figure and overlaps the gold quote.
      expect(claim!.quote.text).toBe(text.slice(claim!.quote.start, claim!.quote.end));
      expect(claim!.quote.start).toBeLessThan(goldClaim.quote.end);
      expect(claim!.quote.end).toBeGreaterThan(goldClaim.quote.start);
    }
    expect(found.length).toBe(expected.length);
  });

  it('gives the 242 hostages both sources and the 1,400 dead to Israeli officials', () => {
    const hostages = claims.find((claim) => claim.value === 242)!;
    expect(sourceNames(hostages, sources)).toEqual(['Israel Defense Forces', 'Palestinian health authority']);
    expect(hostages.quote.text).toBe(gold.claims.find((claim) => claim.value === 242)!.quote.text);
    expect(sourceNames(claims.find((claim) => claim.value === 1400)!, sources)).toEqual(['Israeli officials']);
  });

  it('takes no durations, ages or dates as figures', () => {
    const quotes = claims.map((claim) => claim.quote.text).join(' | ');
    expect(quotes).not.toMatch(/75-year|over a week|07 October 2023/);
    expect(claims.map((claim) => claim.value)).not.toContain(75);
    expect(claims.map((claim) => claim.value)).not.toContain(2023);
  });
});

describe('extractClaims on wire-copy sentences', () => {
  it('reads AFP-style tolls with their sources', () => {
    expect(claimsOf('The death toll rose to 43, police said.')).toMatchObject([{ metric: 'KILLED', value: 43, qualifier: 'EXACT', sourceNames: ['police'] }]);
    expect(claimsOf('At least 12 people were wounded, according to the health ministry.')).toMatchObject([
      { metric: 'INJURED', value: 12, qualifier: 'AT_LEAST', subject: 'people', sourceNames: ['health ministry'] },
    ]);
    expect(claimsOf('Officials said some 3,000 people had fled.')).toMatchObject([{ metric: 'DISPLACED', value: 3000, qualifier: 'ABOUT', subject: 'people', sourceNames: ['officials'] }]);
  });

  it('reads every hedge', () => {
    const qualifiers = [
      ['at least 5 people were killed', 'AT_LEAST'],
      ['more than 5 people were killed', 'MORE_THAN'],
      ['over 5 people were killed', 'MORE_THAN'],
      ['about 5 people were killed', 'ABOUT'],
      ['nearly 5 people were killed', 'ABOUT'],
      ['roughly 5 people were killed', 'ABOUT'],
      ['up to 5 people were killed', 'UP_TO'],
      ['fewer than 5 people were killed', 'LESS_THAN'],
      ['5 people were killed', 'EXACT'],
    ];
    for (const [sentence, qualifier] of qualifiers) expect(claimsOf(`Police said ${sentence}.`)[0]?.qualifier, sentence).toBe(qualifier);
  });

  it('reads numbers in words and vague plurals at their smallest reading', () => {
    expect(claimsOf('Ten soldiers were wounded.')).toMatchObject([{ metric: 'INJURED', value: 10, subject: 'soldiers' }]);
    // Hostages counted are "people", as in the seed gold.
    expect(claimsOf('Rebels freed two dozen hostages.')).toMatchObject([{ metric: 'RELEASED', value: 24, subject: 'people' }]);
    expect(claimsOf('Hundreds of people were arrested.')).toMatchObject([{ metric: 'ARRESTED', value: 200, qualifier: 'AT_LEAST', subject: 'people' }]);
    expect(claimsOf('Tens of thousands of civilians have fled.')).toMatchObject([{ metric: 'DISPLACED', value: 20_000, qualifier: 'AT_LEAST', subject: 'civilians' }]);
    expect(claimsOf('The country of 2.3 million was in mourning.')).toMatchObject([{ metric: 'POPULATION', value: 2_300_000 }]);
  });

  it('tells each metric apart, also when one sentence reports two', () => {
    expect(claimsOf('The blast killed five people and wounded 12 others, the army said.').map((claim) => [claim.metric, claim.value])).toEqual([
      ['KILLED', 5],
      ['INJURED', 12],
    ]);
    expect(claimsOf('Seven Americans remain unaccounted for.')).toMatchObject([{ metric: 'MISSING', value: 7, subject: 'Americans' }]);
    expect(claimsOf('Gunmen are holding 40 hostages.')).toMatchObject([{ metric: 'HOSTAGES', value: 40 }]);
  });

  it('ignores years, ages, dates, times, percentages, scores, money and active killers', () => {
    for (const sentence of [
      'The 75-year-old man was killed in 1997.',
      'A boy aged 12 was wounded on October 7.',
      'Prices rose 12 percent and 40 people were not hurt at 10:30.',
      'Celtic beat Rangers 2-1 and fans were injured.',
      'The fund paid $40 million to 12 victims of the crash.',
      'Two Israeli settlers killed a Palestinian.',
      'One of the officials said the army killed no one.',
      'It was the first of 3 rounds.',
    ]) {
      expect(claimsOf(sentence).map((claim) => `${claim.metric} ${claim.value}`), sentence).toEqual([]);
    }
  });
});

describe('extractClaims on the AFP corpus', () => {
  it('reads every article of the corpus without failing and finds casualty claims across it', () => {
    if (!existsSync(afpDirectory)) throw new Error(`${afpDirectory} is missing: this test reads the shared AFP corpus in place, beside the repository`);
    const files = readdirSync(afpDirectory).filter((file) => file.endsWith('.tml'));
    expect(files.length).toBeGreaterThan(2000);
    const metrics = new Set<string>();
    let articlesWithClaims = 0;
    for (const file of files) {
      const document = parseTimeMLDocument(readFileSync(join(afpDirectory, file), 'utf8'), file);
      const sources = extractSources(document.text, [], document.publisher ? { publisher: document.publisher } : {});
      const claims = extractClaims(document.text, sources);
      if (claims.length > 0) articlesWithClaims += 1;
      for (const claim of claims) {
        metrics.add(claim.metric);
        expect(Number.isFinite(claim.value), `${file}: ${claim.metric} ${claim.value}`).toBe(true);
        expect(claim.value, `${file}: ${claim.metric}`).toBeGreaterThan(0);
      }
    }
    // Wire news of a year is full of tolls: a reader finds killed, injured and hostage counts, in many reports.
    expect([...metrics]).toEqual(expect.arrayContaining(['KILLED', 'INJURED']));
    expect(articlesWithClaims).toBeGreaterThan(100);
  });
});
