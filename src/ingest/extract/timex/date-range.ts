import { addDays, type CalendarDay, daysInMonth, formatDay, mondayOfIsoWeek } from './calendar.js';
import type { TimexPrecision } from './types.js';

/** The calendar interval a DATE value denotes, inclusive at both ends. */
export interface DateRange {
  start: string;
  end: string;
  precision: TimexPrecision;
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

function monthRange(year: number, firstMonth: number, lastMonth: number, precision: TimexPrecision): DateRange {
  const lastYear = year + Math.floor((lastMonth - 1) / 12);
  const last = ((lastMonth - 1) % 12) + 1;
  return { start: formatDay({ year, month: firstMonth, day: 1 }), end: formatDay({ year: lastYear, month: last, day: daysInMonth(lastYear, last) }), precision };
}

/**
 * Turns a TIMEX3 DATE value into the days it covers: `2023-11-02` → that day, `2023-10` → the month,
 * `1998-Q1`, `1998-SU`, `2023-W44`, `199` (the 1990s), `19` (the 1900s). Vague values (PAST_REF, XXXX-…) have no range: null.
 */
export function resolveDateRange(value: string): DateRange | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (match) {
    const day = formatDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
    return { start: day, end: day, precision: 'DAY' };
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return monthRange(Number(match[1]), Number(match[2]), Number(match[2]), 'MONTH');
  match = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (match) {
    const monday: CalendarDay = mondayOfIsoWeek(Number(match[1]), Number(match[2]));
    const first = match[3] ? addDays(monday, 5) : monday;
    return { start: formatDay(first), end: formatDay(addDays(monday, 6)), precision: 'WEEK' };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) {
    const quarter = Number(match[2]);
    return monthRange(Number(match[1]), quarter * 3 - 2, quarter * 3, 'QUARTER');
  }
  match = /^(\d{4})-H([12])$/.exec(value);
  if (match) return monthRange(Number(match[1]), match[2] === '1' ? 1 : 7, match[2] === '1' ? 6 : 12, 'MONTH');
  match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (match) {
    const [first, last] = SEASON_MONTHS[match[2] as string] as [number, number];
    return monthRange(Number(match[1]), first, last, 'SEASON');
  }
  match = /^(\d{4})$/.exec(value);
  if (match) return monthRange(Number(match[1]), 1, 12, 'YEAR');
  match = /^(\d{3})$/.exec(value);
  if (match) return { start: `${match[1]}0-01-01`, end: `${match[1]}9-12-31`, precision: 'DECADE' };
  match = /^(\d{2})$/.exec(value);
  if (match) return { start: `${match[1]}00-01-01`, end: `${match[1]}99-12-31`, precision: 'CENTURY' };
  return null;
}

/** How finely a value pins down its date; undefined for durations and vague references. */
export function precisionOfValue(value: string): TimexPrecision | undefined {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'TIME';
  return resolveDateRange(value)?.precision;
}
