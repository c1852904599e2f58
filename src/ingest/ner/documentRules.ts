/**
 * Decisions taken once per document, after the tagger and the sentence rules: a name keeps one type
 * across the report, the short form of a company takes the company's type, a weekday is never the
 * tail of a name, and a country named in several words is never a person.
 */
import type { PreparedSentence } from './features.js';
import { ENTITY_TYPES, isInside, OUTSIDE, spansFromTags, tagType, type EntityType, type TokenSpan } from './tagset.js';
import { startsUppercase } from './wordForms.js';

const beginTag = (type: EntityType): number => 1 + 2 * ENTITY_TYPES.indexOf(type);
const insideTag = (type: EntityType): number => 2 + 2 * ENTITY_TYPES.indexOf(type);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Legal forms and the like that end a company's full name: its short form is then the company too. */
const CORPORATE_SUFFIXES = new Set([
  'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'plc', 'co', 'company', 'group', 'holdings', 'holding',
  'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'bhd', 'llc', 'lp', 'oyj', 'ab', 'asa', 'as', 'kk', 're', 'bancorp', 'bancshares',
  'industries', 'enterprises', 'airlines', 'airways', 'motors', 'mining', 'petroleum', 'resources', 'securities', 'bank',
]);

/** Headline capitals say little about a name's type; a vote from running text counts this much more. */
const RUNNING_TEXT_WEIGHT = 2;

interface PlacedSpan extends TokenSpan {
  sentence: number;
  key: string;
}

function keyOf(sentence: PreparedSentence, span: TokenSpan): string {
  return sentence.normalized.slice(span.start, span.end).join(' ');
}

function setSpan(tags: Uint8Array, start: number, end: number, type: EntityType): void {
  tags[start] = beginTag(type);
  for (let index = start + 1; index < end; index += 1) tags[index] = insideTag(type);
  if (end < tags.length && isInside(tags[end]!)) tags[end] = beginTag(tagType(tags[end]!)!);
}

/** "said the United States Thursday": the day the wire dates a statement by is not part of the name before it. */
function dropWeekdayTails(sentence: PreparedSentence, tags: Uint8Array): void {
  for (const span of spansFromTags(tags)) {
    const last = span.end - 1;
    if (last > span.start && WEEKDAYS.has(sentence.normalized[last]!)) tags[last] = OUTSIDE;
  }
}

/**
 * A name written the same way is one type in one report (document-level consistency, as in the best
 * CoNLL-2003 systems): the type with the most confidence across its mentions wins, running text over
 * headlines. MISC votes too, so a nationality is not turned into a place by one stray reading.
 */
function oneTypePerName(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], confidences: readonly Float32Array[], spans: PlacedSpan[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const span of spans) {
    const sentence = sentences[span.sentence]!;
    const confidence = Math.min(...confidences[span.sentence]!.subarray(span.start, span.end));
    const weight = confidence * (sentence.casingStyle === 'm' ? RUNNING_TEXT_WEIGHT : 1);
    const tally = votes.get(span.key) ?? new Map<EntityType, number>();
    tally.set(span.type, (tally.get(span.type) ?? 0) + weight);
    votes.set(span.key, tally);
  }
  for (const span of spans) {
    const tally = votes.get(span.key)!;
    // A place and the club or government named after it differ by meaning ("beat Texas" and "in Texas"),
    // a person and anything else hardly ever do.
    if (tally.size < 2 || !tally.has('PER')) continue;
    let winner = span.type;
    for (const [type, weight] of tally) if (weight > tally.get(winner)!) winner = type;
    if (winner === span.type) continue;
    setSpan(tags[span.sentence]!, span.start, span.end, winner);
    span.type = winner;
  }
}

/** "Tulsa Gold Corp ... Tulsa said": the leading words of a company's full name, later alone, are the company. */
function shortFormsOfCompanies(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], spans: PlacedSpan[]): void {
  const companyPrefixes = new Set<string>();
  for (const span of spans) {
    if (span.type !== 'ORG' || span.end - span.start < 2) continue;
    const words = sentences[span.sentence]!.normalized.slice(span.start, span.end).map((word) => word.replace(/\.$/, ''));
    if (!CORPORATE_SUFFIXES.has(words[words.length - 1]!)) continue;
    for (let length = 1; length < words.length; length += 1) {
      const prefix = words.slice(0, length);
      if (CORPORATE_SUFFIXES.has(prefix[prefix.length - 1]!)) continue;
      companyPrefixes.add(sentences[span.sentence]!.normalized.slice(span.start, span.start + length).join(' '));
    }
  }
  if (companyPrefixes.size === 0) return;
  for (const span of spans) {
    if (span.type === 'ORG' || !companyPrefixes.has(span.key)) continue;
    const sentence = sentences[span.sentence]!;
    if (!startsUppercase(sentence.words[span.start]!) && sentence.casingStyle === 'm') continue;
    setSpan(tags[span.sentence]!, span.start, span.end, 'ORG');
    span.type = 'ORG';
  }
}

