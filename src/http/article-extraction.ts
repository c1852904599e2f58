// Extraction of an article submitted over the API runs on a worker thread: it is CPU work of up to seconds for a
// long article, and on the request thread it would stall every other request (and PGlite, which runs there too).
import { Worker } from 'node:worker_threads';
import type { ArticleFacts } from '../graph/facts.js';
import type { SourceDocument } from '../ingest/formats/source-document.js';

export type ExtractionRequest = { id: number; document: SourceDocument };
export type ExtractionReply = { id: number; facts: ArticleFacts } | { id: number; error: string };

export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (facts: ArticleFacts) => void; reject: (error: Error) => void }>();

function extractionWorker(): Worker {
  if (worker) return worker;
  // The worker runs TypeScript as this process does (see src/cli/ingest.ts): it registers tsx, then imports the module.
  const module = new URL('./article-extraction-worker.ts', import.meta.url).href;
  const started = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); })`, { eval: true });
  started.unref();
  started.on('message', (reply: ExtractionReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('facts' in reply) pending?.resolve(reply.facts);
    else pending?.reject(new ExtractionError(reply.error));
  });
  const fail = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    if (worker === started) worker = null;
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the extraction worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/** The facts of one article, extracted on the worker thread; the request thread only waits. */
export function extractArticleFacts(document: SourceDocument): Promise<ArticleFacts> {
  const running = extractionWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    if (waiting.size === 1) running.ref();
    running.postMessage({ id, document } satisfies ExtractionRequest);
  }).finally(() => {
    // Idle, the worker must not keep the process (or a test run) alive.
    if (waiting.size === 0) worker?.unref();
  }) as Promise<ArticleFacts>;
}

/** Starts the worker ahead of the first article (it takes seconds to load the extraction's lexicons and models). */
export function startArticleExtraction(): void {
  extractionWorker();
}

/** Stops the worker (a new one starts on the next extraction). */
export async function stopArticleExtraction(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.terminate();
}
