// Scoring of extracted events against the event gold: one-to-one matching at stacked levels (span, type, date,
// place), and B³ / MUC over cross-article clusters. Pure functions, so tests can pin them on made-up inputs.
import type { GoldDate, GoldEvent } from './gold-format.js';

export interface Span {
  start: number;
  end: number;
}

/** What the scorer needs of one system event. */
export interface SystemEvent {
  /** Index of the event in the article's extraction, for reports. */
  id: number;
  type: string;
  title: string;
  date: { startsOn: string; endsOn: string; precision: string };
  /** The word the extractor took as the trigger, when it says. */
  trigger?: Span;
  /** The spans its mentions cover (sentences, in this extractor). */
  mentions: Span[];
  /** Names (and aliases) of every place linked to the event, any role. */
  placeNames: string[][];
}

export const LEVELS = ['span', 'type', 'date', 'place'] as const;
export type Level = (typeof LEVELS)[number];

export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** How well a system event's spans cover a gold event's mentions: whether its trigger hits one, and by how many characters. */
export function overlapOf(system: SystemEvent, gold: GoldEvent): { trigger: boolean; chars: number } {
  const trigger = system.trigger !== undefined && gold.mentions.some((mention) => overlapLength(system.trigger!, mention) > 0);
  let chars = 0;
  for (const mention of gold.mentions) chars += Math.max(0, ...[...system.mentions, ...(system.trigger ? [system.trigger] : [])].map((span) => overlapLength(span, mention)));
  return { trigger, chars };
}

/**
 * The gold day or range and the system's agree at day level:
 * - undated gold (the text gives no date): any system date;
 * - a gold single day: the system's precision is DAY and its range contains that day;
 * - a gold range or a coarser precision (month, year, week): the system's range lies within the gold range.
 */
export function datesAgree(gold: GoldDate & { undated?: boolean }, system: SystemEvent['date']): boolean {
  if (gold.undated) return true;
  if (gold.startsOn === gold.endsOn && gold.precision === 'DAY')
    return system.precision === 'DAY' && system.startsOn <= gold.startsOn && gold.startsOn <= system.endsOn;
  return system.startsOn >= gold.startsOn && system.endsOn <= gold.endsOn;
}

// Names that denote one place and do not fold to one key by case, accents and punctuation.
const PLACE_ALIASES: string[][] = [
  ['united states', 'us', 'usa', 'united states of america', 'america'],
  ['united kingdom', 'uk', 'britain', 'great britain'],
  ['russia', 'russian federation'],
  ['mecca', 'makkah'],
  ['medina', 'madinah'],
  ['vlore', 'vlora'],
  ['durres', 'durazzo'],
  ['zaire', 'democratic republic of the congo', 'dr congo'],
  ['bosnia', 'bosnia and herzegovina', 'bosnia hercegovina'],
];
const aliasKey = new Map(PLACE_ALIASES.flatMap((names) => names.map((name) => [name, names[0]!] as const)));

/** A place name folded for comparison: case, accents, punctuation and a leading "the" dropped, then the alias table. */
export function placeKey(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dots join abbreviations ("U.S." → "us") rather than split them.
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
  return aliasKey.get(folded) ?? folded;
}

/** The gold's LOCATION places and the system event's places share a name; a gold event without a LOCATION passes. */
export function placesAgree(gold: GoldEvent, system: SystemEvent): boolean {
  const wanted = gold.places.filter((place) => place.role === 'LOCATION').map((place) => placeKey(place.name));
  if (wanted.length === 0) return true;
  const offered = new Set(system.placeNames.flat().map(placeKey));
  return wanted.some((key) => offered.has(key));
}

/** Whether a pair that overlaps also passes the level (levels stack: date includes type, place includes date). */
export function passes(level: Level, gold: GoldEvent, system: SystemEvent): boolean {
  if (level === 'span') return true;
  if (system.type !== gold.type) return false;
  if (level === 'type') return true;
  if (!datesAgree({ ...gold.date, ...(gold.undated ? { undated: true } : {}) }, system.date)) return false;
  if (level === 'date') return true;
  return placesAgree(gold, system);
}

export interface Pair {
  gold: number;
  system: number;
}

/**
 * The best one-to-one matching between gold and system events: as many pairs as possible (so a system event that
 * overlaps two gold events counts for one, and the count cannot fall when a level accepts more pairs), and among
 * those the pairs that agree best: a system trigger inside a gold mention first, then more overlapping characters.
 * Solved exactly as an assignment problem (Hungarian algorithm); articles hold a few dozen events at most.
 */
export function matchOneToOne(golds: readonly GoldEvent[], systems: readonly SystemEvent[], level: Level): Pair[] {
  // Any pair outweighs every preference summed, so the number of pairs comes first.
  const PAIR = 1e7;
  const weights = golds.map((gold) =>
    systems.map((system) => {
      const overlap = overlapOf(system, gold);
      if (overlap.chars === 0 || !passes(level, gold, system)) return 0;
      return PAIR + (overlap.trigger ? 10_000 : 0) + Math.min(overlap.chars, 9_999);
    }),
  );
  return maximumWeightAssignment(weights)
    .filter(({ gold, system }) => weights[gold]![system]! > 0)
    .sort((a, b) => a.gold - b.gold);
}

