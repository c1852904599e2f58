// Event dates as intervals of days with a precision: "2023-10" is every day of October 2023 at month
// precision, never a fake 2023-10-01T00:00. Stored as startsOn/endsOn (inclusive) plus the precision.

export type DatePrecision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface DateSpan {
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD, inclusive */
  endsOn: string;
  precision: DatePrecision;
}

export class DateExpressionError extends Error {
  override name = 'DateExpressionError';
}

const dayMs = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a day, month and day overflowing as Date.UTC's do, for any year (Date.UTC maps 0–99 to 1900–1999). */
function utcDate(year: number, monthIndex: number, day: number): Date {
  // Year, month and day set together: setting the year after the month and day (from a leap year) made the last
  // day of February, utcDate(2023, 2, 0), 2000-02-29 moved to 2023: March 1.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Monday of ISO week 1 of an ISO week-year. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utcDate(year, 0, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() - weekday * dayMs);
}

function isoWeekOf(date: Date): { year: number; week: number } {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * dayMs)) + 1;
  return { year, week };
}

/**
 * The days a calendar expression denotes: "2023-10-07" (day), "2023-W44" (ISO week), "2023-10"
 * (month), "2023" (year). Anything else, or an impossible date like 2023-02-30, is refused by name.
 */
export function parseDateExpression(expression: string): DateSpan {
  const text = expression.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = utcDate(year, month - 1, day);
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new DateExpressionError(`"${expression}" is not a calendar date`);
    }
    return { startsOn: isoDay(date), endsOn: isoDay(date), precision: 'DAY' };
  }
  match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (match) {
    const [year, week] = [Number(match[1]), Number(match[2])];
    const monday = new Date(isoWeekOneMonday(year).getTime() + (week - 1) * 7 * dayMs);
    if (week < 1 || isoWeekOf(monday).year !== year) {
      throw new DateExpressionError(`"${expression}" is not an ISO week: ${year} has no week ${week}`);
    }
    return { startsOn: isoDay(monday), endsOn: isoDay(new Date(monday.getTime() + 6 * dayMs)), precision: 'WEEK' };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) throw new DateExpressionError(`"${expression}" is not a month: month ${month} does not exist`);
    return {
      startsOn: isoDay(utcDate(year, month - 1, 1)),
      endsOn: isoDay(utcDate(year, month, 0)),
      precision: 'MONTH',
    };
  }
  match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return { startsOn: isoDay(utcDate(year, 0, 1)), endsOn: isoDay(utcDate(year, 11, 31)), precision: 'YEAR' };
  }
  throw new DateExpressionError(
    `"${expression}" is not a date: use YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM or YYYY`,
  );
}

/** A date from a start expression and an optional end expression (a range), at the start's precision. */
export function eventDateFromExpressions(start: string, end?: string | null): DateSpan {
  const from = parseDateExpression(start);
  if (end == null || end === '') return from;
  const to = parseDateExpression(end);
  if (to.endsOn < from.startsOn) {
    throw new DateExpressionError(`the end "${end}" is before the start "${start}"`);
  }
  return { startsOn: from.startsOn, endsOn: to.endsOn, precision: from.precision };
}

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
}

/** A day written at a precision: 2023-10-07 at MONTH precision is "2023-10". */
export function formatAtPrecision(value: Date | string, precision: DatePrecision): string {
  const date = toDate(value);
  const day = isoDay(date);
  switch (precision) {
    case 'DAY':
      return day;
    case 'MONTH':
      return day.slice(0, 7);
    case 'YEAR':
      return day.slice(0, 4);
    case 'WEEK': {
      const { year, week } = isoWeekOf(date);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
  }
}

/** Whether the stored interval is wider than the period its start names: a range "from … to …". */
export function isDateRange(startsOn: Date | string, endsOn: Date | string, precision: DatePrecision): boolean {
  const period = parseDateExpression(formatAtPrecision(startsOn, precision));
  return isoDay(toDate(endsOn)) > period.endsOn;
}

/**
 * How long before its report an event may end and still be the report's news: a year, so an ongoing story's start
 * (a siege since December, last year's vote being disputed) stays on the timeline, and history does not.
 */
export const NEWS_REACH_DAYS = 365;

/** A date range longer than a year ("the 1990s", "since 1994") places no one happening on a timeline. */
export const LONGEST_NEWS_SPAN_DAYS = 366;

const DAY_MS = 86_400_000;

/**
 * Whether a report's event is background rather than news: it ended more than NEWS_REACH_DAYS before the report
 * (Jack the Ripper in a 2005 story, a 1890 capture recalled), or its date is a vague range of years.
 */
export function isBackgroundDate(date: { startsOn: string; endsOn: string }, reportedOn: Date | string): boolean {
  const starts = toDate(date.startsOn).getTime();
  const ends = toDate(date.endsOn).getTime();
  if ((ends - starts) / DAY_MS > LONGEST_NEWS_SPAN_DAYS) return true;
  return (toDate(reportedOn).getTime() - ends) / DAY_MS > NEWS_REACH_DAYS;
}

export { isoDay };
