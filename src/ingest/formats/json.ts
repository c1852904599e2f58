import { InputError } from './input-error.js';
import { isValidPublicationDate } from './publication-date.js';
import type { SourceDocument } from './source-document.js';

/** Reads one JSON article, a JSON array of articles, or NDJSON (one article per line). `text` is kept unchanged. */
export function parseJsonDocuments(content: string, source: string): SourceDocument[] {
  const trimmed = content.trim();
  try {
    const whole: unknown = JSON.parse(trimmed);
    if (Array.isArray(whole)) return whole.map((item, index) => toSourceDocument(item, `${source}#${index + 1}`, source, `item ${index + 1}`));
    return [toSourceDocument(whole, source, source, undefined)];
  } catch (error) {
    if (error instanceof InputError) throw error;
    // Not one JSON value: read it as NDJSON below.
  }
  const documents: SourceDocument[] = [];
  const lines = content.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new InputError(source, `${where}: not valid JSON (${(error as Error).message})`);
    }
    documents.push(toSourceDocument(parsed, `${source}#${index + 1}`, source, where));
  });
  // A one-line NDJSON file is just a file: its documents are named by path alone.
  const only = documents.length === 1 ? documents[0] : undefined;
  if (only) only.source = source;
  return documents;
}

function toSourceDocument(value: unknown, documentSource: string, file: string, where: string | undefined): SourceDocument {
  const at = where ? `${where}: ` : '';
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(file, `${at}expected an article object { url, title, publishedAt, publisher, text }`);
  const article = value as Record<string, unknown>;
  const optionalString = (field: string): string | undefined => {
    const fieldValue = article[field];
    if (fieldValue === undefined || fieldValue === null) return undefined;
    if (typeof fieldValue !== 'string') throw new InputError(file, `${at}"${field}" must be a string`);
    return fieldValue;
  };
  const text = optionalString('text');
  if (text === undefined || text.trim() === '') throw new InputError(file, `${at}"text" is missing or empty`);
  const publishedAt = optionalString('publishedAt');
  if (publishedAt === undefined) throw new InputError(file, `${at}"publishedAt" is missing (expected YYYY-MM-DD or an ISO timestamp)`);
  if (!isValidPublicationDate(publishedAt))
    throw new InputError(file, `${at}"publishedAt" "${publishedAt}" is not a valid date (expected YYYY-MM-DD or an ISO timestamp)`);

  const document: SourceDocument = { source: documentSource, format: 'json', publishedAt, text };
  const url = optionalString('url');
  const title = optionalString('title');
  const publisher = optionalString('publisher');
  const byline = optionalString('byline');
  if (url) document.url = url;
  if (title) document.title = title;
  if (publisher) document.publisher = publisher;
  if (byline) document.byline = byline;
  return document;
}
