import type { Dateline, SourceDocument } from '../formats/source-document.js';
import { extractEntities, type EntityMention } from './entities.js';
import { extractTimexes } from './timex.js';
import type { Timex } from './timex/types.js';

/** What extraction finds in one article; every span points into `text`. */
export interface ExtractedDocument {
  source: string;
  format: SourceDocument['format'];
  url?: string;
  publishedAt: string;
  publisher?: string;
  byline?: string;
  dateline?: Dateline;
  title: string | null;
  text: string;
  timexes: Timex[];
  entities: EntityMention[];
  /** Filled by the source, claim and event extractors (not written yet). */
  sources: unknown[];
  claims: unknown[];
  events: unknown[];
}

export interface ExtractOptions {
  /** Skip named-entity recognition (it dominates the cost when only dates are wanted). */
  entities?: boolean;
}

/** Runs every extractor over one article. Pure: no database, no I/O beyond the NER model loaded once. */
export function extractDocument(document: SourceDocument, options: ExtractOptions = {}): ExtractedDocument {
  const extracted: ExtractedDocument = {
    source: document.source,
    format: document.format,
    publishedAt: document.publishedAt,
    title: document.title ?? null,
    text: document.text,
    timexes: extractTimexes(document.text, document.publishedAt),
    entities: options.entities === false ? [] : extractEntities(document.text),
    sources: [],
    claims: [],
    events: [],
  };
  if (document.url) extracted.url = document.url;
  if (document.publisher) extracted.publisher = document.publisher;
  if (document.byline) extracted.byline = document.byline;
  if (document.dateline) extracted.dateline = document.dateline;
  return extracted;
}
