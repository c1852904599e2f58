import DataLoader from 'dataloader';

/** Per-request batch loaders, each under its own name, created on first use. */
export interface Loaders {
  get<Key, Value>(name: string, batch: (keys: readonly Key[]) => Promise<(Value | Error)[]>, cacheKey: (key: Key) => string): DataLoader<Key, Value, string>;
}

export function createLoaders(): Loaders {
  const loaders = new Map<string, DataLoader<unknown, unknown, string>>();
  return {
    get<Key, Value>(name: string, batch: (keys: readonly Key[]) => Promise<(Value | Error)[]>, cacheKey: (key: Key) => string) {
      let loader = loaders.get(name) as DataLoader<Key, Value, string> | undefined;
      if (!loader) {
        loader = new DataLoader<Key, Value, string>(batch, { cacheKeyFn: cacheKey });
        loaders.set(name, loader as DataLoader<unknown, unknown, string>);
      }
      return loader;
    },
  };
}
