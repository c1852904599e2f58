// Within one article, the mentions that name the same person, organisation or place: "Joe Biden" and a
// later "Biden"; "Israel Defense Forces" and "IDF"; "WASHINGTON" and "Washington".
import { nameKey } from '../../graph/names.js';
import { lendsInitials, type EntityKind, type EntityMention } from './entities.js';

export interface EntityCluster {
  kind: EntityKind;
  /** The fullest form of the name the article uses, in normal case. */
  name: string;
  /** Every distinct surface form, the name first. */
  names: string[];
  /** Indexes into the mention list. */
  mentions: number[];
  /** The first title cut off one of its mentions ("Sinn Fein President"). */
  title?: string;
}

const lowercaseParticles = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'bin', 'van', 'von', 'der']);

/** "CLEMENS BILAN" → "Clemens Bilan"; names already in mixed case are left as written. */
export function normalCaseName(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').replace(/['’]s$/, '').trim();
  if (trimmed !== trimmed.toUpperCase() || !/\p{Lu}{2}/u.test(trimmed)) return trimmed;
  // Short all-capital words are acronyms (IDF, U.S.), kept as they are.
  if (/^[\p{Lu}.\-&]{2,6}$/u.test(trimmed)) return trimmed;
  return trimmed
    .toLowerCase()
    .split(' ')
    .map((word, index) => (index > 0 && lowercaseParticles.has(word) ? word : word.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())))
    .join(' ');
}

/** "United Nations" → "UN"; "Agence France-Presse" → "AFP"; "US Navy" → "USN": first letters of the words that are not particles, acronyms whole. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word && !lowercaseParticles.has(word.toLowerCase()))
    .map((word) => (isAcronym(word) ? word.replace(/[^A-Z]/g, '') : word[0]!.toUpperCase()))
    .join('');
}

/** "UN", "U.S.", "AT&T": a name written as capitals. */
export function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z.&]{1,7}$/.test(text.replace(/\./g, '')) && text.replace(/[^A-Z]/g, '').length >= 2;
}

/** Whether a one-word name key is the last word of a full name key, or its first word ("mobutu" of "mobutu sese seko", "hu" of "hu jintao"). */
function namesPart(fullKey: string, wordKey: string): boolean {
  const words = fullKey.split(' ');
  if (words.length < 2) return false;
  return words.at(-1) === wordKey || (words[0] === wordKey && !lowercaseParticles.has(wordKey));
}

/** The letters of an acronym or of a name's initials, in alphabetical order: "MRTA" and "Tupac Amaru Revolutionary Movement" both give AMRT. */
function sortedLetters(letters: string): string {
  return letters.replace(/[^A-Za-z]/g, '').toUpperCase().split('').sort().join('');
}

/** Words of a state's own name rather than an institution's. */
const STATE_NAME = /\b(?:Republic|Kingdom|Emirates|States|Principality|Sultanate|Confederation)\b/;

