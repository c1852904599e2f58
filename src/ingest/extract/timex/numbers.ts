const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, 'twenty-first': 21, thirtieth: 30,
};

const UNIT_WORDS = Object.keys(UNITS).filter((word) => word !== 'zero').join('|');
const TENS_WORDS = Object.keys(TENS).join('|');

/** A cardinal written in words, up to the thousands: "twenty-four", "a hundred", "two thousand". */
export const WORD_NUMBER = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|a|an)(?:[- ](?:hundred|thousand)(?:(?: and)? (?:(?:${TENS_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}))?)?|hundred|thousand`;

/** Quantities that are numbers but not a count: they normalise to X in a TIMEX3 value. */
export const VAGUE_QUANTITY = 'a few|few|several|some|many|a couple of|couple of|a number of|dozens of|hundreds of|thousands of';

/** Any amount that may stand before a time unit. */
export const QUANTITY = `(?:(?:\\d+|${UNIT_WORDS}|${TENS_WORDS}) and a half|\\d+(?:[.,]\\d+)?(?: 1/2)?|${WORD_NUMBER}|${VAGUE_QUANTITY}|a dozen|a half|half an?)`;

export const ORDINAL = `(?:${Object.keys(ORDINALS).join('|')}|\\d{1,2}(?:st|nd|rd|th))`;

/** Parses a quantity; returns undefined for vague ones ("several"), which TIMEX3 writes as X. */
export function parseQuantity(raw: string): number | undefined {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/^\d+,\d{3}$/.test(text)) return Number(text.replace(',', ''));
  if (/^\d+ 1\/2$/.test(text)) return Number(text.slice(0, -4)) + 0.5;
  if (text === 'a couple of' || text === 'couple of') return 2;
  if (text === 'a dozen') return 12;
  if (text === 'a half' || text === 'half a' || text === 'half an') return 0.5;
  // "three and a half", "10 and a half".
  const andAHalf = /^(.+) and a half$/.exec(text);
  if (andAHalf) {
    const whole = parseQuantity(andAHalf[1] ?? '');
    return whole === undefined ? undefined : whole + 0.5;
  }
  if (new RegExp(`^(?:${VAGUE_QUANTITY})$`).test(text)) return undefined;
  return parseWordNumber(text);
}

export function parseWordNumber(text: string): number | undefined {
  if (text === 'a' || text === 'an') return 1;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of text.split(/[- ]+/)) {
    if (word === 'and') continue;
    if (word === 'a' || word === 'an') {
      current = 1;
      seen = true;
    } else if (word in UNITS) {
      current += UNITS[word] ?? 0;
      seen = true;
    } else if (word in TENS) {
      current += TENS[word] ?? 0;
      seen = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

export function parseOrdinal(raw: string): number | undefined {
  const text = raw.toLowerCase();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(text);
  if (digits) return Number(digits[1]);
  return ORDINALS[text];
}

/** "nineteen ninety-six" → 1996, "two thousand" → 2000, "two thousand and three" → 2003. */
export function parseWordYear(raw: string): number | undefined {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const twoPart = /^(nineteen|eighteen|twenty) (.+)$/.exec(text);
  if (twoPart && twoPart[1] && twoPart[2]) {
    const century = UNITS[twoPart[1]] ?? TENS[twoPart[1]] ?? 0;
    if (twoPart[2] === 'hundred') return century * 100;
    const rest = parseWordNumber(twoPart[2].replace(/^oh /, ''));
    if (rest !== undefined && rest < 100) return century * 100 + rest;
  }
  const thousands = parseWordNumber(text);
  return thousands !== undefined && thousands >= 1000 ? thousands : undefined;
}
