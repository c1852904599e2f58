import type { PrismaClient } from '../db/generated/prisma/client.js';
import type { AuthenticatedKey } from '../auth/api-keys.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** The API key the request presented (set by the access plugin); absent or null for anonymous requests. */
  apiKey?: AuthenticatedKey | null;
  /** Whether reads, too, need a key (NEWSLINE_READS_REQUIRE_KEY). */
  readsRequireKey?: boolean;
}

/** A new context per request: DataLoader caches must not outlive the request they batch. */
export function createContext(prisma: PrismaClient): Context {
  return { prisma, loaders: createLoaders() };
}
