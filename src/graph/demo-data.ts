import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import type { ArticleFacts } from './facts.js';
import { storeArticleFacts, type StoreResult } from './store-article.js';

/** The hand-checked facts of the seed article: the demo graph, and the gold standard for extraction. */
export const seedFactsPath = fileURLToPath(new URL('../../examples/seed/000_09a13298e7180d8f.facts.json', import.meta.url));

export function readSeedFacts(): ArticleFacts {
  return JSON.parse(readFileSync(seedFactsPath, 'utf8')) as ArticleFacts;
}

/** Loads the demo graph into a database that holds no article yet; leaves any other database alone. */
export async function loadDemoDataIfEmpty(prisma: PrismaClient): Promise<StoreResult | null> {
  if ((await prisma.article.count()) > 0) return null;
  return storeArticleFacts(prisma, readSeedFacts());
}
