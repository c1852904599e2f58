/**
 * Post-rules over the tagger's IOB2 tags, for patterns the 1996 Reuters training text barely shows
 * and a greedy left-to-right tagger cannot revise: institution names that start with a place
 * ("Israel Defense Forces"), leaders' names before "administration" ("a Biden administration
 * official") and photo-credit lines ("EPA-EFE/CLEMENS BILAN").
 */
import type { PreparedSentence } from './features.js';
import { featureBucket, type TagScorer } from './model.js';
import { ENTITY_TYPES, isInside, OUTSIDE, TAG_COUNT, tagType, type EntityType } from './tagset.js';
import { hasLetter, isAllCaps, startsUppercase } from './wordForms.js';

/** Last words that make a capitalised name an organisation, whatever place or person it starts with. */
const INSTITUTIONAL_HEADS = new Set([
  'forces', 'force', 'army', 'navy', 'corps', 'guard', 'guards', 'brigade', 'brigades', 'ministry', 'department', 'committee',
  'commission', 'council', 'community', 'authority', 'party', 'front', 'movement', 'agency', 'association', 'assembly',
  'institute', 'organisation', 'organization', 'bureau', 'board',
]);

/** Nouns after which a capitalised name is the leader they belong to ("the Clinton administration"), CoNLL's PER. */
const LEADER_NOUNS = new Set(['administration', 'government', 'campaign']);

export interface SentenceContext {
  /** The sentence is the last on its line (a caption's end, where photo credits go). */
  endsLine: boolean;
  /** The sentence is the first on its line: a line of its own ("ASIA/PACIFIC" in a table) is no caption's credit. */
  startsLine: boolean;
}

const beginTag = (type: EntityType): number => 1 + 2 * ENTITY_TYPES.indexOf(type);
const insideTag = (type: EntityType): number => 2 + 2 * ENTITY_TYPES.indexOf(type);

/** Applies every rule to one sentence's tags, in place. */
export function applySpanRules(sentence: PreparedSentence, tags: Uint8Array, scorer: TagScorer, context: SentenceContext): void {
  if (context.endsLine) tagCreditLine(sentence, tags, context.startsLine);
  completePlaceNames(sentence, tags);
  if (sentence.casingStyle !== 'm') return; // capitals carry no name boundaries in headlines
  tagInstitutions(sentence, tags);
  tagLeadersBeforeGovernment(sentence, tags, scorer);
  tagLegalForms(sentence, tags);
  tagClubsSigningPlayers(sentence, tags);
  joinCoordinatedInstitutionNames(sentence, tags);
}

const SIGNING_VERBS = new Set(['sign', 'signs', 'signed', 'signing', 'sold', 'sell', 'sells', 'bought', 'buy', 'buys', 'released', 'sacked', 'fired', 'hired', 'appointed', 'loaned']);
const AUXILIARIES = new Set(['would', 'will', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'to', 'may', 'might', 'could', 'can', 'also', 'then', 'finally']);
/** The players and staff a club signs, sells or sacks. */
const SQUAD_ROLES = new Set([
  'striker', 'strikers', 'midfielder', 'midfielders', 'defender', 'defenders', 'goalkeeper', 'goalkeepers', 'forward', 'winger',
  'playmaker', 'player', 'players', 'coach', 'manager', 'captain', 'centre-back', 'full-back', 'sweeper', 'international',
]);

/**
 * "Lazio would sign the striker", "Marseille sacked their coach": a place that signs, sells or sacks players and staff
 * is the club named after it. A country signing a treaty stays a place: the object must be a player or a coach.
 */
function tagClubsSigningPlayers(sentence: PreparedSentence, tags: Uint8Array): void {
  const { normalized } = sentence;
  for (let start = 0; start < tags.length; start += 1) {
    if (tagType(tags[start]!) !== 'LOC' || isInside(tags[start]!)) continue;
    const end = spanEnd(tags, start);
    let verb = end;
    while (verb < normalized.length && AUXILIARIES.has(normalized[verb]!)) verb += 1;
    if (!SIGNING_VERBS.has(normalized[verb] ?? '')) continue;
    // The role within the next few words, with no name but a nationality before it ("the Brazilian striker").
    for (let word = verb + 1; word < normalized.length && word <= verb + 4; word += 1) {
      if (SQUAD_ROLES.has(normalized[word]!)) {
        setSpan(tags, start, end, 'ORG');
        break;
      }
      const type = tagType(tags[word]!);
      if (type && type !== 'MISC') break;
    }
  }
}

