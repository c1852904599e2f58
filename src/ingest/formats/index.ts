import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { InputError } from './input-error.js';
import { parseJsonDocuments } from './json.js';
import type { SourceDocument, SourceFormat } from './source-document.js';
import { parsePlainTextArticle } from './text.js';
import { parseTimeMLDocument } from './timeml.js';

export { InputError } from './input-error.js';
export type { SourceDocument } from './source-document.js';

/** Larger files are almost always a wrong path (a dump, an archive), not one article. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.tml': 'timeml',
  '.timeml': 'timeml',
  '.xml': 'timeml',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.txt': 'text',
};

/** Reads every document named by `path` (a file, a directory, or a glob); throws InputError on the first bad file. */
export async function readDocuments(path: string): Promise<SourceDocument[]> {
  const documents: SourceDocument[] = [];
  for (const file of await listInputFiles([path])) documents.push(...(await readDocumentFile(file)));
  return documents;
}

/** Expands files, directories (recursively, known extensions only) and globs (`*`, `?`, `**`, `{a,b}`) into sorted file paths. */
export async function listInputFiles(patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (/[*?{[]/.test(pattern)) {
      const matches = await expandGlob(pattern);
      if (matches.length === 0) throw new InputError(pattern, 'the pattern matches no file');
      files.push(...matches);
      continue;
    }
    let info;
    try {
      info = await stat(pattern);
    } catch {
      throw new InputError(pattern, 'no such file or directory');
    }
    if (info.isDirectory()) {
      const found = (await walk(pattern)).filter((file) => extname(file).toLowerCase() in FORMAT_BY_EXTENSION);
      if (found.length === 0) throw new InputError(pattern, `the directory holds no ${Object.keys(FORMAT_BY_EXTENSION).join(' / ')} file`);
      files.push(...found.sort());
    } else files.push(pattern);
  }
  return [...new Set(files)];
}

/** Reads one file into its documents (an NDJSON file may hold many). */
export async function readDocumentFile(file: string): Promise<SourceDocument[]> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputError(file, 'no such file');
  }
  if (info.size > MAX_INPUT_BYTES)
    throw new InputError(file, `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit for one input file`);
  return parseDocumentBytes(await readFile(file), file);
}

/** Checks the bytes are non-empty UTF-8 text, then parses them by extension, or by content when the extension says nothing. */
export function parseDocumentBytes(bytes: Uint8Array, file: string): SourceDocument[] {
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(file, `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit for one input file`);
  if (bytes.length === 0) throw new InputError(file, 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(file, `binary file (NUL byte at offset ${nul}); expected UTF-8 text`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, `invalid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); re-save the file as UTF-8`);
  }
  if (content.trim() === '') throw new InputError(file, 'the file holds only whitespace');

  switch (FORMAT_BY_EXTENSION[extname(file).toLowerCase()] ?? sniffFormat(content)) {
    case 'timeml':
      return [parseTimeMLDocument(content, file)];
    case 'json':
      return parseJsonDocuments(content, file);
    case 'text':
      return [parsePlainTextArticle(content, file)];
  }
}

function sniffFormat(content: string): SourceFormat {
  const start = content.trimStart();
  if (start.startsWith('<')) return 'timeml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix ends within 3 bytes of the bad byte; binary search for it.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, middle), { stream: true });
      decoder.decode();
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

async function walk(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const firstGlob = parts.findIndex((part) => /[*?{[]/.test(part));
  const base = parts.slice(0, firstGlob).join('/') || '.';
  const matcher = globToRegExp(parts.slice(firstGlob).join('/'));
  let files: string[];
  try {
    files = await walk(base);
  } catch {
    throw new InputError(pattern, `the directory "${base}" does not exist`);
  }
  return files.filter((file) => matcher.test(relative(resolve(base), resolve(file)).split(sep).join('/'))).sort();
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*' && glob[i + 1] === '*') {
      // "**/" matches any number of directories, including none.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((option) => option.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = close;
      }
    } else source += char.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
