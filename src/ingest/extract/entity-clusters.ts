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

/** Groups an article's mentions into the entities they name. */
export function clusterEntities(mentions: EntityMention[]): EntityCluster[] {
  const clusters: (EntityCluster & { keys: Set<string> })[] = [];
  const byKindAndKey = new Map<string, EntityCluster & { keys: Set<string> }>();
  // Longer names first, so "Biden" finds "Joe Biden" and "IDF" finds "Israel Defense Forces".
  const order = mentions.map((mention, index) => ({ mention, index })).sort((a, b) => b.mention.text.length - a.mention.text.length || a.index - b.index);
  for (const { mention, index } of order) {
    const name = normalCaseName(mention.institution ?? mention.text);
    const key = nameKey(name);
    if (!key) continue;
    let cluster = byKindAndKey.get(`${mention.kind}|${key}`);
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
    byKindAndKey.set(`${mention.kind}|${key}`, cluster);
    cluster.mentions.push(index);
    if (mention.title && (cluster.title === undefined || index < cluster.mentions[0]!)) cluster.title = mention.title;
  }
  return clusters
    .map(({ keys: _keys, ...cluster }) => ({ ...cluster, mentions: cluster.mentions.sort((a, b) => a - b) }))
    .sort((a, b) => a.mentions[0]! - b.mentions[0]!);
}
