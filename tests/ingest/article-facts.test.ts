// The pipeline (read → extract → facts) on the seed article, measured against the hand-checked gold facts.
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/ingest/formats/index.js';
import { extractDocument } from '../../src/ingest/extract/document.js';
import { toArticleFacts } from '../../src/ingest/extract/article-facts.js';
import { readSeedFacts } from '../../src/graph/demo-data.js';
import { checkFacts } from '../../src/graph/store-article.js';
import { nameKey } from '../../src/graph/names.js';
import type { ArticleFacts } from '../../src/graph/facts.js';

const [seed] = await readDocumentFile('examples/seed/000_09a13298e7180d8f.txt');
const facts = toArticleFacts(extractDocument(seed!));
const gold = readSeedFacts();

function score(found: string[], expected: string[]) {
  const foundSet = new Set(found);
  const expectedSet = new Set(expected);
  const hits = [...foundSet].filter((item) => expectedSet.has(item)).length;
  return { precision: foundSet.size ? hits / foundSet.size : 0, recall: expectedSet.size ? hits / expectedSet.size : 0, missed: [...expectedSet].filter((item) => !foundSet.has(item)) };
}

/** Every name an entity goes by, folded, so "IDF" finds "Israel Defense Forces". */
function namesOf(list: { name: string; aliases?: string[] }[]): string[] {
  return list.map((entity) => nameKey(entity.name));
}
function matches(list: { name: string; aliases?: string[] }[], name: string): boolean {
  return list.some((entity) => [entity.name, ...(entity.aliases ?? [])].some((alias) => nameKey(alias) === nameKey(name)));
}

const claimKey = (claim: ArticleFacts['claims'][number], facts: ArticleFacts) =>
  `${claim.metric} ${claim.qualifier} ${claim.value} [${claim.sources.map((key) => nameKey(facts.sources.find((source) => source.key === key)!.name)).sort().join('+')}]`;

describe('the seed article through the extraction pipeline', () => {
  it('produces facts the graph accepts: every span is the text it claims, every key defined', () => {
    expect(() => checkFacts(facts)).not.toThrow();
    expect(facts.article.publishedOn).toBe('2023-11-04');
    expect(facts.article.text.trimEnd()).toBe(gold.article.text.trimEnd());
  });

  it('finds the gold people, organisations, places and sources (precision and recall reported)', () => {
    const report: Record<string, ReturnType<typeof score>> = {};
    for (const kind of ['people', 'organizations', 'places', 'sources'] as const) {
      const expected = gold[kind].filter((entity) => entity.mentions.length > 0);
      const found = facts[kind];
      const hits = expected.filter((entity) => matches(found, entity.name) || (entity.aliases ?? []).some((alias) => matches(found, alias)));
      const correct = found.filter((entity) => matches(expected, entity.name) || (entity.aliases ?? []).some((alias) => matches(expected, alias)));
      report[kind] = {
        precision: correct.length / Math.max(found.length, 1),
        recall: hits.length / Math.max(expected.length, 1),
        missed: expected.filter((entity) => !hits.includes(entity)).map((entity) => entity.name),
      };
    }
    console.log('seed entities vs gold:', JSON.stringify(report));
    expect(report.places!.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.sources!.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.organizations!.recall).toBeGreaterThanOrEqual(0.6);
    expect(report.people!.recall).toBeGreaterThanOrEqual(0.6);
    expect(namesOf(facts.people)).toContain(nameKey('Hen Mazzig'));
  });

  it('resolves places against the gazetteer with their parents', () => {
    const place = (name: string) => facts.places.find((entry) => entry.name === name)!;
    expect(place('Gaza City')).toMatchObject({ kind: 'CITY', countryCode: 'PS' });
    expect(facts.places.find((entry) => entry.key === place('Gaza City').parent)!.name).toBe('Gaza Strip');
    const berlinState = facts.places.find((entry) => entry.key === place('Berlin').parent)!;
    expect(berlinState).toMatchObject({ name: 'Berlin', kind: 'DIVISION' });
    expect(facts.places.find((entry) => entry.key === berlinState.parent)!.name).toBe('Germany');
    expect(place('Gaza Strip').mentions.map((mention) => mention.text)).toContain('Gaza');
    expect(place('United States').mentions.length).toBeGreaterThanOrEqual(5);
    expect(facts.places.find((entry) => entry.key === facts.article.datelinePlace)!.name).toBe('Washington, D.C.');
    expect(facts.sources.find((entry) => entry.key === facts.article.publisher)).toMatchObject({ name: 'Reuters', kind: 'NEWS_AGENCY' });
  });

  it('finds every gold claim with its qualifier and sources', () => {
    const result = score(facts.claims.map((claim) => claimKey(claim, facts)), gold.claims.map((claim) => claimKey(claim, gold)));
    console.log('seed claims vs gold:', JSON.stringify(result));
    expect(result.recall).toBe(1);
    expect(result.precision).toBe(1);
  });

  it('tells the caption’s photographer and agency, and the embedded post’s author and date', () => {
    expect(facts.sources.find((source) => source.kind === 'PHOTO_AGENCY')?.name).toBe('EPA-EFE');
    const photographer = facts.sources.find((source) => source.kind === 'PERSON' && nameKey(source.name) === 'clemens bilan');
    expect(facts.organizations.find((organization) => organization.key === photographer?.organization)?.name).toMatch(/EPA-EFE/i);
    const post = facts.sources.find((source) => source.kind === 'SOCIAL_MEDIA_ACCOUNT')!;
    expect(post.handle).toBe('HenMazzig');
    expect(post.description).toContain('November 3, 2023');
    expect(facts.people.find((person) => person.key === post.person)?.name).toBe('Hen Mazzig');
  });

  it('finds the dated events: the attack of 2023-10-07 and the encirclement of Gaza City on 2023-11-02', () => {
    const placeName = (key: string) => facts.places.find((place) => place.key === key)?.name;
    const attack = facts.events.find((event) => event.type === 'ATTACK' && event.date.startsOn === '2023-10-07');
    expect(attack?.date.precision).toBe('DAY');
    expect(attack?.places?.map((link) => placeName(link.place))).toContain('Israel');
    expect(attack?.mentions.length).toBeGreaterThanOrEqual(2);
    const encirclement = facts.events.find((event) => event.type === 'MILITARY_OPERATION' && event.date.startsOn === '2023-11-02');
    expect(encirclement?.date.text).toBe('Thursday');
    expect(encirclement?.places?.map((link) => placeName(link.place))).toContain('Gaza City');
    const drones = facts.events.find((event) => event.date.text?.includes('over a week'));
    expect(drones).toMatchObject({ date: { endsOn: '2023-11-04', approximate: true } });
    expect(drones!.date.startsOn < '2023-10-29').toBe(true);

    const goldDated = gold.events.filter((event) => event.date.text && !event.date.approximate).map((event) => `${event.type} ${event.date.startsOn}`);
    const found = facts.events.filter((event) => event.date.text && !event.date.approximate).map((event) => `${event.type} ${event.date.startsOn}`);
    console.log('seed dated events vs gold:', JSON.stringify(score(found, goldDated)));
  });
});

