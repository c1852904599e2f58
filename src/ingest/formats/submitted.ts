import { InputError } from './input-error.js';
import { parseJsonDocuments } from './json.js';
import { isValidPublicationDate } from './publication-date.js';
import type { SourceDocument } from './source-document.js';
import { findDateline, parsePlainTextArticle } from './text.js';
import { parseTimeMLDocument } from './timeml.js';
import { MAX_INPUT_BYTES } from './index.js';

export interface SubmittedArticle {
  format: 'text' | 'json' | 'timeml';
  content: string;
  /** For plain text without a `date` header line; YYYY-MM-DD or an ISO timestamp. */
  publishedAt?: string | null;
  url?: string | null;
  title?: string | null;
  publisher?: string | null;
}

/** An article sent over the API rather than read from a file; errors name the field at fault. */
export function readSubmittedArticle(submitted: SubmittedArticle, source = 'input.content'): SourceDocument {
  if (Buffer.byteLength(submitted.content, 'utf8') > MAX_INPUT_BYTES) {
    throw new InputError(source, `the article is over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit`);
  }
  if (submitted.content.trim() === '') throw new InputError(source, 'the article is empty');
  let document: SourceDocument;
  if (submitted.format === 'json') {
    const documents = parseJsonDocuments(submitted.content, source);
    if (documents.length !== 1) throw new InputError(source, `expected one article object, found ${documents.length}`);
    document = documents[0]!;
  } else if (submitted.format === 'timeml') {
    document = parseTimeMLDocument(submitted.content, source);
  } else if (submitted.publishedAt != null) {
    if (!isValidPublicationDate(submitted.publishedAt)) {
      throw new InputError('input.publishedAt', `"${submitted.publishedAt}" is not a date: use YYYY-MM-DD or an ISO 8601 timestamp`);
    }
    const text = submitted.content.replace(/\s+$/, '\n');
    document = { source, format: 'text', publishedAt: submitted.publishedAt, text };
    const dateline = findDateline(text);
    if (dateline) {
      document.dateline = dateline;
      if (dateline.agency) document.publisher = dateline.agency;
    }
  } else {
    document = parsePlainTextArticle(submitted.content, source);
  }
  if (submitted.url) document.url = submitted.url;
  if (submitted.title) document.title = submitted.title;
  if (submitted.publisher) document.publisher = submitted.publisher;
  return document;
}
