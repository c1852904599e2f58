import { type AnchorContext, type DocumentFocus, noteDate, sentenceAround } from './timex/anchoring.js';
import { parseCalendarDay } from './timex/calendar.js';
import { precisionOfValue } from './timex/date-range.js';
import { TIMEX_RULES, type TimexRule } from './timex/rules.js';
import type { Timex, TimexReading } from './timex/types.js';

export { resolveDateRange, type DateRange } from './timex/date-range.js';
export type { Timex, TimexPrecision, TimexType } from './timex/types.js';

interface Candidate {
  rule: TimexRule;
  ruleIndex: number;
  match: RegExpExecArray;
  start: number;
  end: number;
}

const APPROXIMATE_MODS = new Set(['APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_MORE', 'EQUAL_OR_LESS']);

/**
 * Finds the time expressions in `text` and normalises each to a TIMEX3 value against the publication date.
 * Every rule proposes matches; the longest non-overlapping ones win, then they are read in document order
 * so that anaphoric expressions ("the quarter", "a year earlier") see what came before them.
 */
export function extractTimexes(text: string, publishedAt: string): Timex[] {
  const published = parseCalendarDay(publishedAt);
  const candidates: Candidate[] = [];
  TIMEX_RULES.forEach((rule, ruleIndex) => {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      // A dry read with a scratch focus tells which matches a rule would keep; the focus names a day so that
      // anaphoric rules ("that same day") propose their match and decide on the real focus later.
      const scratch: DocumentFocus = { lastDate: { year: published.year, month: published.month, day: published.day } };
      const trial = rule.read(match, { text, start: match.index, end: match.index + match[0].length, published, focus: scratch });
      if (!trial) continue;
      const start = match.index + (trial.trimStart ?? 0);
      const end = match.index + match[0].length - (trial.trimEnd ?? 0);
      candidates.push({ rule, ruleIndex, match, start, end });
    }
  });

  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.ruleIndex - b.ruleIndex || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end)) chosen.push(candidate);
  }
  chosen.sort((a, b) => a.start - b.start);

  const focus: DocumentFocus = {};
  const timexes: Timex[] = [];
  const dayless: { timex: Timex; earlierDay: string | undefined }[] = [];
  for (const candidate of chosen) {
    const context: AnchorContext = { text, start: candidate.start, end: candidate.end, published, focus };
    const reading = candidate.rule.read(candidate.match, context);
    if (!reading) continue;
    const timex = toTimex(reading, candidate, text);
    timexes.push(timex);
    if (reading.dayless) dayless.push({ timex, earlierDay: focusDayNearby(focus, text, candidate.start) });
    else if (reading.type === 'DATE' || reading.type === 'TIME') {
      noteDate(focus, reading.value);
      focus.lastDateAt = candidate.start;
    }
  }
  const undated = new Set(dayless.map(({ timex }) => timex));
  for (const { timex, earlierDay } of dayless) {
    const day = dayOfSentence(timex, timexes, text, undated) ?? earlierDay;
    if (day) timex.value = day + timex.value.slice(10);
  }
  return timexes;
}

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}/;

/** The last day the text named, when it was named in the sentence before: a story's day carries over one sentence, not further. */
function focusDayNearby(focus: DocumentFocus, text: string, index: number): string | undefined {
  const last = focus.lastDate;
  if (!last?.month || !last.day || focus.lastDateAt === undefined) return undefined;
  const previousSentence = sentenceAround(text, Math.max(0, sentenceAround(text, index).start - 2));
  if (focus.lastDateAt < previousSentence.start) return undefined;
  return `${String(last.year).padStart(4, '0')}-${String(last.month).padStart(2, '0')}-${String(last.day).padStart(2, '0')}`;
}

/**
 * "The blast at 10 p.m. on a crowded street Saturday": a clock time's day is the one its sentence names, nearest first.
 * Another clock time without a day of its own ("at 4:30 a.m. (0830 GMT) on Wednesday") names none.
 */
function dayOfSentence(clock: Timex, timexes: Timex[], text: string, undated: Set<Timex>): string | undefined {
  const sentence = sentenceAround(text, clock.start);
  let best: { distance: number; day: string } | undefined;
  for (const other of timexes) {
    if (other === clock || undated.has(other) || other.start < sentence.start || other.end > sentence.end) continue;
    const day = DAY_VALUE.exec(other.value)?.[0];
    if (!day || (other.type !== 'DATE' && other.type !== 'TIME')) continue;
    // A day after the clock counts unless a comma or a comparison parts them ("at 10 a.m., up from 124 yen late Monday").
    if (other.start > clock.start && /,|\bfrom\b|\bthan\b/.test(text.slice(clock.end, other.start))) continue;
    const distance = other.start > clock.start ? other.start - clock.end : clock.start - other.end;
    if (!best || distance < best.distance) best = { distance, day };
  }
  return best?.day;
}

function toTimex(reading: TimexReading, candidate: Candidate, text: string): Timex {
  const timex: Timex = { start: candidate.start, end: candidate.end, text: text.slice(candidate.start, candidate.end), type: reading.type, value: reading.value };
  if (reading.type === 'DATE' || reading.type === 'TIME') {
    const precision = precisionOfValue(reading.value);
    if (precision) timex.precision = precision;
  }
  if (reading.mod) {
    timex.mod = reading.mod;
    if (APPROXIMATE_MODS.has(reading.mod)) timex.approximate = true;
  }
  return timex;
}
