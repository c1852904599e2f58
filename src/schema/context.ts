import type { PrismaClient } from '../db/generated/prisma/client.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
}

/** A new context per request: DataLoader caches must not outlive the request they batch. */
export function createContext(prisma: PrismaClient): Context {
  return { prisma, loaders: createLoaders() };
}
