import type { PrismaClient } from '../db/generated/prisma/client.js';
import { extractDocument } from '../ingest/extract/document.js';
import { toArticleFacts } from '../ingest/extract/article-facts.js';
import type { SourceDocument } from '../ingest/formats/source-document.js';
import { storeArticleFacts, type StoreResult } from './store-article.js';

/** One article in: extracted (pure), turned into facts, stored in one transaction. */
export async function ingestDocument(prisma: PrismaClient, document: SourceDocument): Promise<StoreResult> {
  const facts = toArticleFacts(extractDocument(document));
  return storeArticleFacts(prisma, facts);
}
