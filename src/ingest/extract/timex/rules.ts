import {
  type AnchorContext,
  clauseTense,
  type Direction,
  focusedQuarter,
  followedByEnded,
  noteQuarter,
  resolveMonth,
  resolveMonthDay,
  resolveWeekday,
  sentenceAround,
  shiftedPeriod,
  tenseCue,
  yearOfBareQuarter,
} from './anchoring.js';
import { HOLIDAY_NAMES, holidayNamed, holidayOccurrence } from './holidays.js';
import { addDays, type CalendarDay, daysBetween, formatDay, formatMonth, formatWeek, isoWeekday, isValidDay, pad, shiftMonth } from './calendar.js';
import { ORDINAL, QUANTITY, parseOrdinal, parseQuantity, parseWordYear } from './numbers.js';
import type { TimexReading } from './types.js';

/** One recogniser: a pattern over the text and how a match of it becomes a TIMEX3 reading (or null to reject it). */
export interface TimexRule {
  name: string;
  pattern: RegExp;
  read(match: RegExpExecArray, context: AnchorContext): TimexReading | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const MONTH_ANY = `(?:${MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?)`;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Lets each alternative also open a sentence: "last" → "[Ll]ast". */
function capitalisable(alternatives: string): string {
  return alternatives
    .split('|')
    .map((word) => `[${(word[0] ?? '').toUpperCase()}${word[0] ?? ''}]${word.slice(1)}`)
    .join('|');
}
const DAY_PART = '(?:morning|afternoon|evening|night)';
const YEAR_DIGITS = '(?:1[5-9]\\d\\d|20\\d\\d)';
const WORD_YEAR =
  '(?:(?:nineteen|eighteen) (?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|oh (?:one|two|three|four|five|six|seven|eight|nine))|two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)';
const YEAR = `(?:${YEAR_DIGITS}|${WORD_YEAR})`;
const EDGE = '(?:early|late|mid|the end of|the beginning of|the middle of|the start of|the end|the rest of|the remainder of|the first half of|the second half of|the latter part of)';
const DURATION_MOD =
  '(?:more than|over|at least|nearly|almost|about|around|roughly|approximately|some|less than|under|up to|no more than|fewer than|at most|close to|just over|just under|barely|only|just|well over|upwards of)';
const TIME_UNIT = '(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies)|millenni(?:um|a))';

// Unit words → TIMEX3 duration designators; units below a day go after the T.
const UNIT_CODE: Record<string, string> = {
  second: 'TS', minute: 'TM', hour: 'TH', day: 'D', week: 'W', fortnight: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE', millennium: 'ML',
};

function unitKey(raw: string): string {
  const word = raw.toLowerCase();
  if (word.startsWith('centur')) return 'century';
  if (word.startsWith('millenni')) return 'millennium';
  return word.replace(/s$/, '');
}

/** Months and weekdays count only when capitalised: "may", "march", "sun" are ordinary words. */
function monthNumber(raw: string | undefined): number | undefined {
  if (!raw || !/^[A-Z]/.test(raw)) return undefined;
  const prefix = raw.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const index = MONTHS.findIndex((month) => month.startsWith(prefix));
  return index >= 0 ? index + 1 : undefined;
}

function weekdayNumber(raw: string | undefined): number | undefined {
  if (!raw || !/^[A-Z]/.test(raw)) return undefined;
  const index = WEEKDAYS.indexOf(raw.toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

function yearNumber(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  return /^\d{4}$/.test(raw) ? Number(raw) : parseWordYear(raw);
}

function edgeMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const edge = raw.toLowerCase();
  if (edge.startsWith('early') || edge.includes('beginning') || edge.includes('start') || edge.includes('first half')) return 'START';
  if (edge.startsWith('mid') || edge.includes('middle')) return 'MID';
  if (edge.startsWith('late') || edge.includes('end') || edge.includes('rest') || edge.includes('remainder') || edge.includes('second half') || edge.includes('latter')) return 'END';
  return undefined;
}

function durationMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const mod = raw.toLowerCase();
  if (/over|more than|upwards/.test(mod)) return 'MORE_THAN';
  if (/at least/.test(mod)) return 'EQUAL_OR_MORE';
  if (/nearly|almost|less than|under|fewer|barely/.test(mod)) return 'LESS_THAN';
  if (/up to|no more than|at most/.test(mod)) return 'EQUAL_OR_LESS';
  if (/about|around|roughly|approximately|some|close to/.test(mod)) return 'APPROX';
  return undefined;
}

function directionOf(raw: string | undefined): Direction {
  const word = (raw ?? '').toLowerCase();
  if (/last|past|previous/.test(word)) return 'last';
  if (/next|coming|following/.test(word)) return 'next';
  if (/this|current|present/.test(word)) return 'this';
  return 'nearest';
}

function relativeYear(raw: string | undefined, context: AnchorContext): number | undefined {
  const word = (raw ?? '').toLowerCase();
  if (word.includes('last') || word.includes('previous')) return context.published.year - 1;
  if (word.includes('next')) return context.published.year + 1;
  if (word.includes('this') || word.includes('current')) return context.published.year;
  return undefined;
}

function dayValue(day: CalendarDay): string {
  return formatDay(day);
}

/** Writes an amount of a unit as a TIMEX3 duration: P3Y, PT2H, P2Y6M, PXD for vague amounts. */
export function durationValue(amount: number | undefined, unitWord: string): string | null {
  const unit = unitKey(unitWord);
  const code = UNIT_CODE[unit];
  if (!code) return null;
  const timePart = code.startsWith('T');
  const letter = timePart ? code.slice(1) : code;
  if (amount === undefined) return timePart ? `PTX${letter}` : `PX${letter}`;
  // Decades read as years (P20Y): the same length, and what annotators write; so do parts of a century ("half a century" is P50Y).
  if (unit === 'decade') return `P${amount * 10}Y`;
  if (unit === 'century' && !Number.isInteger(amount) && Number.isInteger(amount * 100)) return `P${amount * 100}Y`;
  let count = unit === 'fortnight' ? amount * 2 : amount;
  if (!Number.isInteger(count)) {
    // Half units read better as the next unit down: 2 1/2 years → P2Y6M, half an hour → PT30M; ISO 8601 joins weeks to
    // nothing, so a week and a half is counted in days (P10DT12H).
    const whole = Math.floor(count);
    const lead = whole > 0 ? `${whole}${letter}` : '';
    const half: Record<string, string> = { Y: `${lead}6M`, M: `${lead}15D`, D: `${lead}T12H`, H: `${lead}30M`, W: `${whole * 7 + 3}DT12H` };
    const written = half[letter];
    if (written && count - whole === 0.5) return `P${timePart ? 'T' : ''}${written}`;
    // "13.21 seconds": the figure as written, to the thousandth.
    count = Math.round(count * 1000) / 1000;
  }
  return `P${timePart ? 'T' : ''}${count}${letter}`;
}

const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

function withDayPart(day: CalendarDay, part: string | undefined): TimexReading {
  if (!part) return { type: 'DATE', value: dayValue(day) };
  return { type: 'TIME', value: `${dayValue(day)}T${PART_OF_DAY[part.toLowerCase()] ?? 'XX'}` };
}

const DAY_WORD = '(?:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow)';

function relativeDay(raw: string, context: AnchorContext): CalendarDay {
  const word = raw.toLowerCase();
  const offset = word.includes('before yesterday') ? -2 : word.includes('after tomorrow') ? 2 : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  return addDays(context.published, offset);
}

/** A day named in a time-of-day expression: "5 p.m. Friday", "noon yesterday", "Nov. 9". */
function dayOfPhrase(raw: string | undefined, context: AnchorContext): CalendarDay | null {
  if (!raw) return context.published;
  const phrase = raw.trim();
  const weekday = weekdayNumber(phrase);
  if (weekday) return resolveWeekday(weekday, 'nearest', context);
  if (new RegExp(`^${DAY_WORD}$`, 'i').test(phrase)) return relativeDay(phrase, context);
  const monthDay = new RegExp(`^(${MONTH_ANY}) (\\d{1,2})$`).exec(phrase);
  const month = monthNumber(monthDay?.[1]);
  if (monthDay && month) return resolveMonthDay(month, Number(monthDay[2]), context);
  return null;
}

function clockValue(hourRaw: string, minuteRaw: string | undefined, meridiem: string | undefined): string | null {
  let hour = Number(hourRaw);
  const minute = minuteRaw === undefined ? 0 : Number(minuteRaw);
  if (hour > 24 || minute > 59) return null;
  const half = (meridiem ?? '').toLowerCase().replace(/\./g, '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return `T${pad(hour)}:${pad(minute)}`;
}

function quarterAnchoredReading(context: AnchorContext, yearsBack: number): TimexReading {
  const quarter = focusedQuarter(context);
  return { type: 'DATE', value: `${quarter.year - yearsBack}-Q${quarter.quarter}` };
}

/**
 * "the quarter ended July 31": the three months up to that day, named by the calendar quarter holding most of them
 * (May–July is the second quarter).
 */
function quarterEndingOn(context: AnchorContext): { year: number; quarter: number } | null {
  const following = new RegExp(`^,? (?:which |that )?(?:ended|ending|ends) (${MONTH_ANY}) (\\d{1,2})\\b`).exec(context.text.slice(context.end, context.end + 30));
  const month = monthNumber(following?.[1]);
  if (!following || !month) return null;
  const lastDay = resolveMonthDay(month, Number(following[2]), context);
  if (!isValidDay(lastDay.year, lastDay.month, lastDay.day)) return null;
  const middle = addDays(lastDay, -45);
  return { year: middle.year, quarter: Math.floor((middle.month - 1) / 3) + 1 };
}

const SEASON_CODE: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

const CAR_MAKES =
  'Toyota|Honda|Ford|Chevrolet|Chevy|Nissan|BMW|Mercedes|Mercedes-Benz|Volkswagen|VW|Audi|Porsche|Ferrari|Jeep|Dodge|Chrysler|Cadillac|Buick|Lincoln|Pontiac|Subaru|Mazda|Hyundai|Kia|Volvo|Tesla|Lexus|Acura|Jaguar|Land Rover|Range Rover|Mitsubishi|Oldsmobile|Plymouth|Saab|Fiat|Peugeot|Renault|Citroen|Skoda|Opel|Rolls-Royce|Bentley|Lamborghini|Maserati|GMC|Suzuki|Harley-Davidson|Mustang|Corvette|Camaro|Civic|Camry|Corolla|Accord|Beetle';
// After a year: a car make or model, or the word "model" itself.
const CAR_MODEL = new RegExp(`^(?:-| )(?:(?:${CAR_MAKES})\\b|models?\\b|model-year\\b|(?:sedan|coupe|convertible|pickup|minivan|SUV|hatchback|roadster)s?\\b)`);

// Capitalised words after a date that make it a name: "the March 23 Movement", "6th of October Bridge".
const NAME_HEAD = /^(?:th|st|nd|rd)?[ -](?:Movement|Group|Alliance|Coalition|Front|Party|Brigades?|Revolution|Club|Committee|Organi[sz]ation|Bridge|Street|Avenue|Square|Stadium|Boulevard|University|Declaration|Manifesto|Accords?|Agreement|Uprising|Madness|Forces|Bloc|Camp)\b|^(?:th|st|nd|rd)?[ -](?:movement|alliance|coalition|bloc|camp|forces)\b/;

/** Whether `index` opens a sentence (or the text): the only place a capital says nothing. */
function isSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?:]["')]*\s+|\n\s*|["(]\s*)$/.test(text.slice(Math.max(0, index - 4), index));
}