/** Legal forms that end a company's name; "Re" for reinsurers ("Frankfurt Re"). Written capitalised, after the name. */
const LEGAL_FORMS = new Set([
  'corp', 'corp.', 'corporation', 'inc', 'inc.', 'incorporated', 'ltd', 'ltd.', 'limited', 'plc', 'co', 'co.', 'ag', 'sa', 'nv',
  'bv', 'gmbh', 'spa', 'bhd', 'llc', 'lp', 'oyj', 'asa', 'kk', 're', 'bancorp', 'holdings',
]);

/** "Tulsa Gold Corp", "Frankfurt Re": a name ending in a legal form is a company, whatever place or person it starts with. */
function tagLegalForms(sentence: PreparedSentence, tags: Uint8Array): void {
  const { words, normalized } = sentence;
  for (let start = 0; start < tags.length; start += 1) {
    if (tags[start] === OUTSIDE || isInside(tags[start]!)) continue;
    const end = spanEnd(tags, start);
    if (end - start < 2 || tagType(tags[start]!) === 'ORG') continue;
    const last = end - 1;
    if (LEGAL_FORMS.has(normalized[last]!) && /^\p{Lu}/u.test(words[last]!)) setSpan(tags, start, end, 'ORG');
  }
}

/**
 * "the Monopolies and Mergers Commission", "the Food and Drug Administration": an organisation whose name
 * coordinates two capitalised words keeps both, when the tagger started it at the second.
 */
function joinCoordinatedInstitutionNames(sentence: PreparedSentence, tags: Uint8Array): void {
  const { words, normalized } = sentence;
  for (let start = 3; start < tags.length; start += 1) {
    if (tagType(tags[start]!) !== 'ORG' || isInside(tags[start]!)) continue;
    const joiner = normalized[start - 1]!;
    if (joiner !== 'and' && joiner !== '&') continue;
    const first = start - 2;
    if (tags[first] !== OUTSIDE || !isNameWord(words[first]!) || normalized[first - 1] !== 'the') continue;
    setSpan(tags, first, spanEnd(tags, start), 'ORG');
  }
}

/** Gazetteer lists whose entries are place names of their own. */
const PLACE_LISTS = ['country', 'capital', 'city', 'admin'];

/**
 * "GAZA CITY", "TEL AVIV": a place the tagger cut short is completed to the longest listed place name that
 * starts where it starts, when the words it adds are written as names (capitalised, or in a headline in capitals).
 */
function completePlaceNames(sentence: PreparedSentence, tags: Uint8Array): void {
  const { words, gazetteerLabels, casingStyle } = sentence;
  for (let start = 0; start < tags.length; start += 1) {
    if (tagType(tags[start]!) !== 'LOC' || isInside(tags[start]!)) continue;
    const end = spanEnd(tags, start);
    let listedEnd = end;
    for (const list of PLACE_LISTS) {
      if (!gazetteerLabels[start]!.includes(`${list}:B`)) continue;
      let matchEnd = start + 1;
      while (matchEnd < tags.length && gazetteerLabels[matchEnd]!.includes(`${list}:I`)) matchEnd += 1;
      listedEnd = Math.max(listedEnd, matchEnd);
    }
    if (listedEnd === end) continue;
    const added = words.slice(end, listedEnd);
    const writtenAsNames = added.every((word) => casingStyle === 'A' || isNameWord(word));
    if (writtenAsNames && tags.subarray(end, listedEnd).every((tag) => tag === OUTSIDE)) setSpan(tags, start, listedEnd, 'LOC');
  }
}

/** Rewrites tokens [start, end) as one span of `type`, keeping the spans around it well formed. */
function setSpan(tags: Uint8Array, start: number, end: number, type: EntityType): void {
  tags[start] = beginTag(type);
  for (let index = start + 1; index < end; index += 1) tags[index] = insideTag(type);
  if (end < tags.length && isInside(tags[end]!)) tags[end] = tags[end]! - 1; // the cut-off rest becomes its own span
}

