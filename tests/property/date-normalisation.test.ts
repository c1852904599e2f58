// Property tests of date normalisation: the event dates of the graph (graph/event-date.ts), the API's day bounds
// (http/input-bounds.ts), the TIMEX3 values the extractor normalises dates to and the ranges they denote
// (ingest/extract/timex), and publication dates (ingest/formats). Fixed seed; NEWSLINE_PROPERTY_SEED changes it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DateExpressionError,
  eventDateFromExpressions,
  formatAtPrecision,
  isDateRange,
  parseDateExpression,
  type DatePrecision,
} from '../../src/graph/event-date.js';
import { dayOutOfRange, dayProblem, earliestDay, latestDay } from '../../src/http/input-bounds.js';
import { extractTimexes, resolveDateRange } from '../../src/ingest/extract/timex.js';
import { isValidPublicationDate, normalisePublicationDate } from '../../src/ingest/formats/publication-date.js';

const seed = Number(process.env.NEWSLINE_PROPERTY_SEED ?? 20_261_204);
const settings = { seed, numRuns: 2_000 };

const dayMs = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
/** A calendar day as YYYY-MM-DD from the proleptic Gregorian calendar, independent of the code under test. */
function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]!;
}

/** Days the API accepts (1000-01-01 … 2199-12-31), and days on either side of them. */
const apiDay = fc.date({ min: new Date(`${earliestDay}T00:00:00Z`), max: new Date(`${latestDay}T00:00:00Z`), noInvalidDate: true }).map(iso);
const anyFourDigitDay = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);
const precision = fc.constantFrom<DatePrecision>('DAY', 'WEEK', 'MONTH', 'YEAR');
/** Strings near the date formats: digits, dashes, W, spaces, and a few others. */
const dateLikeString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789-W T:Z+'.split('')), maxLength: 14 }),
  fc.string({ unit: 'binary', maxLength: 14 }),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([y, w]) => `${String(y).padStart(4, '0')}-W${String(w).padStart(2, '0')}`),
);

describe('event dates (graph/event-date.ts)', () => {
  it('reads a calendar day back as itself, at DAY precision', () => {
    fc.assert(
      fc.property(anyFourDigitDay, (day) => {
        expect(parseDateExpression(day)).toEqual({ startsOn: day, endsOn: day, precision: 'DAY' });
      }),
      settings,
    );
  });

  it('writes a day at a precision as a period that holds the day, and reads that period back to the same text', () => {
    fc.assert(
      fc.property(apiDay, precision, (day, at) => {
        const text = formatAtPrecision(day, at);
        const span = parseDateExpression(text);
        expect(span.precision).toBe(at);
        expect(isCalendarDay(span.startsOn) && isCalendarDay(span.endsOn)).toBe(true);
        expect(span.startsOn <= day && day <= span.endsOn).toBe(true);
        // Round trip: every day of the period is written the same way.
        expect(formatAtPrecision(span.startsOn, at)).toBe(text);
        expect(formatAtPrecision(span.endsOn, at)).toBe(text);
        expect(isDateRange(span.startsOn, span.endsOn, at)).toBe(false);
      }),
      settings,
    );
  });

  it('gives an ISO week seven days from a Monday, and a month its days', () => {
    fc.assert(
      fc.property(apiDay, (day) => {
        const week = parseDateExpression(formatAtPrecision(day, 'WEEK'));
        const start = new Date(`${week.startsOn}T00:00:00Z`);
        expect(start.getUTCDay()).toBe(1);
        expect((new Date(`${week.endsOn}T00:00:00Z`).getTime() - start.getTime()) / dayMs).toBe(6);
        const month = parseDateExpression(day.slice(0, 7));
        expect(month.startsOn).toBe(`${day.slice(0, 7)}-01`);
        expect(isCalendarDay(month.endsOn)).toBe(true);
        expect(iso(new Date(new Date(`${month.endsOn}T00:00:00Z`).getTime() + dayMs)).slice(8)).toBe('01');
      }),
      settings,
    );
  });

  it('parses any string to a span of calendar days with start ≤ end, or refuses it with a DateExpressionError', () => {
    fc.assert(
      fc.property(dateLikeString, (text) => {
        let span;
        try {
          span = parseDateExpression(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DateExpressionError);
          return;
        }
        expect(isCalendarDay(span.startsOn) && isCalendarDay(span.endsOn)).toBe(true);
        expect(span.startsOn <= span.endsOn).toBe(true);
      }),
      settings,
    );
  });

  it('makes a range from two expressions that starts at the first and ends with the second, or refuses an end before the start', () => {
    const expression = fc.tuple(apiDay, precision).map(([day, at]) => formatAtPrecision(day, at));
    fc.assert(
      fc.property(expression, fc.option(expression, { nil: null }), (start, end) => {
        const from = parseDateExpression(start);
        const to = end ? parseDateExpression(end) : from;
        if (to.endsOn < from.startsOn) {
          expect(() => eventDateFromExpressions(start, end)).toThrow(DateExpressionError);
          return;
        }
        const range = eventDateFromExpressions(start, end);
        expect(range).toEqual({ startsOn: from.startsOn, endsOn: to.endsOn, precision: from.precision });
        expect(range.startsOn <= range.endsOn).toBe(true);
      }),
      settings,
    );
  });
});

