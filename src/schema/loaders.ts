import DataLoader from 'dataloader';
import type { PrismaClient } from '../db/generated/prisma/client.js';

/** Per-request batch loaders, keyed by a name so each feature keeps its own; created on first use. */
export interface Loaders {
  get<Key, Value>(name: string, batch: (keys: readonly Key[]) => Promise<(Value | Error)[]>, cacheKey?: (key: Key) => unknown): DataLoader<Key, Value>;
}

export function createLoaders(_prisma: PrismaClient): Loaders {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    get<Key, Value>(name: string, batch: (keys: readonly Key[]) => Promise<(Value | Error)[]>, cacheKey?: (key: Key) => unknown) {
      let loader = loaders.get(name) as DataLoader<Key, Value> | undefined;
      if (!loader) {
        loader = new DataLoader<Key, Value>(batch, cacheKey ? { cacheKeyFn: cacheKey } : {});
        loaders.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}
