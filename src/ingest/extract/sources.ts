/**
 * Who an article attributes things to: wire agencies, officials (named, anonymous, or speaking as a
 * group), institutions, named people, embedded social-media posts and photo credits, each with the
 * spans that mention it and the spans of text it vouches for. Pattern-based, no model beyond the
 * entity mentions passed in. Datelines come from `findDateline` in `src/ingest/formats/text.ts`.
 */
import type { SourceKind } from '../../db/generated/prisma/enums.js';
import type { TextSpan } from '../../graph/facts.js';
import { findDateline } from '../formats/text.js';
import { splitIntoSentences, tokenizeNews, type NewsToken } from '../ner/tokenizer.js';
import type { EntityMention } from './entities.js';
import { ROLE_WORDS } from './person-titles.js';

export interface SourceCandidate {
  name: string;
  kind: SourceKind;
  description?: string;
  handle?: string;
  /** Abbreviations and handles the article also uses for this source ("IDF", "@HenMazzig"). */
  aliases?: string[];
  /** YYYY-MM-DD of an embedded social-media post. */
  postedOn?: string;
  organizationName?: string;
  personName?: string;
  /** Empty only for a publisher known from outside the text (a TimeML `<DCT>`). */
  mentions: TextSpan[];
}

export interface Attribution {
  /** Index into `ExtractedSources.sources`. Attributions are listed narrowest first. */
  source: number;
  /** The text (sentence, clause, caption or embedded post) whose content the source vouches for. */
  start: number;
  end: number;
}

export interface ExtractedSources {
  sources: SourceCandidate[];
  attributions: Attribution[];
  /** Index of the article's publisher (dateline agency): the source of whatever no attribution covers. */
  publisher?: number;
}

export interface ExtractSourcesOptions {
  /** The agency named outside the text (TimeML `<DCT>` "(AFP)"), when the text has no dateline. */
  publisher?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Verbs that introduce what a source says, in the forms wire copy uses. */
const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'announced', 'announces', 'reported', 'reports', 'confirmed', 'confirms',
  'estimated', 'estimates', 'added', 'adds', 'stated', 'claimed', 'claims', 'warned', 'warns', 'noted', 'insisted',
  'explained', 'declared', 'acknowledged', 'admitted', 'tweeted', 'wrote',
]);
/** Only these verbs also come before their speaker: `"…," said Victor Wan`. */
const INVERTING_VERBS = new Set(['said', 'says', 'added', 'wrote', 'tweeted', 'explained', 'noted', 'insisted', 'declared']);
/** Words between a speaker and its verb: "officials have said", "the army later said". */
const SKIPPABLE_BEFORE_VERB = new Set(['have', 'has', 'had', 'also', 'later', 'earlier', 'previously', 'recently', 'further', 'again', 'separately', 'would', 'will', 'had']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight']);

/** Nouns a source phrase can end in when it names no one: "officials", "the ministry", "police". */
const SOURCE_HEADS = new Set([
  'official', 'officials', 'officer', 'officers', 'spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokespeople',
  'source', 'sources', 'diplomat', 'diplomats', 'witness', 'witnesses', 'resident', 'residents', 'authorities', 'authority',
  'ministry', 'government', 'administration', 'army', 'military', 'police', 'forces', 'agency', 'agencies', 'group',
  'rebels', 'militants', 'guerrillas', 'militia', 'newspaper', 'daily', 'radio', 'television', 'tv', 'office', 'department',
  'commander', 'commanders', 'doctors', 'medics', 'rescuers', 'workers', 'minister', 'president', 'embassy', 'presidency',
  'cabinet', 'observers', 'analysts', 'analyst', 'organisation', 'organization', 'movement', 'committee', 'council',
  'statement', 'communique', 'report',
]);
/** Lower-case words that may stand inside a source phrase before its head. */
const SOURCE_MODIFIERS = new Set([
  'senior', 'top', 'high-ranking', 'high-level', 'unnamed', 'anonymous', 'local', 'regional', 'federal', 'state', 'provincial',
  'municipal', 'government', 'administration', 'military', 'army', 'police', 'security', 'intelligence', 'health', 'medical',
  'hospital', 'defence', 'defense', 'foreign', 'interior', 'justice', 'ministry', 'news', 'press', 'civil', 'emergency', 'rescue',
  'aid', 'rights', 'human', 'humanitarian', 'diplomatic', 'official', 'presidential', 'western', 'state-run', 'state-owned',
  'independent', 'opposition', 'rebel', 'militant', 'armed', 'party', 'palace', 'relief', 'un', 'u.n.', 'tribal', 'village',
  'airport', 'prison', 'border', 'navy', 'naval', 'air', 'election', 'electoral', 'district', 'city', 'town', 'camp', 'chief',
  'deputy', 'acting', 'former', 'communist', 'ruling', 'public', 'national', 'central', 'finance', 'economy',
  'trade', 'industry', 'agriculture', 'education', 'transport', 'energy', 'oil', 'information', 'culture', 'tourism',
]);
const DETERMINERS = new Set(['a', 'an', 'the']);
const COUNT_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'some', 'many', 'both', 'other', 'two-', 'few']);
/** Sentence openers that are capitalised but never part of a speaker's name. */
const OPENERS = new Set([
  'but', 'and', 'however', 'meanwhile', 'also', 'earlier', 'later', 'separately', 'yet', 'so', 'still', 'then', 'now', 'instead',
  'in', 'on', 'at', 'last', 'this', 'that', 'it', 'while', 'when', 'after', 'before', 'as', 'if', 'since', 'because', 'although',
  'here', 'there', 'today', 'overnight', 'elsewhere', 'asked', 'what', 'we', 'i', 'they', 'he', 'she', 'you', 'mr', 'mr.',
]);
const ANONYMITY = /\b(?:on (?:the )?condition of anonymity|speaking anonymously|(?:asked|declined|requested|refused) not to be (?:named|identified)|declined to be (?:named|identified)|requested anonymity|without being named|not authori[sz]ed to speak)/i;
const UNNAMED_HEADS = new Set(['official', 'officials', 'officer', 'officers', 'source', 'sources', 'diplomat', 'diplomats']);

