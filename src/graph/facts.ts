// What one article says, as extracted facts ready to be stored in the graph.
// Extraction (src/ingest) produces this shape; src/graph/store-article.ts stores it. Every fact
// carries the character spans of the article text that support it.
import type {
  ClaimMetric,
  ClaimQualifier,
  DatePrecision,
  EventRelationKind,
  EventType,
  OrganizationKind,
  ParticipantRole,
  PlaceKind,
  PlaceRole,
  SourceKind,
} from '../db/generated/prisma/enums.js';

/** A span of the article text: `text` must equal `article.text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Facts refer to each other by a key local to the article ("p:blinken", "pl:gaza-city"). */
export type FactKey = string;

export interface ArticleFact {
  url?: string;
  title?: string;
  /** YYYY-MM-DD: the reference for every relative date in the text. */
  publishedOn: string;
  /** Full ISO timestamp, only when the article states the time. */
  publishedAt?: string;
  publisher?: FactKey;
  byline?: string;
  datelinePlace?: FactKey;
  text: string;
  format: 'text' | 'timeml' | 'json';
  sourcePath?: string;
}

export interface PersonFact {
  key: FactKey;
  name: string;
  aliases?: string[];
  description?: string;
  mentions: TextSpan[];
}

export interface OrganizationFact {
  key: FactKey;
  name: string;
  kind: OrganizationKind;
  aliases?: string[];
  description?: string;
  mentions: TextSpan[];
}

export interface PlaceFact {
  key: FactKey;
  name: string;
  kind: PlaceKind;
  aliases?: string[];
  latitude?: number;
  longitude?: number;
  countryCode?: string;
  /** The enclosing place, by key within the same article. */
  parent?: FactKey;
  /** Identity in a gazetteer ("geonames:281133"): the strongest evidence two places are one. */
  gazetteerId?: string;
  mentions: TextSpan[];
}

export interface SourceFact {
  key: FactKey;
  name: string;
  kind: SourceKind;
  aliases?: string[];
  description?: string;
  handle?: string;
  person?: FactKey;
  organization?: FactKey;
  mentions: TextSpan[];
}

export interface EventDateFact {
  /** YYYY-MM-DD, first day the date can denote. */
  startsOn: string;
  /** YYYY-MM-DD, last day the date can denote, inclusive. */
  endsOn: string;
  precision: DatePrecision;
  approximate?: boolean;
  /** The expression as written ("on Thursday"). */
  text?: string;
}

export interface EventMentionFact extends TextSpan {
  /** Who the article attributes this account to. */
  source?: FactKey;
}

export interface EventFact {
  key: FactKey;
  title: string;
  summary?: string;
  type: EventType;
  date: EventDateFact;
  places?: { place: FactKey; role: PlaceRole }[];
  people?: { person: FactKey; role: ParticipantRole }[];
  organizations?: { organization: FactKey; role: ParticipantRole }[];
  mentions: EventMentionFact[];
  relations?: { kind: EventRelationKind; to: FactKey }[];
  /** History the report recalls rather than its news; when left out, storage decides from the date (isBackgroundDate). */
  background?: boolean;
}

export interface ClaimFact {
  metric: ClaimMetric;
  value: number;
  qualifier: ClaimQualifier;
  subject?: string;
  event?: FactKey;
  place?: FactKey;
  sources: FactKey[];
  quote: TextSpan;
  /** YYYY-MM-DD; defaults to the article's publication day. */
  reportedOn?: string;
}

export interface ArticleFacts {
  article: ArticleFact;
  people: PersonFact[];
  organizations: OrganizationFact[];
  places: PlaceFact[];
  sources: SourceFact[];
  events: EventFact[];
  claims: ClaimFact[];
}
