// Toponym resolution over whole articles: each kind of case a reader gets right, on real AFP text and on short
// texts written for the case; then the development set's figures with the shared scorer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedDocument } from '../../src/ingest/extract/document.js';
import { toArticleFacts } from '../../src/ingest/extract/article-facts.js';
import type { EntityMention } from '../../src/ingest/extract/entities.js';
import { placeByGazetteerId } from '../../src/ingest/extract/gazetteer.js';
import { countryOfPublisher, homeTownOfPublisher, resolveArticlePlaces } from '../../src/ingest/extract/place-resolution.js';
import { readDocumentFile } from '../../src/ingest/formats/index.js';
import { readAfp } from '../support/afp.js';

function article(text: string, extra: { publisher?: string } = {}): ExtractedDocument {
  return extractDocument({ source: 'test', format: 'json', publishedAt: '2024-03-05', text, ...extra });
}

/** The resolved place mentions of an article whose text is exactly `name`. */
function placesNamed(extracted: ExtractedDocument, name: string): EntityMention[] {
  const found = [...extracted.entities, ...extracted.placeMentions].filter((entity) => entity.kind === 'PLACE' && entity.text === name);
  if (!found.length) throw new Error(`no place mention "${name}" in: ${extracted.entities.map((entity) => `${entity.kind}:${entity.text}`).join(', ')}`);
  return found;
}

function only(extracted: ExtractedDocument, name: string): EntityMention {
  const [mention, ...others] = placesNamed(extracted, name);
  for (const other of others) expect(other.gazetteerId, `every "${name}" reads alike`).toBe(mention!.gazetteerId);
  return mention!;
}

function chain(gazetteerId: string | undefined): string[] {
  const names: string[] = [];
  for (let place = gazetteerId ? placeByGazetteerId(gazetteerId) : undefined; place; place = place.parent) names.push(place.name);
  return names;
}

describe('a qualifier after a town picks the town inside it', () => {
  it('reads "Birmingham, Ala." as the Alabama city, inside Alabama inside the United States, and "Ala." as Alabama', () => {
    const extracted = article('BIRMINGHAM, Ala. (AP) — A tornado tore through Birmingham, Ala., on Tuesday, destroying homes in the city.');
    const birmingham = placesNamed(extracted, 'Birmingham')[0]!;
    expect(birmingham).toMatchObject({ countryCode: 'US', placeKind: 'CITY' });
    expect(chain(birmingham.gazetteerId).slice(0, 3)).toEqual(['Birmingham', 'Alabama', 'United States']);
    expect(placesNamed(extracted, 'Ala.')[0]).toMatchObject({ placeName: 'Alabama', placeKind: 'DIVISION', countryCode: 'US' });
  });

  it('reads "London, Ontario" as the Canadian city, and London alone as the capital', () => {
    const ontario = article('The council of London, Ontario voted on Monday to expand bus service across the city.');
    expect(placesNamed(ontario, 'London')[0]).toMatchObject({ countryCode: 'CA' });
    expect(chain(placesNamed(ontario, 'London')[0]!.gazetteerId)).toContain('Ontario');
    expect(only(article('Prime ministers met in London on Monday to discuss trade.'), 'London')).toMatchObject({ countryCode: 'GB' });
  });

  it('reads "Paris, Texas" and "Athens, Ga." as the American towns', () => {
    const paris = article('Storms flooded streets in Paris, Texas, on Sunday, the county sheriff said.');
    expect(placesNamed(paris, 'Paris')[0]).toMatchObject({ countryCode: 'US' });
    expect(chain(placesNamed(paris, 'Paris')[0]!.gazetteerId)).toContain('Texas');
    const athens = article('Police in Athens, Ga., arrested two students after the fire.');
    expect(chain(placesNamed(athens, 'Athens')[0]!.gazetteerId)).toContain('Georgia');
  });

  it('takes a small town the name alone would never be, when its state follows: "Edmonton, Ky."', () => {
    const extracted = article('EDMONTON, Ky. (WBKO) — A fire destroyed a barn near Edmonton on Sunday. Firefighters from Columbia helped.');
    const edmonton = only(extracted, 'Edmonton');
    expect(edmonton.countryCode).toBe('US');
    expect(chain(edmonton.gazetteerId)).toContain('Kentucky');
  });
});

