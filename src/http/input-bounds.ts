// Bounds on what the API accepts as dates, so that no value a client sends can push the database or the date
// arithmetic past what they represent. See "Limits and errors" in the README for why these numbers.

/** Days the API accepts, in any date argument, filter, event date or export parameter (inclusive). */
export const earliestDay = '1000-01-01';
export const latestDay = '2199-12-31';

/** The longest a curated event may last: a filter from a day looks back by the longest event, so one event of
 * millennia would make every "from" filter read the whole table. */
export const maxEventSpanDays = 36_525;

/** The widest time zone offsets in use (UTC−12:00 to UTC+14:00). */
export const maxOffsetMinutes = 14 * 60;

/** Why a YYYY-MM-DD day is out of bounds, or null when it is within them. */
export function dayOutOfRange(day: string): string | null {
  if (day < earliestDay || day > latestDay) return `${day} is outside the days this API accepts (${earliestDay} to ${latestDay})`;
  return null;
}

/** Why a string is not a YYYY-MM-DD calendar day within bounds (2023-02-30 and 9999-99-99 are not), or null. */
export function dayProblem(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return `"${day.slice(0, 40)}" is not a day; use YYYY-MM-DD`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return `${day} is not a calendar date`;
  return dayOutOfRange(day);
}