const NEWS_AGENCIES = new Set([
  'reuters', 'afp', 'ap', 'associated press', 'agence france-presse', 'agence france presse', 'xinhua', 'itar-tass', 'tass',
  'interfax', 'kyodo', 'dpa', 'upi', 'ansa', 'efe', 'irna', 'mena', 'anadolu', 'yonhap', 'bernama', 'antara', 'pti', 'wafa',
  'ria novosti', 'ria', 'sana', 'petra', 'qna', 'kuna', 'wam', 'spa', 'bloomberg', 'jiji', 'pap', 'ctk', 'mti', 'bta', 'hina', 'tanjug',
]);
const ARMED_GROUPS = /^(?:hamas|hezbollah|hizbollah|taliban|islamic jihad|al-qaeda|al-qaida|al qaeda|islamic state|isis|isil|ira|eta|farc|ltte|tamil tigers|khmer rouge|unita|hamas'? armed wing|al-qassam brigades|ezzedine al-qassam brigades|houthis?|pkk|shining path|zapatistas?|kla|sla|spla|gia|fis|abu sayyaf|polisario|renamo)$/i;
const INTERNATIONAL_ORGANIZATIONS = /\b(?:u\.?n\.?|united nations|unicef|unrwa|unhcr|who|world health organi[sz]ation|ocha|wfp|world food programme|nato|european union|eu|iaea|osce|imf|international monetary fund|world bank|wto|african union|arab league|asean|opec|interpol|icc|international criminal court|security council|general assembly)\b/i;
const NGOS = /\b(?:amnesty(?: international)?|human rights watch|red cross|red crescent|icrc|doctors without borders|m[ée]decins sans fronti[èe]res|msf|oxfam|save the children|care international|rights group|aid group|aid agency|charity|watchdog|observatory|ngo|non-governmental)\b/i;
const PUBLISHERS = /\b(?:newspaper|daily|radio|television|tv|broadcaster|news website|magazine|weekly|(?:times|post|journal|herald|gazette|tribune|telegraph|guardian|independent|monde|figaro|haaretz|izvestia|pravda|ahram))$/i;
const HEALTH = /\b(?:health|medical|hospitals?|medics|doctors|paramedics|ambulance)\b/i;
const MILITARY = /\b(?:army|military|idf|armed forces|defen[cs]e forces|troops|navy|air force|soldiers|commanders?|pentagon)\b/i;
const GOVERNMENT = /\b(?:officials?|ministry|ministers?|government|administration|white house|kremlin|state department|police|authorities|authority|spokes(?:man|woman|person|men|people)|cabinet|embassy|presidency|office|department|president|prime minister|governor|mayor|elysee|downing street)\b/i;
const PLURAL_GROUP_HEAD = /^(?:officials|officers|sources|diplomats|witnesses|residents|doctors|medics|rescuers|workers|observers|analysts|commanders)$/i;

/** Finds the sources an article quotes and the spans each one vouches for. `entities` come from `extractEntities`. */
export function extractSources(text: string, entities: EntityMention[], options: ExtractSourcesOptions = {}): ExtractedSources {
  const builder = new SourceBuilder(text, entities);
  const tokens = tokenizeNews(text);
  const sentences = splitIntoSentences(text, tokens);

  const dateline = findDateline(text);
  const publisherName = dateline?.agency ?? options.publisher;
  let publisher: number | undefined;
  if (publisherName) {
    const mentionStart = dateline?.agency ? text.indexOf(publisherName, dateline.start) : -1;
    const mention = mentionStart >= 0 && dateline && mentionStart < dateline.end ? [span(text, mentionStart, mentionStart + publisherName.length)] : [];
    // No attribution of its own: an unattributed statement is the publisher's account, and consumers fall back to it.
    const agency = newsAgencyName(publisherName);
    const name = agency ?? publisherName;
    publisher = builder.add({ name, kind: agency !== undefined ? 'NEWS_AGENCY' : 'PUBLISHER', organizationName: name, mentions: mention });
  }

  findSocialPosts(text, builder);
  findPhotoCredits(text, builder);
  // The dateline is not part of the first sentence's content.
  const bodyStart = dateline?.end ?? 0;
  for (const sentence of sentences) findSpeakers(text, sentence.filter((token) => token.start >= bodyStart), builder);

  // Narrowest first, so the first attribution that covers a span is the most specific one (a sentence before its caption).
  const attributions = builder.attributions.sort((first, second) => first.end - first.start - (second.end - second.start) || first.start - second.start);
  const result: ExtractedSources = { sources: builder.sources, attributions };
  if (publisher !== undefined) result.publisher = publisher;
  return result;
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function isNewsAgency(name: string): boolean {
  return newsAgencyName(name) !== undefined;
}

/** Words that describe an agency before its name: "the official", "state-run", "national". */
const AGENCY_DESCRIPTORS = new Set([
  'official', 'semi-official', 'state', 'state-run', 'state-owned', 'state-controlled', 'government-run', 'government-owned',
  'government', 'national', 'independent', 'private', 'local', 'regional', 'leading', 'main',
]);
/** What an agency is called in passing: "news agency", "press agency", "news service", or "agency" alone. */
const AGENCY_NOUN = /^(?:(?:news|press|wire) (?:agency|agencies|service)|agency|agencies)$/i;

/**
 * The agency's own name in a phrase that names a news agency, or undefined when it names none: "Xinhua news
 * agency", "China's official Xinhua news agency" and "state-run Xinhua" are "Xinhua"; "the Iranian news agency
 * IRNA" is "IRNA"; "Kyodo News" is "Kyodo". A phrase that describes an agency without naming one ("Croatian news
 * agency") is its own name. "Agency" alone makes an agency of a known agency's name only ("the UN refugee agency"
 * is none), and a capitalised "News Agency" is cut off only a known agency's name ("Vietnam News Agency" stays).
 */
/** The name is a wire agency's own ("AFP", "Xinhua", "Associated Press"), in any case. */
export function isNewsAgencyName(name: string): boolean {
  return NEWS_AGENCIES.has(name.trim().toLowerCase());
}

export function newsAgencyName(phrase: string): string | undefined {
  const words = phrase.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length && DETERMINERS.has(words[0]!.toLowerCase())) words.shift();
  const known = (list: string[]) => list.length > 0 && NEWS_AGENCIES.has(list.join(' ').toLowerCase().replace(/-\s+/g, '-'));
  // Before the name: possessives ("Egypt's", "South Korea's") and descriptions ("official", "state-run").
  const withoutDescription = (list: string[]) => {
    const possessive = list.findLastIndex((word) => /\p{L}['’]s?$/u.test(word));
    let rest = possessive >= 0 ? list.slice(possessive + 1) : list;
    while (rest.length && AGENCY_DESCRIPTORS.has(rest[0]!.toLowerCase())) rest = rest.slice(1);
    return rest;
  };
  let nounAt = -1;
  let nounLength = 0;
  for (let index = 0; index < words.length && nounAt < 0; index += 1) {
    for (const length of [2, 1]) {
      if (index + length <= words.length && AGENCY_NOUN.test(words.slice(index, index + length).join(' '))) {
        nounAt = index;
        nounLength = length;
        break;
      }
    }
  }
  // "Kyodo News", "Jiji Press": a known agency's name and the word its full name ends in.
  const ownName = (list: string[]) =>
    known(list) ? list.join(' ') : /^(?:News|Press)$/.test(list.at(-1) ?? '') && known(list.slice(0, -1)) ? list.slice(0, -1).join(' ') : undefined;
  if (nounAt < 0) return ownName(withoutDescription(words));
  const noun = words.slice(nounAt, nounAt + nounLength);
  const bareAgency = nounLength === 1;
  const capitalisedNoun = noun.every(isCapitalised);
  // "news agency IRNA", "the Iranian news agency Turan": the name follows the description.
  const after = words.slice(nounAt + nounLength);
  const afterName = after.length && after.every(isCapitalised) ? after : [];
  const before = withoutDescription(words.slice(0, nounAt));
  if (afterName.length) return !bareAgency || known(afterName) ? afterName.join(' ') : undefined;
  if (after.length && !capitalisedNoun) return undefined;
  const named = ownName(before);
  if (named !== undefined || bareAgency) return named;
  // "Croatian news agency", "Vietnam News Agency", "News Agency of Nigeria": an agency, under the words it goes by.
  return withoutDescription(words).join(' ') || undefined;
}

/** Collects sources, merging repeated references (same name, "the official", a surname) into one. */
class SourceBuilder {
  readonly sources: SourceCandidate[] = [];
  readonly attributions: Attribution[] = [];
  /** Last-mention order, so "the official" refers to the nearest earlier one. */
  private readonly lastMentioned: number[] = [];

  constructor(
    readonly text: string,
    readonly entities: EntityMention[],
  ) {}

  add(candidate: SourceCandidate): number {
    const existing = this.sources.findIndex((source) => nameKey(source.name) === nameKey(candidate.name) && source.kind === candidate.kind);
    if (existing >= 0) {
      this.sources[existing]!.mentions.push(...candidate.mentions);
      this.touch(existing);
      return existing;
    }
    this.sources.push(candidate);
    this.touch(this.sources.length - 1);
    return this.sources.length - 1;
  }

  addMention(index: number, mention: TextSpan): void {
    const mentions = this.sources[index]!.mentions;
    if (!mentions.some((known) => known.start === mention.start)) mentions.push(mention);
    this.touch(index);
  }

  attribute(source: number, start: number, end: number): void {
    if (!this.attributions.some((known) => known.source === source && known.start === start && known.end === end))
      this.attributions.push({ source, start, end });
  }

  /** The most recently mentioned source that passes `test`. */
  recent(test: (source: SourceCandidate) => boolean): number | undefined {
    for (let index = this.lastMentioned.length - 1; index >= 0; index -= 1) {
      const candidate = this.lastMentioned[index]!;
      if (test(this.sources[candidate]!)) return candidate;
    }
    return undefined;
  }

  entitiesWithin(start: number, end: number): EntityMention[] {
    return this.entities.filter((entity) => entity.start < end && entity.end > start);
  }

  private touch(index: number): void {
    const at = this.lastMentioned.indexOf(index);
    if (at >= 0) this.lastMentioned.splice(at, 1);
    this.lastMentioned.push(index);
  }
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’']/g, "'").replace(/^(?:the|a|an) /, '').replace(/\s+/g, ' ').trim();
}

function headOf(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function singular(word: string): string {
  if (word === 'authorities') return 'authority';
  if (word === 'spokesmen') return 'spokesman';
  if (word === 'police' || word === 'forces') return word;
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function titleCase(words: string): string {
  return words.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

// "— Hen Mazzig (@HenMazzig) November 3, 2023": how an embedded X/Twitter post ends.
const SOCIAL_POST = new RegExp(`[—–-]\\s*([^\\n()—–]{1,60}?)\\s*\\(@([A-Za-z0-9_]{1,30})\\)\\s*((${MONTH_NAMES})\\s+(\\d{1,2}),\\s*(\\d{4}))`, 'g');

function findSocialPosts(text: string, builder: SourceBuilder): void {
  for (const match of text.matchAll(SOCIAL_POST)) {
    const [, rawName, handle, dateText, monthName, day, year] = match;
    if (!rawName || !handle || !dateText || !monthName || !day || !year) continue;
    const nameStart = match.index + match[0].indexOf(rawName);
    const mentionEnd = text.indexOf(')', nameStart) + 1;
    const postedOn = `${year}-${String(MONTHS.indexOf(monthName.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const isTwitter = /twitter\.com|x\.com/.test(text.slice(lineStart, match.index));
    const index = builder.add({
      name: text.slice(nameStart, mentionEnd),
      kind: 'SOCIAL_MEDIA_ACCOUNT',
      handle,
      aliases: [`@${handle}`],
      personName: rawName.trim(),
      postedOn,
      description: `${isTwitter ? 'X (Twitter) account' : 'Social-media account'}; embedded post dated ${dateText}`,
      mentions: [span(text, nameStart, mentionEnd)],
    });
    builder.attribute(index, embeddedBlockStart(text, lineStart), match.index + match[0].length);
  }
}

/** Embedded posts and their quoted lines are set apart from the story by runs of blank lines. */
function embeddedBlockStart(text: string, lineStart: number): number {
  let start = lineStart;
  for (;;) {
    const before = text.slice(0, start);
    const gap = /\n{3,}$/.exec(before);
    if (!gap) return start;
    const previousBlockStart = before.lastIndexOf('\n\n', gap.index - 1);
    const candidate = previousBlockStart < 0 ? 0 : previousBlockStart + 2;
    // A block that is an ordinary paragraph (ends a sentence and is long) belongs to the story.
    const block = text.slice(candidate, gap.index);
    if (block.length > 200 || block.includes('\n')) return start;
    start = candidate;
  }
}

// "EPA-EFE/CLEMENS BILAN" at the end of a caption: AGENCY/PHOTOGRAPHER in capitals.
const PHOTO_CREDIT = /(?<![\p{L}\d/])([A-Z][A-Z]+(?:-[A-Z]+)*)\/([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,3})[ \t]*(?=\n|$)/gu;
const PHOTO_AGENCIES = new Set(['EPA', 'EFE', 'EPA-EFE', 'AFP', 'AP', 'REUTERS', 'GETTY', 'ANADOLU', 'XINHUA', 'SIPA', 'ABACA', 'DPA', 'ANSA', 'ZUMA', 'SHUTTERSTOCK', 'APA', 'PA', 'UPI']);

function findPhotoCredits(text: string, builder: SourceBuilder): void {
  for (const match of text.matchAll(PHOTO_CREDIT)) {
    const [, agency, photographer] = match;
    if (!agency || !photographer) continue;
    const isPerson = photographer.includes(' ') && !/^(?:STR|STRINGER|HANDOUT|POOL|FILE|POOL PHOTO)$/.test(photographer);
    if (!PHOTO_AGENCIES.has(agency) && !isPerson) continue;
    const agencyIndex = builder.add({
      name: agency,
      kind: 'PHOTO_AGENCY',
      organizationName: agency,
      description: 'Credit of the photo and its caption',
      mentions: [span(builder.text, match.index, match.index + agency.length)],
    });
    const paragraphStart = builder.text.lastIndexOf('\n\n', match.index);
    builder.attribute(agencyIndex, paragraphStart < 0 ? 0 : paragraphStart + 2, match.index + match[0].trimEnd().length);
    if (isPerson) {
      const start = match.index + agency.length + 1;
      const name = titleCase(photographer);
      builder.add({
        name,
        kind: 'PERSON',
        personName: name,
        organizationName: agency,
        description: `Photographer of the ${agency} photo`,
        mentions: [span(builder.text, start, start + photographer.length)],
      });
    }
  }
}

/** A speaker phrase found around a speech verb or after "according to". */
interface SpeakerPhrase {
  /** Token range [first, last] inclusive of the whole phrase, determiner included. */
  first: number;
  last: number;
  /** A parenthetical description set off by commas ("briefing reporters on condition of anonymity"). */
  apposition?: string;
}

function findSpeakers(text: string, sentence: NewsToken[], builder: SourceBuilder): void {
  if (sentence.length === 0) return;
  const sentenceStart = sentence[0]!.start;
  const sentenceEnd = sentence[sentence.length - 1]!.end;
  const sentenceText = text.slice(sentenceStart, sentenceEnd);
  // Cheap gate: most sentences quote no one.
  if (!/\b(?:according|said|says|say|told|tells|announced?s?|reported|reports|confirm|estimate|added|adds|stated|claim|warn|noted|insisted|explained|declared|acknowledged|admitted|tweeted|wrote)/i.test(sentenceText)) return;

  const cues: { at: number; sources: number[] }[] = [];
  for (let index = 0; index < sentence.length; index += 1) {
    const word = sentence[index]!.text;
    const lower = word.toLowerCase();
    if (lower === 'according' && sentence[index + 1]?.text.toLowerCase() === 'to') {
      const found = speakersAfterAccordingTo(sentence, index + 2).map((phrase) => resolveSpeaker(text, sentence, phrase, builder));
      const sources = found.filter((source): source is number => source !== undefined);
      if (sources.length > 0) cues.push({ at: index, sources });
      continue;
    }
    if (!SPEECH_VERBS.has(lower) || word !== lower) continue;
    const source = speakerOfVerb(text, sentence, index, builder);
    if (source !== undefined) cues.push({ at: index, sources: [source] });
  }
  if (cues.length === 0) return;

  // Several speakers in one sentence split it at the clause boundary between their cues.
  const boundaries = [sentenceStart];
  for (let index = 1; index < cues.length; index += 1) {
    const previous = cues[index - 1]!;
    const next = cues[index]!;
    if (sameSources(previous.sources, next.sources)) {
      boundaries.push(-1);
      continue;
    }
    let cut = -1;
    for (let token = next.at - 1; token > previous.at; token -= 1) {
      const word = sentence[token]!.text;
      if (word === ';' || word === ',' || word === '–' || word === '—' || /^(?:while|but|whereas)$/i.test(word)) {
        cut = sentence[token]!.end;
        break;
      }
    }
    boundaries.push(cut);
  }
  let clauseStart = sentenceStart;
  for (let index = 0; index < cues.length; index += 1) {
    let clauseEnd = sentenceEnd;
    let nextIndex = index + 1;
    while (nextIndex < cues.length && boundaries[nextIndex] === -1) nextIndex += 1;
    if (nextIndex < cues.length) clauseEnd = boundaries[nextIndex]!;
    for (const source of cues[index]!.sources) builder.attribute(source, clauseStart, clauseEnd);
    if (nextIndex < cues.length && boundaries[nextIndex] === -1) continue;
    if (index + 1 < cues.length && boundaries[index + 1] !== -1) clauseStart = boundaries[index + 1]!;
  }
}

function sameSources(first: number[], second: number[]): boolean {
  return first.length === second.length && first.every((source, index) => second[index] === source);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isSpeakerWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (WEEKDAYS.has(lower) || MONTHS.includes(lower.replace(/\.$/, ''))) return false;
  if (isCapitalised(word)) return /\p{L}/u.test(word);
  return DETERMINERS.has(lower) || SOURCE_HEADS.has(lower) || SOURCE_MODIFIERS.has(lower) || COUNT_WORDS.has(lower) || lower === "'s" || lower === '’s' || lower === 'of';
}

/** The speaker of the speech verb at `verb`: before it ("officials said"), or after it (`"…," said Victor Wan`). */
function speakerOfVerb(text: string, sentence: NewsToken[], verb: number, builder: SourceBuilder): number | undefined {
  let end = verb - 1;
  while (end >= 0 && SKIPPABLE_BEFORE_VERB.has(sentence[end]!.text.toLowerCase())) end -= 1;
  if (end >= 0 && WEEKDAYS.has(sentence[end]!.text.toLowerCase())) {
    end -= 1;
    if (end >= 0 && sentence[end]!.text.toLowerCase() === 'on') end -= 1;
  }
  if (end < 0) return undefined;
  const before = sentence[end]!.text;

  if (/^(?:he|she)$/i.test(before)) {
    const person = builder.recent((source) => source.kind === 'PERSON' || source.kind === 'SOCIAL_MEDIA_ACCOUNT');
    return person;
  }
  if (/^it$/i.test(before)) {
    return builder.recent((source) => source.kind !== 'PERSON' && source.kind !== 'SOCIAL_MEDIA_ACCOUNT' && source.kind !== 'ANONYMOUS_OFFICIAL' && source.mentions.length > 0);
  }

  if (before === ',' || /^[”"’']$/.test(before)) {
    // An apposition between the speaker and the verb: "The official, briefing reporters …, said".
    if (before === ',') {
      for (let open = end - 1; open > 0 && open >= end - 20; open -= 1) {
        const word = sentence[open]!.text;
        if (/^[“”"]$/.test(word)) break;
        if (word !== ',') continue;
        const phrase = phraseEndingAt(sentence, open - 1);
        if (phrase) {
          phrase.apposition = text.slice(sentence[open + 1]!.start, sentence[end - 1]!.end);
          return resolveSpeaker(text, sentence, phrase, builder);
        }
        break;
      }
    }
    if (INVERTING_VERBS.has(sentence[verb]!.text)) {
      const phrase = phraseStartingAt(sentence, skipTimeWords(sentence, verb + 1));
      if (phrase) return resolveSpeaker(text, sentence, phrase, builder);
    }
    return undefined;
  }
  const phrase = phraseEndingAt(sentence, end);
  if (!phrase) return undefined;
  // "One of the officials": the partitive belongs to the phrase that refers back.
  const partitiveStart = phrase.first - 2;
  if (partitiveStart >= 0 && sentence[phrase.first]!.text.toLowerCase() === 'the' && sentence[phrase.first - 1]!.text.toLowerCase() === 'of' && COUNT_WORDS.has(sentence[partitiveStart]!.text.toLowerCase()))
    phrase.first = partitiveStart;
  return resolveSpeaker(text, sentence, phrase, builder);
}

function skipTimeWords(sentence: NewsToken[], index: number): number {
  let at = index;
  if (sentence[at]?.text.toLowerCase() === 'on' && WEEKDAYS.has(sentence[at + 1]?.text.toLowerCase() ?? '')) at += 2;
  else if (WEEKDAYS.has(sentence[at]?.text.toLowerCase() ?? '')) at += 1;
  return at;
}

/** The speaker phrase that ends at token `last`, scanning back over names, determiners and source nouns. */
function phraseEndingAt(sentence: NewsToken[], last: number): SpeakerPhrase | undefined {
  if (last < 0 || !isSpeakerWord(sentence[last]!.text)) return undefined;
  let first = last;
  while (first > 0 && isSpeakerWord(sentence[first - 1]!.text) && last - first < 10) {
    // A determiner starts the phrase: nothing before it belongs to the speaker.
    if (DETERMINERS.has(sentence[first]!.text.toLowerCase())) break;
    first -= 1;
  }
  return trimmedPhrase(sentence, first, last);
}

/** The speaker phrase that starts at token `first`: `said Victor Wan, analyst at …`. */
function phraseStartingAt(sentence: NewsToken[], first: number): SpeakerPhrase | undefined {
  if (first >= sentence.length || !isSpeakerWord(sentence[first]!.text)) return undefined;
  let last = first;
  while (last + 1 < sentence.length && last - first < 10) {
    const next = sentence[last + 1]!.text;
    if (next === '(' && /^[A-Z][A-Za-z.-]{1,9}$/.test(sentence[last + 2]?.text ?? '') && sentence[last + 3]?.text === ')') {
      last += 3;
      continue;
    }
    // A new determiner after the head starts another phrase ("the army the day before").
    if (!isSpeakerWord(next) || (DETERMINERS.has(next.toLowerCase()) && last > first)) break;
    last += 1;
  }
  while (last > first && /^(?:of|'s|’s)$/i.test(sentence[last]!.text)) last -= 1;
  const phrase = trimmedPhrase(sentence, first, last);
  if (!phrase) return undefined;
  // "said Victor Wan, analyst at South Johore Securities": the apposition describes the speaker.
  if (sentence[phrase.last + 1]?.text === ',') {
    let end = phrase.last + 2;
    while (end < sentence.length && !/^[,.;:“”"]$/.test(sentence[end]!.text)) end += 1;
    if (end > phrase.last + 2 && end - phrase.last < 16) phrase.apposition = sentenceSlice(sentence, phrase.last + 2, end - 1);
  }
  return phrase;
}

function sentenceSlice(sentence: NewsToken[], first: number, last: number): string {
  // Rebuilt from tokens; callers only need it as a description.
  let out = '';
  for (let index = first; index <= last; index += 1) {
    const token = sentence[index]!;
    const previous = sentence[index - 1];
    if (index > first && previous && token.start > previous.end) out += ' ';
    out += token.text;
  }
  return out;
}

function trimmedPhrase(sentence: NewsToken[], first: number, last: number): SpeakerPhrase | undefined {
  let start = first;
  while (start <= last && (OPENERS.has(sentence[start]!.text.toLowerCase()) || /^(?:of|'s|’s)$/i.test(sentence[start]!.text))) start += 1;
  if (start > last) return undefined;
  const lastWord = sentence[last]!.text;
  const lowerLast = lastWord.toLowerCase();
  const endsInName = isCapitalised(lastWord) || lastWord === ')';
  if (!endsInName && !SOURCE_HEADS.has(lowerLast)) return undefined;
  // A lone capitalised determiner or count ("The", "Two") is not a speaker.
  if (start === last && (DETERMINERS.has(lowerLast) || COUNT_WORDS.has(lowerLast))) return undefined;
  return { first: start, last };
}

/** "according to the Israel Defense Forces (IDF) and the Palestinian health authority": one or more speakers. */
function speakersAfterAccordingTo(sentence: NewsToken[], index: number): SpeakerPhrase[] {
  let at = index;
  // "according to a statement from the ministry", "according to figures released by the UN".
  const lookahead = sentence.slice(at, at + 6).map((token) => token.text.toLowerCase());
  const documentNoun = lookahead.findIndex((word) => /^(?:statement|report|reports|figures|tally|toll|count|estimate|estimates|data|count|census|survey|poll)$/.test(word));
  if (documentNoun >= 0) {
    const preposition = lookahead.slice(documentNoun + 1).findIndex((word) => /^(?:from|by|of)$/.test(word));
    if (preposition >= 0) at += documentNoun + 1 + preposition + 1;
    else if (documentNoun > 0) {
      // "according to an AFP tally": the source stands before the document noun.
      const phrase = trimmedPhrase(sentence, at, at + documentNoun - 1);
      return phrase ? [phrase] : [];
    }
  }
  const phrases: SpeakerPhrase[] = [];
  while (at < sentence.length) {
    const phrase = phraseStartingAt(sentence, at);
    if (!phrase) break;
    delete phrase.apposition;
    phrases.push(phrase);
    const next = sentence[phrase.last + 1]?.text.toLowerCase();
    if (next === 'and' || (next === ',' && sentence[phrase.last + 2]?.text.toLowerCase() !== 'which')) {
      const after = sentence[phrase.last + 2]?.text.toLowerCase() === 'and' ? phrase.last + 3 : phrase.last + 2;
      if (next === ',' && !(DETERMINERS.has(sentence[after]?.text.toLowerCase() ?? '') || isCapitalised(sentence[after]?.text ?? ''))) break;
      if (next === ',' && sentence[phrase.last + 2]?.text.toLowerCase() !== 'and') {
        // A comma list only continues when an "and" closes it later on.
        break;
      }
      at = after;
      continue;
    }
    break;
  }
  return phrases;
}

/** Turns a speaker phrase into a source index: a new source, or a repeated reference to an earlier one. */
function resolveSpeaker(text: string, sentence: NewsToken[], phrase: SpeakerPhrase, builder: SourceBuilder): number | undefined {
  const sentenceText = text.slice(sentence[0]!.start, sentence[sentence.length - 1]!.end);
  const source = sourceOfPhrase(text, sentence, phrase, builder);
  // Anonymity is often stated at a later reference: "The two U.S. officials, speaking on the condition of anonymity".
  if (source !== undefined && (ANONYMITY.test(phrase.apposition ?? '') || ANONYMITY.test(sentenceText))) markAnonymous(builder.sources[source]!, phrase.apposition);
  return source;
}

function sourceOfPhrase(text: string, sentence: NewsToken[], phrase: SpeakerPhrase, builder: SourceBuilder): number | undefined {
  const words = sentence.slice(phrase.first, phrase.last + 1);
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  const mention = span(text, start, end);
  const lowerWords = words.map((token) => token.text.toLowerCase());
  const determiner = DETERMINERS.has(lowerWords[0]!) ? lowerWords[0] : undefined;
  const bodyWords = determiner ? words.slice(1) : words;
  if (bodyWords.length === 0) return undefined;
  const bodyStart = bodyWords[0]!.start;

  // "IDF" in "the Israel Defense Forces (IDF)" is an alias, not part of the name.
  let alias: string | undefined;
  let nameEnd = end;
  const closing = bodyWords.length >= 3 ? bodyWords[bodyWords.length - 1] : undefined;
  if (closing?.text === ')' && bodyWords[bodyWords.length - 3]?.text === '(') {
    alias = bodyWords[bodyWords.length - 2]!.text;
    nameEnd = bodyWords[bodyWords.length - 4]?.end ?? end;
  }
  let name = text.slice(bodyStart, nameEnd).replace(/\s+/g, ' ');
  // "Officials said …" opens a sentence: the capital is the sentence's, not a name's.
  const firstWord = bodyWords[0]!.text;
  if (bodyWords[0] === sentence[0] && isCapitalised(firstWord) && (SOURCE_HEADS.has(firstWord.toLowerCase()) || SOURCE_MODIFIERS.has(firstWord.toLowerCase())))
    name = firstWord.toLowerCase() + name.slice(firstWord.length);
  const lowerName = name.toLowerCase();
  const head = headOf(name);
  const hasName = bodyWords.some(
    (token, index) =>
      isCapitalised(token.text) &&
      !COUNT_WORDS.has(token.text.toLowerCase()) &&
      !(index === 0 && token === sentence[0] && (SOURCE_HEADS.has(token.text.toLowerCase()) || SOURCE_MODIFIERS.has(token.text.toLowerCase()))),
  );
  const sentenceText = text.slice(sentence[0]!.start, sentence[sentence.length - 1]!.end);
  const anonymous = ANONYMITY.test(phrase.apposition ?? '') || (UNNAMED_HEADS.has(head) && ANONYMITY.test(sentenceText));

  // Repeated references: "The official", "One of the officials", "the ministry", a surname.
  const partitive = /^(?:one|two|some|several|many|none|each|both|all|most) of the (\w+)$/i.exec(name);
  if (partitive || (!hasName && (determiner === 'the' || !determiner))) {
    const referredHead = singular(partitive ? partitive[1]!.toLowerCase() : head);
    const numberMatters = !partitive && UNNAMED_HEADS.has(head);
    const earlier =
      builder.recent((source) => nameKey(source.name) === nameKey(name)) ??
      builder.recent((source) => {
        const sourceHead = headOf(source.name);
        if (singular(sourceHead) !== referredHead) return false;
        return !numberMatters || sourceHead.endsWith('s') === head.endsWith('s');
      }) ??
      // "the spokeswoman" after "USDA spokeswoman Dana Johnson".
      (determiner === 'the' && !partitive ? builder.recent((source) => source.kind === 'PERSON' && new RegExp(`\\b${head}\\b`, 'i').test(source.description ?? '')) : undefined);
    if (earlier !== undefined && (determiner === 'the' || partitive || nameKey(builder.sources[earlier]!.name) === nameKey(name))) {
      builder.addMention(earlier, mention);
      return earlier;
    }
    if (partitive) return undefined;
  }
  if (hasName && bodyWords.length === 1) {
    const word = bodyWords[0]!.text;
    const byAlias = builder.recent((source) => source.aliases?.includes(word) === true || (source.kind === 'PERSON' && headOf(source.name) === word.toLowerCase()));
    if (byAlias !== undefined) {
      builder.addMention(byAlias, mention);
      return byAlias;
    }
  }

  const candidate = describeSource(builder, name, lowerName, head, hasName, words, bodyWords, determiner, anonymous, phrase.apposition);
  if (!candidate) return undefined;
  candidate.mentions = [mention];
  if (alias) candidate.aliases = [alias];
  return builder.add(candidate);
}

function markAnonymous(source: SourceCandidate, apposition: string | undefined): void {
  if (!UNNAMED_HEADS.has(headOf(source.name))) return;
  if (source.kind === 'ANONYMOUS_OFFICIAL' && source.description && ANONYMITY.test(source.description)) return;
  source.kind = 'ANONYMOUS_OFFICIAL';
  const first = source.mentions[0]?.text ?? source.name;
  source.description = `${first.charAt(0).toUpperCase()}${first.slice(1)}${apposition ? ` ${apposition.trim()}` : ' speaking on condition of anonymity'}`;
}

/** Decides what kind of source a phrase names, and the person or organisation behind it. */
function describeSource(
  builder: SourceBuilder,
  name: string,
  lowerName: string,
  head: string,
  hasName: boolean,
  words: NewsToken[],
  bodyWords: NewsToken[],
  determiner: string | undefined,
  anonymous: boolean,
  apposition: string | undefined,
): SourceCandidate | undefined {
  const start = bodyWords[0]!.start;
  const end = words[words.length - 1]!.end;
  const entities = builder.entitiesWithin(start, end);
  // The speaker is a named person only when the name ends the phrase: "Biden" in "a senior Biden administration official" is not.
  const person = entities.find(
    (entity) => entity.kind === 'PERSON' && entity.end >= end - 1 && !ARMED_GROUPS.test(entity.text) && !isNewsAgency(entity.text),
  );

  const agency = newsAgencyName(name);
  if (agency !== undefined) {
    // "China's official Xinhua news agency" is Xinhua, whichever way an article describes it.
    const described = agency === name ? {} : { description: name };
    return { name: agency, kind: 'NEWS_AGENCY', organizationName: agency, ...described, mentions: [] };
  }

  // A named person, maybe with a role and organisation before the name: "Hamas spokesman Fawzi Barhoum".
  const personStart = person ? person.start : trailingNameStart(bodyWords);
  if (personStart !== undefined && personStart > start - 1) {
    const personName = builder.text.slice(personStart, end).replace(/\s+/g, ' ');
    const roleText = builder.text.slice(start, personStart).trim();
    const source: SourceCandidate = { name: personName, kind: 'PERSON', personName, mentions: [] };
    const organization = organizationOfRole(roleText) ?? organizationOfApposition(apposition);
    if (organization) source.organizationName = organization;
    const description = [roleText, apposition?.trim()].filter(Boolean).join('; ');
    if (description) source.description = description;
    return source;
  }

  if (UNNAMED_HEADS.has(head) || head === 'spokesman' || head === 'spokeswoman' || head === 'spokesperson') {
    const counted = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\b/.test(lowerName);
    const single = !head.endsWith('s') || head === 'sources';
    const isAnonymous = anonymous || head.startsWith('source') || counted || (UNNAMED_HEADS.has(head) && single && determiner !== 'the');
    const source: SourceCandidate = { name, kind: isAnonymous ? 'ANONYMOUS_OFFICIAL' : kindOfInstitution(lowerName) ?? 'GOVERNMENT', mentions: [] };
    const organization = organizationOfOfficials(builder, bodyWords);
    if (organization) source.organizationName = organization;
    const spoken = builder.text.slice(words[0]!.start, end);
    if (isAnonymous) source.description = anonymous ? `${spoken.charAt(0).toUpperCase()}${spoken.slice(1)}${apposition ? ` ${apposition.trim()}` : ' speaking on condition of anonymity'}` : `Unnamed ${name}`;
    else if (PLURAL_GROUP_HEAD.test(head) && !organization) source.description = `Unnamed ${name}`;
    return source;
  }

  const kind = kindOfInstitution(lowerName);
  if (kind) return { name, kind, organizationName: name, mentions: [] };
  if (/^(?:witness|witnesses|residents?|observers|analysts?|doctors|medics|rescuers|workers)$/.test(head)) return { name, kind: 'OTHER', description: `Unnamed ${name}`, mentions: [] };

  if (!hasName) return undefined;
  const place = entities.find((entity) => entity.kind === 'PLACE');
  if (place && place.start <= start && place.end >= end) return { name, kind: 'GOVERNMENT', organizationName: `${name} government`, mentions: [] };
  const organization = entities.find((entity) => entity.kind === 'ORGANIZATION');
  if (organization) return { name, kind: 'OTHER', organizationName: name, mentions: [] };
  // Without a tagged entity, two or three capitalised words and no determiner read as a person's name.
  if (entities.length === 0 && !determiner && bodyWords.length >= 2 && bodyWords.length <= 3 && bodyWords.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text)))
  {
    const source: SourceCandidate = { name, kind: 'PERSON', personName: name, mentions: [] };
    const organization = organizationOfApposition(apposition);
    if (organization) source.organizationName = organization;
    if (apposition) source.description = apposition.trim();
    return source;
  }
  return undefined;
}

function kindOfInstitution(lowerName: string): SourceKind | undefined {
  if (ARMED_GROUPS.test(lowerName) || /\b(?:rebels|militants|guerrillas|militias?|armed wing|brigades?)$/.test(lowerName)) return 'ARMED_GROUP';
  if (HEALTH.test(lowerName)) return 'HEALTH_AUTHORITY';
  if (NGOS.test(lowerName)) return 'NGO';
  if (INTERNATIONAL_ORGANIZATIONS.test(lowerName)) return 'INTERNATIONAL_ORGANIZATION';
  if (MILITARY.test(lowerName)) return 'MILITARY';
  if (PUBLISHERS.test(lowerName)) return 'PUBLISHER';
  if (GOVERNMENT.test(lowerName)) return 'GOVERNMENT';
  return undefined;
}

/** Capitalised words that end an institution's name, never start a person's ("Minister of Foreign Affairs Aziz Pahad"). */
const INSTITUTION_WORDS = /^(?:Affairs|Ministry|Office|Department|Council|Committee|Party|Bank|Agency|House|Authority|Forces|Army|Police|Defen[cs]e|Interior|Health|Finance|State|Security|Trade|Justice|Commission|Organi[sz]ation|Union|Company|Corporation|Group)$/;

/** Where a run of two or more capitalised words ends a phrase after a role word ("spokesman Mark Regev"). */
function trailingNameStart(bodyWords: NewsToken[]): number | undefined {
  let first = bodyWords.length;
  while (first > 0 && isCapitalised(bodyWords[first - 1]!.text) && !ROLE_WORDS.has(bodyWords[first - 1]!.text.toLowerCase()) && !INSTITUTION_WORDS.test(bodyWords[first - 1]!.text)) first -= 1;
  const nameLength = bodyWords.length - first;
  if (nameLength < 2 || nameLength > 4 || first === 0) return undefined;
  if (!ROLE_WORDS.has(bodyWords[first - 1]!.text.toLowerCase())) return undefined;
  return bodyWords[first]!.start;
}

/** "Hamas spokesman" → "Hamas"; "White House spokesman" → "White House"; "Foreign Minister" → none. */
function organizationOfRole(roleText: string): string | undefined {
  const words = roleText.replace(/^(?:the|a|an)\s+/i, '').split(/\s+/).filter(Boolean);
  const roleAt = words.findIndex((word) => ROLE_WORDS.has(word.toLowerCase()));
  if (roleAt <= 0) return undefined;
  const organization = words.slice(0, roleAt).join(' ').replace(/['’]s$/, '');
  if (/^(?:[A-Z][a-z]+(?:i|ian|ese|ish|an))$/.test(organization)) return undefined; // a nationality ("Israeli")
  return /\p{Lu}/u.test(organization) || SOURCE_HEADS.has(organization.toLowerCase()) ? organization : undefined;
}

/** "a spokesman for the Interior Ministry" → "Interior Ministry". */
function organizationOfApposition(apposition: string | undefined): string | undefined {
  const match = apposition && /\b(?:for|of|at|with|from)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.'’-]*\s*)+)/u.exec(apposition);
  return match?.[1]?.trim() || undefined;
}

/** "senior Biden administration official" → "Biden administration"; "U.S. officials" → "U.S. government". */
function organizationOfOfficials(builder: SourceBuilder, bodyWords: NewsToken[]): string | undefined {
  const institution = /((?:\p{Lu}[\p{L}.'’-]*\s+)+(?:administration|government|ministry|army|military|police|embassy|Ministry|Army|Police))\b/u.exec(
    builder.text.slice(bodyWords[0]!.start, bodyWords[bodyWords.length - 1]!.end),
  );
  if (institution?.[1]) return institution[1];
  const place = builder.entitiesWithin(bodyWords[0]!.start, bodyWords[bodyWords.length - 1]!.end).find((entity) => entity.kind === 'PLACE');
  if (place) return `${place.text} government`;
  const organization = builder.entitiesWithin(bodyWords[0]!.start, bodyWords[bodyWords.length - 1]!.end).find((entity) => entity.kind === 'ORGANIZATION');
  return organization?.text;
}