describe('one reading per name, weighed with the article\'s other places', () => {
  it('reads Alexandria alone as the Egyptian city, and as the Louisiana town throughout an article about Louisiana', () => {
    expect(only(article('Protesters gathered in Alexandria and Cairo on Friday.'), 'Alexandria')).toMatchObject({ countryCode: 'EG' });
    const louisiana = article(
      'Floodwaters rose in Alexandria, La., on Monday. Shreveport and Baton Rouge braced for more rain. '
      + 'Officials in Alexandria said the levees held, and schools in Alexandria stayed closed.',
    );
    const alexandria = only(louisiana, 'Alexandria');
    expect(alexandria.countryCode).toBe('US');
    expect(chain(alexandria.gazetteerId)).toContain('Louisiana');
  });

  it('reads Victoria by the country of the article\'s other places', () => {
    expect(only(article('Bushfires spread from Melbourne across Victoria, and Sydney sent firefighters.'), 'Victoria')).toMatchObject({ placeKind: 'DIVISION', countryCode: 'AU' });
    expect(only(article('Ferries from Vancouver to Victoria were cancelled as the storm hit British Columbia.'), 'Victoria')).toMatchObject({ placeKind: 'CITY', countryCode: 'CA' });
  });

  it('reads the AFP corpus\'s Geneva as the Swiss city, and the Geneva Conventions as no place', async () => {
    const reports = await readAfp('AFP_ENG_19970401.0222.tml', 'AFP_ENG_19970421.0449.tml');
    for (const report of reports) {
      const extracted = extractDocument(report);
      for (const geneva of extracted.entities.filter((entity) => entity.kind === 'PLACE' && /^geneva$/i.test(entity.text))) {
        expect(geneva, report.source).toMatchObject({ placeName: 'Geneva', placeKind: 'CITY', countryCode: 'CH' });
      }
    }
    const [first] = reports;
    expect(extractDocument(first!).filedFrom).toMatchObject({ name: 'GENEVA', gazetteerId: 'geonames:2660646' });
    const treaty = article('The prisoners deserve protection under the Geneva Conventions, their lawyers argued in Washington.');
    expect(treaty.entities.filter((entity) => entity.kind === 'PLACE' && entity.text === 'Geneva' && entity.gazetteerId)).toEqual([]);
  });
});

describe('a wire story filed from Washington about the Middle East', () => {
  it('reads Lebanon, Damascus and the White House as the news means them, not as towns near Philadelphia', async () => {
    const [report] = await readAfp('AFP_ENG_20051212.0554.tml');
    const extracted = extractDocument(report!);
    expect(extracted.filedFrom).toMatchObject({ name: 'WASHINGTON', gazetteerId: 'geonames:4140963' });
    expect(only(extracted, 'Lebanon')).toMatchObject({ placeKind: 'COUNTRY', countryCode: 'LB' });
    expect(only(extracted, 'Damascus')).toMatchObject({ placeKind: 'CITY', countryCode: 'SY' });
    expect(only(extracted, 'White House')).toMatchObject({ placeKind: 'SITE', countryCode: 'US' });
    expect(only(extracted, 'Philadelphia')).toMatchObject({ countryCode: 'US' });
  });

  it('reads Taiwan as the country and New York as the city, not the province and the state of those names', () => {
    expect(only(article('Taiwan and China traded accusations as Taipei recalled its envoy.'), 'Taiwan')).toMatchObject({ placeKind: 'COUNTRY' });
    expect(only(article('The United States said in New York that talks would resume.'), 'New York')).toMatchObject({ placeKind: 'CITY', placeName: 'New York City' });
  });
});

describe('the kind of place the words imply', () => {
  it('does not turn the Gulf of Aden or the Bay of Bengal into a town', () => {
    const extracted = article('Pirates seized a tanker in the Gulf of Aden, and a cyclone formed over the Bay of Bengal.');
    const towns = extracted.entities.filter((entity) => entity.kind === 'PLACE' && entity.placeKind === 'CITY' && /^(?:Aden|Bengal)$/.test(entity.text));
    expect(towns).toEqual([]);
  });

  it('reads "the province of X" and "X province" as the division, not its capital', () => {
    const extracted = article('Rescuers reached villages in the western province of Aydin after the earthquake.');
    expect(only(extracted, 'Aydin')).toMatchObject({ placeKind: 'DIVISION', countryCode: 'TR' });
  });

  it('reads a county named in full, inside its state', () => {
    const extracted = article('Deputies in Adair County, Kentucky, arrested a man on Thursday.');
    const county = placesNamed(extracted, 'Adair County')[0]!;
    expect(county).toMatchObject({ placeKind: 'DIVISION', countryCode: 'US' });
    expect(chain(county.gazetteerId).slice(1, 3)).toEqual(['Kentucky', 'United States']);
  });
});

describe('demonyms', () => {
  it('links "Turkish troops" and "the Syrian regime" to their countries as mentions, without new places', () => {
    const extracted = article('Turkish troops crossed the border as the Syrian regime shelled the town, a French diplomat said in French.');
    expect(extracted.entities.filter((entity) => entity.text === 'Turkish'), 'a demonym is no named entity').toEqual([]);
    const turkish = placesNamed(extracted, 'Turkish')[0]!;
    expect(turkish).toMatchObject({ placeOnly: true, placeKind: 'COUNTRY', countryCode: 'TR' });
    expect(placesNamed(extracted, 'Syrian')[0]).toMatchObject({ countryCode: 'SY' });
    // The language is no mention of France; the diplomat's nationality is.
    expect(extracted.placeMentions.filter((entity) => entity.text === 'French')).toHaveLength(1);
    const facts = toArticleFacts(extracted);
    const turkey = facts.places.find((place) => place.gazetteerId === 'newsline:country-tr')!;
    expect(turkey.mentions.map((mention) => mention.text)).toEqual(['Turkish']);
    expect(turkey.aliases).not.toContain('Turkish');
    expect(facts.places.filter((place) => /turkish|syrian/i.test(place.name))).toEqual([]);
  });
});

