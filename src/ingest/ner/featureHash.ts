/** 32-bit FNV-1a with a murmur finaliser, so the low bits used as bucket numbers are well mixed. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A set of strings kept only as sorted 32-bit hashes: small to ship, rare false positives are harmless as features. */
export class HashedStringSet {
  constructor(readonly hashes: Uint32Array) {}

  static fromStrings(values: Iterable<string>): HashedStringSet {
    const unique = new Set<number>();
    for (const value of values) unique.add(hashString(value));
    return new HashedStringSet(Uint32Array.from([...unique].sort((left, right) => left - right)));
  }

  has(value: string): boolean {
    return this.hasHash(hashString(value));
  }

  hasHash(hash: number): boolean {
    return indexOfHash(this.hashes, hash) >= 0;
  }
}

/** Where `hash` stands in ascending `hashes` (binary search), or -1. */
export function indexOfHash(hashes: Uint32Array, hash: number): number {
  let low = 0;
  let high = hashes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = hashes[middle]!;
    if (candidate === hash) return middle;
    if (candidate < hash) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
