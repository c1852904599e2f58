/**
 * Named entities in news text: people, organisations and places with character offsets.
 * The model (models/ner.bin, trained by `npm run train:ner`) is loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featurizeDocument, tagDocument } from '../ner/documentTagger.js';
import { prepareSentence } from '../ner/features.js';
import { deserializeNerModel, type NerModel } from '../ner/model.js';
import { applyDocumentRules } from '../ner/documentRules.js';
import { applySpanRules } from '../ner/spanRules.js';
import { spansFromTags, type EntityType } from '../ner/tagset.js';
import { splitIntoSentences, tokenizeNews } from '../ner/tokenizer.js';
import type { PlaceKind } from './gazetteer/curatedPlaces.js';
import { nameKey } from '../../graph/names.js';
import type { CasingHabit } from '../ner/lexicons.js';
import { normalizeWord } from '../ner/wordForms.js';
import { isTitleOnly, splitLeadingTitle, titleBeforeName } from './person-titles.js';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  /** The tagger's lowest per-token softmax share across the mention (0–1, not calibrated). */
  confidence?: number;
  /** A title the tagger took into a person's name and that was cut off it ("Sinn Fein President"). */
  title?: string;
  /**
   * A place mention that is no place name of its own: a demonym ("Turkish troops": Turkey) or the place an
   * institution is named after ("Kentucky State Police"). It is a mention of the place, never an event's place.
   */
  placeOnly?: true;
  /** The institution an organisation mention stands for, when its text does not name it: "US" for "US government". */
  institution?: string;
  // Where a place mention was resolved (place-resolution.ts); absent when no reading holds.
  gazetteerId?: string;
  placeName?: string;
  placeKind?: PlaceKind;
  latitude?: number;
  longitude?: number;
  countryCode?: string;
}

/** MISC (nationalities, events, works) is learned but not a kind the product stores. */
const KIND_OF_TYPE: Partial<Record<EntityType, EntityKind>> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };

const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;

/** Only spaces between a sentence's last token and the end of its line. */
const LINE_END = /^[^\S\n]*(?:\n|$)/;

const MODEL_URL = new URL('../../../models/ner.bin', import.meta.url);
let loadedModel: NerModel | undefined;

function nerModel(): NerModel {
  if (!loadedModel) {
    const path = fileURLToPath(MODEL_URL);
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch (error) {
      throw new Error(`cannot read the NER model at ${path} (${(error as Error).message}); train it with \`npm run train:ner\``);
    }
    loadedModel = deserializeNerModel(file, path);
  }
  return loadedModel;
}

/** The last words of institutions' names ("Basketball League", "Tokai Bank"). */
const INSTITUTION_HEADS = new Set([
  'bank', 'corporation', 'company', 'group', 'league', 'association', 'party', 'union', 'council', 'committee', 'commission',
  'ministry', 'agency', 'office', 'department', 'institute', 'university', 'college', 'school', 'hospital', 'airline', 'airlines',
  'airways', 'motors', 'industries', 'international', 'foundation', 'fund', 'front', 'movement', 'army', 'forces', 'police',
  'assembly', 'parliament', 'congress', 'senate', 'club', 'federation', 'alliance', 'brigade', 'brigades', 'authority',
  'organisation', 'organization', 'network', 'service', 'services', 'times', 'news', 'press', 'daily', 'journal', 'radio',
  'television', 'museum', 'mosque', 'cooperation',
]);
/** The last words of places' names ("Zhongguancun Area"). */
const PLACE_HEADS = new Set([
  'area', 'province', 'region', 'district', 'city', 'island', 'islands', 'republic', 'kingdom', 'mountain', 'mountains', 'river',
  'airport', 'station', 'square', 'stadium', 'sea', 'port', 'palace', 'road',
]);
/** The last words of the names of events, prizes, agreements and other things ("Journalism Awards"). */
const THING_HEADS = new Set([
  'cup', 'award', 'awards', 'games', 'championship', 'championships', 'festival', 'programme', 'program', 'project', 'plan',
  'treaty', 'accord', 'agreement', 'summit', 'conference', 'index', 'exchange', 'market', 'system',
]);
/** Words of things' names that are also people's surnames ("Stuart Hall", "Park Geun-hye"): no evidence alone. */
const SURNAME_LIKE_HEADS = new Set(['court', 'hall', 'house', 'park', 'church', 'temple', 'post', 'street', 'lake', 'tower', 'state', 'states', 'center', 'centre']);
const isThingWord = (word: string) => {
  const lower = word.toLowerCase();
  return INSTITUTION_HEADS.has(lower) || PLACE_HEADS.has(lower) || THING_HEADS.has(lower) || SURNAME_LIKE_HEADS.has(lower);
};