function spanStart(tags: Uint8Array, index: number): number {
  let start = index;
  while (start > 0 && isInside(tags[start]!)) start -= 1;
  return start;
}

function spanEnd(tags: Uint8Array, index: number): number {
  let end = index + 1;
  while (end < tags.length && isInside(tags[end]!)) end += 1;
  return end;
}

function isNameWord(word: string): boolean {
  return hasLetter(word) && startsUppercase(word);
}

/**
 * A capitalised run ending in an institutional head is an organisation even when it starts with a
 * place or a people ("Israel Defense Forces", "Pakistan Armed Forces"), and so is a head followed
 * by the institution's own name ("Jewish Community Chabad Berlin"). Heads the tagger already put
 * inside an organisation are left alone, so "Russian/MISC Foreign Ministry/ORG" stays split.
 */
function tagInstitutions(sentence: PreparedSentence, tags: Uint8Array): void {
  const { words, normalized, casingHabits } = sentence;
  for (let head = 1; head < words.length; head += 1) {
    if (!INSTITUTIONAL_HEADS.has(normalized[head]!) || !isNameWord(words[head]!)) continue;
    if (tagType(tags[head]!) === 'ORG') {
      joinPlaceToInstitution(words, tags, head);
      continue;
    }
    let runStart = head;
    // A sentence-initial "The" is capitalised by position only.
    while (runStart > 0 && isNameWord(words[runStart - 1]!) && !(runStart - 1 === 0 && casingHabits[0] === 'L')) runStart -= 1;
    if (runStart === head) continue; // a lone "Army" or "Police" is a common noun in CoNLL
    let firstTagged = runStart;
    while (firstTagged < head && tags[firstTagged] === OUTSIDE) firstTagged += 1;
    if (firstTagged === head && tags[head] === OUTSIDE) continue; // the tagger saw no name here
    let start = spanStart(tags, firstTagged);
    // A listed people stays apart from a named institution after it ("Panamanian/MISC Boxing Association/ORG"),
    // but not from a bare head ("Palestinian Authority/ORG"), as CoNLL tags them.
    if (tagType(tags[start]!) === 'MISC' && sentence.gazetteerLabels[start]!.includes('demonym:B') && spanEnd(tags, start) < head) {
      start = spanEnd(tags, start);
    }
    let end = tags[head] === OUTSIDE ? head + 1 : spanEnd(tags, head);
    // The institution's own name after the head, tagged as one person, place or organisation that ends the run.
    const next = end;
    if (next < words.length && next === head + 1 && isNameWord(words[next]!) && tags[next] !== OUTSIDE && !isInside(tags[next]!)) {
      const nameEnd = spanEnd(tags, next);
      const runContinues = nameEnd < words.length && isNameWord(words[nameEnd]!);
      if (tagType(tags[next]!) !== 'MISC' && !runContinues) end = nameEnd;
    }
    setSpan(tags, start, end, 'ORG');
  }
}

/** "Tutsi-dominated", "Iran-backed": an adjective, not a leader. */
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;
/** Gazetteer lists that name places and peoples. */
const PLACE_OR_PEOPLE_LIST = /^(?:country|capital|admin|region|demonym|city):/;
/** Before "administration" city lists are ignored: that noun follows leaders, and many surnames are also towns (Obama). */
const PLACE_OR_PEOPLE_LIST_NO_CITY = /^(?:country|capital|admin|region|demonym):/;

/** "Ukraine/LOC Defence Ministry/ORG" is one organisation: CoNLL splits a people from an institution ending in its head ("Russian/MISC Foreign Ministry/ORG"), never a place. */
function joinPlaceToInstitution(words: readonly string[], tags: Uint8Array, head: number): void {
  const institutionStart = spanStart(tags, head);
  const before = institutionStart - 1;
  if (spanEnd(tags, head) !== head + 1) return; // "U.S./LOC Federal Bureau of Investigation/ORG" stays apart in CoNLL
  if (before < 0 || tagType(tags[before]!) !== 'LOC' || !isNameWord(words[before]!)) return;
  setSpan(tags, spanStart(tags, before), spanEnd(tags, head), 'ORG');
}

