import { addDays, type CalendarDay, daysBetween, isoWeekday } from './calendar.js';

/**
 * Holidays by name, each with the day it falls on in a given year. Movable feasts are computed: Easter by the
 * Gregorian computus, US federal holidays by their weekday rules, Islamic feasts on the tabular Hijri calendar
 * (which may differ by a day or two from the sighting of the moon that actually fixes them).
 */

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The `nth` given weekday (1 = Monday) of a month; a negative `nth` counts from the month's end. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): CalendarDay {
  if (nth > 0) {
    const first: CalendarDay = { year, month, day: 1 };
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (nth - 1));
  }
  const last = addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7) - 7 * (-nth - 1));
}

const UNIX_EPOCH: CalendarDay = { year: 1970, month: 1, day: 1 };
// Julian day number of 1970-01-01 and of the first day of the Hijri era (16 July 622, Julian calendar).
const JULIAN_DAY_OF_UNIX_EPOCH = 2440588;
const JULIAN_DAY_OF_HIJRI_EPOCH = 1948440;

/** A day of the tabular (arithmetical) Hijri calendar, on the Gregorian calendar. */
export function hijriDay(hijriYear: number, hijriMonth: number, hijriDayOfMonth: number): CalendarDay {
  const julianDay =
    hijriDayOfMonth + Math.ceil(29.5 * (hijriMonth - 1)) + (hijriYear - 1) * 354 + Math.floor((3 + 11 * hijriYear) / 30) + JULIAN_DAY_OF_HIJRI_EPOCH - 1;
  return addDays(UNIX_EPOCH, julianDay - JULIAN_DAY_OF_UNIX_EPOCH);
}

/** The Hijri years whose feasts fall near a Gregorian year: a Gregorian year holds parts of two. */
function hijriYearsAround(year: number): number[] {
  const approximate = Math.floor(((year - 622) * 33) / 32);
  return [approximate - 1, approximate, approximate + 1, approximate + 2];
}

export interface Holiday {
  /** The days the holiday may denote around a year, one per occurrence. */
  occurrences(year: number): CalendarDay[];
  /** How long it lasts, in days: Ramadan is a month, most holidays one day. */
  length: number;
}

const fixed = (month: number, day: number): Holiday => ({ occurrences: (year) => [{ year, month, day }], length: 1 });
const easterOffset = (days: number): Holiday => ({ occurrences: (year) => [addDays(easterSunday(year), days)], length: 1 });
const hijri = (month: number, day: number, length = 1): Holiday => ({
  occurrences: (year) => hijriYearsAround(year).map((hijriYear) => hijriDay(hijriYear, month, day)),
  length,
});

/** Holiday names, lower case, as the pattern in rules.ts captures them. */
export const HOLIDAYS: Record<string, Holiday> = {
  'christmas': fixed(12, 25),
  'christmas day': fixed(12, 25),
  'christmas eve': fixed(12, 24),
  'boxing day': fixed(12, 26),
  "new year's day": fixed(1, 1),
  "new year's eve": fixed(12, 31),
  'independence day': fixed(7, 4),
  'halloween': fixed(10, 31),
  "valentine's day": fixed(2, 14),
  'veterans day': fixed(11, 11),
  "veterans' day": fixed(11, 11),
  'easter': easterOffset(0),
  'easter sunday': easterOffset(0),
  'easter monday': easterOffset(1),
  'good friday': easterOffset(-2),
  'ash wednesday': easterOffset(-46),
  'thanksgiving': { occurrences: (year) => [nthWeekday(year, 11, 4, 4)], length: 1 },
  'thanksgiving day': { occurrences: (year) => [nthWeekday(year, 11, 4, 4)], length: 1 },
  // US federal elections: the Tuesday after the first Monday of November.
  'election day': { occurrences: (year) => [addDays(nthWeekday(year, 11, 1, 1), 1)], length: 1 },
  'memorial day': { occurrences: (year) => [nthWeekday(year, 5, 1, -1)], length: 1 },
  'labor day': { occurrences: (year) => [nthWeekday(year, 9, 1, 1)], length: 1 },
  'martin luther king day': { occurrences: (year) => [nthWeekday(year, 1, 1, 3)], length: 1 },
  'ramadan': hijri(9, 1, 30),
  'eid al-fitr': hijri(10, 1),
  'eid al-adha': hijri(12, 10),
};

/** The pattern alternatives for every holiday name, longest first so "Christmas Eve" wins over "Christmas". */
export const HOLIDAY_NAMES = Object.keys(HOLIDAYS)
  .sort((a, b) => b.length - a.length)
  .map((name) =>
    name
      .replace(/'/g, "['’]")
      .replace(/(^|[ -])([a-z])/g, (_all, lead: string, letter: string) => `${lead}${letter.toUpperCase()}`)
      .replace(/ Al-/g, ' [Aa]l-'),
  )
  .join('|');

/** Looks a matched name up, whatever its case and apostrophe. */
export function holidayNamed(raw: string): Holiday | undefined {
  return HOLIDAYS[raw.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')];
}

/**
 * The occurrence a mention means: in a named year if given, else the nearest to the publication day; a far one
 * goes to the side the clause's tense points at ("at Christmas" read in March is last Christmas in a past clause).
 */
export function holidayOccurrence(holiday: Holiday, published: CalendarDay, tense: 'past' | 'future' | undefined, year?: number): CalendarDay | undefined {
  if (year !== undefined) {
    const inYear = [year - 1, year, year + 1].flatMap((candidateYear) => holiday.occurrences(candidateYear)).filter((day) => day.year === year);
    return inYear[0];
  }
  const seen = new Set<string>();
  const candidates = [published.year - 1, published.year, published.year + 1]
    .flatMap((candidateYear) => holiday.occurrences(candidateYear))
    .filter((day) => {
      const key = `${day.year}-${day.month}-${day.day}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // Distance to the holiday's days: zero while it lasts (a story in mid-Ramadan means this Ramadan).
  const distance = (day: CalendarDay) => {
    const fromStart = daysBetween(published, day);
    return fromStart <= 0 && fromStart > -holiday.length ? 0 : fromStart;
  };
  const sorted = [...candidates].sort((a, b) => Math.abs(distance(a)) - Math.abs(distance(b)));
  const nearest = sorted[0];
  if (!nearest) return undefined;
  const gap = distance(nearest);
  if (Math.abs(gap) > 61 && tense) {
    const sideways = sorted.find((day) => (tense === 'past' ? distance(day) < 0 : distance(day) > 0));
    if (sideways) return sideways;
  }
  return nearest;
}