/**
 * "Unnur Steinsson", "George W. Bush", "Jean-Pierre Raffarin": two to four capitalised words or initials, no word
 * that says what an institution or a thing is ("Tokai Bank", "Journalism Awards"), at most one word that running
 * news often writes in lower case ("Human Rights Watch", "Golden Dawn" are made of them), and no such word in the
 * plural last ("United Nations", "Tamil Tigers"). Such a name admits no acronym: its initials are a person's, and
 * "US" is no one's.
 */
export function readsAsPersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((word) => /^\p{Lu}(?:\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\.)$/u.test(word) && !isThingWord(word))) return false;
  const casing = nerModel().casing;
  const common = words.map((word) => word.length > 2 && casing.habitOf(normalizeWord(word)) !== 'C' && casing.habitOf(normalizeWord(word)) !== '?');
  if (common.filter(Boolean).length > 1) return false;
  return !(common.at(-1) && /[^s]s$/.test(words.at(-1)!));
}


/**
 * Whether an organisation's name lends its initials to an acronym. A name that reads as a person's two-word name
 * does not ("Unnur Steinsson" is no "US"); longer names that read like people's are more often institutions named in
 * another language ("Chama Cha Mapinduzi" is the CCM, "Reporters Sans Frontieres" the RSF), whose three-letter
 * acronyms no person's initials are mistaken for.
 */
export function lendsInitials(name: string): boolean {
  return !(readsAsPersonName(name) && name.trim().split(/\s+/).length === 2);
}

/**
 * Diseases and the viruses that cause them, written as names ("HIV", "SARS", "Ebola"): no person, organisation
 * or place, though the tagger, which has seen few of them, takes them for organisations. Influenza subtypes are
 * named by their two proteins ("H5N1", "H1N1").
 */
const DISEASE_NAMES = new Set([
  'hiv', 'aids', 'hiv/aids', 'sida', 'sars', 'mers', 'covid', 'covid-19', 'ebola', 'tb', 'mdr-tb', 'bse', 'cjd', 'vcjd', 'mrsa',
  'hpv', 'std', 'stds', 'sti', 'polio', 'zika',
]);
const INFLUENZA_SUBTYPE = /^H\d{1,2}N\d{1,2}$/i;

export function isDiseaseName(text: string): boolean {
  const key = text.trim().toLowerCase();
  return DISEASE_NAMES.has(key) || INFLUENZA_SUBTYPE.test(key);
}

/** "F-4E", "MiG-29", "AK-47", "C-130": a model's designation, which no word of a person's name is. */
const MODEL_DESIGNATION = /^\p{L}{1,4}-?\d+\p{L}{0,3}$/u;
/** After a leader's name, the words that make it stand for the leader's team ("the Bush administration"). */
const LEADER_AFTER = /^\s+(?:administration|government|campaign|camp|era|presidency)\b/i;
/** Of those, the ones a party or a movement does not have too ("the Khmer Rouge government"). */
const PERSONAL_LEADER_AFTER = /^\s+(?:administration|campaign|presidency)\b/i;
/** An article right before a word: "a Marine officer", "The Marine assigned to…" name no one. */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:a|an|the)\s+$/iu;

/** Before a word that opens a sentence, a line or a quotation. */
const SENTENCE_OPENING = /(?:^|[.!?;:]["”’)]?\s+|\n\s*|["“]\s*)$/;

/**
 * The tagger's person mentions that name no one, and its organisation mentions that name a person:
 * - a name with a model's designation in it is an aircraft, a weapon or a satellite ("F-4E Phantom", "Hercules C-130");
 * - a title alone is no one's name ("Consul", "Sir");
 * - a name whose last word says what it is of is that: an institution ("Basketball League"), a place ("Zhongguancun
 *   Area"), or a thing the graph keeps no node of ("Journalism Awards"); a word before such a word ("Xinli hospital") too;
 * - a one-word "name" opening a sentence before a comma or a colon, or a word usually written in lower case, is a
 *   discourse word or a heading ("Lastly, …", "Graphic: …"), and one after an article ("a Marine officer") a common
 *   noun, unless the article names someone with that word or the word is usually capitalised;
 * - an organisation named like a person ("George W. Bush", "Birna Kristjansson") is the person when the article
 *   says so: a middle initial, "administration" after it, or its surname alone tagged as a person elsewhere.
 */
