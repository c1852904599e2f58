/** FNV-1a's starting state. */
export const FNV_OFFSET = 0x811c9dc5;

/** The FNV-1a state after `text`, continued from `state`: hashing "a|b" is appending "a", "|" and "b" in turn. */
export function fnvAppend(state: number, text: string): number {
  let hash = state;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** `fnvAppend` over `text.slice(start, end)`, without making the slice. */
export function fnvAppendSlice(state: number, text: string, start: number, end: number): number {
  let hash = state;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** A murmur finaliser over an FNV-1a state, so the low bits used as bucket numbers are well mixed. */
export function fnvFinish(state: number): number {
  let hash = state;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** 32-bit FNV-1a with a murmur finaliser. */
export function hashString(value: string): number {
  return fnvFinish(fnvAppend(FNV_OFFSET, value));
}

/** A set of strings kept only as sorted 32-bit hashes: small to ship, rare false positives are harmless as features. */
export class HashedStringSet {
  private readonly lookup: HashLookup;

  constructor(readonly hashes: Uint32Array) {
    this.lookup = new HashLookup(hashes);
  }

  static fromStrings(values: Iterable<string>): HashedStringSet {
    const unique = new Set<number>();
    for (const value of values) unique.add(hashString(value));
    return new HashedStringSet(Uint32Array.from([...unique].sort((left, right) => left - right)));
  }

  has(value: string): boolean {
    return this.hasHash(hashString(value));
  }

  hasHash(hash: number): boolean {
    return this.lookup.indexOf(hash) >= 0;
  }
}

/**
 * Where each of a list of distinct 32-bit hashes stands in the list, by open addressing: one or two probes per
 * lookup where a binary search over a few hundred thousand hashes takes twenty scattered reads, and the tagger
 * makes dozens of lookups per word. The hashes are already well mixed, so their low bits are the slot.
 */
export class HashLookup {
  private readonly slots: Uint32Array;
  /** Position in the list + 1 of the hash in each slot; 0 marks an empty slot. */
  private readonly positions: Int32Array;
  private readonly mask: number;

  constructor(hashes: Uint32Array) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    this.slots = new Uint32Array(size);
    this.positions = new Int32Array(size);
    this.mask = size - 1;
    hashes.forEach((hash, position) => {
      let slot = hash & this.mask;
      while (this.positions[slot] !== 0 && this.slots[slot] !== hash) slot = (slot + 1) & this.mask;
      if (this.positions[slot] !== 0) return; // a repeated hash keeps its first position
      this.slots[slot] = hash;
      this.positions[slot] = position + 1;
    });
  }

  /** The position of `hash` in the list, or -1. */
  indexOf(hash: number): number {
    const { slots, positions, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const position = positions[slot]!;
      if (position === 0) return -1;
      if (slots[slot] === hash) return position - 1;
      slot = (slot + 1) & mask;
    }
  }
}