/** "United States", "South Africa", "Saudi Arabia": a listed country of several words is a place, never one person's name. */
function multiWordCountriesAreNotPeople(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], spans: PlacedSpan[]): void {
  for (const span of spans) {
    if (span.type !== 'PER') continue;
    const { gazetteerLabels: labels, normalized } = sentences[span.sentence]!;
    const start = normalized[span.start] === 'the' ? span.start + 1 : span.start;
    if (span.end - start < 2) continue;
    const isCountry =
      labels[start]!.includes('country:B') &&
      labels.slice(start + 1, span.end).every((list) => list.includes('country:I')) &&
      !(labels[span.end]?.includes('country:I') ?? false);
    if (!isCountry) continue;
    setSpan(tags[span.sentence]!, span.start, span.end, 'LOC');
    span.type = 'LOC';
  }
}

/**
 * "Lastly, ...", "Graphic footage ...": a one-word name opening a sentence, of a word news writes in
 * lowercase mid-sentence (the casing lexicon) and this report never capitalises mid-sentence, is a
 * capital of position only.
 */
function dropSentenceInitialCommonWords(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], spans: PlacedSpan[]): void {
  const capitalisedMidSentence = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.casingStyle !== 'm') continue;
    sentence.words.forEach((word, index) => {
      if (index > 0 && startsUppercase(word) && !/^["'“‘(]$/u.test(sentence.words[index - 1]!)) capitalisedMidSentence.add(sentence.normalized[index]!);
    });
  }
  for (const span of spans) {
    const sentence = sentences[span.sentence]!;
    if (sentence.casingStyle !== 'm' || span.end - span.start !== 1) continue;
    const opensSentence = span.start === 0 || (span.start === 1 && /^["'“‘(]$/u.test(sentence.words[0]!));
    const habit = sentence.casingHabits[span.start];
    // An adverb the lexicon never saw, set off by a comma: "Lastly,", "Additionally,".
    const discourseAdverb = habit === '?' && /ly$/.test(span.key) && sentence.words[span.end] === ',';
    if (!opensSentence || !(habit === 'L' || discourseAdverb) || capitalisedMidSentence.has(span.key)) continue;
    tags[span.sentence]![span.start] = OUTSIDE;
    if (span.end < tags[span.sentence]!.length && isInside(tags[span.sentence]![span.end]!)) {
      tags[span.sentence]![span.end] = beginTag(tagType(tags[span.sentence]![span.end]!)!);
    }
  }
}

/** Place lists that make a lone word a place in its own right, whoever else bears it as a name. */
const PLACE_LABELS = ['country:B', 'capital:B', 'admin:B', 'demonym:B'];

/**
 * "President Ruth Hollis ... Hollis told parliament": a word that ends a person's full name in the report
 * is that person when it stands alone, whatever the tagger made of it, unless it is a country, capital or
 * state in its own right. A lone capitalised word the tagger left out in running text joins too.
 */
function surnamesJoinTheFullName(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], spans: PlacedSpan[]): void {
  const fullNames = new Map<string, number>();
  const aloneOtherwise = new Map<string, number>();
  for (const span of spans) {
    if (span.type !== 'PER' && span.end - span.start === 1) aloneOtherwise.set(span.key, (aloneOtherwise.get(span.key) ?? 0) + 1);
  }
  for (const span of spans) {
    if (span.type !== 'PER' || span.end - span.start < 2) continue;
    const sentence = sentences[span.sentence]!;
    // Headlines glue names together ("Lebed Chechnya peace plan"): full names are taken from running text.
    if (sentence.casingStyle !== 'm') continue;
    const last = sentence.normalized[span.end - 1]!;
    if (startsUppercase(sentence.words[span.end - 1]!) && /\p{L}{2}/u.test(last)) fullNames.set(last, (fullNames.get(last) ?? 0) + 1);
  }
  // A word the tagger reads alone as something else more often than it ends a full name keeps that reading.
  const surnames = new Set([...fullNames].filter(([word, count]) => (aloneOtherwise.get(word) ?? 0) <= count).map(([word]) => word));
  if (surnames.size === 0) return;
  const isPlaceName = (sentence: PreparedSentence, index: number) => PLACE_LABELS.some((label) => sentence.gazetteerLabels[index]!.includes(label));
  for (const span of spans) {
    if (span.type === 'PER' || span.end - span.start !== 1 || !surnames.has(span.key)) continue;
    const sentence = sentences[span.sentence]!;
    if (isPlaceName(sentence, span.start)) continue;
    setSpan(tags[span.sentence]!, span.start, span.end, 'PER');
    span.type = 'PER';
  }
  sentences.forEach((sentence, sentenceIndex) => {
    if (sentence.casingStyle !== 'm') return;
    const sentenceTags = tags[sentenceIndex]!;
    sentence.words.forEach((word, index) => {
      if (sentenceTags[index] !== OUTSIDE || !startsUppercase(word) || !surnames.has(sentence.normalized[index]!)) return;
      if (sentence.casingHabits[index] === 'L' || isPlaceName(sentence, index)) return;
      const besideName = (index > 0 && sentenceTags[index - 1] !== OUTSIDE) || (index + 1 < sentenceTags.length && startsUppercase(sentence.words[index + 1]!));
      if (besideName) return;
      sentenceTags[index] = beginTag('PER');
      if (index + 1 < sentenceTags.length && isInside(sentenceTags[index + 1]!)) sentenceTags[index + 1] = beginTag(tagType(sentenceTags[index + 1]!)!);
    });
  });
}

/** Verbs of saying: what stands as their subject is someone who speaks. */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'declared', 'insisted', 'warned', 'argued', 'recalled', 'explained']);

