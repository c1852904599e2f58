// Letters that carry no combining mark for NFKD to strip: "Aydın" is "Aydin", "Łódź" is "Lodz".
const unaccentedLetters: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

/**
 * The lookup key of a name: accents and case folded, dots and apostrophes dropped, other punctuation
 * turned into spaces. "Khān Yūnis" and "KHAN YUNIS" share a key; so do "U.S." and "US", "Aydın" and "Aydin"; "Hamas’" is "hamas".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđßæœþð]/g, (letter) => unaccentedLetters[letter]!)
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