/**
 * "a senior Biden administration official": a capitalised name right before "administration",
 * "government" or "campaign" is the leader (CoNLL tags "Clinton administration" PER), unless it
 * is a listed place or people ("Kabul government", "British government") or the model reads
 * the word alone as the type it gave ("Labour government" stays ORG).
 */
function tagLeadersBeforeGovernment(sentence: PreparedSentence, tags: Uint8Array, scorer: TagScorer): void {
  const { words, normalized, casingHabits, gazetteerLabels } = sentence;
  for (let index = 0; index + 1 < words.length; index += 1) {
    if (!LEADER_NOUNS.has(words[index + 1]!)) continue;
    const word = words[index]!;
    if (!isNameWord(word) || isAllCaps(word) || COMPOUND_ADJECTIVE.test(word)) continue;
    if (casingHabits[index] === 'L' && (index === 0 || !hasLetter(words[index - 1]!))) continue; // "The government", '" The government'
    const type = tagType(tags[index]!);
    // A nationality before "government" is caught by the lists below, so a MISC reading says nothing here ("Trump").
    if (type === 'PER' || (type && type !== 'MISC' && wordLeansTo(type, normalized[index]!, word, scorer))) continue;
    const start = type ? spanStart(tags, index) : index;
    if (type === 'ORG' && start < index) continue; // a name of several words is the organisation itself: "Khmer Rouge government"
    const lists = words[index + 1] === 'administration' ? PLACE_OR_PEOPLE_LIST_NO_CITY : PLACE_OR_PEOPLE_LIST;
    let listed = false;
    for (let at = start; at <= index; at += 1) listed ||= gazetteerLabels[at]!.some((label) => lists.test(label));
    if (!listed) setSpan(tags, start, index + 1, 'PER');
  }
}

const scratchScores = new Float64Array(TAG_COUNT);

/** The model's reading of the word alone, without context: does it score B-type above B-PER? */
function wordLeansTo(type: EntityType, norm: string, word: string, scorer: TagScorer): boolean {
  scratchScores.fill(0);
  scorer.addScores([featureBucket(`w=${norm}`), featureBucket(`W=${word}`)], 0, 2, scratchScores);
  return scratchScores[beginTag(type)]! > scratchScores[beginTag('PER')]!;
}

/** Agency codes in capitals, hyphenated for joint credits ("EPA-EFE", "AFP", "REUTERS"). */
const AGENCY = /^\p{Lu}[\p{Lu}-]*\p{Lu}$/u;
/** A photographer's name word, in capitals or Capitalised ("CLEMENS", "Mohammed", "O'NEILL"). */
const CREDITED_NAME = /^\p{Lu}[\p{L}'’.-]*$/u;
const MAX_CREDITED_NAME_WORDS = 4;
/** What may stand between a caption and its credit when no sentence break does: "Photo: AP/JOHN SMITH", "… | REUTERS/Ammar Awad". */
const CREDIT_SEPARATOR = /^[:|(–—-]$/u;

/** "… in Berlin, Germany. EPA-EFE/CLEMENS BILAN": at a caption's end, AGENCY/PHOTOGRAPHER credits an organisation and a person. */
function tagCreditLine(sentence: PreparedSentence, tags: Uint8Array, startsLine: boolean): void {
  const { words } = sentence;
  for (let slash = words.length - 2; slash >= 1 && slash >= words.length - 1 - MAX_CREDITED_NAME_WORDS; slash -= 1) {
    if (words[slash] !== '/') continue;
    const agency = words[slash - 1]!;
    const name = words.slice(slash + 1);
    if (!AGENCY.test(agency) || !name.every((word) => CREDITED_NAME.test(word))) return;
    // A credit follows its caption: after a sentence break or a separator on the same line, never as a line of its own.
    const opensLine = startsLine && slash <= 2; // "- ASIA/PACIFIC" in a table opens its line with a bullet
    if (opensLine || (slash >= 2 && !CREDIT_SEPARATOR.test(words[slash - 2]!))) return;
    setSpan(tags, slash - 1, slash, 'ORG');
    tags[slash] = OUTSIDE;
    setSpan(tags, slash + 1, words.length, 'PER');
    return;
  }
}