/** Whether the words right after a match make its date part of a name. */
function opensName(context: AnchorContext, end: number): boolean {
  return NAME_HEAD.test(context.text.slice(end, end + 24));
}

// Amounts measured per unit of time: "average daily volume", "weekly output", "hourly wage".
const RATE_NOUN =
  /^ (?:[a-z-]+ )?(?:volumes?|turnover|output|production|sales|trading|earnings|wages?|pay|income|revenues?|profits?|dividends?|rates?|consumption|intake|capacity|limits?|allowances?|quotas?|doses?|rations?|spending|budgets?|costs?|fees?|rents?|prices?|averages?|totals?|amounts?|flows?|supply|demand|deficits?|losses|gains|interest|salary|salaries|payments?|repayments?|instal(?:l)?ments?|declines?|jumps?|rises?|increases?|drops?|falls?|growth|changes?|claims)\b/;
// Words that make a quantity of what precedes a frequency adverb: "grow 8% annually", "10,000 units annually", "doubling annually".
const AMOUNT_BEFORE = /(?:\d|%|\bper ?cent\b|\b(?:million|billion|trillion|thousand|hundred|dozen)\b|\b(?:doubl|tripl|quadrupl|halv|grow|grew|grown|rise|rises|rising|rose|risen|increas|decreas|fall|falls|falling|fell|fallen|declin|expand|gain|compound|climb|jump|drop|shrink|shrank)\w*)/i;

/**
 * Whether a frequency word at [start, end) expresses a rate (an amount per unit of time) rather than a recurring time:
 * TIMEX3 does not mark the time unit of a rate, as it does not mark the "per hour" of a speed.
 */
function isRate(text: string, start: number, end: number): boolean {
  if (RATE_NOUN.test(text.slice(end, end + 32))) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  if (/\baverage\s+$/i.test(before)) return true;
  // The last few words of the clause before the adverb, without counts of time ("a 10-day festival held annually").
  const clause = before.split(/[;:!?,]|\.(?=\s+[A-Z]|\s*$)|\b(?:and|but|while|which|who|that)\b/).pop() ?? '';
  const words = clause.trim().split(/\s+/).slice(-4).join(' ').replace(/\b\d+[- ](?:days?|weeks?|months?|years?|hours?|minutes?|times?)\b/gi, '');
  return AMOUNT_BEFORE.test(words);
}

// What a newspaper does: "the daily said", "the Kommersant daily reported".
const PRESS_VERB = /^ (?:said|says|reported|reports|wrote|writes|quoted|quotes|cited|cites|added|echoed|warned|noted|claimed|published|carried|ran|pointed|found|revealed|commented|stated|headlined|quoting|citing|reporting)\b/;
// Kinds of newspaper: "the business daily", "a government daily".
const PRESS_KIND = /^(?:business|economic|financial|national|government|leading|radical|official|state-run|state|independent|local|popular|conservative|liberal|respected|tabloid|influential|regional|[A-Z][a-z]+-language|mass-circulation)$/;

/**
 * Whether "daily", "weekly" or "monthly" at [start, end) is the noun for a newspaper or magazine: "the daily said",
 * "the Haaretz daily", "the business daily reported".
 */
