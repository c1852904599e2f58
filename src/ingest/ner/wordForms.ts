/** Word forms shared by training and tagging: what a token "is" regardless of case, accents and digits. */

const COMBINING_MARKS = /\p{M}/gu;

/** Lowercased, accent-folded, curly quotes straightened, digits collapsed: "Khān" → "khan", "1996" → "0000". */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\d/g, '0');
}

/** Character classes with runs capped at four: "Leicestershire" → "Xxxxx", "U.S." → "X.X.". */
export function wordShape(text: string): string {
  let shape = '';
  let previous = '';
  let run = 0;
  for (const char of text) {
    let kind: string;
    const code = char.charCodeAt(0);
    // ASCII fast path: the shape is computed for every token.
    if (code >= 65 && code <= 90) kind = 'X';
    else if (code >= 97 && code <= 122) kind = 'x';
    else if (code >= 48 && code <= 57) kind = 'd';
    else if (code < 128) kind = char;
    else if (/\p{Lu}/u.test(char)) kind = 'X';
    else if (/\p{Ll}/u.test(char)) kind = 'x';
    else if (/\p{N}/u.test(char)) kind = 'd';
    else if (/\p{L}/u.test(char)) kind = 'x';
    else kind = char;
    run = kind === previous ? run + 1 : 1;
    previous = kind;
    if (run <= 4) shape += kind;
  }
  return shape;
}

/** Shape with every run collapsed to one character: "Leicestershire" → "Xx". */
export function shortShape(shape: string): string {
  let collapsed = '';
  for (const char of shape) if (!collapsed.endsWith(char)) collapsed += char;
  return collapsed;
}

export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

export function hasLowercase(text: string): boolean {
  return /\p{Ll}/u.test(text);
}

export function startsUppercase(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

export function isAllCaps(text: string): boolean {
  return hasLetter(text) && !hasLowercase(text);
}