/** The name is the one who speaks: "Tarrago said", "said Tarrago", "according to Tarrago". */
function speaks(sentence: PreparedSentence, span: TokenSpan): boolean {
  const before = sentence.normalized[span.start - 1];
  const after = sentence.normalized[span.end];
  if (after !== undefined && SPEECH_VERBS.has(after)) return true;
  if (before !== undefined && SPEECH_VERBS.has(before) && (after === undefined || after === '.' || after === ',')) return true;
  return before === 'to' && sentence.normalized[span.start - 2] === 'according';
}

/**
 * A one-word name no list knows as a place, read as a place but speaking somewhere in the report ("Tarrago said"), is a
 * person: places speak only by metonymy, and then they are countries and cities the gazetteer knows.
 */
function speakersAreNotPlaces(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], spans: PlacedSpan[]): void {
  const listedAsPlace = (span: PlacedSpan) =>
    sentences[span.sentence]!.gazetteerLabels.slice(span.start, span.end).some((labels) => labels.some((label) => !label.startsWith('demonym') && !label.startsWith('region')));
  const speakers = new Set<string>();
  for (const span of spans) {
    // One word without an article: "the White House said", "the Kremlin said" are the places speaking for their people.
    if (span.type !== 'LOC' || span.end - span.start !== 1 || sentences[span.sentence]!.normalized[span.start - 1] === 'the') continue;
    if (sentences[span.sentence]!.casingStyle === 'm' && speaks(sentences[span.sentence]!, span) && !listedAsPlace(span)) speakers.add(span.key);
  }
  if (speakers.size === 0) return;
  for (const span of spans) {
    if (span.type !== 'LOC' || !speakers.has(span.key)) continue;
    setSpan(tags[span.sentence]!, span.start, span.end, 'PER');
    span.type = 'PER';
  }
}

/** Applies the document's decisions to all its sentences' tags, in place. */
export function applyDocumentRules(sentences: readonly PreparedSentence[], tags: readonly Uint8Array[], confidences: readonly Float32Array[]): void {
  sentences.forEach((sentence, index) => dropWeekdayTails(sentence, tags[index]!));
  const spans: PlacedSpan[] = [];
  sentences.forEach((sentence, index) => {
    for (const span of spansFromTags(tags[index]!)) spans.push({ ...span, sentence: index, key: keyOf(sentence, span) });
  });
  dropSentenceInitialCommonWords(sentences, tags, spans);
  multiWordCountriesAreNotPeople(sentences, tags, spans);
  speakersAreNotPlaces(sentences, tags, spans);
  oneTypePerName(sentences, tags, confidences, spans);
  surnamesJoinTheFullName(sentences, tags, spans);
  shortFormsOfCompanies(sentences, tags, spans);
}