export function settlePersonMentions(text: string, mentions: EntityMention[]): EntityMention[] {
  const casing = nerModel().casing;
  const lone = new Set(mentions.filter((mention) => mention.kind === 'PERSON' && !/\s/.test(mention.text.trim())).map((mention) => nameKey(mention.text)));
  for (const mention of mentions) {
    if (mention.kind !== 'ORGANIZATION' || !readsAsPersonName(mention.text)) continue;
    const words = mention.text.trim().split(/\s+/);
    const middleInitial = words.slice(1, -1).some((word) => /^\p{Lu}\.$/u.test(word));
    if (middleInitial || PERSONAL_LEADER_AFTER.test(text.slice(mention.end, mention.end + 20)) || lone.has(nameKey(words.at(-1)!))) mention.kind = 'PERSON';
  }
  const nameWords = new Set(
    mentions
      .filter((mention) => mention.kind === 'PERSON' && /\s/.test(mention.text.trim()))
      .flatMap((mention) => {
        const words = nameKey(mention.text).split(' ');
        return [words[0]!, words.at(-1)!];
      }),
  );
  return mentions.filter((mention) => {
    if (isDiseaseName(mention.text)) return false;
    if (mention.kind !== 'PERSON') return true;
    const words = mention.text.trim().split(/\s+/);
    if (words.some((word) => MODEL_DESIGNATION.test(word)) || isTitleOnly(mention.text)) return false;
    if (words.length > 1) {
      // "Basketball League", "Zhongguancun Area", "Journalism Awards": the last word says what the name is of.
      const head = words.at(-1)!.toLowerCase();
      if (INSTITUTION_HEADS.has(head)) mention.kind = 'ORGANIZATION';
      else if (PLACE_HEADS.has(head)) mention.kind = 'PLACE';
      else if (THING_HEADS.has(head)) return false;
      if (mention.kind !== 'PERSON') delete mention.title;
      return true;
    }
    if (nameWords.has(nameKey(mention.text))) return true;
    // "Xinli hospital": the name of the institution or place the word after it is.
    const nextWord = /^\s+(\p{Ll}+)/u.exec(text.slice(mention.end, mention.end + 30))?.[1];
    if (nextWord && (INSTITUTION_HEADS.has(nextWord) || PLACE_HEADS.has(nextWord))) return false;
    const habit: CasingHabit = casing.habitOf(normalizeWord(mention.text.trim()));
    if (habit === 'C') return true;
    const after = text.slice(mention.end, mention.end + 20);
    if (SENTENCE_OPENING.test(text.slice(Math.max(0, mention.start - 4), mention.start)) && (habit === 'L' || /^\s*[,:]/.test(after))) return false;
    return !(ARTICLE_BEFORE.test(text.slice(Math.max(0, mention.start - 6), mention.start)) && !LEADER_AFTER.test(after) && !/^['’]s?\b/.test(after));
  });
}

export function extractEntities(text: string): EntityMention[] {
  const model = nerModel();
  const sentences = splitIntoSentences(text, tokenizeNews(text));
  const prepared = sentences.map((tokens) => prepareSentence(tokens.map((token) => token.text), model));
  const { tags, confidences } = tagDocument(featurizeDocument(prepared), model.weights);
  sentences.forEach((tokens, sentenceIndex) => {
    const lastToken = tokens[tokens.length - 1]!;
    const previousSentence = sentences[sentenceIndex - 1];
    applySpanRules(prepared[sentenceIndex]!, tags[sentenceIndex]!, model.weights, {
      endsLine: LINE_END.test(text.slice(lastToken.end, lastToken.end + 200)),
      startsLine: !previousSentence || text.slice(previousSentence[previousSentence.length - 1]!.end, tokens[0]!.start).includes('\n'),
    });
  });
  applyDocumentRules(prepared, tags, confidences);
  const mentions: EntityMention[] = [];
  sentences.forEach((tokens, sentenceIndex) => {
    for (const span of spansFromTags(tags[sentenceIndex]!)) {
      const kind = KIND_OF_TYPE[span.type];
      if (!kind) continue;
      // "said Laurent Kabila Friday": the day the wire dates a statement by is not part of the name.
      let last = span.end - 1;
      if (kind !== 'PLACE' && last > span.start && WEEKDAY.test(tokens[last]!.text)) last -= 1;
      let start = tokens[span.start]!.start;
      const end = tokens[last]!.end;
      const confidence = Math.round(Math.min(...confidences[sentenceIndex]!.subarray(span.start, last + 1)) * 1000) / 1000;
      if (kind === 'PERSON') {
        const { nameStart, title: titleInside } = splitLeadingTitle(text.slice(start, end));
        start += nameStart;
        const titleStart = titleInside ? undefined : titleBeforeName(tokens.map((token) => token.text), span.start);
        const title = titleInside ?? (titleStart === undefined ? undefined : text.slice(tokens[titleStart]!.start, tokens[span.start - 1]!.end));
        mentions.push({ start, end, text: text.slice(start, end), kind, confidence, ...(title ? { title } : {}) });
      } else mentions.push({ start, end, text: text.slice(start, end), kind, confidence });
    }
  });
  return settlePersonMentions(text, mentions);
}
