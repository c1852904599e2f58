import { governingTime, isPastForm } from './tense.js';
import {
  addDays,
  type CalendarDay,
  daysBetween,
  formatDay,
  formatMonth,
  formatWeek,
  isoWeekday,
  quarterOf,
  shiftMonth,
} from './calendar.js';

/** The most recent explicit reference point a document has named: the anchor for "the quarter", "a year earlier". */
export interface DocumentFocus {
  quarter?: { year: number; quarter: number };
  /** The last calendar date the text named, as finely as it was named: the antecedent of "that year", "the same day". */
  lastDate?: { year: number; month?: number; day?: number };
  /** Where in the text the last date was named. */
  lastDateAt?: number;
}

/** Remembers a DATE/TIME value as the antecedent for later anaphoric expressions. */
export function noteDate(focus: DocumentFocus, value: string): void {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T|-[QHW]|-(?:SP|SU|FA|WI))/.exec(value);
  if (!match) return;
  focus.lastDate = { year: Number(match[1]) };
  if (match[2]) focus.lastDate.month = Number(match[2]);
  if (match[3]) focus.lastDate.day = Number(match[3]);
}

/** Everything a rule needs to turn words into a value: the publication day and where the words sit. */
export interface AnchorContext {
  text: string;
  start: number;
  end: number;
  published: CalendarDay;
  focus: DocumentFocus;
}

// Words that put a clause in the future; news otherwise reports the recent past (irregular past forms count as past too).
const FUTURE_CUE = /\b(?:will|won't|shall|'ll|going to|is to|are to|plans? to|planning to|scheduled|schedule|expected|expects|would|due to|set to|to be held|to begin|to start|to open|to meet|to visit|to vote|next|upcoming|coming|effective|starting|ahead of)\b/i;
// A participle after a determiner ("a still unspecified date", "the revised plan") modifies a noun and is no past cue.
const PAST_CUE = /(?<!\b(?:be|been|being|will|to|would|'ll) )\b(?:said|says|was|were|had|did|ago|last|earlier|told|began|held|met|since|brought|bought|sold|took|gave|got|went|came|fell|rose|won|lost|paid|became|made|built|found|kept|led|saw|sent|spent|stood|struck|wrote|grew|drew|flew|knew|chose|spoke|broke|drove|fought|caught|sought|meant|felt|(?<!\b(?:a|an|the|its|his|her|their|our)\s+(?:[a-z]+ly\s+|still\s+|not\s+)?)[a-z]{3,}(?<!e)ed)\b/i;
// A full stop after a short capitalised word (Mr., Corp., Jan., U.S.) does not end a sentence, nor does that of
// "a.m." or "p.m." before the time in another zone ("at 4:30 a.m. (0830 GMT) on Wednesday").
const SENTENCE_END = /(?<!\b(?:[A-Z][a-z]{0,3}|[A-Z]|[A-Z]\.[A-Z]))(?<!\b[ap]\.m(?=\.\s+\(\d))[.!?]["')]*\s+(?=["'(]*[A-Z0-9])|\n|; /g;

/** Reads the tense around an expression: 'future' when a future cue is nearer than a past one within its clause. */
export function clauseTense(context: AnchorContext): 'past' | 'future' {
  return tenseCue(context) ?? 'past';
}

/** The tense the clause's own words show, or undefined when it shows none. */
export function tenseCue(context: AnchorContext): 'past' | 'future' | undefined {
  const { text, start, end } = context;
  const before = clauseBefore(text, start);
  const after = clauseAfter(text, end, before);
  // "had been due to expire Friday": a plan seen from the past is past.
  if (/\bhad been (?:due|scheduled|set|expected|planned)\b/i.test(before)) return 'past';
  const futureBefore = lastIndex(FUTURE_CUE, before);
  const pastBefore = lastIndex(PAST_CUE, before);
  if (futureBefore >= 0 && futureBefore >= pastBefore) return 'future';
  if (pastBefore >= 0) return 'past';
  const futureAfter = firstIndex(FUTURE_CUE, after);
  const pastAfter = firstIndex(PAST_CUE, after);
  if (futureAfter >= 0 && (pastAfter < 0 || futureAfter < pastAfter)) return 'future';
  if (pastAfter >= 0) return 'past';
  return undefined;
}

/** Start and end offsets of the sentence holding `index`. */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const boundary = (match.index ?? 0) + match[0].length;
    if (boundary <= index) start = boundary;
    else if ((match.index ?? 0) >= index) {
      end = match.index ?? text.length;
      break;
    }
  }
  return { start, end };
}

function clauseBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 100), start);
  let cut = -1;
  for (const end of window.matchAll(SENTENCE_END)) cut = (end.index ?? 0) + end[0].length;
  return cut >= 0 ? window.slice(cut) : window;
}

