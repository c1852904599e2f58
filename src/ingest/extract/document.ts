import type { Dateline, SourceDocument } from '../formats/source-document.js';
import { splitIntoSentences, tokenizeNews } from '../ner/tokenizer.js';
import { extractClaims, type ClaimCandidate } from './claims.js';
import { extractEntities, type EntityMention } from './entities.js';
import { completeDefinedNames } from './entity-clusters.js';
import { extractEvents, type EventCandidate, type TextRange } from './events.js';
import { resolveArticlePlaces } from './place-resolution.js';
import { extractSources, type Attribution, type SourceCandidate } from './sources.js';
import { extractTimexes } from './timex.js';
import type { Timex } from './timex/types.js';
import { nameKey } from '../../graph/names.js';

/** What extraction finds in one article; every span points into `text`. */
export interface ExtractedDocument {
  source: string;
  format: SourceDocument['format'];
  url?: string;
  publishedAt: string;
  publisher?: string;
  byline?: string;
  dateline?: Dateline;
  /** The place a dateline outside the text names ("GENEVA" of a TimeML `<DCT>`), and its reading when it has one. */
  filedFrom?: { name: string; gazetteerId?: string };
  title: string | null;
  text: string;
  timexes: Timex[];
  /** Named entities: people, organisations and places, each place with its reading (gazetteerId, coordinates...). */
  entities: EntityMention[];
  /**
   * Mentions of a place that are no names of their own, resolved like the named ones: demonyms ("Turkish troops":
   * Turkey) and the place an institution's name opens ("Kentucky State Police": Kentucky). The graph stores them
   * as place mentions; scored with named places, they are the server's view.
   */
  placeMentions: EntityMention[];
  sources: SourceCandidate[];
  /** Which source vouches for which span of text (narrowest first). */
  attributions: Attribution[];
  /** Index into `sources` of the publisher: the source of what no attribution covers. */
  publisherSource?: number;
  claims: ClaimCandidate[];
  events: EventCandidate[];
  /** The lead: the first sentence after the dateline, where a wire report tells the news it is filed from. */
  lead?: TextRange;
}

export interface ExtractOptions {
  /** Skip named-entity recognition (it dominates the cost when only dates are wanted). */
  entities?: boolean;
}

function sentenceRanges(text: string): TextRange[] {
  return splitIntoSentences(text, tokenizeNews(text)).map((tokens) => ({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }));
}

/** Runs every extractor over one article. Pure: no database, no I/O beyond the models loaded once. */
export function extractDocument(document: SourceDocument, options: ExtractOptions = {}): ExtractedDocument {
  const { text } = document;
  // A publisher given as " ", "\u200b" or "!!!" has no letter or digit to be known by (an empty name key): it names
  // no one, and as a source and organisation it failed the store, which found no name to resolve it by. No publisher.
  const publisher = document.publisher && nameKey(document.publisher) ? document.publisher : undefined;
  const timexes = extractTimexes(text, document.publishedAt);
  const places = options.entities === false
    ? { entities: [] }
    : resolveArticlePlaces({
      text,
      entities: completeDefinedNames(text, extractEntities(text)),
      ...(document.dateline ? { dateline: document.dateline } : {}),
      ...(document.filedFrom ? { filedFrom: document.filedFrom } : {}),
      ...(publisher ? { publisher } : document.url ? { publisher: document.url } : {}),
    });
  // Demonyms and the places inside institutions' names mention places without being named entities themselves.
  const entities = places.entities.filter((entity) => !entity.placeOnly);
  const placeMentions = places.entities.filter((entity) => entity.placeOnly);
  const found = extractSources(text, entities, publisher ? { publisher } : {});
  const claims = extractClaims(text, found);
  const sentences = sentenceRanges(text);
  const events = extractEvents({
    text,
    publishedOn: document.publishedAt.slice(0, 10),
    sentences,
    timexes,
    entities,
    ...(document.dateline ? { exclude: [document.dateline] } : {}),
  });
  const extracted: ExtractedDocument = {
    source: document.source,
    format: document.format,
    publishedAt: document.publishedAt,
    title: document.title ?? null,
    text,
    timexes,
    entities,
    placeMentions,
    sources: found.sources,
    attributions: found.attributions,
    claims,
    events,
  };
  const lead = sentences.find((sentence) => sentence.end > (document.dateline?.end ?? 0));
  if (lead) extracted.lead = lead;
  if (found.publisher !== undefined) extracted.publisherSource = found.publisher;
  if (document.url) extracted.url = document.url;
  if (publisher) extracted.publisher = publisher;
  if (document.byline) extracted.byline = document.byline;
  if (document.dateline) extracted.dateline = document.dateline;
  if (document.filedFrom) {
    const reading = 'filedFrom' in places ? places.filedFrom : undefined;
    extracted.filedFrom = { name: document.filedFrom, ...(reading ? { gazetteerId: reading.gazetteerId } : {}) };
  }
  return extracted;
}