/**
 * The pairing used to say what went wrong: every overlapping pair may match (as at the span level), and among the
 * largest matchings the one whose pairs agree on most levels (type, date, place), then on triggers and overlap, so a
 * sentence's one system event is judged against the gold event it was most likely meant for.
 */
export function matchForDiagnosis(golds: readonly GoldEvent[], systems: readonly SystemEvent[]): Pair[] {
  const PAIR = 1e8;
  const weights = golds.map((gold) =>
    systems.map((system) => {
      const overlap = overlapOf(system, gold);
      if (overlap.chars === 0) return 0;
      const agreement = LEVELS.slice(1).filter((level) => passes(level, gold, system)).length;
      return PAIR + agreement * 100_000 + (overlap.trigger ? 10_000 : 0) + Math.min(overlap.chars, 9_999);
    }),
  );
  return maximumWeightAssignment(weights)
    .filter(({ gold, system }) => weights[gold]![system]! > 0)
    .sort((a, b) => a.gold - b.gold);
}

/** Rows to columns, one-to-one, maximising the summed weight (Kuhn–Munkres with potentials, on a square padding). */
export function maximumWeightAssignment(weights: readonly (readonly number[])[]): Pair[] {
  const rows = weights.length;
  const columns = Math.max(0, ...weights.map((row) => row.length));
  const size = Math.max(rows, columns);
  if (size === 0) return [];
  const top = Math.max(0, ...weights.flat());
  const cost = (row: number, column: number) => top - (weights[row - 1]?.[column - 1] ?? 0);
  const u = new Array<number>(size + 1).fill(0);
  const v = new Array<number>(size + 1).fill(0);
  const rowOfColumn = new Array<number>(size + 1).fill(0);
  const way = new Array<number>(size + 1).fill(0);
  for (let row = 1; row <= size; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const least = new Array<number>(size + 1).fill(Infinity);
    const used = new Array<boolean>(size + 1).fill(false);
    do {
      used[column] = true;
      const current = rowOfColumn[column]!;
      let delta = Infinity;
      let next = 0;
      for (let candidate = 1; candidate <= size; candidate++) {
        if (used[candidate]) continue;
        const reduced = cost(current, candidate) - u[current]! - v[candidate]!;
        if (reduced < least[candidate]!) {
          least[candidate] = reduced;
          way[candidate] = column;
        }
        if (least[candidate]! < delta) {
          delta = least[candidate]!;
          next = candidate;
        }
      }
      for (let candidate = 0; candidate <= size; candidate++) {
        if (used[candidate]) {
          u[rowOfColumn[candidate]!]! += delta;
          v[candidate]! -= delta;
        } else least[candidate]! -= delta;
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = way[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const pairs: Pair[] = [];
  for (let column = 1; column <= size; column++) {
    const row = rowOfColumn[column]!;
    if (row <= rows && column <= columns) pairs.push({ gold: row - 1, system: column - 1 });
  }
  return pairs;
}

export interface Counts {
  gold: number;
  system: number;
  matched: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function score(counts: Counts): Score {
  const precision = counts.system ? counts.matched / counts.system : 0;
  const recall = counts.gold ? counts.matched / counts.gold : 0;
  return { ...counts, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { gold: a.gold + b.gold, system: a.system + b.system, matched: a.matched + b.matched };
}

/** One item to cluster: its gold cluster and the system cluster it landed in. */
export interface ClusterItem {
  gold: string;
  system: string;
}

function groups(items: readonly ClusterItem[], by: 'gold' | 'system'): Map<string, number[]> {
  const grouped = new Map<string, number[]>();
  items.forEach((item, index) => grouped.set(item[by], [...(grouped.get(item[by]) ?? []), index]));
  return grouped;
}

/** B³ (Bagga & Baldwin 1998): per item, the share of its system cluster that is its gold cluster, and the reverse, averaged. */
export function bCubed(items: readonly ClusterItem[]): { precision: number; recall: number; f1: number } {
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const gold = groups(items, 'gold');
  const system = groups(items, 'system');
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const inGold = gold.get(item.gold)!;
    const inSystem = system.get(item.system)!;
    const both = inSystem.filter((index) => items[index]!.gold === item.gold).length;
    precision += both / inSystem.length;
    recall += both / inGold.length;
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** MUC (Vilain et al. 1995): links kept, counted as cluster size minus the parts the other side splits it into. */
export function muc(items: readonly ClusterItem[]): { precision: number; recall: number; f1: number } {
  const linkScore = (key: 'gold' | 'system', other: 'gold' | 'system') => {
    let found = 0;
    let possible = 0;
    for (const members of groups(items, key).values()) {
      const parts = new Set(members.map((index) => items[index]![other])).size;
      found += members.length - parts;
      possible += members.length - 1;
    }
    return possible ? found / possible : 0;
  };
  const recall = linkScore('gold', 'system');
  const precision = linkScore('system', 'gold');
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