describe('the extract contract', () => {
  it('gives every resolved PLACE its latitude, longitude, countryCode, placeKind and gazetteerId', async () => {
    const [seed] = await readDocumentFile('examples/seed/000_09a13298e7180d8f.txt');
    const places = extractDocument(seed!).entities.filter((entity) => entity.kind === 'PLACE' && entity.gazetteerId);
    expect(places.length).toBeGreaterThan(5);
    for (const place of places) {
      expect(place, place.text).toEqual(expect.objectContaining({
        latitude: expect.any(Number), longitude: expect.any(Number), placeKind: expect.any(String), gazetteerId: expect.any(String),
      }));
    }
    const gazaCity = places.find((place) => place.text === 'Gaza City')!;
    expect(gazaCity).toMatchObject({ gazetteerId: 'geonames:281133', countryCode: 'PS', placeKind: 'CITY' });
    // The graph stores the same decision.
    const facts = toArticleFacts(extractDocument(seed!));
    expect(facts.places.find((place) => place.gazetteerId === 'geonames:281133')?.mentions.length).toBeGreaterThan(0);
  });

  it('reads a publisher\'s country and a local outlet\'s town from its web address', () => {
    expect(countryOfPublisher('www.cbc.ca')).toBe('CA');
    expect(countryOfPublisher('www.bbc.co.uk')).toBe('GB');
    expect(countryOfPublisher('www.cnn.com')).toBeUndefined();
    expect(homeTownOfPublisher('edmontonjournal.com')?.map((candidate) => candidate.place.name)).toContain('Edmonton');
    expect(homeTownOfPublisher('www.reuters.com')).toBeUndefined();
  });
});

const trnews = '../shared/datasets/trnews';
const scorer = '../shared/tools/geo-score';

describe('the TR-News development set, scored by the shared scorer', () => {
  it('finds 80% of the toponyms at 80% precision and puts 85% of those it finds within 161 km', async () => {
    if (!existsSync(`${trnews}/articles.ndjson`)) throw new Error(`${trnews} is missing: the development set is read there, beside the project`);
    const documents = await readDocumentFile(`${trnews}/articles.ndjson`);
    const directory = mkdtempSync(join(tmpdir(), 'newsline-places-'));
    const output = join(directory, 'extract.ndjson');
    // Scored as the server lists an article's place mentions: named places and places mentioned without a name.
    writeFileSync(output, documents.map((document) => {
      const extracted = extractDocument(document);
      return JSON.stringify({ ...extracted, entities: [...extracted.entities, ...extracted.placeMentions] });
    }).join('\n'));
    const report = execFileSync('python3', [scorer, output, `${trnews}/gold.ndjson`], { encoding: 'utf8' });
    const number = (pattern: RegExp) => Number(pattern.exec(report)?.[1]);
    expect(readFileSync(output, 'utf8').split('\n')).toHaveLength(118);
    expect(number(/recall ([\d.]+)/), report).toBeGreaterThanOrEqual(0.8);
    expect(number(/precision ([\d.]+)/), report).toBeGreaterThanOrEqual(0.8);
    expect(number(/geo_acc161=([\d.]+)/), report).toBeGreaterThanOrEqual(0.85);
    expect(number(/over all gold toponyms: acc@161km ([\d.]+)/), report).toBeGreaterThanOrEqual(0.7);
  }, 120_000);
});

describe("a country's abbreviation the tagger took for an organisation or a person", () => {
  const text = 'The US administration met U.S. envoys and the UK team. US troops left, the EU and the AU said.';
  const at = (phrase: string, kind: EntityMention['kind'], from = 0): EntityMention => {
    const start = text.indexOf(phrase, from);
    return { start, end: start + phrase.length, text: phrase, kind };
  };
  const entities = [at('US', 'ORGANIZATION'), at('U.S.', 'PERSON'), at('UK', 'ORGANIZATION'), at('US', 'PERSON', 40), at('EU', 'ORGANIZATION'), at('AU', 'ORGANIZATION')];
  const resolved = resolveArticlePlaces({ text, entities }).entities;
  const read = (phrase: string) =>
    resolved
      .filter((entity) => entity.text === phrase)
      .map((entity) => `${entity.kind} ${entity.placeName ?? entity.institution ?? ''}`.trim())
      .sort();

  it('is the country, never anyone\'s initials', () => {
    expect(read('U.S.')).toEqual(['PLACE United States']);
    expect(read('US')).toEqual(['PLACE United States', 'PLACE United States']);
  });

  it('taken for an organisation, is the country and its government: "UK" is the UK government, "US administration" named so', () => {
    expect(read('UK')).toEqual(['ORGANIZATION UK government', 'PLACE United Kingdom']);
    expect(read('US administration')).toEqual(['ORGANIZATION']);
  });

  it('leaves the acronyms of institutions alone', () => {
    expect(read('EU')).toEqual(['ORGANIZATION']);
    expect(read('AU')).toEqual(['ORGANIZATION']);
  });
});
