import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractEntities, readsAsPersonName, settlePersonMentions, type EntityMention } from '../../src/ingest/extract/entities.js';
import { clusterEntities, completeDefinedNames } from '../../src/ingest/extract/entity-clusters.js';
import { tokenizeNews } from '../../src/ingest/ner/tokenizer.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(repositoryRoot, '../shared');
const seedArticlePath = join(shared, 'corpus/seed/000_09a13298e7180d8f.txt');
const devArticles = join(shared, 'datasets/conll2003/testa');

function requireSharedFile(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: these tests read the shared datasets in place, beside the repository`);
  return path;
}

const mentionsOf = (mentions: EntityMention[], kind: EntityMention['kind']): Set<string> =>
  new Set(mentions.filter((mention) => mention.kind === kind).map((mention) => mention.text));

describe('tokenizeNews', () => {
  it('splits punctuation and clitics the way CoNLL-2003 did, keeping abbreviations and hyphenated names whole', () => {
    const text = "WASHINGTON (Reuters) – Blinken's aides met al-Qassam's envoy in the U.S. on Oct. 7.";
    expect(tokenizeNews(text).map((token) => token.text)).toEqual([
      'WASHINGTON', '(', 'Reuters', ')', '–', 'Blinken', "'s", 'aides', 'met', 'al-Qassam', "'s", 'envoy', 'in', 'the',
      'U.S.', 'on', 'Oct.', '7', '.',
    ]);
  });

  it('keeps handles and links whole and splits photo credits at the slash', () => {
    const text = '— Hen Mazzig (@HenMazzig) pic.twitter.com/v6KJCihhc5 EPA-EFE/CLEMENS BILAN';
    expect(tokenizeNews(text).map((token) => token.text)).toEqual([
      '—', 'Hen', 'Mazzig', '(', '@HenMazzig', ')', 'pic.twitter.com/v6KJCihhc5', 'EPA-EFE', '/', 'CLEMENS', 'BILAN',
    ]);
  });
});

describe('extractEntities on the seed article', () => {
  const text = readFileSync(requireSharedFile(seedArticlePath), 'utf8');
  const mentions = extractEntities(text);

  it('finds the places, at every level the story uses', () => {
    const places = mentionsOf(mentions, 'PLACE');
    for (const place of ['WASHINGTON', 'Gaza', 'Gaza City', 'Gaza Strip', 'Israel', 'Berlin', 'Germany', 'United States', 'U.S.']) {
      expect(places, place).toContain(place);
    }
  });

  it('finds the organisations: wire agency, armed group, military abbreviation', () => {
    const organisations = mentionsOf(mentions, 'ORGANIZATION');
    for (const organisation of ['Reuters', 'Hamas', 'IDF']) expect(organisations, organisation).toContain(organisation);
  });

  it('tags the photo agency "EPA-EFE" of a credit line as an organisation', () => {
    expect(mentionsOf(mentions, 'ORGANIZATION')).toContain('EPA-EFE');
  });

  it('tags "Israel Defense Forces" as an organisation, not a place', () => {
    expect(mentionsOf(mentions, 'ORGANIZATION')).toContain('Israel Defense Forces');
    expect(mentionsOf(mentions, 'PLACE')).not.toContain('Israel Defense Forces');
  });

  it('tags "Jewish Community Chabad Berlin" as one organisation, not a person "Chabad Berlin"', () => {
    expect(mentionsOf(mentions, 'ORGANIZATION')).toContain('Jewish Community Chabad Berlin');
    expect(mentionsOf(mentions, 'PERSON')).not.toContain('Chabad Berlin');
  });

  it('tags "Biden" in "Biden administration" as a person, as CoNLL tags "Clinton administration"', () => {
    const biden = mentions.filter((mention) => mention.text === 'Biden');
    expect(biden.map((mention) => mention.kind)).toEqual(['PERSON']);
  });

  it('finds the people, including a photographer credited in capitals', () => {
    const people = mentionsOf(mentions, 'PERSON');
    expect(people).toContain('Hen Mazzig');
    expect(people).toContain('CLEMENS BILAN');
  });

  it('gives offsets that point at the mention text', () => {
    expect(mentions.length).toBeGreaterThan(30);
    for (const mention of mentions) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.confidence).toBeGreaterThan(0);
      expect(mention.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('extractEntities beyond CoNLL', () => {
  it('reads a headline in capitals on its own', () => {
    const mentions = extractEntities('ISRAELI TROOPS SURROUND GAZA CITY AS NETANYAHU MEETS BLINKEN IN TEL AVIV');
    expect(mentionsOf(mentions, 'PLACE')).toEqual(new Set(['GAZA CITY', 'TEL AVIV']));
    expect(mentionsOf(mentions, 'PERSON')).toContain('NETANYAHU');
  });

  it('reads a headline in capitals with the help of the article under it', () => {
    const text = 'U.S. URGES ISRAEL TO PROTECT CIVILIANS IN GAZA\nWASHINGTON (Reuters) - Secretary of State Antony Blinken urged Israel on Friday to protect civilians in Gaza.';
    const headline = extractEntities(text).filter((mention) => mention.end <= text.indexOf('\n'));
    expect(headline.map((mention) => [mention.kind, mention.text])).toEqual([
      ['PLACE', 'U.S.'],
      ['PLACE', 'ISRAEL'],
      ['PLACE', 'GAZA'],
    ]);
  });

  it('keeps names with particles and diacritics whole, and Khan Younis is a place, not a Mr Khan', () => {
    const text = 'Hamas spokesman Abu Obeida said the al-Qassam Brigades fought in Khān Yūnis, south of Khan Younis camp.';
    const mentions = extractEntities(text);
    expect(mentionsOf(mentions, 'PERSON')).toEqual(new Set(['Abu Obeida']));
    expect(mentionsOf(mentions, 'ORGANIZATION')).toEqual(new Set(['Hamas', 'al-Qassam Brigades']));
    expect(mentionsOf(mentions, 'PLACE')).toEqual(new Set(['Khān Yūnis', 'Khan Younis']));
  });

  it('does not take the "State" of "Secretary of State Antony Blinken" for a place', () => {
    const mentions = extractEntities("Secretary of State Antony Blinken arrived in Jordan on Friday.");
    expect(mentions.map((mention) => [mention.kind, mention.text])).toEqual([
      ['PERSON', 'Antony Blinken'],
      ['PLACE', 'Jordan'],
    ]);
  });

  it('reads AGENCY/PHOTOGRAPHER at the end of a caption as an organisation and a person', () => {
    const capitals = extractEntities('A protester holds a flag in Paris. AP/JOHN SMITH');
    expect(mentionsOf(capitals, 'ORGANIZATION')).toEqual(new Set(['AP']));
    expect(mentionsOf(capitals, 'PERSON')).toEqual(new Set(['JOHN SMITH']));
    const mixedCase = extractEntities('A boy walks past rubble in Gaza City. Photo: REUTERS/Mohammed Salem');
    expect(mentionsOf(mixedCase, 'ORGANIZATION')).toEqual(new Set(['REUTERS']));
    expect(mentionsOf(mixedCase, 'PERSON')).toEqual(new Set(['Mohammed Salem']));
  });

  it('takes no slash pair inside a sentence or on a line of its own for a credit', () => {
    expect(mentionsOf(extractEntities('Flights were cancelled in PARIS/LONDON'), 'PLACE')).toEqual(new Set(['PARIS', 'LONDON']));
    const table = extractEntities('Freight rates were steady.\nASIA/PACIFIC');
    expect(mentionsOf(table, 'PERSON').size + mentionsOf(table, 'ORGANIZATION').size).toBe(0);
  });

  it('reads a name ending in an institutional head as an organisation, even when it starts with a place', () => {
    const mentions = extractEntities(
      'The Pakistan Armed Forces, the Kenya Defence Forces, the Nigeria Police Force and the Ukraine Defence Ministry met the Salvation Committee.',
    );
    expect(mentionsOf(mentions, 'ORGANIZATION')).toEqual(
      new Set(['Pakistan Armed Forces', 'Kenya Defence Forces', 'Nigeria Police Force', 'Ukraine Defence Ministry', 'Salvation Committee']),
    );
    expect(mentionsOf(mentions, 'PLACE').size).toBe(0);
  });

  it('keeps a people apart from the institution after it, as CoNLL does ("Russian" Foreign Ministry)', () => {
    const mentions = extractEntities('The Russian Foreign Ministry and the French Interior Ministry said.');
    expect(mentionsOf(mentions, 'ORGANIZATION')).toEqual(new Set(['Foreign Ministry', 'Interior Ministry']));
  });

  it('reads an institutional head followed by the institution\'s own name as one organisation', () => {
    const mentions = extractEntities('The Islamic Community Milli Gorus organised a rally in Cologne.');
    expect(mentionsOf(mentions, 'ORGANIZATION')).toEqual(new Set(['Islamic Community Milli Gorus']));
    const titled = extractEntities('He met Palestinian Authority President Mahmoud Abbas.');
    expect(mentionsOf(titled, 'ORGANIZATION')).toEqual(new Set(['Palestinian Authority']));
    expect(mentionsOf(titled, 'PERSON')).toEqual(new Set(['Mahmoud Abbas']));
  });

  it('reads a name before "administration", "government" or "campaign" as the leader, but not a place, people or party', () => {
    const leaders = extractEntities('A senior Trump administration official said the Obama administration and the Clinton campaign had tried.');
    expect(mentionsOf(leaders, 'PERSON')).toEqual(new Set(['Trump', 'Obama', 'Clinton']));
    const others = extractEntities('The British government, the Kabul government, the Labour government and the Khmer Rouge government.');
    expect(mentionsOf(others, 'PERSON').size).toBe(0);
    expect(mentionsOf(others, 'PLACE')).toEqual(new Set(['Kabul']));
    expect(mentionsOf(others, 'ORGANIZATION')).toEqual(new Set(['Labour', 'Khmer Rouge']));
  });

  it('returns nothing for text without names', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities('prices rose 3 percent on the week.')).toEqual([]);
  });
});

describe('where a name ends in running text', () => {
  it('a lowercase word that no name holds ends the name: a boxer and the city of the fight are two names', () => {
    const mentions = extractEntities('The transfer to Genoa-based Sampdoria reunites Mancini with Vialli, and he fought veteran Holyfield in Atlantic City.');
    expect(mentions.some((mention) => / (?:in|reunites) /.test(mention.text))).toBe(false);
    expect(mentionsOf(mentions, 'ORGANIZATION')).toContain('Sampdoria');
    expect(mentionsOf(mentions, 'PERSON')).toEqual(new Set(['Mancini', 'Vialli', 'Holyfield']));
    expect(mentionsOf(mentions, 'PLACE')).toContain('Atlantic City');
  });

  it('surname particles and the function words of institutions stay inside the name', () => {
    const mentions = extractEntities('Dutch striker Marco van Basten met officials of the Bank of Tokyo and the Federation of Korean Industries on Monday.');
    expect(mentionsOf(mentions, 'PERSON')).toContain('Marco van Basten');
    expect(mentionsOf(mentions, 'ORGANIZATION')).toEqual(new Set(['Bank of Tokyo', 'Federation of Korean Industries']));
  });
});

describe('extractEntities on the CoNLL-2003 dev articles (eng.testa)', () => {
  it('scores F1 >= 0.88 on PER+ORG+LOC exact spans, in well under a minute', { timeout: 60_000 }, () => {
    const gold = readFileSync(requireSharedFile(join(devArticles, 'gold.ndjson')), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { source: string; text: string; entities: Array<{ start: number; end: number; type: string }> });
    expect(gold.length).toBe(readdirSync(devArticles).filter((name) => name.endsWith('.json')).length);
    const kindOfType: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };
    let goldCount = 0;
    let predictedCount = 0;
    let correct = 0;
    for (const article of gold) {
      const expected = new Set(
        article.entities.filter((entity) => kindOfType[entity.type]).map((entity) => `${entity.start}:${entity.end}:${kindOfType[entity.type]}`),
      );
      const predicted = extractEntities(article.text).map((mention) => `${mention.start}:${mention.end}:${mention.kind}`);
      goldCount += expected.size;
      predictedCount += predicted.length;
      correct += predicted.filter((key) => expected.has(key)).length;
    }
    const precision = correct / predictedCount;
    const recall = correct / goldCount;
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(f1).toBeGreaterThanOrEqual(0.88);
  });
});

describe('one person under several names in one article', () => {
  const text =
    'KINSHASA, April 9 (AFP) - President Mobutu Sese Seko dismissed his prime minister on Wednesday, his son Nzanga Mobutu said. ' +
    'Mobutu is to meet rebel leader Laurent Kabila in Gabon, officials said on Thursday. ' +
    'Rebel spokesman Raphael Ghenda said Kabila Friday would not go.\n\n' +
    'BEIJING, Nov. 3 (Xinhua) - Chinese President Hu Jintao met African leaders on Friday. Hu said the summit would open a new era.';
  const clusters = clusterEntities(extractEntities(text)).filter((cluster) => cluster.kind === 'PERSON');
  const namesOf = (name: string) => clusters.find((cluster) => cluster.name === name)?.names;

  it('takes a family name written first for the person the article names first ("Mobutu" is Mobutu Sese Seko, not his son)', () => {
    expect(namesOf('Mobutu Sese Seko')).toEqual(['Mobutu Sese Seko', 'Mobutu']);
    expect(namesOf('Nzanga Mobutu')).toEqual(['Nzanga Mobutu']);
    expect(namesOf('Hu Jintao')).toEqual(['Hu Jintao', 'Hu']);
  });

  it('leaves the weekday a statement is dated by out of the name ("Laurent Kabila Friday")', () => {
    expect(namesOf('Laurent Kabila')).toEqual(['Laurent Kabila', 'Kabila']);
    expect(clusters.some((cluster) => cluster.names.some((name) => name.endsWith('Friday')))).toBe(false);
  });
});

/** The mentions of `text` the tagger is supposed to have found: each phrase where it first stands after the one before. */
function mentionsIn(text: string, tagged: [string, EntityMention['kind']][]): EntityMention[] {
  let from = 0;
  return tagged.map(([phrase, kind]) => {
    const start = text.indexOf(phrase, from);
    if (start < 0) throw new Error(`"${phrase}" is not in the text after offset ${from}`);
    from = start + phrase.length;
    return { start, end: start + phrase.length, text: phrase, kind };
  });
}
const kindsOf = (mentions: EntityMention[]) => mentions.map((mention) => `${mention.kind}:${mention.text}`);

describe('person mentions that name no one, and organisation mentions that name a person', () => {
  it('drops diseases and viruses, whatever kind the tagger gave them', () => {
    const text = 'Health officials said HIV infections fell while SARS and H7N3 cases rose. The WHO said AIDS deaths rose.';
    const tagged = mentionsIn(text, [['HIV', 'ORGANIZATION'], ['SARS', 'ORGANIZATION'], ['H7N3', 'PERSON'], ['WHO', 'ORGANIZATION'], ['AIDS', 'ORGANIZATION']]);
    expect(kindsOf(settlePersonMentions(text, tagged))).toEqual(['ORGANIZATION:WHO']);
  });

  it('drops an aircraft or a weapon, a title alone, a discourse word, a heading and a common noun after an article', () => {
    const text =
      'The navy bought six F-4E Phantom jets and 300 AK-47 rifles. Consul said nothing. Lastly, she thanked the hosts.\n\n' +
      'Graphic: the route of the convoy. A Marine officer was hurt.';
    const tagged = mentionsIn(text, [['F-4E Phantom', 'PERSON'], ['AK-47', 'PERSON'], ['Consul', 'PERSON'], ['Lastly', 'PERSON'], ['Graphic', 'PERSON'], ['Marine', 'PERSON']]);
    expect(kindsOf(settlePersonMentions(text, tagged))).toEqual([]);
  });

  it('reads a "person" by the last word of its name as the institution, place or thing it is, and a word before "hospital" as no one', () => {
    const text =
      'The Premier Basketball League opened in the Jinhua Area on Friday. He won the Press Photography Awards. ' +
      'Two men died in Wenling hospital, and Pablo Cruz lost.';
    const tagged = mentionsIn(text, [['Basketball League', 'PERSON'], ['Jinhua Area', 'PERSON'], ['Press Photography Awards', 'PERSON'], ['Wenling', 'PERSON'], ['Pablo Cruz', 'PERSON']]);
    expect(kindsOf(settlePersonMentions(text, tagged))).toEqual(['ORGANIZATION:Basketball League', 'PLACE:Jinhua Area', 'PERSON:Pablo Cruz']);
  });

  it('keeps people whose one-word mention looks like those: a surname the article names in full, a name usually capitalised', () => {
    const text = 'Condoleezza Rice flew to Riga. Rice, who met the envoy, said little. Smith, 45, was arrested. Sir Alex Ferguson smiled.';
    const tagged = mentionsIn(text, [['Condoleezza Rice', 'PERSON'], ['Rice', 'PERSON'], ['Smith', 'PERSON'], ['Sir Alex Ferguson', 'PERSON']]);
    expect(kindsOf(settlePersonMentions(text, tagged))).toEqual(['PERSON:Condoleezza Rice', 'PERSON:Rice', 'PERSON:Smith', 'PERSON:Sir Alex Ferguson']);
  });

  it('makes a person of an organisation named like one when the article says so, and leaves institutions alone', () => {
    const text =
      'The senator said the George W. Bush administration had changed course. Her mother Birna Kristjansson won in 1979. ' +
      '"I am speechless," Kristjansson said. The Khmer Rouge government fell, Human Rights Watch said, and Halla Gudmundsson was hired.';
    const tagged = mentionsIn(text, [
      ['George W. Bush', 'ORGANIZATION'], ['Birna Kristjansson', 'ORGANIZATION'], ['Kristjansson', 'PERSON'],
      ['Khmer Rouge', 'ORGANIZATION'], ['Human Rights Watch', 'ORGANIZATION'], ['Halla Gudmundsson', 'ORGANIZATION'],
    ]);
    expect(kindsOf(settlePersonMentions(text, tagged))).toEqual([
      'PERSON:George W. Bush', 'PERSON:Birna Kristjansson', 'PERSON:Kristjansson',
      'ORGANIZATION:Khmer Rouge', 'ORGANIZATION:Human Rights Watch', 'ORGANIZATION:Halla Gudmundsson',
    ]);
  });

  it('reads a name as a person\'s only without a word of an institution or a thing, or of common words', () => {
    for (const name of ['Unnur Steinsson', 'George W. Bush', 'Jean-Pierre Raffarin', 'Gordon Brown']) expect(readsAsPersonName(name), name).toBe(true);
    for (const name of ['United Nations', 'Human Rights Watch', 'Tokai Bank', 'Journalism Awards', 'Tamil Tigers', 'Golden Dawn', 'UN', 'Blair'])
      expect(readsAsPersonName(name), name).toBe(false);
  });
});

describe('acronyms an article defines in parentheses', () => {
  // Made-up reports; the mentions are what the tagger is supposed to have found, mistakes included.
  const text =
    'Rebels of the Kallpa Runa Revolutionary Movement (MRKR) still hold 72 hostages. The MRKR said on Sunday it would free none. ' +
    'Officials of the Interior Ministry (AFP) would not comment. The Marxist Union of Andean Workers (UAW) backed the MRKR.';

  function tagged(): EntityMention[] {
    return mentionsIn(text, [
      ['Runa Revolutionary Movement', 'ORGANIZATION'],
      ['MRKR', 'PLACE'],
      ['MRKR', 'ORGANIZATION'],
      ['Interior Ministry', 'ORGANIZATION'],
      ['AFP', 'ORGANIZATION'],
      ['Marxist Union of Andean Workers', 'ORGANIZATION'],
      ['UAW', 'ORGANIZATION'],
      ['MRKR', 'PERSON'],
    ]);
  }

  it('complete a name cut short, or grown by an adjective, to the words whose initials the acronym has, in any order', () => {
    expect(kindsOf(completeDefinedNames(text, tagged()))).toEqual([
      'ORGANIZATION:Kallpa Runa Revolutionary Movement',
      'ORGANIZATION:MRKR',
      'ORGANIZATION:MRKR',
      'ORGANIZATION:Interior Ministry',
      'ORGANIZATION:AFP',
      'ORGANIZATION:Union of Andean Workers',
      'ORGANIZATION:UAW',
      'ORGANIZATION:MRKR',
    ]);
  });

  it('make the acronym, wherever the article uses it, a name of the organisation that defined it, and nothing else', () => {
    const mentions = completeDefinedNames(text, tagged());
    const clusters = clusterEntities(mentions, text).map((cluster) => `${cluster.kind}:${cluster.names.join('|')}:${cluster.mentions.length}`);
    expect(clusters).toEqual([
      'ORGANIZATION:Kallpa Runa Revolutionary Movement|MRKR:4',
      'ORGANIZATION:Interior Ministry:1',
      'ORGANIZATION:AFP:1',
      'ORGANIZATION:Union of Andean Workers|UAW:2',
    ]);
  });

  it('leaves the kind of a country\'s acronym alone when the tagger took the country for an organisation', () => {
    const country = 'Envoys of the Federal Republic of Andea (FRA) met. FRA troops stayed home.';
    const mentions = completeDefinedNames(country, mentionsIn(country, [['Federal Republic of Andea', 'ORGANIZATION'], ['FRA', 'PLACE'], ['FRA', 'PLACE']]));
    expect(kindsOf(mentions)).toEqual(['ORGANIZATION:Federal Republic of Andea', 'PLACE:FRA', 'PLACE:FRA']);
    expect(clusterEntities(mentions, country).map((cluster) => cluster.kind)).toEqual(['ORGANIZATION', 'PLACE']);
  });

  it('never takes the word that opens the sentence into the name', () => {
    const opening = 'The Andean Workers Union (TAWU) marched.';
    const mentions = completeDefinedNames(opening, mentionsIn(opening, [['Andean Workers Union', 'ORGANIZATION'], ['TAWU', 'ORGANIZATION']]));
    expect(kindsOf(mentions)).toEqual(['ORGANIZATION:Andean Workers Union', 'ORGANIZATION:TAWU']);
    expect(clusterEntities(mentions, opening)).toHaveLength(2);
  });
});
