// The event gold's shapes, on disk and as labelled, and the loader the tests and the scorer share.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatePrecision, EventType, ParticipantRole, PlaceRole } from '../../src/db/generated/prisma/enums.js';

export const goldDir = resolve(import.meta.dirname, 'gold');
export const labelsDir = resolve(import.meta.dirname, 'labels');
/** The AFP corpus the gold reads in place (never copied into the project). */
export const defaultCorpusDir = resolve(import.meta.dirname, '../../../shared/datasets/afp-1997');
export const seedTextFile = resolve(import.meta.dirname, '../../examples/seed/000_09a13298e7180d8f.txt');

export type Split = 'tuning' | 'heldout';

/** A span of the article text as the project reads it: `text === article.text.slice(start, end)`. */
export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

export interface GoldPlace {
  /** As written in the text (or in the TimeML dateline, when `fromDateline`). */
  name: string;
  role: PlaceRole;
  /** The name comes from the dateline outside the text ("KINSHASA, April 13 (AFP)"), not from the text. */
  fromDateline?: boolean;
}

export interface GoldParticipant {
  name: string;
  role: ParticipantRole;
}

export interface GoldDate {
  startsOn: string;
  endsOn: string;
  precision: DatePrecision;
  approximate?: boolean;
}

export interface GoldEvent {
  /** Unique within the article. */
  key: string;
  /** The real-world event, shared by every gold article that mentions it. */
  cluster: string;
  type: EventType;
  date: GoldDate;
  /** Derived, not judged: the event ended more than 30 days before the report. */
  background: boolean;
  /** The text gives no date and no bound: `date` is then the report's day, approximate, and no system date is wrong. */
  undated?: boolean;
  places: GoldPlace[];
  participants: GoldParticipant[];
  mentions: GoldSpan[];
}

export interface GoldArticle {
  /** The file name inside the corpus ("AFP_ENG_19970414.0614.tml"), or the seed's path inside the project. */
  file: string;
  corpus: 'afp-1997' | 'seed';
  story: string;
  split: Split;
  publishedOn: string;
  /** sha1 of the text the offsets count in, so a changed reader fails loudly instead of shifting spans. */
  textSha1: string;
  textLength: number;
  events: GoldEvent[];
}

/** As hand-written in labels/*.json: trigger phrases instead of offsets, dates in a short form. */
export interface LabelledEvent {
  cluster: string;
  type: EventType;
  /** "1997-04-22" (day), "1997-04" (month), "1997" (year), "1997-04-21..1997-04-23" (day range), "undated". */
  on: string;
  approximate?: boolean;
  /** Only to say WEEK: a day range at week precision (the seed's "for over a week"). */
  precision?: 'WEEK';
  /** [name as written, role] or [name, role, "dateline"]. */
  places?: [string, PlaceRole, 'dateline'?][];
  participants?: [string, ParticipantRole][];
  /** "trigger" when unique in the text, else "trigger @ a longer context holding it once". */
  mentions: string[];
}

export interface LabelledArticle {
  file: string;
  events: LabelledEvent[];
}

export function readGold(directory = goldDir): GoldArticle[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as GoldArticle);
}
