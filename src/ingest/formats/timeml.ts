import { InputError } from './input-error.js';
import { isValidPublicationDate, normalisePublicationDate } from './publication-date.js';
import type { SourceDocument } from './source-document.js';
import { decodeXmlEntities, findXmlNestingProblem, stripTags } from './xml-text.js';

/**
 * Reads a TimeML (.tml) news document: `<DCT>` gives the publication date, `<TEXT>` the body.
 * `text` is exactly `<TEXT>` with every tag removed and entities decoded, because gold offsets are counted in it.
 */
export function parseTimeMLDocument(content: string, source: string): SourceDocument {
  const nestingProblem = findXmlNestingProblem(content);
  if (nestingProblem) throw new InputError(source, `malformed XML, ${nestingProblem}`);

  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(content);
  if (!body || body[1] === undefined) throw new InputError(source, 'no <TEXT> element (a TimeML document needs its body in <TEXT>…</TEXT>)');

  const dct = /<DCT>([\s\S]*?)<\/DCT>/.exec(content);
  if (!dct || dct[1] === undefined) throw new InputError(source, 'no <DCT> element, so the publication date is unknown');
  const dctTimex = /<TIMEX3\b([^>]*)>/.exec(dct[1]);
  if (!dctTimex) throw new InputError(source, '<DCT> has no TIMEX3 inside it, so the publication date is unknown');
  const value = /\bvalue\s*=\s*"([^"]*)"/.exec(dctTimex[1] ?? '')?.[1];
  if (value === undefined) throw new InputError(source, '<DCT> has no TIMEX3 value attribute');
  const publishedAt = normalisePublicationDate(value);
  if (!isValidPublicationDate(publishedAt))
    throw new InputError(source, `<DCT> TIMEX3 value "${value}" is not a publication date (expected YYYY-MM-DD)`);

  const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(content)?.[1];
  const docId = /<DOCID>([\s\S]*?)<\/DOCID>/.exec(content)?.[1];
  // AFP/Xinhua DCTs read "KUALA LUMPUR, April 1, 1997 (AFP)": the parenthesis names the agency.
  const dctText = decodeXmlEntities(stripTags(dct[1])).trim();
  const agency = /\(([A-Za-z][\w .-]{0,30})\)\s*$/.exec(dctText)?.[1];
  // The words before the first comma, when they read as a place name in capitals ("KUALA LUMPUR", "UNITED NATIONS").
  const filedFrom = /^([\p{Lu}][\p{Lu}\p{M} .'-]{1,40}),/u.exec(dctText)?.[1]?.trim();

  const document: SourceDocument = { source, format: 'timeml', publishedAt, text: stripTags(body[1]) };
  const cleanTitle = title === undefined ? undefined : stripTags(title).trim();
  if (cleanTitle) document.title = cleanTitle;
  if (docId) document.url = `timeml:${decodeXmlEntities(docId.trim())}`;
  if (agency) document.publisher = agency;
  if (filedFrom) document.filedFrom = filedFrom;
  return document;
}