function clauseAfter(text: string, end: number, before: string): string {
  // A fronted adverbial ("In January, the company sold…") takes its tense from the clause after the comma.
  const fronted = text.slice(end, end + 2) === ', ' && /^\W*(?:[\w-]+\s+){0,2}$/.test(before);
  const window = text.slice(fronted ? end + 2 : end, end + 60);
  const sentenceEnd = new RegExp(SENTENCE_END.source).exec(window);
  const cuts = [sentenceEnd?.index ?? -1, window.indexOf(', ')].filter((index) => index >= 0);
  return cuts.length ? window.slice(0, Math.min(...cuts)) : window;
}

function lastIndex(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, 'gi');
  let found = -1;
  for (let match = global.exec(text); match; match = global.exec(text)) found = match.index;
  return found;
}

function firstIndex(pattern: RegExp, text: string): number {
  return text.search(pattern);
}

export type Direction = 'last' | 'next' | 'this' | 'nearest';

/** Resolves a weekday name (1 = Monday) to a day: the publication day itself, else the past occurrence unless the clause is future. */
export function resolveWeekday(weekday: number, direction: Direction, context: AnchorContext): CalendarDay {
  const published = context.published;
  const offsetBack = (isoWeekday(published) - weekday + 7) % 7;
  const offsetForward = (weekday - isoWeekday(published) + 7) % 7;
  if (direction === 'last') return addDays(published, -(offsetBack || 7));
  if (direction === 'next') return addDays(published, offsetForward || 7);
  if (offsetBack === 0) return published;
  if (direction === 'this') return addDays(published, offsetForward);
  return weekdayTense(context) === 'future' ? addDays(published, offsetForward) : addDays(published, -offsetBack);
}

// Verbs whose object is moved to a later day: "talks were adjourned until Tuesday" looks ahead.
const POSTPONED = /\b(?:adjourned|postponed|delayed|deferred|extended|suspended|recessed|put off|pushed back|moved|rescheduled|closed|shut|halted|banned|barred|given|granted)\b/i;

/**
 * The side of the publication day a bare weekday falls on: the governing verb's tense and modality decide
 * ("might resign Friday", "would be traveling Monday" look ahead); news defaults to the past.
 */
