// A worker thread that reads and extracts articles, so that extraction (CPU) overlaps with storing (database)
// on a second core. It receives file paths and answers each with the facts of its articles, or the error.
import { parentPort } from 'node:worker_threads';
import type { ArticleFacts } from '../graph/facts.js';
import { toArticleFacts } from './extract/article-facts.js';
import { extractDocument } from './extract/document.js';
import { readDocumentFile } from './formats/index.js';
import { InputError } from './formats/input-error.js';

export type ExtractRequest = { id: number; file: string };
export type ExtractReply =
  | { id: number; file: string; articles: { source: string; facts: ArticleFacts | null; error?: string }[] }
  | { id: number; file: string; error: string };

parentPort?.on('message', async ({ id, file }: ExtractRequest) => {
  try {
    const documents = await readDocumentFile(file);
    const articles = documents.map((document) => {
      try {
        return { source: document.source, facts: toArticleFacts(extractDocument(document)) };
      } catch (error) {
        return { source: document.source, facts: null, error: (error as Error).message };
      }
    });
    parentPort!.postMessage({ id, file, articles } satisfies ExtractReply);
  } catch (error) {
    parentPort!.postMessage({ id, file, error: error instanceof InputError ? error.message : `${file}: ${(error as Error).message}` } satisfies ExtractReply);
  }
});