describe('the dateline places the lead', () => {
  it('an event of the lead that names no place happened where the report is filed from; one told later did not', () => {
    const text = 'BEIJING (AFP) - Police arrested 30 people on Tuesday after a night of unrest. Diplomats said peace talks had stalled.';
    const document = { source: 'test.txt', format: 'text' as const, publishedAt: '1997-04-09', text, dateline: { place: 'BEIJING', agency: 'AFP', start: 0, end: 'BEIJING (AFP) -'.length } };
    const facts = toArticleFacts(extractDocument(document));
    const placeName = (key: string) => facts.places.find((place) => place.key === key)?.name;
    const arrest = facts.events.find((event) => event.type === 'ARREST')!;
    expect(arrest.places?.map((link) => [placeName(link.place), link.role])).toEqual([['Beijing', 'LOCATION']]);
    const talks = facts.events.find((event) => event.type === 'NEGOTIATION')!;
    expect(talks.places ?? []).toEqual([]);
  });

  it('a report whose placed news all happens in the dateline\'s country places its unplaced news there; one filed from elsewhere does not', () => {
    const factsOf = (dateline: string, text: string) =>
      toArticleFacts(extractDocument({ source: 'test.txt', format: 'text' as const, publishedAt: '1997-04-23', text, dateline: { place: dateline, agency: 'AFP', start: 0, end: `${dateline} (AFP) -`.length } }));
    const placesOf = (facts: ReturnType<typeof factsOf>, type: string) =>
      (facts.events.find((event) => event.type === type)!.places ?? []).map((link) => facts.places.find((place) => place.key === link.place)?.name);
    const atScene = factsOf('LIMA', 'LIMA (AFP) - Peruvian troops raided the residence in Lima on Tuesday. Hours later, police arrested two men.');
    expect(placesOf(atScene, 'ARREST')).toEqual(['Lima']);
    const fromAfar = factsOf('TOKYO', 'TOKYO (AFP) - Peruvian troops raided the residence in Lima on Tuesday. Hours later, police arrested two men.');
    expect(placesOf(fromAfar, 'ARREST')).toEqual([]);
  });
});
