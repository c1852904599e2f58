/**
 * News-text tokenizer with character offsets, splitting the way CoNLL-2003 (Penn Treebank style)
 * tokenised its Reuters text, so a model trained on those tokens sees the same units at run time:
 * "Blinken's" → "Blinken" "'s", "(Reuters)" → "(" "Reuters" ")", while "U.S.", "al-Qassam",
 * "Khān Yūnis" and "@HenMazzig" stay whole.
 */

export interface NewsToken {
  /** The token exactly as it appears in the text. */
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their final period (lowercased, without the period). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'maj', 'capt', 'cpl', 'sgt',
  'adm', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'messrs', 'mme', 'mlle',
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'cie', 'llc', 'dept', 'univ', 'assn', 'intl',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'vs', 'v', 'etc', 'no', 'nos', 'vol', 'approx', 'est', 'fig', 'pp', 'cf',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la',
  'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex',
  'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** Clitics split off the end of a word, as in CoNLL ("Hamas's" → "Hamas" "'s"). */
const CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;
const LEADING_PUNCTUATION = /^[("'`“‘\[{«¿¡*$£€¥]/u;
const TRAILING_PUNCTUATION = /[)"'`”’\]},;:!?»*%]$/u;
const LETTER = /\p{L}/u;
/** URLs, e-mail addresses and social-media handles are one token each. */
const UNSPLITTABLE = /^(?:https?:\/\/\S+|www\.\S+|pic\.twitter\.com\/\S+|[@#][\p{L}\p{N}_]+|[\w.+-]+@[\w-]+\.[\w.]+)$/u;
/** Characters that always stand alone (dashes used as punctuation, symbols, emoji). */
const STANDALONE = /[–—•·…|\p{Extended_Pictographic}]/u;

export function tokenizeNews(text: string): NewsToken[] {
  const tokens: NewsToken[] = [];
  const chunkPattern = /\S+/gu;
  const lineEndPattern = /[^\S\n]*(?:\n|$)/y;
  let previousChunkEnd = 0;
  for (let match = chunkPattern.exec(text); match; match = chunkPattern.exec(text)) {
    const chunkEnd = match.index + match[0].length;
    const isLineInitial = previousChunkEnd === 0 || text.slice(previousChunkEnd, match.index).includes('\n');
    lineEndPattern.lastIndex = chunkEnd;
    const isLineFinal = lineEndPattern.test(text);
    splitChunk(match[0], match.index, { isLineInitial, isLineFinal }, tokens);
    previousChunkEnd = chunkEnd;
  }
  return tokens;
}

interface ChunkPlace {
  isLineInitial: boolean;
  isLineFinal: boolean;
}

function splitChunk(chunk: string, offset: number, place: ChunkPlace, out: NewsToken[]): void {
  // Standalone symbols split the chunk into pieces first ("Gaza–Israel", emoji glued to words).
  let pieceStart = 0;
  const chars = Array.from(chunk);
  let position = 0;
  for (const char of chars) {
    if (STANDALONE.test(char)) {
      if (position > pieceStart) splitPiece(chunk.slice(pieceStart, position), offset + pieceStart, place, out);
      out.push({ text: char, start: offset + position, end: offset + position + char.length });
      pieceStart = position + char.length;
    }
    position += char.length;
  }
  if (chunk.length > pieceStart) splitPiece(chunk.slice(pieceStart), offset + pieceStart, place, out);
}

function splitPiece(piece: string, offset: number, place: ChunkPlace, out: NewsToken[]): void {
  if (UNSPLITTABLE.test(piece)) {
    out.push({ text: piece, start: offset, end: offset + piece.length });
    return;
  }
  let start = 0;
  let end = piece.length;
  const leading: NewsToken[] = [];
  const trailing: NewsToken[] = [];
  // Peel punctuation from both ends until the core is stable; trailing pieces are collected in reverse.
  for (let changed = true; changed && end > start; ) {
    changed = false;
    const core = piece.slice(start, end);
    if (core.length > 1 && LEADING_PUNCTUATION.test(core)) {
      leading.push({ text: piece[start]!, start: offset + start, end: offset + start + 1 });
      start += 1;
      changed = true;
      continue;
    }
    if (core.length > 1 && core.endsWith('...')) {
      trailing.push({ text: '...', start: offset + end - 3, end: offset + end });
      end -= 3;
      changed = true;
      continue;
    }
    const clitic = core.length > 2 ? CLITIC.exec(core) : null;
    if (clitic && LETTER.test(core.slice(0, clitic.index))) {
      trailing.push({ text: clitic[0], start: offset + start + clitic.index, end: offset + end });
      end = start + clitic.index;
      changed = true;
      continue;
    }
    if (core.length > 1 && TRAILING_PUNCTUATION.test(core)) {
      // Possessive plural "Brothers'" loses its apostrophe as a separate token, like CoNLL.
      trailing.push({ text: piece[end - 1]!, start: offset + end - 1, end: offset + end });
      end -= 1;
      changed = true;
      continue;
    }
    if (core.length > 1 && core.endsWith('.') && !keepsFinalPeriod(core, place.isLineInitial && start === 0, place.isLineFinal && end === piece.length)) {
      trailing.push({ text: '.', start: offset + end - 1, end: offset + end });
      end -= 1;
      changed = true;
    }
  }
  for (const token of leading) out.push(token);
  if (end > start) splitCore(piece.slice(start, end), offset + start, out);
  for (let index = trailing.length - 1; index >= 0; index -= 1) out.push(trailing[index]!);
}

/** Splits "EPA-EFE/CLEMENS" style slashes between words; other cores stay whole. */
function splitCore(core: string, offset: number, out: NewsToken[]): void {
  const slash = /^(\p{L}[\p{L}.'-]*)\/(\p{L}.*)$/u.exec(core);
  if (slash && slash[1] && slash[2]) {
    splitCore(slash[1], offset, out);
    out.push({ text: '/', start: offset + slash[1].length, end: offset + slash[1].length + 1 });
    splitCore(slash[2], offset + slash[1].length + 1, out);
    return;
  }
  out.push({ text: core, start: offset, end: offset + core.length });
}

function keepsFinalPeriod(word: string, isLineInitial: boolean, isLineFinal: boolean): boolean {
  const bare = word.slice(0, -1);
  if (/^\p{L}$/u.test(bare)) return true; // initials: "P. Simmons"
  if (isLineFinal) return false; // a period that ends the line ends the sentence, as in CoNLL
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(bare)) return true; // "U.S", "U.N", "a.m", "F.C"
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (isLineInitial && /^\d{1,3}$/.test(bare)) return true; // ranked lists: "1. Michael Schumacher"
  return false;
}

/**
 * Groups tokens into sentences: every line break ends one, and so does a standalone
 * ".", "!" or "?" followed by a token that can open a sentence.
 */
export function splitIntoSentences(text: string, tokens: NewsToken[]): NewsToken[][] {
  const sentences: NewsToken[][] = [];
  let current: NewsToken[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const previous = current[current.length - 1];
    if (previous && text.slice(previous.end, token.start).includes('\n')) {
      sentences.push(current);
      current = [];
    }
    current.push(token);
    const next = tokens[index + 1];
    if (next && /^[.!?]$/.test(token.text) && /^[\p{Lu}"“'‘(\d]/u.test(next.text) && !text.slice(token.end, next.start).includes('\n')) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
