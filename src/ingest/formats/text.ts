import { InputError } from './input-error.js';
import { isValidPublicationDate } from './publication-date.js';
import type { Dateline, SourceDocument } from './source-document.js';

// "date 2023-11-04 Reading Time: 2 minutes": whatever follows the date is page furniture, not the story.
const DATE_LINE = /^\s*date\s*:?\s+(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b/i;
// "WASHINGTON (Reuters) –", "GAZA CITY, Nov 3 (AP) -", "BERLIN –": upper-case place, optional agency, a dash.
const DATELINE =
  /^([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:, [A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*)*)?)(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\(([^()\n]{1,40})\))?\s*[–—-]{1,2}\s/;

/**
 * Reads a plain-text article: first line `date YYYY-MM-DD …`, an optional title line,
 * then paragraphs, the first of which may open with a dateline.
 */
export function parsePlainTextArticle(content: string, source: string): SourceDocument {
  const lines = content.split('\n');
  const firstLineIndex = lines.findIndex((line) => line.trim() !== '');
  const firstLine = lines[firstLineIndex] ?? '';
  const dateMatch = DATE_LINE.exec(firstLine);
  if (!dateMatch || dateMatch[1] === undefined)
    throw new InputError(source, `line ${firstLineIndex + 1}: expected the publication date first, as "date YYYY-MM-DD", found "${firstLine.trim().slice(0, 60)}"`);
  const publishedAt = dateMatch[1];
  if (!isValidPublicationDate(publishedAt)) throw new InputError(source, `line ${firstLineIndex + 1}: "${publishedAt}" is not a valid calendar date`);

  let bodyStartLine = firstLineIndex + 1;
  while (bodyStartLine < lines.length && lines[bodyStartLine]?.trim() === '') bodyStartLine++;

  // A title is a lone short line standing as its own paragraph that does not open with a dateline.
  let title: string | undefined;
  const candidate = lines[bodyStartLine]?.trim() ?? '';
  const nextLine = lines[bodyStartLine + 1];
  if (candidate && candidate.length <= 200 && !/[.,;:]$/.test(candidate) && !DATELINE.test(candidate) && (nextLine === undefined || nextLine.trim() === '')) {
    title = candidate;
    bodyStartLine++;
    while (bodyStartLine < lines.length && lines[bodyStartLine]?.trim() === '') bodyStartLine++;
  }

  const text = lines.slice(bodyStartLine).join('\n').replace(/\s+$/, '\n');
  if (text.trim() === '') throw new InputError(source, 'the article has a date line but no body text');

  const document: SourceDocument = { source, format: 'text', publishedAt, text };
  if (title) document.title = title;
  const dateline = findDateline(text);
  if (dateline) {
    document.dateline = dateline;
    if (dateline.agency) document.publisher = dateline.agency;
  }
  return document;
}

export function findDateline(text: string): Dateline | undefined {
  const leadingSpace = text.length - text.trimStart().length;
  const match = DATELINE.exec(text.slice(leadingSpace));
  if (!match || match[1] === undefined) return undefined;
  const dateline: Dateline = { place: match[1], start: leadingSpace, end: leadingSpace + match[0].trimEnd().length };
  if (match[2]) dateline.agency = match[2].trim();
  return dateline;
}