export function weekdayTense(context: AnchorContext): 'past' | 'future' {
  const before = clauseBefore(context.text, context.start);
  const after = clauseAfter(context.text, context.end, before);
  // "as soon as Monday", "as early as next week": the earliest of what is still to come.
  if (/\bas (?:soon|early) as\s+$/i.test(before)) return 'future';
  let time = governingTime(before, after);
  // "Ahead of Tuesday's vote, leaders met": a fronted phrase without a verb takes the tense of the clause after its comma.
  if (time === undefined) {
    const fronted = /^[^,.;!?]{0,40}, ([^.;!?]{0,80})/.exec(context.text.slice(context.end, context.end + 130));
    if (fronted?.[1]) time = governingTime('', fronted[1]);
  }
  // "start voting ahead of Thursday's election": an event still awaited, unless a past verb governs.
  if (time === undefined && /\b(?:ahead of|in the run-up to|in the lead-up to|on the eve of)\s+(?:[\w'-]+\s+){0,3}$/i.test(before)) return 'future';
  // "effective Tuesday", "a match starting Thursday", "a summit opening Saturday": a start still to come.
  if (time !== 'past' && /\b(?:effective|starting|beginning|opening|as of)(?: on| from)?\s+$/i.test(before)) return 'future';
  // "have until Thursday", "were adjourned until Tuesday": a deadline ahead, unless a plain past verb ran up to it ("stayed until Tuesday").
  if (/\b(?:until|till)\s+$/i.test(before) && (time !== 'past' || POSTPONED.test(before))) return 'future';
  return time ?? 'past';
}

/** Resolves a month and day with no year to the occurrence nearest the publication day, leaning on tense when both are far. */
export function resolveMonthDay(month: number, day: number, context: AnchorContext): CalendarDay {
  const year = context.published.year;
  const candidates: CalendarDay[] = [year - 1, year, year + 1].map((candidateYear) => ({ year: candidateYear, month, day }));
  const distance = (candidate: CalendarDay) => daysBetween(context.published, candidate);
  const sorted = [...candidates].sort((a, b) => Math.abs(distance(a)) - Math.abs(distance(b)));
  const nearest = sorted[0] as CalendarDay;
  const gap = distance(nearest);
  // Far from the publication day either way: let the clause's tense pick the side.
  if (Math.abs(gap) > 61) {
    const tense = tenseCue(context);
    if (tense === 'future' && gap < 0) return { ...nearest, year: nearest.year + 1 };
    if (tense === 'past' && gap > 0) return { ...nearest, year: nearest.year - 1 };
  }
  // "Fighting started on April 2", in a March story: what a past verb of its own tells is over.
  if (gap > 0 && ownPastVerb(context, true)) return { ...nearest, year: nearest.year - 1 };
  return nearest;
}

/** Resolves a month name with no year (1 = January). */
export function resolveMonth(month: number, direction: Direction, context: AnchorContext): { year: number; month: number } {
  const { year, month: publishedMonth } = context.published;
  if (direction === 'this') return { year, month };
  // "last February" in March is not the month just ended, which would be "last month" or "in February": it is a year
  // earlier; "next April" in March likewise.
  if (direction === 'last') return { year: month < publishedMonth - 1 ? year : year - 1, month };
  if (direction === 'next') return { year: month > publishedMonth + 1 ? year : year + 1, month };
  const difference = month - publishedMonth;
  if (difference === 0) return { year, month };
  const ahead = (difference + 12) % 12;
  const tense = deadlineAhead(context) && ahead <= 6 ? 'future' : monthTense(context, ahead);
  if (tense === 'future') return { year: difference > 0 ? year : year + 1, month };
  // Past tense sends a month back, except the next month, which a reported plan often names ("said … in January");
  // a past verb of its own ("who snubbed the election in January") sends even that one back. Without tense, up to
  // three months ahead is a schedule.
  if (ahead <= (tense === 'past' ? 1 : 3) && !(tense === 'past' && ownPastVerb(context))) return { year: difference > 0 ? year : year + 1, month };
  return { year: difference < 0 ? year : year - 1, month };
}

/**
 * The tense of the verb that governs a month, `ahead` months away: "agreed to purchase the line in February" is the
 * purchase, still to come, when February is within half a year; further off, the agreement's own past is meant.
 */
function monthTense(context: AnchorContext, ahead: number): 'past' | 'future' | undefined {
  const before = clauseBefore(context.text, context.start);
  const governing = governingTime(before, clauseAfter(context.text, context.end, before));
  const cue = tenseCue(context);
  if (governing === 'future' && cue !== 'future' && ahead > 6) return cue;
  return governing ?? cue;
}

// Verbs that report what someone said: the month after them is often the content's, not the verb's.
const REPORTING_VERB = /\b(?:said|says|told|announced|reported|added|stated|declared|according|quoted|cited|warned|confirmed)\b/i;

/**
 * Whether a past verb right before the preposition governs the expression ("prices fell in January", "fighting
 * started on April 2", "the party that stood in January"). A participle after "be" or "to" is a plan ("to be held in
 * May"), and a verb with an object between ("awaited an increase on May 1") may leave the date to the noun, so neither
 * counts. For a month a verb of saying does not count either, since the month after it is often the plan it reports;
 * a day after "said on" is the saying's own.
 */
function ownPastVerb(context: AnchorContext, sayingCounts = false): boolean {
  const before = clauseBefore(context.text, context.start);
  const match = /(?:^|\s)([\w'’-]+)\s+([A-Za-z]+)(?:\s+[a-z]+ly)?\s+(?:in|during|since|on)\s+$/.exec(before);
  if (!match) return false;
  const [, previous = '', verb = ''] = match;
  if (!isPastForm(verb) || /^(?:to|be|been|being|will|would|could|should|might|may|must|can|shall|'ll|not)$/i.test(previous)) return false;
  return sayingCounts || !REPORTING_VERB.test(verb);
}

/** "by February", "through January": a near deadline lies ahead unless the clause is plainly in the past ("was completed by May"). */
function deadlineAhead(context: AnchorContext): boolean {
  const before = clauseBefore(context.text, context.start);
  if (!/\b(?:by|until|till|through)\s+$/i.test(before)) return false;
  return !/\b(?:was|were|had|did|ended|expired)\b/i.test(before);
}

/** "last week" / "this month" / "next year" relative to the publication day. */
export function shiftedPeriod(unit: 'week' | 'weekend' | 'month' | 'year' | 'quarter', offset: number, context: AnchorContext): string {
  const published = context.published;
  switch (unit) {
    case 'week':
      return formatWeek(addDays(published, 7 * offset));
    case 'weekend':
      return `${formatWeek(addDays(published, 7 * offset))}-WE`;
    case 'month': {
      const shifted = shiftMonth(published.year, published.month, offset);
      return formatMonth(shifted.year, shifted.month);
    }
    case 'year':
      return String(published.year + offset);
    case 'quarter': {
      const index = published.year * 4 + quarterOf(published.month) - 1 + offset;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
  }
}

/**
 * A quarter with no year: the publication year, except a quarter still to come, which is last year's when read early
 * in a year (Q3, Q4 in January) or told in the past ("third-quarter profit rose", in April).
 */
export function yearOfBareQuarter(quarter: number, context: AnchorContext): number {
  const { year, month } = context.published;
  if (quarter > quarterOf(month) && ((month <= 3 && quarter >= 3) || tenseCue(context) === 'past')) return year - 1;
  return year;
}

/**
 * Records a quarter the text names as a candidate reporting period. Business news reports on the latest completed
 * quarter and mentions earlier ones for comparison and later ones as outlook, so only a completed quarter later
 * than the current focus moves it.
 */
/** Whether the words after an expression say its period is over: "the fourth quarter ended Sept. 30". */
export function followedByEnded(context: AnchorContext): boolean {
  return /^,? (?:which |that )?ended\b/i.test(context.text.slice(context.end, context.end + 20));
}


export function noteQuarter(context: AnchorContext, year: number, quarter: number, ended = false): void {
  const index = year * 4 + quarter;
  const focus = context.focus.quarter;
  // The first quarter a story names is its subject, even a fiscal one that runs ahead of the calendar.
  // A quarter said to have ended ("the fourth quarter ended Sept. 30") is a reporting period whatever its number says.
  if (focus && !ended) {
    if (index >= context.published.year * 4 + quarterOf(context.published.month)) return;
    if (focus.year * 4 + focus.quarter > index) return;
  }
  context.focus.quarter = { year, quarter };
}

/** "the quarter" with no earlier quarter in the document: the last one completed before publication. */
export function focusedQuarter(context: AnchorContext): { year: number; quarter: number } {
  if (context.focus.quarter) return context.focus.quarter;
  const current = quarterOf(context.published.month);
  return current === 1 ? { year: context.published.year - 1, quarter: 4 } : { year: context.published.year, quarter: current - 1 };
}

export { formatDay, formatMonth };
