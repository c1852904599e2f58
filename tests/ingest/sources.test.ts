import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../src/graph/facts.js';
import { extractEntities } from '../../src/ingest/extract/entities.js';
import { extractSources, type ExtractedSources, type SourceCandidate } from '../../src/ingest/extract/sources.js';

const gold = JSON.parse(readFileSync('examples/seed/000_09a13298e7180d8f.facts.json', 'utf8')) as ArticleFacts;
const text = gold.article.text;

const nameKey = (name: string): string => name.toLowerCase().replace(/[’']/g, "'");
const sourceNamed = (extracted: ExtractedSources, name: string): SourceCandidate | undefined =>
  extracted.sources.find((source) => nameKey(source.name) === nameKey(name));
/** The sources whose attributions cover `phrase` in `sentence`, narrowest first (as the claim extractor picks them). */
const speakersOf = (extracted: ExtractedSources, within: string, phrase: string): string[] => {
  const at = within.indexOf(phrase);
  const covering = extracted.attributions.filter((attribution) => attribution.start <= at && attribution.end > at);
  const narrowest = Math.min(...covering.map((attribution) => attribution.end - attribution.start));
  return covering.filter((attribution) => attribution.end - attribution.start === narrowest).map((attribution) => extracted.sources[attribution.source]!.name);
};

describe('extractSources on the seed article', () => {
  const extracted = extractSources(text, extractEntities(text));

  it('finds the gold sources with their kinds (precision and recall by name and kind)', () => {
    const found = new Set(extracted.sources.map((source) => `${nameKey(source.name)}|${source.kind}`));
    const expected = new Set(gold.sources.map((source) => `${nameKey(source.name)}|${source.kind}`));
    const correct = [...found].filter((key) => expected.has(key)).length;
    console.log(`sources: precision ${correct}/${found.size}, recall ${correct}/${expected.size}`);
    for (const source of gold.sources) expect(found, `${source.name} (${source.kind})`).toContain(`${nameKey(source.name)}|${source.kind}`);
    expect(correct / found.size).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every gold source mention, the repeated references included', () => {
    const goldMentions = gold.sources.flatMap((source) => source.mentions.map((mention) => `${mention.start}:${mention.text}`));
    const foundMentions = extracted.sources.flatMap((source) => source.mentions.map((mention) => `${mention.start}:${mention.text}`));
    const correct = foundMentions.filter((mention) => goldMentions.includes(mention)).length;
    console.log(`source mentions: precision ${correct}/${foundMentions.length}, recall ${correct}/${goldMentions.length}`);
    expect(foundMentions.sort()).toEqual(goldMentions.sort());
    for (const source of extracted.sources) for (const mention of source.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('keeps the senior official anonymous and "The official" as the same source', () => {
    const official = sourceNamed(extracted, 'senior Biden administration official');
    expect(official).toMatchObject({ kind: 'ANONYMOUS_OFFICIAL', organizationName: 'Biden administration' });
    expect(official?.description).toMatch(/condition of anonymity/);
    expect(official?.mentions.map((mention) => mention.text)).toEqual(['a senior Biden administration official', 'The official']);
    expect(sourceNamed(extracted, 'two U.S. officials')?.mentions.map((mention) => mention.text)).toEqual(['two U.S. officials', 'The two U.S. officials', 'One of the officials']);
    expect(sourceNamed(extracted, 'U.S. officials')?.kind).toBe('GOVERNMENT');
  });

  it('reads the embedded post and the photo credit', () => {
    expect(sourceNamed(extracted, 'Hen Mazzig (@HenMazzig)')).toMatchObject({ kind: 'SOCIAL_MEDIA_ACCOUNT', handle: 'HenMazzig', personName: 'Hen Mazzig', postedOn: '2023-11-03' });
    expect(sourceNamed(extracted, 'EPA-EFE')?.kind).toBe('PHOTO_AGENCY');
    expect(sourceNamed(extracted, 'Clemens Bilan')).toMatchObject({ kind: 'PERSON', personName: 'Clemens Bilan', organizationName: 'EPA-EFE' });
    expect(speakersOf(extracted, text, 'Israeli officer says')).toEqual(['Israeli officer']);
    expect(speakersOf(extracted, text, 'Graphic footage')).toEqual(['Hen Mazzig (@HenMazzig)']);
    expect(speakersOf(extracted, text, 'A participant reacts')).toEqual(['EPA-EFE']);
  });

  it('takes the wire agency from the dateline as the publisher, and names the IDF by its full name with the abbreviation as alias', () => {
    expect(extracted.sources[extracted.publisher!]).toMatchObject({ name: 'Reuters', kind: 'NEWS_AGENCY', mentions: [{ start: 12, end: 19, text: 'Reuters' }] });
    expect(sourceNamed(extracted, 'Israel Defense Forces')).toMatchObject({ kind: 'MILITARY', aliases: ['IDF'] });
  });

  it('attributes each sentence to whoever it is quoted from, and leaves unattributed sentences alone', () => {
    expect(speakersOf(extracted, text, 'killing 1,400 people')).toEqual(['Israeli officials']);
    expect(speakersOf(extracted, text, '242 hostages').sort()).toEqual(['Israel Defense Forces', 'Palestinian health authority']);
    expect(speakersOf(extracted, text, 'drone flights for over a week')).toEqual(['two U.S. officials']);
    expect(extracted.attributions.some((attribution) => attribution.start <= text.indexOf('Israeli forces on Thursday') && attribution.end > text.indexOf('Israeli forces on Thursday'))).toBe(false);
    // The dateline is not what the official vouches for.
    expect(extracted.attributions.every((attribution) => attribution.start >= 22)).toBe(true);
  });
});

describe('extractSources on wire-copy patterns', () => {
  const sourcesOf = (sentence: string) => extractSources(sentence, []);

  it('reads "X said", "said X", "according to X" and "X told Reuters"', () => {
    expect(sourcesOf('The death toll rose to 43, police said.').sources).toMatchObject([{ name: 'police', kind: 'GOVERNMENT' }]);
    expect(sourcesOf('At least 12 people were wounded, according to the health ministry.').sources).toMatchObject([{ name: 'health ministry', kind: 'HEALTH_AUTHORITY' }]);
    expect(sourcesOf('Officials said some 3,000 people had fled.').sources).toMatchObject([{ name: 'officials', kind: 'GOVERNMENT' }]);
    expect(sourcesOf('"We are ready," said Victor Wan, analyst at South Johore Securities.').sources).toMatchObject([
      { name: 'Victor Wan', kind: 'PERSON', organizationName: 'South Johore Securities', description: 'analyst at South Johore Securities' },
    ]);
    expect(sourcesOf('The army had fired first, a witness told Reuters.').sources).toMatchObject([{ name: 'witness', kind: 'OTHER' }]);
  });

  it('classifies institutions: military, armed groups, UN agencies, NGOs, agencies, newspapers', () => {
    const kinds = (sentence: string) => sourcesOf(sentence).sources.map((source) => [source.name, source.kind]);
    expect(kinds('The strike hit a school, the IDF said.')).toEqual([['IDF', 'MILITARY']]);
    expect(kinds('Hamas said it fired the rockets.')).toEqual([['Hamas', 'ARMED_GROUP']]);
    expect(kinds('UNRWA said 30 schools were shelters.')).toEqual([['UNRWA', 'INTERNATIONAL_ORGANIZATION']]);
    expect(kinds('Amnesty International said the raids were unlawful.')).toEqual([['Amnesty International', 'NGO']]);
    expect(kinds('The talks failed, AFP reported.')).toEqual([['AFP', 'NEWS_AGENCY']]);
    expect(kinds('The plan was dropped, the Financial Times reported.')).toEqual([['Financial Times', 'PUBLISHER']]);
    expect(kinds('The White House said it would respond.')).toEqual([['White House', 'GOVERNMENT']]);
  });

  it('splits "X spokesman Y" into the person and the organisation', () => {
    expect(sourcesOf('Two dozen people were freed, Hamas spokesman Fawzi Barhoum said.').sources).toMatchObject([
      { name: 'Fawzi Barhoum', kind: 'PERSON', personName: 'Fawzi Barhoum', organizationName: 'Hamas', description: 'Hamas spokesman' },
    ]);
  });

  it('keeps an official speaking on condition of anonymity as ANONYMOUS_OFFICIAL and follows "the official" back to them', () => {
    const extracted = sourcesOf('A senior army official, speaking on condition of anonymity, said the raid was over. The official said more raids would follow.');
    expect(extracted.sources).toHaveLength(1);
    expect(extracted.sources[0]).toMatchObject({ name: 'senior army official', kind: 'ANONYMOUS_OFFICIAL' });
    expect(extracted.sources[0]!.mentions.map((mention) => mention.text)).toEqual(['A senior army official', 'The official']);
    expect(extracted.attributions).toHaveLength(2);
  });

  it('follows a surname back to the person first named in full', () => {
    const extracted = sourcesOf('"It is over," said Victor Wan, an analyst. Wan said prices would fall.');
    expect(extracted.sources).toHaveLength(1);
    expect(extracted.sources[0]!.mentions.map((mention) => mention.text)).toEqual(['Victor Wan', 'Wan']);
  });

  it('splits a sentence quoting two speakers at the clause between them', () => {
    const sentence = 'Police said 12 people died, while the army said the toll was lower.';
    const extracted = sourcesOf(sentence);
    expect(speakersOf(extracted, sentence, '12 people')).toEqual(['police']);
    expect(speakersOf(extracted, sentence, 'the toll was lower')).toEqual(['army']);
  });

  it('names a news agency by its own name, however the article describes it', () => {
    const agencies = (sentence: string) => sourcesOf(sentence).sources.map((source) => [source.name, source.kind]);
    expect(agencies("The dam burst at dawn, Serbia's official Tanjug news agency reported.")).toEqual([['Tanjug', 'NEWS_AGENCY']]);
    expect(agencies('The dam burst at dawn, the state-run Tanjug news agency reported.')).toEqual([['Tanjug', 'NEWS_AGENCY']]);
    expect(agencies('The dam burst at dawn, the Serbian news agency Tanjug reported.')).toEqual([['Tanjug', 'NEWS_AGENCY']]);
    expect(agencies('The ferry sank near the port, Kyodo News said.')).toEqual([['Kyodo', 'NEWS_AGENCY']]);
    expect(agencies('The ferry sank near the port, the Interfax agency said.')).toEqual([['Interfax', 'NEWS_AGENCY']]);
    // What an agency's description keeps: "Croatian news agency" names none, "Vietnam News Agency" is a name.
    expect(agencies('The ferry sank near the port, a Croatian news agency said.')).toEqual([['Croatian news agency', 'NEWS_AGENCY']]);
    expect(agencies('The ferry sank near the port, the Vietnam News Agency said.')).toEqual([['Vietnam News Agency', 'NEWS_AGENCY']]);
    const described = sourcesOf("Rice prices rose, Serbia's official Tanjug news agency said.").sources[0];
    expect(described).toMatchObject({ name: 'Tanjug', organizationName: 'Tanjug', description: "Serbia's official Tanjug news agency" });
  });

  it('takes no agency of another kind for a news agency', () => {
    const kinds = (sentence: string) => sourcesOf(sentence).sources.map((source) => source.kind);
    expect(kinds('Some 3,000 families fled, the UN refugee agency said.')).not.toContain('NEWS_AGENCY');
    expect(kinds('The quake measured 6.1, the Meteorological Agency said.')).not.toContain('NEWS_AGENCY');
    expect(kinds('The plan was dropped, Fox News reported.')).not.toContain('NEWS_AGENCY');
  });

  it('reads an AFP dateline agency as the publisher', () => {
    const extracted = sourcesOf('GAZA CITY, Nov 4 (AFP) - Israeli jets struck the city overnight.');
    expect(extracted.sources[extracted.publisher!]).toMatchObject({ name: 'AFP', kind: 'NEWS_AGENCY' });
  });
});