/** Words that open a sentence or a phrase without being part of the name after them ("The", "In"). */
const NOT_NAME_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'of', 'for', 'by', 'and', 'but', 'with', 'from', 'to']);
/** A capitalised word and the spaces after it, at the end of the text before a name. */
const CAPITALISED_WORD_BEFORE = /(\p{Lu}[\p{L}'’-]*)[^\S\n]+$/u;

/**
 * The acronyms an article defines in parentheses right after an organisation's name: "the Tupac Amaru
 * Revolutionary Movement (MRTA)" (Schwartz and Hearst 2003, "long form (short form)"). The acronym may be of the
 * name in another language, whose words come in another order (the Spanish "Movimiento Revolucionario Tupac
 * Amaru"), but it must have the name's initials in some order, so that a parenthesis holding something else ("the
 * ministry (AFP)") defines nothing. Returns, for the index of each defining acronym, the index of its name.
 */
export function acronymDefinitions(mentions: readonly EntityMention[], text: string): Map<number, number> {
  const definitions = new Map<number, number>();
  mentions.forEach((acronym, acronymIndex) => {
    if (!isAcronym(acronym.text)) return;
    const nameIndex = mentionBefore(mentions, acronym);
    if (nameIndex === undefined || !definesAcronym(mentions[nameIndex]!, acronym, text)) return;
    if (sortedLetters(mentions[acronymIndex]!.text) === sortedLetters(initials(normalCaseName(mentions[nameIndex]!.text)))) definitions.set(acronymIndex, nameIndex);
  });
  return definitions;
}

/** The mention that ends last before `mention` starts, the longest of those ending there ("Colombia" inside a name is not it). */
function mentionBefore(mentions: readonly EntityMention[], mention: EntityMention): number | undefined {
  let best: number | undefined;
  mentions.forEach((other, index) => {
    if (other.end > mention.start) return;
    const current = best === undefined ? undefined : mentions[best]!;
    if (!current || other.end > current.end || (other.end === current.end && other.start < current.start)) best = index;
  });
  return best;
}

/** "Name (ACRONYM)": an organisation's name, an opening parenthesis, an acronym and the closing one. */
function definesAcronym(name: EntityMention, acronym: EntityMention, text: string): boolean {
  return (
    name.kind === 'ORGANIZATION' &&
    // A country the tagger took for an organisation ("the Democratic People's Republic of Korea (DPRK)") defines
    // no organisation's acronym.
    !STATE_NAME.test(name.text) &&
    !isAcronym(name.text) &&
    isAcronym(acronym.text) &&
    text[acronym.end] === ')' &&
    /^[^\S\n]*\($/.test(text.slice(name.end, acronym.start))
  );
}

/**
 * Repairs what an acronym's definition shows the tagger got wrong: a name cut short of its first words ("Tupac"
 * of "Tupac Amaru Revolutionary Movement (MRTA)", when the capitalised words before the name complete the
 * acronym's letters) or grown by words before it ("UN World Food Programme (WFP)"), and the acronym, wherever the article uses it,
 * taken for a place or a person. Mentions the completed name covers are dropped.
 */
export function completeDefinedNames(text: string, mentions: EntityMention[]): EntityMention[] {
  const dropped = new Set<EntityMention>();
  const definedAcronyms = new Set<string>();
  for (const acronym of mentions) {
    if (!isAcronym(acronym.text)) continue;
    const nameIndex = mentionBefore(mentions, acronym);
    const name = nameIndex === undefined ? undefined : mentions[nameIndex]!;
    if (!name || !definesAcronym(name, acronym, text)) continue;
    const letters = sortedLetters(acronym.text);
    let start = name.start;
    let found = sortedLetters(initials(normalCaseName(name.text))) === letters;
    for (let words = 0; !found && words < letters.length; words += 1) {
      const before = CAPITALISED_WORD_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
      if (!before || NOT_NAME_WORDS.has(before[1]!.toLowerCase())) break;
      start -= before[0].length;
      found = sortedLetters(initials(normalCaseName(text.slice(start, name.end)))) === letters;
    }
    // Or words before the name the tagger took into it: "UN", "Philippines-based" (the acronym then keeps the
    // order of the words left), or an ideology ("the Marxist Tupac Amaru Revolutionary Movement").
    if (!found) start = name.start;
    const words = name.text.split(/(?<=\s)(?=\S)/);
    for (let dropped = 1; !found && dropped < words.length - 1; dropped += 1) {
      const rest = words.slice(dropped).join('');
      if (!/^\p{Lu}/u.test(rest)) continue;
      const restInitials = initials(normalCaseName(rest)).toUpperCase();
      const ideologyOnly = words.slice(0, dropped).every((word) => /ists?\s*$/.test(word));
      if (restInitials === acronym.text.replace(/[^A-Za-z]/g, '').toUpperCase() || (ideologyOnly && sortedLetters(restInitials) === letters)) {
        start = name.start + words.slice(0, dropped).join('').length;
        found = true;
      }
    }
    if (!found) continue;
    if (start !== name.start) {
      for (const other of mentions) if (other !== name && other.start >= start && other.end <= name.start) dropped.add(other);
      name.start = start;
      name.text = text.slice(start, name.end);
    }
    definedAcronyms.add(nameKey(acronym.text));
  }
  const kept = mentions.filter((mention) => !dropped.has(mention));
  for (const mention of kept) {
    if (mention.kind !== 'ORGANIZATION' && isAcronym(mention.text) && definedAcronyms.has(nameKey(mention.text))) {
      mention.kind = 'ORGANIZATION';
      delete mention.title;
    }
  }
  return kept;
}

/**
 * Groups an article's mentions into the entities they name. With the article's text, an acronym the text defines
 * in parentheses joins the name that defines it, whatever kind the tagger gave the acronym.
 */
export function clusterEntities(mentions: EntityMention[], text?: string): EntityCluster[] {
  const definitions = text === undefined ? new Map<number, number>() : acronymDefinitions(mentions, text);
  // Once defined, the acronym is that organisation's wherever the article uses it again.
  const definingMentionOfKey = new Map([...definitions].map(([acronym, name]) => [nameKey(mentions[acronym]!.text), name]));
  const definingMention = (mention: EntityMention): number | undefined => (isAcronym(mention.text) ? definingMentionOfKey.get(nameKey(mention.text)) : undefined);
  const clusterOfMention = new Map<number, EntityCluster & { keys: Set<string> }>();
  const clusters: (EntityCluster & { keys: Set<string> })[] = [];
  const byKindAndKey = new Map<string, EntityCluster & { keys: Set<string> }>();
  // Longer names first, so "Biden" finds "Joe Biden" and "IDF" finds "Israel Defense Forces".
  const order = mentions.map((mention, index) => ({ mention, index })).sort((a, b) => b.mention.text.length - a.mention.text.length || a.index - b.index);
  // Names before the acronyms they define, so that the acronym finds its name's cluster.
  order.sort((a, b) => Number(definingMention(a.mention) !== undefined) - Number(definingMention(b.mention) !== undefined));
  for (const { mention, index } of order) {
    const name = normalCaseName(mention.institution ?? mention.text);
    const key = nameKey(name);
    if (!key) continue;
    const definedBy = definingMention(mention);
    let cluster = definedBy === undefined ? byKindAndKey.get(`${mention.kind}|${key}`) : clusterOfMention.get(definedBy);
    if (!cluster && mention.kind === 'PERSON' && !key.includes(' ')) {
      // One name of a full name: the surname ("Biden"), or the family name written first ("Mobutu" of
      // "Mobutu Sese Seko", "Hu" of "Hu Jintao"). Of two people it could be, the one the article names first
      // is the one it is about ("President Mobutu Sese Seko" before his son "Nzanga Mobutu").
      const named = clusters.filter((other) => other.kind === 'PERSON' && [...other.keys].some((k) => namesPart(k, key)));
      cluster = named.sort((a, b) => Math.min(...a.mentions) - Math.min(...b.mentions))[0];
    }
    if (!cluster && mention.kind === 'ORGANIZATION' && isAcronym(mention.text)) {
      const letters = mention.text.replace(/[^A-Za-z]/g, '').toUpperCase();
      const byInitials = clusters.filter((other) => other.kind === 'ORGANIZATION' && other.names.some((n) => initials(n) === letters && lendsInitials(n)));
      if (byInitials.length === 1) cluster = byInitials[0];
    }
    if (!cluster) {
      cluster = { kind: mention.kind, name, names: [], mentions: [], keys: new Set() };
      clusters.push(cluster);
    }
    if (!cluster.keys.has(key)) {
      cluster.keys.add(key);
      cluster.names.push(name);
    }
    byKindAndKey.set(`${cluster.kind}|${key}`, cluster);
    clusterOfMention.set(index, cluster);
    cluster.mentions.push(index);
    if (mention.title && (cluster.title === undefined || index < cluster.mentions[0]!)) cluster.title = mention.title;
  }
  return clusters
    .map(({ keys: _keys, ...cluster }) => ({ ...cluster, mentions: cluster.mentions.sort((a, b) => a - b) }))
    .sort((a, b) => a.mentions[0]! - b.mentions[0]!);
}