describe('day bounds (http/input-bounds.ts)', () => {
  it('accepts exactly the calendar days from 1000-01-01 to 2199-12-31', () => {
    fc.assert(
      fc.property(fc.oneof(apiDay, anyFourDigitDay, dateLikeString), (text) => {
        const within = isCalendarDay(text) && text >= earliestDay && text <= latestDay;
        expect(dayProblem(text) === null).toBe(within);
        if (isCalendarDay(text)) expect(dayOutOfRange(text) === null).toBe(within);
      }),
      settings,
    );
  });

  it('names the bounds when it refuses a day outside them', () => {
    const outside = fc.oneof(
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('0999-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.date({ min: new Date('2200-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(outside.map(iso), (day) => {
        expect(dayProblem(day)).toContain(`${earliestDay} to ${latestDay}`);
      }),
      settings,
    );
  });
});

describe('TIMEX3 values and their ranges (ingest/extract/timex)', () => {
  const year = fc.integer({ min: 1000, max: 2199 });
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  /** The DATE values the extractor writes: days, months, ISO weeks (and weekends), quarters, halves, seasons, years, decades, centuries. */
  const timexValue = fc.oneof(
    apiDay,
    fc.tuple(apiDay, fc.integer({ min: 0, max: 23 })).map(([day, hour]) => `${day}T${pad(hour)}:00`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
    fc.tuple(apiDay, fc.boolean()).map(([day, weekend]) => `${formatAtPrecision(day, 'WEEK')}${weekend ? '-WE' : ''}`),
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.tuple(year, fc.constantFrom('SP', 'SU', 'FA', 'WI')).map(([y, s]) => `${y}-${s}`),
    year.map(String),
    fc.integer({ min: 100, max: 219 }).map(String),
    fc.integer({ min: 10, max: 21 }).map(String),
  );

  it('resolves every DATE value to calendar days with start ≤ end, the start in the value’s own year', () => {
    fc.assert(
      fc.property(timexValue, (value) => {
        const range = resolveDateRange(value);
        expect(range).not.toBeNull();
        expect(isCalendarDay(range!.start) && isCalendarDay(range!.end)).toBe(true);
        expect(range!.start <= range!.end).toBe(true);
        // The period lies in the value's own year, decade or century; an ISO week is the week-year's, which holds its Thursday.
        const digits = /^\d+/.exec(value)![0];
        // (A weekend starts on the week's Saturday, two days after its Thursday.)
        const thursday = iso(new Date(new Date(`${range!.start}T00:00:00Z`).getTime() + (value.endsWith('-WE') ? -2 : 3) * dayMs));
        expect((value.includes('-W') ? thursday : range!.start).startsWith(digits)).toBe(true);
      }),
      settings,
    );
  });

  const phrase = fc.constantFrom(
    'on Monday', 'last Friday', 'next Tuesday', 'yesterday', 'today', 'tomorrow', 'last week', 'next month', 'this year', 'last year',
    'in March', 'on March 5', 'on 5 March 2019', 'in May 2021', 'two years ago', 'three weeks earlier', 'a day later', 'in the 1990s',
    'in the third quarter', 'in Q4 2022', 'this summer', 'last winter', 'at Christmas', 'on New Year’s Day', 'in 1998', 'since 2004',
    'in early 2020', 'by the end of the month', 'on the weekend', 'that same day', 'the following week', 'in mid-October', 'on Feb. 29',
    'on February 30', 'on 31 April', 'in week 53', 'at 10 p.m.', 'on Sunday night', 'in the first half of 2023', 'nineteen ninety-eight',
  );
  const sentence = fc.array(fc.tuple(phrase, fc.constantFrom('Officials said', 'The army reported', 'It happened', 'Talks resumed', 'Police said')), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([when, who]) => `${who} ${when}.`).join(' '));

  it('normalises the dates of any text, against any publication day, to values whose ranges are calendar days with start ≤ end', () => {
    let ranges = 0;
    fc.assert(
      fc.property(sentence, apiDay, (text, publishedAt) => {
        for (const timex of extractTimexes(text, publishedAt)) {
          expect(text.slice(timex.start, timex.end)).toBe(timex.text);
          if (timex.type !== 'DATE' && timex.type !== 'TIME') continue;
          const range = resolveDateRange(timex.value);
          if (!range) continue;
          expect({ value: timex.value, start: isCalendarDay(range.start), end: isCalendarDay(range.end) }).toEqual({ value: timex.value, start: true, end: true });
          expect(range.start <= range.end).toBe(true);
          ranges += 1;
        }
      }),
      { seed, numRuns: 1_000 },
    );
    // The phrases are ones the extractor reads: most runs have dates to check.
    expect(ranges).toBeGreaterThan(1_000);
  });
});

describe('publication dates (ingest/formats/publication-date.ts)', () => {
  it('normalises idempotently, and a compact real day becomes the ISO day it names', () => {
    fc.assert(
      fc.property(fc.oneof(anyFourDigitDay.map((day) => day.replace(/-/g, '')), anyFourDigitDay, dateLikeString, fc.string()), (value) => {
        const normalised = normalisePublicationDate(value);
        expect(normalisePublicationDate(normalised)).toBe(normalised);
        if (/^\d{8}$/.test(value.trim())) {
          const day = `${value.trim().slice(0, 4)}-${value.trim().slice(4, 6)}-${value.trim().slice(6)}`;
          expect(normalised).toBe(day);
          // Years 0000–0099 are refused (Date.UTC reads them as 1900–1999); no article is that old.
          expect(isValidPublicationDate(normalised)).toBe(isCalendarDay(day) && day >= '0100');
        }
      }),
      settings,
    );
  });
});
