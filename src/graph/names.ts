/**
 * The lookup key of a name: accents and case folded, dots and apostrophes dropped, other punctuation
 * turned into spaces. "Khān Yūnis" and "KHAN YUNIS" share a key; so do "U.S." and "US"; "Hamas’" is "hamas".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The display names of an entity, its own name first, without repeats by key. */
export function distinctNames(names: Iterable<string>): { name: string; key: string }[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = nameKey(name);
    if (key && !seen.has(key)) seen.set(key, name);
  }
  return [...seen].map(([key, name]) => ({ name, key }));
}
