// The worker thread of article-extraction.ts: extracts one submitted article's facts per message.
import { parentPort } from 'node:worker_threads';
import { toArticleFacts } from '../ingest/extract/article-facts.js';
import { extractDocument } from '../ingest/extract/document.js';
import type { ExtractionReply, ExtractionRequest } from './article-extraction.js';

parentPort?.on('message', ({ id, document }: ExtractionRequest) => {
  try {
    parentPort!.postMessage({ id, facts: toArticleFacts(extractDocument(document)) } satisfies ExtractionReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message } satisfies ExtractionReply);
  }
});