function isPublication(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  if (PRESS_VERB.test(after)) return true;
  // With a noun after it, the word is an adjective ("the daily grind"); a preposition or a stop leaves it a noun.
  if (/^ [a-z]/.test(after) && !/^ (?:in|on|at|of|which|that|and|but|for|from|with|by|to|[a-z]+ed)\b/.test(after)) return false;
  const before = /(?:^|\s)([\w'-]+)\s+$/.exec(text.slice(Math.max(0, start - 30), start));
  const word = before?.[1] ?? '';
  const wordStart = before ? start - before[0].trimStart().length : start;
  if (PRESS_KIND.test(word) || /^(?:the|a|an)$/i.test(word)) return true;
  // A name right before it ("the Kommersant daily"), not a word that opens the sentence.
  return /^[A-Z]/.test(word) && !isSentenceStart(text, wordStart) && /\b[Tt]he\s+(?:[A-Z][\w'-]*\s+){1,4}$/.test(text.slice(Math.max(0, start - 60), start));
}

// A possessive that names a reported figure: "last year's $1.55 billion", "last year's results".
const YEAR_AGO_FIGURE = /^['’]s (?:[A-Z]{0,2}[$#£€¥]|\d|(?:[a-z-]+ )?(?:results|earnings|profits?|net|loss|losses|sales|revenues?|figures?)\b)/;

/** The date named last before `context.start` when it was named in the same sentence. */
function dateNamedInSentence(context: AnchorContext): { year: number; month?: number; day?: number } | undefined {
  const { lastDate, lastDateAt } = context.focus;
  if (!lastDate || lastDateAt === undefined || lastDateAt < sentenceAround(context.text, context.start).start) return undefined;
  return lastDate;
}

/** "Saturday, Oct. 12" with no year: the year, of the nearest three, in which Oct. 12 falls on a Saturday; else the usual nearest one. */
function monthDayOnWeekday(month: number, dayOfMonth: number, weekday: number, context: AnchorContext): CalendarDay {
  const resolved = resolveMonthDay(month, dayOfMonth, context);
  if (!isValidDay(resolved.year, month, dayOfMonth) || isoWeekday(resolved) === weekday) return resolved;
  const year = context.published.year;
  const matching = [year, year - 1, year + 1]
    .map((candidate) => ({ year: candidate, month, day: dayOfMonth }))
    .filter((candidate) => isValidDay(candidate.year, month, dayOfMonth) && isoWeekday(candidate) === weekday);
  return matching[0] ?? resolved;
}

// After "the future", a noun it modifies ("the future king", "the future US role"): any word but a word of grammar or
// a verb, which leave "future" a noun ("the future looks bleak", "in the future we will").
const FUTURE_AS_ADJECTIVE =
  /^ (?:[A-Z]{2,}\b|(?!(?:of|for|in|into|is|was|will|would|could|may|might|can|looks?|holds?|lies|remains?|belongs?|seems?|and|or|but|if|when|that|which|as|with|than|to|at|on|by|because|so|after|before|while|where|are|were|has|have|had|depends?|rests?|the|a|an|he|she|it|they|we|you|this|there|these|those|its|his|her|their|our|no|not|only)\b)[a-z]+)/;

const WEEKDAY_BEFORE_PLURAL_PART = new RegExp(`^,? (?:and|or) (?:${WEEKDAY}) (?:${DAY_PART})s\\b`);

/** Rules in priority order: when two matches cover the same span, the earlier rule wins; longer matches always win. */
export const TIMEX_RULES: TimexRule[] = [
  {
    name: 'iso-date',
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => (isValidDay(Number(m[1]), Number(m[2]), Number(m[3])) ? { type: 'DATE', value: `${m[1]}-${m[2]}-${m[3]}` } : null),
  },
  {
    name: 'slash-date',
    pattern: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
    read: (m, context) => {
      const month = Number(m[1]);
      const day = Number(m[2]);
      let year = Number(m[3]);
      if (year < 100) year += year > (context.published.year % 100) + 10 ? 1900 : 2000;
      return isValidDay(year, month, day) ? { type: 'DATE', value: formatDay({ year, month, day }) } : null;
    },
  },
  {
    name: 'weekday',
    pattern: new RegExp(
      `\\b(?:(${capitalisable('last|next|this|this past|this coming|early|late|the previous|the preceding|the prior|the following|the next')}) )?(${WEEKDAY})(?:,? (${MONTH_ANY}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (${YEAR_DIGITS}))?)?(?: (${DAY_PART}))?\\b`,
      'g',
    ),
    read: (m, context) => {
      const weekday = weekdayNumber(m[2]);
      if (!weekday) return null;
      // "Monday and Tuesday nights": both weekdays are the set the plural makes (rule weekday-set).
      if (!m[1] && !m[3] && !m[6] && WEEKDAY_BEFORE_PLURAL_PART.test(context.text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return null;
      const month = monthNumber(m[3]);
      let day: CalendarDay;
      if (month && m[4]) {
        const dayOfMonth = Number(m[4]);
        day = m[5] ? { year: Number(m[5]), month, day: dayOfMonth } : monthDayOnWeekday(month, dayOfMonth, weekday, context);
        if (!isValidDay(day.year, day.month, day.day)) return null;
      } else if (/^the /i.test(m[1] ?? '')) {
        // "the previous Friday", "the following Monday": counted from the last day the text named (TimeML anchoring).
        const last = context.focus.lastDate;
        const anchor = last?.day && last.month ? { year: last.year, month: last.month, day: last.day } : context.published;
        const forward = /following|next/i.test(m[1] ?? '');
        const offset = forward ? (weekday - isoWeekday(anchor) + 7) % 7 || 7 : -((isoWeekday(anchor) - weekday + 7) % 7 || 7);
        day = addDays(anchor, offset);
      } else {
        const modifier = (m[1] ?? '').toLowerCase();
        const direction: Direction = modifier === 'early' || modifier === 'late' ? 'nearest' : directionOf(modifier);
        day = resolveWeekday(weekday, direction, context);
      }
      return withDayPart(day, m[6]);
    },
  },
  {
    name: 'month-day-year',
    // A stray letter glued to the day ("October 7z") is a typo, not a different date.
    pattern: new RegExp(`(?:\\b(${EDGE})(?: |-))?\\b(${MONTH_ANY}) (\\d{1,2})(?:st|nd|rd|th)?(?=[a-z]?\\b)(?!,\\d)(?:(?:,|, | )(${YEAR_DIGITS})\\b)?`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[2]);
      const dayOfMonth = Number(m[3]);
      if (!month || dayOfMonth < 1 || dayOfMonth > 31) return null;
      if (!m[4] && opensName(context, m.index + m[0].length)) return null;
      const day = m[4] ? { year: Number(m[4]), month, day: dayOfMonth } : resolveMonthDay(month, dayOfMonth, context);
      if (!isValidDay(day.year, day.month, day.day)) return null;
      const reading: TimexReading = { type: 'DATE', value: dayValue(day) };
      const mod = edgeMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'month-ordinal-day',
    pattern: new RegExp(`\\b(${MONTH_ANY}) (?:the )?(${ORDINAL})(?:,? (${YEAR_DIGITS}))?\\b`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[1]);
      const dayOfMonth = parseOrdinal(m[2] ?? '');
      if (!month || !dayOfMonth || (!m[3] && opensName(context, m.index + m[0].length))) return null;
      const day = m[3] ? { year: Number(m[3]), month, day: dayOfMonth } : resolveMonthDay(month, dayOfMonth, context);
      return isValidDay(day.year, day.month, day.day) ? { type: 'DATE', value: dayValue(day) } : null;
    },
  },
  {
    name: 'day-month-year',
    pattern: new RegExp(`\\b(?:the )?(\\d{1,2}|${ORDINAL})(?:st|nd|rd|th)? (?:of )?(${MONTH_ANY})(?:,? (${YEAR_DIGITS})\\b)?`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[2]);
      const dayOfMonth = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : parseOrdinal(m[1] ?? '');
      if (!month || !dayOfMonth || dayOfMonth > 31) return null;
      if (month === 5 && !m[3] && !/^\d/.test(m[1] ?? '')) return null;
      if (!m[3] && opensName(context, m.index + m[0].length)) return null;
      const day = m[3] ? { year: Number(m[3]), month, day: dayOfMonth } : resolveMonthDay(month, dayOfMonth, context);
      return isValidDay(day.year, day.month, day.day) ? { type: 'DATE', value: dayValue(day) } : null;
    },
  },
  {
    name: 'day-of-month',
    // "the 15th of next month", and "on the 20th" closing its phrase: a day of a month the story does not name.
    pattern: new RegExp(`\\b(?:on )?the (${ORDINAL}) (?:of )?(this|next|last) month\\b|\\bon the (\\d{1,2})(?:st|nd|rd|th)(?= of the month\\b|[.,;]|$)`, 'g'),
    read: (m, context) => {
      const dayOfMonth = m[3] ? Number(m[3]) : parseOrdinal(m[1] ?? '');
      if (!dayOfMonth || dayOfMonth > 31) return null;
      const published = context.published;
      const trimStart = /^on /.test(m[0]) ? 3 : 0;
      if (m[2]) {
        const month = shiftMonth(published.year, published.month, m[2] === 'next' ? 1 : m[2] === 'last' ? -1 : 0);
        return isValidDay(month.year, month.month, dayOfMonth) ? { type: 'DATE', value: dayValue({ ...month, day: dayOfMonth }), trimStart } : null;
      }
      // The day in this month or a neighbouring one: ahead when the clause looks ahead, behind when it tells the past.
      const tense = tenseCue(context);
      const candidates = [0, -1, 1]
        .map((offset) => ({ ...shiftMonth(published.year, published.month, offset), day: dayOfMonth }))
        .filter((day) => isValidDay(day.year, day.month, day.day))
        .filter((day) => (tense === 'future' ? daysBetween(published, day) >= 0 : tense === 'past' ? daysBetween(published, day) <= 0 : true))
        .sort((a, b) => Math.abs(daysBetween(published, a)) - Math.abs(daysBetween(published, b)));
      const day = candidates[0];
      return day ? { type: 'DATE', value: dayValue(day), trimStart } : null;
    },
  },
  {
    name: 'month-year',
    pattern: new RegExp(`(?:\\b(${EDGE})(?: |-))?\\b(${MONTH_ANY}),? (?:of )?(${YEAR})\\b`, 'g'),
    read: (m) => {
      const month = monthNumber(m[2]);
      const year = yearNumber(m[3]);
      if (!month || !year) return null;
      const reading: TimexReading = { type: 'DATE', value: formatMonth(year, month) };
      const mod = edgeMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'month-relative-year',
    pattern: new RegExp(`(?:\\b(${EDGE})(?: |-))?\\b(${MONTH_FULL}) (?:of )?(last|this|next) year\\b`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[2]);
      const year = relativeYear(m[3], context);
      return month && year ? { type: 'DATE', value: formatMonth(year, month) } : null;
    },
  },
  {
    name: 'month',
    pattern: new RegExp(`(?:\\b(${EDGE})(?: |-))?(?:\\b([Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|(?:[Ee]arlier|[Ll]ater) this) )?\\b(${MONTH_FULL})\\b(?! \\d)`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[3]);
      if (!month) return null;
      // "the Million Man March", "the Women's March", "March Madness": a month inside a capitalised name is none.
      const wordBefore = /([A-Z][\w']*)\s+$/.exec(context.text.slice(Math.max(0, m.index - 20), m.index))?.[1];
      if (!m[1] && !m[2] && wordBefore && !isSentenceStart(context.text, m.index - wordBefore.length - 1) && !/^(?:In|By|Since|Until|Till|From|To|Through|During|Before|After|Early|Late|Mid|Last|Next|This|Each|Every|Of|On)$/.test(wordBefore)) return null;
      if (opensName(context, m.index + m[0].length)) return null;
      // "May" alone is usually the verb; only take it with a modifier or after a preposition.
      if (month === 5 && !m[1] && !m[2] && !/\b(?:in|of|since|until|till|by|from|to|through|during|before|after|early|late|mid-?)\s+$/i.test(context.text.slice(Math.max(0, m.index - 12), m.index)))
        return null;
      const resolved = resolveMonth(month, directionOf(m[2]), context);
      const reading: TimexReading = { type: 'DATE', value: formatMonth(resolved.year, resolved.month) };
      const mod = edgeMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'quarter',
    pattern: new RegExp(
      `\\b(?:the |its |(this|last|next) year's |(${YEAR_DIGITS})(?:'s)? )?(?:(?:fiscal|calendar)[- ])?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?(quarter|half)(?: of (?:fiscal |the fiscal year |calendar )?(${YEAR_DIGITS}|this year|last year|next year|the year))?\\b`,
      'gi',
    ),
    read: (m, context) => {
      const ordinalWord = (m[3] ?? '').toLowerCase();
      const half = (m[4] ?? '').toLowerCase() === 'half';
      const position = ordinalWord === 'final' || ordinalWord === 'last' ? (half ? 2 : 4) : parseOrdinal(ordinalWord);
      if (!position || position > (half ? 2 : 4)) return null;
      // "last quarter" alone is relative to the publication day, handled by the relative-period rule.
      if (ordinalWord === 'last' && !m[2] && !m[5] && !m[1]) return null;
      let year: number | undefined;
      if (m[2]) year = Number(m[2]);
      else if (m[5] && /^\d/.test(m[5])) year = Number(m[5]);
      else year = relativeYear(m[1] ?? m[5], context);
      if (year === undefined) year = half ? context.published.year : yearOfBareQuarter(position, context);
      // A fiscal quarter runs on its own calendar: it moves the focus like a quarter said to have ended.
      if (!half) noteQuarter(context, year, position, /fiscal/i.test(m[0]) || followedByEnded(context));
      const reading: TimexReading = { type: 'DATE', value: `${year}-${half ? 'H' : 'Q'}${position}` };
      // "its third-quarter profit": the hyphenated quarter modifies a noun, and the determiner is the noun's.
      const determiner = /^(?:the|its) (?=[\w]+-(?:fiscal-)?(?:quarter|half)$)/i.exec(m[0]);
      if (determiner && /^ [A-Za-z]/.test(context.text.slice(m.index + m[0].length, m.index + m[0].length + 2))) reading.trimStart = determiner[0].length;
      return reading;
    },
  },
  {
    name: 'quarter-code',
    pattern: new RegExp(`\\b(?:(${YEAR_DIGITS}) )?Q([1-4])(?:[ /-](${YEAR_DIGITS}))?\\b`, 'g'),
    read: (m, context) => {
      const quarter = Number(m[2]);
      const year = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : yearOfBareQuarter(quarter, context);
      noteQuarter(context, year, quarter);
      return { type: 'DATE', value: `${year}-Q${quarter}` };
    },
  },
  {
    name: 'month-span-quarter',
    // "the January-March quarter", "the July-September period": a calendar quarter named by its months.
    pattern: new RegExp(`\\b(?:the )?(${MONTH_FULL})[-–](${MONTH_FULL}) (?:quarter|period)\\b`, 'g'),
    read: (m, context) => {
      const first = monthNumber(m[1]);
      const last = monthNumber(m[2]);
      if (!first || !last || first % 3 !== 1 || last !== first + 2) return null;
      const quarter = (first + 2) / 3;
      const year = yearOfBareQuarter(quarter, context);
      noteQuarter(context, year, quarter, true);
      return { type: 'DATE', value: `${year}-Q${quarter}` };
    },
  },
  {
    name: 'half-code',
    // "H1 2024", "2023 H2": a half year; only with its year, since "H1" alone also names visas and viruses.
    pattern: new RegExp(`\\b(?:(${YEAR_DIGITS}) H([12])|H([12])[ /-](${YEAR_DIGITS}))\\b`, 'g'),
    read: (m) => ({ type: 'DATE', value: `${m[1] ?? m[4]}-H${m[2] ?? m[3]}` }),
  },
  {
    name: 'anaphoric-quarter',
    pattern: /\b(?:the (?:latest |most recent |same |recent |just-ended |just-completed )?(?:fiscal )?quarter|this quarter|the current quarter|the latest period|the latest (?:fiscal )?quarter)\b(?![- ](?:century|of a|mile|point|percent|to-))/gi,
    read: (m, context) => {
      if (/current/i.test(m[0])) return { type: 'DATE', value: shiftedPeriod('quarter', 0, context) };
      // Without a quarter named before, the end date places it; after one (often a fiscal quarter), that one stands.
      const ended = context.focus.quarter ? null : quarterEndingOn(context);
      if (ended) {
        noteQuarter(context, ended.year, ended.quarter, true);
        return { type: 'DATE', value: `${ended.year}-Q${ended.quarter}` };
      }
      return quarterAnchoredReading(context, 0);
    },
  },
  {
    name: 'year-ago-period',
    pattern:
      /\b(?:(?:the )?(?:year-ago|year-earlier|year ago|year earlier|comparable|corresponding|same) (?:fiscal )?(?:(?:(first|second|third|fourth) )?quarter|period|three months)(?: (?:a year (?:ago|earlier)|last year|of last year|the year before|in \d{4}))?|last year's (?:fiscal )?(?:quarter|period)|the quarter a year (?:ago|earlier)|(?:the )?(?:year-ago|year-earlier) (?:first )?(six|nine) months|year-(?:ago|earlier))\b/gi,
    read: (m, context) => {
      // "the year-earlier nine months": the same span a year before, written as its length as "the nine months" is.
      if (m[2]) return { type: 'DURATION', value: `P${parseQuantity(m[2])}M` };
      if (/^(?:the )?same/i.test(m[0]) && !/year|\d{4}/i.test(m[0])) {
        // "wounded 36 others during the same period", in a story that reports no quarter: the time the text last named.
        const last = context.focus.lastDate;
        if (!context.focus.quarter && /period/i.test(m[0])) {
          if (!last) return null;
          return { type: 'DATE', value: last.month ? (last.day ? dayValue({ year: last.year, month: last.month, day: last.day }) : formatMonth(last.year, last.month)) : String(last.year) };
        }
        return quarterAnchoredReading(context, 0);
      }
      // "the year-ago third quarter": that quarter of the year before the one the story reports on.
      const named = m[1] ? parseOrdinal(m[1]) : undefined;
      if (named) return { type: 'DATE', value: `${focusedQuarter(context).year - 1}-Q${named}` };
      const yearNamed = /\bin (\d{4})$/.exec(m[0])?.[1];
      // "exports rose from the same period last year" in a story that names no quarter: only the year is known.
      if (!context.focus.quarter && /period/i.test(m[0])) return { type: 'DATE', value: yearNamed ?? String(context.published.year - 1) };
      if (yearNamed) return { type: 'DATE', value: `${yearNamed}-Q${focusedQuarter(context).quarter}` };
      return quarterAnchoredReading(context, 1);
    },
  },
  {
    name: 'year-period',
    pattern: new RegExp(`\\bthe (${YEAR_DIGITS}) (?:fiscal )?(quarter|period|third quarter|second quarter|first quarter|fourth quarter)\\b`, 'g'),
    read: (m, context) => {
      const ordinal = /^(\w+) quarter/.exec(m[2] ?? '');
      const quarter = ordinal ? parseOrdinal(ordinal[1] ?? '') : focusedQuarter(context).quarter;
      return quarter ? { type: 'DATE', value: `${m[1]}-Q${quarter}` } : null;
    },
  },
  {
    name: 'relative-decade',
    pattern: /\b(?:the (last|past|previous|next|coming) decade|this decade)\b/gi,
    read: (m, context) => {
      // "over the past decade", "for the next decade": ten years running up to (or from) now, a span as "the past two years" is.
      if (m[1] && /\b(?:over|for|throughout|within)\s+$/i.test(context.text.slice(Math.max(0, m.index - 12), m.index))) return { type: 'DURATION', value: 'P10Y' };
      const decade = Math.floor(context.published.year / 10) + (/last|past|previous/i.test(m[1] ?? '') ? -1 : /next|coming/i.test(m[1] ?? '') ? 1 : 0);
      return { type: 'DATE', value: String(decade) };
    },
  },
  {
    name: 'financial-year',
    pattern: /\b(?:the (?:fiscal |financial )?year(?= end(?:ed|ing)\b| to (?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?!\w))|the full year|the (?:current|latest) (?:fiscal |financial )?year|the (?:fiscal|financial) year(?!['’]s|[- ](?:end|ended|ending|ago|earlier|before|after|to)\b|[- ]\d| of\b))\b/gi,
    read: (m, context) => {
      if (/latest/i.test(m[0])) return { type: 'DATE', value: String(context.published.year - 1) };
      // "the year ended Sept. 30", "the year to March 1998": twelve months up to that day or month.
      if (/^ (?:end(?:ed|ing)|to)\b/i.test(context.text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return { type: 'DURATION', value: 'P1Y' };
      // "the full year", "earnings for the fiscal year": the company's current year, named by the calendar year it is in;
      // in a report on a quarter, the year of that quarter.
      if (/current/i.test(m[0])) return { type: 'DATE', value: String(context.published.year) };
      return { type: 'DATE', value: String(context.focus.quarter?.year ?? context.published.year) };
    },
  },
  {
    name: 'the-year',
    // "For the year, sales rose", "earlier in the year", "the first nine months of the year": the current year, or
    // in a report on a quarter, that quarter's year ("fourth-quarter profit rose; for the year, sales fell", in January).
    pattern: /(?<=\b(?:for|in|during|throughout|months of) )the year\b(?![- ](?:ago|earlier|before|after|later|end|ended|ending|to|up|just|two|nineteen)\b|[- ]\d| of \d)/gi,
    read: (_m, context) => ({ type: 'DATE', value: String(context.focus.quarter?.year ?? context.published.year) }),
  },
  {
    name: 'the-weekend',
    pattern: /\b(?:the|this past|this|last|next|this coming) weekend\b/gi,
    read: (m, context) => {
      const word = m[0].toLowerCase();
      const weekday = isoWeekday(context.published);
      let offset: number;
      if (word.startsWith('last') || word.startsWith('this past')) offset = weekday >= 6 ? 0 : -1;
      else if (word.startsWith('next')) offset = 1;
      else if (word.startsWith('this')) offset = 0;
      else offset = weekday >= 6 || clauseTense(context) === 'future' ? 0 : -1;
      return { type: 'DATE', value: shiftedPeriod('weekend', offset, context) };
    },
  },
  {
    name: 'end-of-current-period',
    // "at the start of the year", "since the beginning of the month": the current one, with its edge.
    pattern: /\b(?:the )?(end|beginning|start|middle) of the (week|month|year)\b(?![- ](?:ago|earlier|before|after)\b)/gi,
    read: (m, context) => ({ type: 'DATE', value: shiftedPeriod((m[2] ?? 'month').toLowerCase() as 'week' | 'month' | 'year', 0, context), mod: edgeMod(m[1]) ?? 'END' }),
  },
  {
    name: 'holiday',
    // "Easter Island", "a Christmas tree", "Easter eggs" name things, not days.
    pattern: new RegExp(`\\b(${HOLIDAY_NAMES})(?:,? (${YEAR_DIGITS}))?\\b(?![- ](?:Island|Islands|Rising|[Tt]rees?|[Cc]ards?|[Ee]ggs?|[Cc]arols?|[Pp]resents?|[Gg]ifts?|[Ll]ights|[Dd]ecorations)\\b)`, 'g'),
    read: (m, context) => {
      const holiday = holidayNamed(m[1] ?? '');
      if (!holiday) return null;
      // "on Christmas Eve in 2000": the year after "in" is its own expression but still places the holiday.
      const yearAfter = /^ (?:in|of) (\d{4})\b/.exec(context.text.slice(m.index + m[0].length, m.index + m[0].length + 9))?.[1];
      const year = m[2] ?? yearAfter;
      const day = holidayOccurrence(holiday, context.published, tenseCue(context), year ? Number(year) : undefined);
      if (!day) return null;
      // A month-long holiday (Ramadan) is named by the month that holds most of it.
      if (holiday.length > 1) {
        const middle = addDays(day, Math.floor(holiday.length / 2));
        return { type: 'DATE', value: formatMonth(middle.year, middle.month) };
      }
      return { type: 'DATE', value: dayValue(day) };
    },
  },
  {
    name: 'day-around-event',
    // "the day after his death", "the night before the vote": a day counted from an event; TimeML marks "the day after".
    // Alone at the end of its phrase ("he had been seen the day before."), it counts from the story's last-named day.
    pattern: /\b(?:on )?the (day|night|morning|evening) (after|before)(?= (?:his|her|their|its|the|a|an|this|that)\b|[.,;!?]|$)/gi,
    read: (m, context) => {
      const trimStart = /^on /i.test(m[0]) ? 3 : 0;
      const last = context.focus.lastDate;
      const unit = (m[1] ?? '').toLowerCase();
      // The event's day is unknown here; the story's last-named day is the best guess only when it was the same day's story.
      if (!last?.day || !last.month) return { type: unit === 'day' ? 'DATE' : 'TIME', value: unit === 'day' ? 'XXXX-XX-XX' : `XXXX-XX-XXT${PART_OF_DAY[unit]}`, trimStart };
      // "after Oct. 12, the day before the crash": in apposition to a date just named, the phrase restates that date.
      const appositive = context.focus.lastDateAt !== undefined && /^(?:[^,.;!?]|\.(?!\s+[A-Z])){1,24},\s*$/.test(context.text.slice(context.focus.lastDateAt, m.index));
      const day = addDays({ year: last.year, month: last.month, day: last.day }, appositive ? 0 : /after/i.test(m[2] ?? '') ? 1 : -1);
      return unit === 'day' ? { type: 'DATE', value: dayValue(day), trimStart } : { type: 'TIME', value: `${dayValue(day)}T${PART_OF_DAY[unit]}`, trimStart };
    },
  },
  {
    name: 'part-of-named-day',
    // "on the morning of March 3", "the night of Nov. 5, 2023": that part of the day named (TimeML marks the whole phrase).
    pattern: new RegExp(`\\b(?:on )?the (morning|afternoon|evening|night) of (${WEEKDAY}|(${MONTH_ANY}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (${YEAR_DIGITS}))?)\\b`, 'g'),
    read: (m, context) => {
      const month = monthNumber(m[3]);
      const day = month && m[5] ? { year: Number(m[5]), month, day: Number(m[4]) } : dayOfPhrase(m[2], context);
      if (!day || !isValidDay(day.year, day.month, day.day)) return null;
      return { type: 'TIME', value: `${dayValue(day)}T${PART_OF_DAY[(m[1] ?? '').toLowerCase()]}`, trimStart: /^on /.test(m[0]) ? 3 : 0 };
    },
  },
  {
    name: 'later-in-the-day',
    // "later in the day", "earlier in the day": the day the story is about.
    pattern: /(?<=\b(?:later|earlier|late|early) in )the day\b/gi,
    read: (_m, context) => {
      const last = context.focus.lastDate;
      const day = last?.day && last.month ? { year: last.year, month: last.month, day: last.day } : context.published;
      return { type: 'DATE', value: dayValue(day) };
    },
  },
  {
    name: 'anaphoric-period',
    // "that year", "the same day", "the following month", "the previous week": relative to the last date the text named (TimeML anchoring).
    pattern:
      /\b(?:(?:later|earlier) )?(that same|that very|the very same|that|the same|the following|the next|the previous|the preceding|the prior) (day|week|month|quarter|year|morning|afternoon|evening|night)\b(?!-|'s| (?:or so|ago|earlier|later|before|after|of)\b)/gi,
    read: (m, context) => {
      const relation = (m[1] ?? '').toLowerCase();
      const unit = (m[2] ?? '').toLowerCase();
      // "the next morning", "that same night": a part of the day the story last named, or of the one after or before it.
      if (unit in PART_OF_DAY) {
        const last = context.focus.lastDate;
        if (!last?.day || !last.month) return null;
        const shift = /following|next/.test(relation) ? 1 : /previous|preceding|prior/.test(relation) ? -1 : 0;
        const day = addDays({ year: last.year, month: last.month, day: last.day }, shift);
        return { type: 'TIME', value: `${dayValue(day)}T${PART_OF_DAY[unit]}` };
      }
      // "the next year" usually counts from today ("over the next year"); it follows a date named before only in a
      // past narrative and not as a span ("The bill passed in 2019. The next year, it was repealed.").
      if (relation === 'the next' && unit !== 'day') {
        const span = /\b(?:over|for|in|within|during|throughout|through|into|of)\s+$/i.test(context.text.slice(Math.max(0, m.index - 12), m.index));
        if (span || !context.focus.lastDate || clauseTense(context) !== 'past') return null;
      }
      const shift = /following|next/.test(relation) ? 1 : /previous|preceding|prior/.test(relation) ? -1 : 0;
      const last = context.focus.lastDate;
      const published = context.published;
      switch (unit) {
        case 'day':
        case 'week': {
          // "trades made that day" with no day named before: a generic day, not a date.
          if (!last?.day && shift === 0) return null;
          const base = last?.day && last.month ? { year: last.year, month: last.month, day: last.day } : published;
          return { type: 'DATE', value: unit === 'day' ? dayValue(addDays(base, shift)) : formatWeek(addDays(base, 7 * shift)) };
        }
        case 'month': {
          const base = last?.month ? { year: last.year, month: last.month } : published;
          const shifted = shiftMonth(base.year, base.month, shift);
          return { type: 'DATE', value: formatMonth(shifted.year, shifted.month) };
        }
        case 'quarter': {
          const quarter = focusedQuarter(context);
          const index = quarter.year * 4 + quarter.quarter - 1 + shift;
          return { type: 'DATE', value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}` };
        }
        default:
          return { type: 'DATE', value: String((last?.year ?? published.year) + shift) };
      }
    },
  },
  {
    name: 'relative-period',
    pattern:
      /\b(?:(early|late|mid-|mid|the end of|the beginning of|the middle of|the start of|the rest of|the remainder of|the first half of|the second half of|the latter part of|the end of the) )?(?:(?:so far |earlier |later )?(this|last|next|the past|the previous|the coming|the current|the next|this past|this coming|the last|the latest) )(week|month|year|quarter|fiscal year|spring|summer|fall|autumn|winter)\b(?!-| of\b)/gi,
    read: (m, context) => {
      // A capitalised unit is a title ("ABC's \"This Week\""), not a time.
      if (/^[A-Z]/.test(m[3] ?? '')) return null;
      const unitWord = (m[3] ?? '').toLowerCase();
      // "this past spring" is this year's spring; "this past week" is last week.
      const direction = unitWord in SEASON_CODE && /this past/i.test(m[2] ?? '') ? 'this' : directionOf(m[2]);
      const offset = direction === 'last' ? -1 : direction === 'next' ? 1 : 0;
      const mod = edgeMod(m[1]);
      let reading: TimexReading;
      if (unitWord in SEASON_CODE) {
        const season = SEASON_CODE[unitWord] as string;
        reading = { type: 'DATE', value: `${context.published.year + offset}-${season}` };
      } else if (unitWord === 'year' && offset === -1 && !m[1] && context.focus.quarter && YEAR_AGO_FIGURE.test(context.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) {
        // "sales of $1.76 billion, up from last year's $1.55 billion": in a quarterly report, the figure of the year-ago quarter.
        return quarterAnchoredReading(context, 1);
      } else {
        const unit = unitWord === 'fiscal year' ? 'year' : (unitWord as 'week' | 'weekend' | 'month' | 'year' | 'quarter');
        reading = { type: 'DATE', value: shiftedPeriod(unit, offset, context) };
        if (/half of/i.test(m[1] ?? '') && unit === 'year') reading.value += /first/i.test(m[1] ?? '') ? '-H1' : '-H2';
      }
      if (mod && !/half of/i.test(m[1] ?? '')) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'year-end',
    pattern: /\b(?:(?:the )?(?:end|turn) of the year|year-end|year's end|year end|(?:the )?end of the decade)\b/gi,
    read: (m, context) => ({ type: 'DATE', value: /decade/i.test(m[0]) ? String(context.published.year).slice(0, 3) : String(context.published.year), mod: 'END' }),
  },
  {
    name: 'season',
    pattern: new RegExp(
      `\\b(?:(this|last|next|the|early|late|mid-) )?(spring|summer|fall|autumn|winter)(?:(?: of|,)? (${YEAR}))?\\b(?!-)`,
      'gi',
    ),
    read: (m, context) => {
      const season = SEASON_CODE[(m[2] ?? '').toLowerCase()];
      if (!season) return null;
      const modifier = (m[1] ?? '').toLowerCase();
      const year = yearNumber(m[3]);
      if (!year && !modifier && !/\b(?:in|during|since|until|by|this|over|through)\s+$/i.test(context.text.slice(Math.max(0, m.index - 10), m.index))) return null;
      // "fall" is a verb and a noun far more often than a season.
      if (season === 'FA' && /fall/i.test(m[2] ?? '') && !year && !['this', 'last', 'next', 'early', 'late'].includes(modifier)) return null;
      const direction = directionOf(modifier);
      const base = year ?? context.published.year + (direction === 'last' ? -1 : direction === 'next' ? 1 : 0);
      const reading: TimexReading = { type: 'DATE', value: `${base}-${season}` };
      if (modifier === 'the' && !year) reading.trimStart = 4;
      const mod = edgeMod(modifier);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'decade',
    pattern: /\b(?:the )?(?:(early|mid-|mid|late) )?(?:(1[0-9]|20)(\d)0'?s|'(\d)0'?s|(?:nineteen[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi,
    read: (m) => {
      const decadeWords = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
      const decade = m[2] ? `${m[2]}${m[3]}` : m[4] ? `19${m[4]}` : `19${decadeWords.indexOf((m[5] ?? '').toLowerCase()) + 2}`;
      const reading: TimexReading = { type: 'DATE', value: decade };
      const mod = edgeMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'century',
    pattern: new RegExp(`\\b(?:the )?(?:(early|mid-|mid|late) )?(${ORDINAL}|twentieth|nineteenth|twenty-first|eighteenth)[- ]century\\b`, 'gi'),
    read: (m) => {
      const ordinal = parseOrdinal((m[2] ?? '').toLowerCase());
      if (!ordinal) return null;
      const reading: TimexReading = { type: 'DATE', value: pad(ordinal - 1) };
      const mod = edgeMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'year',
    pattern: new RegExp(
      `(?<![\\w$£€¥#.,/]|[^d]-)(?:(${EDGE})(?: |-))?(?:(fiscal(?: year)?|calendar(?: year)?|the year|FY) ?)?(${YEAR_DIGITS})(?![\\w%/]|[.,]\\d|-\\d| ?(?:percent|per cent|points?|people|persons|troops|soldiers|tonnes|tons|metres|meters|feet|km|kilometers|miles|yuan|dollars|euros|pounds|marks|francs|yen|rupees|members|workers|votes|cases|units|shares|cars|barrels|hectares|acres|deaths|[A-Z]{3}\\b))`,
      'g',
    ),
    read: (m, context) => {
      const year = Number(m[3]);
      // "a 1998 Toyota Camry", "the 2024 model": a car's model year names the model, not a time.
      const after = context.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      const before = context.text.slice(Math.max(0, m.index - 12), m.index);
      if (CAR_MODEL.test(after) || /\bmodel[- ]year\s*$/i.test(before)) return null;
      // Bare four-digit numbers far from the story's time are usually counts.
      if (!m[1] && !m[2] && (year < 1800 || year > context.published.year + 30)) return null;
      const edge = m[1] ?? '';
      const reading: TimexReading = { type: 'DATE', value: String(year) };
      if (/first half/i.test(edge)) reading.value += '-H1';
      else if (/second half/i.test(edge)) reading.value += '-H2';
      else {
        const mod = edgeMod(edge);
        if (mod) reading.mod = mod;
      }
      return reading;
    },
  },
  {
    name: 'word-year',
    pattern: new RegExp(`\\b(?:(the year|in|of|since|until|by) )?(${WORD_YEAR})\\b(?![- ](?:years?|people|dollars|percent))`, 'gi'),
    read: (m) => {
      const year = parseWordYear(m[2] ?? '');
      if (!year) return null;
      // "two thousand" is a count unless something marks it as a year.
      if (year >= 2000 && !m[1]) return null;
      const prefix = (m[1] ?? '').toLowerCase();
      return { type: 'DATE', value: String(year), trimStart: prefix && prefix !== 'the year' ? prefix.length + 1 : 0 };
    },
  },
  {
    name: 'relative-day',
    pattern: new RegExp(`\\b(?:(early|late|mid-|mid|later|earlier) )?(?:(?:mid-?|early |late )?(${DAY_PART}) )?(${DAY_WORD})(?: (${DAY_PART}))?\\b`, 'gi'),
    read: (m, context) => {
      const [, edge, partBefore, dayWord = '', partAfter] = m;
      // "mid-afternoon yesterday": the part of the day may come first.
      if (partBefore) return partAfter ? null : withDayPart(relativeDay(dayWord, context), partBefore);
      // "today's world", "people of tomorrow": the present or the future in general, not a date ("today's vote" is one).
      const after = context.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (!partAfter && /^'s (?:world|society|generation)\b/.test(after)) return null;
      if (/\b(?:of|for) $/i.test(context.text.slice(Math.max(0, m.index - 4), m.index)) && /tomorrow/i.test(dayWord)) return null;
      const day = relativeDay(dayWord, context);
      if (!partAfter && /^(?:later|earlier)$/i.test(edge ?? '')) return { type: 'DATE', value: dayValue(day), trimStart: (edge ?? '').length + 1 };
      return withDayPart(day, partAfter);
    },
  },
  {
    name: 'part-of-today',
    pattern: /\b(?:(?:later |earlier |early |late )?this (morning|afternoon|evening)|(tonight)|(last night)|(overnight))\b/gi,
    read: (m, context) => {
      if (m[4]) return null;
      if (m[3]) return { type: 'TIME', value: `${dayValue(addDays(context.published, -1))}TNI` };
      const part = (m[1] ?? m[2] ?? '').toLowerCase();
      return { type: 'TIME', value: `${dayValue(context.published)}T${PART_OF_DAY[part] ?? 'XX'}` };
    },
  },
  {
    name: 'clock-time',
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:[:.](\\d{2}))? ?(a\\.m\\.|p\\.m\\.|am\\b|pm\\b)(?: ?\\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|BST|CET|local time|local)\\)?)?(?:,? (?:on )?(${WEEKDAY}|${DAY_WORD}|${MONTH_ANY} \\d{1,2})\\b)?`,
      'gi',
    ),
    read: (m, context) => {
      const clock = clockValue(m[1] ?? '', m[2], m[3]);
      // "He arrived at 5 p.m. On Friday, he left": a capital after the "p.m." opens the next sentence, and its day with it.
      const nextSentence = m[4] ? / On /.exec(m[0]) : null;
      if (clock && nextSentence) return { type: 'TIME', value: `${dayValue(context.published)}${clock}`, dayless: true, trimEnd: m[0].length - nextSentence.index };
      const day = dayOfPhrase(m[4], context);
      return clock && day ? { type: 'TIME', value: `${dayValue(day)}${clock}`, dayless: !m[4] } : null;
    },
  },
  {
    name: 'clock-time-zone',
    pattern: /\b(\d{1,2}):?(\d{2}) ?(?:GMT|UTC|local time|hours? (?:GMT|local time))\b/g,
    read: (m, context) => {
      const clock = clockValue(m[1] ?? '', m[2], undefined);
      return clock ? { type: 'TIME', value: `${dayValue(context.published)}${clock}`, dayless: true } : null;
    },
  },
  {
    name: 'clock-of-day-part',
    // "at 3:15 in the afternoon", "11 o'clock", "nine o'clock at night": the hour read on the part of the day named.
    pattern: /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(\d{2}))?( o'clock)?( in the (?:morning|afternoon|evening)| at night)?\b/gi,
    read: (m, context) => {
      // A bare number is a clock time only with "o'clock", or with its minutes and a part of the day to place it.
      if (!m[3] && !(m[2] && m[4])) return null;
      const hourWord = (m[1] ?? '').toLowerCase();
      const hour = /^\d+$/.test(hourWord) ? Number(hourWord) : parseQuantity(hourWord);
      if (hour === undefined || hour < 1 || hour > 12) return null;
      const part = (m[4] ?? '').toLowerCase();
      const shifted = /afternoon|evening|night/.test(part) && hour < 12 ? hour + 12 : /morning|night/.test(part) && hour === 12 ? 0 : hour;
      const clock = clockValue(String(shifted), m[2], undefined);
      return clock ? { type: 'TIME', value: `${dayValue(context.published)}${clock}`, dayless: true } : null;
    },
  },
  {
    name: 'part-of-the-day',
    // "placed orders in the morning", "talks resumed in the afternoon": a part of the day the sentence is about (or the
    // day before's), the publication day when neither names one; "in the morning after the vote" counts from an event.
    pattern: /(?<=\b(?:in|during|early in|late in|later in|earlier in) )the (morning|afternoon|evening)\b(?! (?:after|before|of|session|sessions|trade|trading|rush|edition|papers?|prayers?|services?|shift|news)\b)/gi,
    read: (m, context) => ({ type: 'TIME', value: `${dayValue(context.published)}T${PART_OF_DAY[(m[1] ?? '').toLowerCase()]}`, dayless: true }),
  },
  {
    name: 'noon',
    pattern: new RegExp(`\\b(?:(${WEEKDAY}|${DAY_WORD}) )?(noon|midnight)(?: (${WEEKDAY}|${DAY_WORD}))?\\b`, 'gi'),
    read: (m, context) => {
      // "High Noon", "Midnight Express": a capitalised noon inside a sentence is a title.
      if (/^[A-Z]/.test(m[2] ?? '') && !isSentenceStart(context.text, m.index + m[0].indexOf(m[2] ?? ''))) return null;
      const day = dayOfPhrase(m[1] ?? m[3], context);
      if (!day) return null;
      return { type: 'TIME', value: `${dayValue(day)}T${/noon/i.test(m[2] ?? '') ? '12:00' : '24:00'}`, dayless: !m[1] && !m[3] };
    },
  },
  {
    name: 'ago',
    pattern: new RegExp(`\\b(?:(${DURATION_MOD}) )?(${QUANTITY}|(?=${TIME_UNIT}s))[- ]?(${TIME_UNIT})s?( and a half)? (?:or so )?(ago|earlier|before|later|after|from now|hence|back|previously)\\b(?! than\\b)`, 'gi'),
    read: (m, context) => {
      const unit = unitKey(m[3] ?? '');
      const whole = m[2] ? parseQuantity(m[2]) : undefined;
      // "a year and a half ago": the half is of the unit just named.
      const amount = m[4] && whole !== undefined ? whole + 0.5 : whole;
      const direction = /ago|earlier|before|back|previously/i.test(m[5] ?? '') ? -1 : 1;
      const reading = (value: string): TimexReading => {
        const result: TimexReading = { type: 'DATE', value };
        const mod = durationMod(m[1]);
        if (mod) result.mod = mod;
        return result;
      };
      // "three days later", "a few months before": anchored to a story event, not to today; TimeML marks the length as a duration.
      if (/before|after|later/i.test(m[5] ?? '')) return null;
      // "two and a half years ago", "1 1/2 years ago": a whole number of months back, named by its month.
      if (unit === 'year' && amount !== undefined && !Number.isInteger(amount) && Number.isInteger(amount * 12)) return reading(shiftedPeriod('month', direction * amount * 12, context));
      if (amount === undefined || !Number.isInteger(amount)) return reading(direction < 0 ? 'PAST_REF' : 'FUTURE_REF');
      const shift = direction * amount;
      const published = context.published;
      // "60% in 2019 and 55% five years earlier": "earlier" counts from the time its sentence has just named, "ago" from today.
      const anchor = /earlier|previously/i.test(m[5] ?? '') ? dateNamedInSentence(context) : undefined;
      if (anchor && unit === 'year' && !(amount === 1 && context.focus.quarter)) return reading(String(anchor.year + shift));
      if (anchor?.month && unit === 'month') {
        const shifted = shiftMonth(anchor.year, anchor.month, shift);
        return reading(formatMonth(shifted.year, shifted.month));
      }
      if (anchor?.month && anchor.day && unit === 'day') return reading(dayValue(addDays({ year: anchor.year, month: anchor.month, day: anchor.day }, shift)));
      switch (unit) {
        case 'day':
          return reading(dayValue(addDays(published, shift)));
        case 'week':
        case 'fortnight':
          return reading(formatWeek(addDays(published, shift * 7 * (unit === 'fortnight' ? 2 : 1))));
        case 'month':
          return reading(shiftedPeriod('month', shift, context));
        case 'quarter':
          return reading(shiftedPeriod('quarter', shift, context));
        case 'year':
          if (amount === 1 && direction < 0 && context.focus.quarter) return quarterAnchoredReading(context, 1);
          return reading(String(published.year + shift));
        case 'decade':
          return reading(String(published.year + shift * 10).slice(0, 3));
        // "a century ago" names a century, as "a decade ago" names a decade.
        case 'century':
          return reading(String(published.year + shift * 100).slice(0, 2));
        default:
          return null;
      }
    },
  },
  {
    name: 'duration',
    pattern: new RegExp(
      `\\b(?:(${DURATION_MOD}) )?(?:(the|its|their|his|her) )?(?:(past|last|next|first|final|coming|previous|following|latest|initial|remaining|entire|whole|full|same|preceding|ensuing|further|additional|another) )?(?:(${DURATION_MOD}) )?(${QUANTITY})(?: (?:more|full|straight|consecutive|successive|long|whole|additional|further|trading|business|working))?[- ](${TIME_UNIT})s?\\b(?:-(?:long|old))?( and a half)?(?: or (?:so|more|longer|two|three))?`,
      'gi',
    ),
    read: (m, context) => {
      const quantityWord = (m[5] ?? '').toLowerCase();
      const unit = unitKey(m[6] ?? '');
      // "60 Minutes", "48 Hours": a capitalised unit inside a sentence is a title.
      if (/^[A-Z]/.test(m[6] ?? '') && !isSentenceStart(context.text, m.index + m[0].indexOf(m[6] ?? ''))) return null;
      if ((quantityWord === 'a' || quantityWord === 'an') && (unit === 'second' || unit === 'quarter')) return null;
      if (unit === 'quarter' && !/^\d|^(?:two|three|four|five|six|seven|eight|several|a few|few)$/.test(quantityWord)) return null;
      if (/^\d{4}$/.test(quantityWord)) return null;
      const whole = parseQuantity(quantityWord);
      // "a minute and a half": the half is of the unit just named.
      const amount = m[7] && whole !== undefined ? whole + 0.5 : whole;
      const value = amount !== undefined && m[7] && unit === 'minute' ? `PT${whole}M30S` : amount !== undefined && m[7] && unit === 'hour' ? `PT${whole}H30M` : durationValue(amount, unit);
      if (!value) return null;
      const preceding = context.text.slice(Math.max(0, m.index - 24), m.index);
      // "Ponting hit a half-century": fifty runs in cricket, not fifty years.
      if (unit === 'century' && /half-century/i.test(m[0]) && /\b(?:hit|hits|scored|scores|made|makes|reached|reaches|struck|smashed|brought up|his|her|their|maiden|quickfire|brisk|unbeaten)\s+(?:an?\s+)?$/i.test(preceding)) return null;
      // "Islam will one day be…": after a modal, "one day" means some day in the future.
      if (quantityWord === 'one' && unit === 'day' && !m[1] && !m[2] && !m[3] && /\b(?:will|would|could|might|may|can|shall|should|must)\s+$/i.test(preceding)) return { type: 'DATE', value: 'FUTURE_REF' };
      // "$5 a year", "twice a day", "208,000 jobs a month": a rate, not a span of time; annotators leave it unmarked.
      if (
        (quantityWord === 'a' || quantityWord === 'an') &&
        !m[1] &&
        !m[2] &&
        !m[3] &&
        /(?:\d|dollars?|cents?|percent|times|twice|once|pounds|euros|yen|seats?|flights?|million|billion|thousand)(?:\s+(?!(?:in|for|within|after|over|of|than|about|around|by|to|at|on)\b)[a-z]+){0,2}\s*$/i.test(preceding)
      )
        return null;
      const following = context.text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      // Ages ("52 years old", "a 136-year-old bank") and fractions ("three-quarters of") are not time spans.
      if (/^[- ]old\b/.test(following) || /-old$/.test(m[0]) || (unit === 'quarter' && /^ of\b/.test(following) && !/^(?:several|a few|few|many)$/.test(quantityWord))) return null;
      const reading: TimexReading = { type: 'DURATION', value };
      // "over the last six weeks", "over the next two years": "over" is the preposition "during" here, not "more than".
      if (/^over$/i.test(m[1] ?? '') && (m[2] || m[3])) {
        reading.trimStart = 5;
        return reading;
      }
      // "is expected to last six weeks": "last" is the verb, not a modifier of the length.
      if (/^last$/i.test(m[3] ?? '') && !m[1] && !m[2] && /\b(?:to|will|would|could|may|might|can|should|must|not|'ll)\s+$/i.test(preceding)) {
        reading.trimStart = m[0].toLowerCase().indexOf('last') + 5;
        return reading;
      }
      // "under its two-year plan", "the 48-hour strike": a length joined to its noun by a hyphen modifies the noun, and the
      // words before it belong to the noun phrase, not to the length (TimeML marks "two-year" alone).
      const joined = !m[3] && !m[4] && new RegExp(`(?:${QUANTITY})-${m[6] ?? ''}$`, 'i').exec(m[0]);
      if (joined && joined.index > 0 && /^ [A-Za-z]/.test(following)) {
        reading.trimStart = joined.index;
        return reading;
      }
      const mod = durationMod(m[1] ?? m[4]);
      if (mod) reading.mod = mod;
      if (/^(?:only|just)$/i.test(m[1] ?? '')) reading.trimStart = (m[1] ?? '').length + 1;
      return reading;
    },
  },
  {
    name: 'quarter-century',
    // "a quarter of a century", "a quarter-century", "three-quarters of a century": spans of 25 and 75 years.
    pattern: new RegExp(`\\b(?:(${DURATION_MOD}) )?(a|one|three)[- ]quarters?(?: of a |[- ])century\\b`, 'gi'),
    read: (m) => {
      const reading: TimexReading = { type: 'DURATION', value: /three/i.test(m[2] ?? '') ? 'P75Y' : 'P25Y' };
      const mod = durationMod(m[1]);
      if (mod) reading.mod = mod;
      return reading;
    },
  },
  {
    name: 'vague-duration',
    pattern: new RegExp(`(?<=\\b(?:for|over|in|within|during|took|takes|take|lasted|last|spent|spend)(?: the)? )(?:(?:many|several|a few|few|some) )?(days|weeks|months|years|decades|centuries|hours|minutes)\\b(?! ago| of\\b| earlier| later)`, 'gi'),
    read: (m) => {
      const value = durationValue(undefined, m[1] ?? '');
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'vague-duration-of',
    // "after years of war", "follows months of talks": the span an event ends or comes out of is a duration, as
    // "after several years of war" is; "the years of the war" (a determiner) names the period instead.
    pattern: /(?<=\b(?:after|following|follows|followed|amid|despite|ending|ended|ends|end|capping|culminating) )(days|weeks|months|years|decades)(?= of [a-z])/gi,
    read: (m) => {
      const value = durationValue(undefined, m[1] ?? '');
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'vague-offset',
    // "Days later, the minister quit", "just hours after the blast": a vague length counted from an event, as "a few
    // days later" is.
    pattern: /(?<=(?:^|[.!?;,:]\s+|\n|\b(?:just|only|and|but|barely|mere)\s+))(?:[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Hh]ours|[Mm]inutes)(?= (?:later|after|earlier|before)\b)/g,
    read: (m) => {
      const value = durationValue(undefined, m[0]);
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'vague-span',
    pattern: /\b(?:(?:the )?(?:recent|coming|next few|past few|last few|past several|last several) (days|weeks|months|quarters|years)|(?:the )?(days|weeks|months|years) ahead)\b/gi,
    read: (m) => {
      const unit = (m[1] ?? m[2] ?? '').toLowerCase();
      if (/coming/i.test(m[0]) && unit === 'quarters') return { type: 'DATE', value: 'FUTURE_REF' };
      if (/recent/i.test(m[0]) && unit === 'years') return { type: 'DATE', value: 'PAST_REF' };
      const value = durationValue(undefined, unit);
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'frequency-set',
    // "twice a week", "three times a year": how often something recurs, a SET (TimeML writes its count as freq="2X").
    pattern: new RegExp(`\\b(?:once|twice|thrice|(?:${QUANTITY}) times) (?:a|an|per|each|every) (${TIME_UNIT})\\b`, 'gi'),
    read: (m) => {
      const value = durationValue(1, m[1] ?? '');
      return value ? { type: 'SET', value } : null;
    },
  },
  {
    name: 'weekday-set',
    // "each Thursday", "every Monday", "on Mondays", "Tuesday nights": a weekly set (TIMEX3 XXXX-WXX-n).
    // "Monday and Tuesday nights": the plural is shared, and the first weekday is a set of nights too.
    pattern: new RegExp(
      `\\b(?:(?:[Ee]very|[Ee]ach) (${WEEKDAY})(?: (${DAY_PART}))?|(${WEEKDAY})s(?: (${DAY_PART})s?)?|(${WEEKDAY}) (${DAY_PART})s|(${WEEKDAY})(?=,? (?:and|or) (?:${WEEKDAY}) (${DAY_PART})s\\b))\\b`,
      'g',
    ),
    read: (m) => {
      const weekday = weekdayNumber(m[1] ?? m[3] ?? m[5] ?? m[7]);
      if (!weekday) return null;
      const part = (m[2] ?? m[4] ?? m[6] ?? m[8] ?? '').toLowerCase();
      return { type: 'SET', value: `XXXX-WXX-${weekday}${part ? `T${PART_OF_DAY[part]}` : ''}` };
    },
  },
  {
    name: 'set',
    pattern: new RegExp(`\\b(?:(?:every|each) (other )?(${TIME_UNIT}|morning|night|evening|weekend)|(daily|weekly|monthly|yearly|nightly|hourly|annually|quarterly|biannually))\\b`, 'gi'),
    read: (m, context) => {
      if (m[3]) {
        const adverb = m[3].toLowerCase();
        const values: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P1Q', nightly: 'P1D', hourly: 'PT1H', biannually: 'P6M' };
        // "the Daily Telegraph", "The Weekly Standard": titles.
        if (/^[A-Z]/.test(m[3]) && !isSentenceStart(context.text, m.index)) return null;
        const following = context.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
        const atClauseEnd = /^\s*(?:[.,;:)"]|$)/.test(following);
        // "his weekly address", "daily talks": TIMEX3 marks the adjective as a set too; "quarterly" and the rest of
        // the financial vocabulary before a noun ("quarterly dividend") name a kind of figure, and TimeBank leaves them;
        // so do rates ("hourly wages", below).
        if (!atClauseEnd && !/^(?:annually|biannually)$/.test(adverb)) {
          if (!/^(?:daily|weekly|monthly|hourly|nightly)$/.test(adverb) || !/^ [a-z]/.test(following) || /^ (?:newspaper|paper|news|bread|life|lives|tickets?|passes)\b/.test(following)) return null;
        }
        if (isRate(context.text, m.index, m.index + m[0].length) || isPublication(context.text, m.index, m.index + m[0].length)) return null;
        return { type: 'SET', value: values[adverb] ?? 'P1D' };
      }
      const unit = (m[2] ?? '').toLowerCase();
      if (['morning', 'night', 'evening'].includes(unit)) return { type: 'SET', value: `XXXX-XX-XXT${PART_OF_DAY[unit]}` };
      if (unit === 'weekend') return { type: 'SET', value: 'XXXX-WXX-WE' };
      const value = durationValue(m[1] ? 2 : 1, unit);
      return value ? { type: 'SET', value } : null;
    },
  },
  {
    name: 'present-reference',
    // "now that the war is over" is the present too: TimeML marks the "now" of the conjunction as it marks any other.
    pattern:
      /\b(?:(?:right |just |until |till |by |for |from )?now|currently|nowadays|presently|at present|these days|current(?! (?:account|accounts|assets|liabilities|affairs|events|carrying|flowing|flows|[a-z]*ly)\b)|the present|today's)\b/gi,
    read: (m) => {
      const phrase = m[0].toLowerCase();
      if (phrase === "today's") return null;
      const leading = /^(?:right|just|until|till|by|for|from) /.exec(phrase);
      return { type: 'DATE', value: 'PRESENT_REF', trimStart: leading && !/^(?:right|just)/.test(phrase) ? leading[0].length : 0 };
    },
  },
  {
    name: 'past-reference',
    pattern: /\b(?:recently|recent(?! (?:months|weeks|days|quarters)\b)(?: (?:years|times|decades|past))?|lately|the past(?! (?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|decade|century|year|month|week))|in the past|past years|once upon a time)\b/gi,
    read: (m) => {
      if (/^earlier$/i.test(m[0])) return null;
      return { type: 'DATE', value: 'PAST_REF', trimStart: /^in the past$/i.test(m[0]) ? 3 : 0 };
    },
  },
  {
    name: 'future-reference',
    pattern: /\b(?:the (?:near |distant |immediate )?future(?!s)|soon(?! after| before| as\b)|as soon as possible|(?:the )?(?:near|short) term)\b/gi,
    read: (m, context) => {
      const after = context.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      // "the future of the peace process" is its prospects, not a time; "in the future of" would still be one.
      if (/^the future$/i.test(m[0]) && /^ of\b/.test(after) && !/\b(?:in|into)\s+$/i.test(context.text.slice(Math.max(0, m.index - 6), m.index))) return null;
      // "the future king", "the future US role": an adjective before its noun.
      if (/future$/i.test(m[0]) && FUTURE_AS_ADJECTIVE.test(after)) return null;
      return { type: 'DATE', value: 'FUTURE_REF' };
    },
  },
];
