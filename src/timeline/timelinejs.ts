// Events as a TimelineJS3 document (https://timeline.knightlab.com/docs/json-format.html), for newsrooms that
// embed TimelineJS and do not speak GraphQL. Pure: the caller loads the events; nothing here touches the database.
import type { DatePrecision, EventType, PlaceRole } from '../db/generated/prisma/enums.js';
import { formatAtPrecision, isDateRange, isoDay } from '../graph/event-date.js';

/** What a slide needs to know about one event: the rows the export route loads in one query per page. */
export interface TimelineEventRecord {
  id: number;
  title: string;
  summary: string | null;
  type: EventType;
  startsOn: Date;
  endsOn: Date;
  precision: DatePrecision;
  approximate: boolean;
  dateText: string | null;
  articleCount: number;
  places: { role: PlaceRole; place: { name: string } }[];
  /** The earliest reporting passage only (earliest article first), with its article and source. */
  mentions: {
    quote: string;
    source: { name: string } | null;
    article: { url: string | null; title: string | null; publishedOn: Date; publisher: { name: string } | null };
  }[];
}

/** TimelineJS date object: only the parts the precision vouches for (a month-precision date has no day). */
export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineText {
  headline: string;
  text: string;
}

export interface TimelineMedia {
  url: string;
  link?: string;
  link_target?: string;
  caption?: string;
  credit?: string;
  alt?: string;
}

export interface TimelineSlide {
  start_date: TimelineDate;
  end_date?: TimelineDate;
  display_date?: string;
  text: TimelineText;
  group: string;
  unique_id: string;
  media?: TimelineMedia;
}

export interface TimelineTitleSlide {
  text: TimelineText;
  unique_id: string;
}

export interface TimelineDocument {
  title: TimelineTitleSlide;
  events: TimelineSlide[];
  scale: 'human';
}

/** How the selection came about, for the title slide; every string here may come from a user and is escaped. */
export interface TimelineSelection {
  /** Conditions as a reader would say them: "from 2023-10-07", "at Gaza Strip or a place inside it". */
  conditions: string[];
  /** Events matching the conditions, across all pages. */
  total: number;
  limit: number;
  /** Absolute URL of the next page, when more remain. */
  nextPage: string | null;
  generatedAt: Date;
}

/** Text from articles and sources goes into HTML that TimelineJS renders: escape it so no source can inject markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** "MILITARY_OPERATION" → "Military operation": the label TimelineJS shows at the left of a group's row. */
export function eventTypeLabel(type: EventType): string {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The slide ID: the global ID "Event:12" written as "event-12". TimelineJS slugifies IDs in places (lowercase,
 * [a-z0-9-], no leading digit) and puts them in URL hashes; base64 global IDs would not survive that unchanged.
 */
export function timelineSlideId(eventId: number): string {
  return `event-${eventId}`;
}

function dateParts(day: Date, precision: DatePrecision): TimelineDate {
  const [year, month, dayOfMonth] = isoDay(day).split('-').map(Number) as [number, number, number];
  if (precision === 'YEAR') return { year };
  if (precision === 'MONTH') return { year, month };
  return { year, month, day: dayOfMonth };
}

/**
 * Start and end at the known precision. A week has no TimelineJS unit, so a WEEK date becomes the days it
 * covers (Monday to Sunday, or the stored first to last day of a range of weeks) and display_date says "week of".
 */
export function timelineDates(event: Pick<TimelineEventRecord, 'startsOn' | 'endsOn' | 'precision'>): { start_date: TimelineDate; end_date?: TimelineDate } {
  const start_date = dateParts(event.startsOn, event.precision);
  if (event.endsOn.getTime() < event.startsOn.getTime()) return { start_date };
  const spansDays = event.precision === 'WEEK' || isDateRange(event.startsOn, event.endsOn, event.precision);
  return spansDays ? { start_date, end_date: dateParts(event.endsOn, event.precision) } : { start_date };
}

/**
 * The date as known, in words TimelineJS shows verbatim: "about 2023-10-27", "2023-10 (month)", "2021 to 2023 (years)",
 * "week of 2023-10-23 (2023-W43)". Undefined for an exact day or range of days, which TimelineJS formats itself.
 */
export function timelineDisplayDate(event: Pick<TimelineEventRecord, 'startsOn' | 'endsOn' | 'precision' | 'approximate'>): string | undefined {
  const { startsOn, endsOn, precision } = event;
  const range = endsOn.getTime() >= startsOn.getTime() && isDateRange(startsOn, endsOn, precision);
  const start = formatAtPrecision(startsOn, precision);
  const end = formatAtPrecision(endsOn, precision);
  let words: string;
  switch (precision) {
    case 'DAY':
      if (!event.approximate) return undefined;
      words = range ? `${start} to ${end}` : start;
      break;
    case 'WEEK':
      words = range ? `weeks ${start} to ${end} (${isoDay(startsOn)} to ${isoDay(endsOn)})` : `week of ${isoDay(startsOn)} (${start})`;
      break;
    case 'MONTH':
      words = range ? `${start} to ${end} (months)` : `${start} (month)`;
      break;
    case 'YEAR':
      words = range ? `${start} to ${end} (years)` : `${start} (year)`;
      break;
  }
  return event.approximate ? `about ${words}` : words;
}

/** "Israel (location, target), Gaza Strip (origin)": each place once, with its roles unless it is only where it happened. */
function placesLine(places: TimelineEventRecord['places']): string | null {
  const roles = new Map<string, string[]>();
  for (const link of places) {
    const known = roles.get(link.place.name) ?? [];
    if (!known.includes(link.role)) known.push(link.role);
    roles.set(link.place.name, known);
  }
  const named = [...roles].map(([name, placeRoles]) =>
    placeRoles.length === 1 && placeRoles[0] === 'LOCATION' ? name : `${name} (${placeRoles.map((role) => role.toLowerCase()).join(', ')})`,
  );
  return named.length ? named.join(', ') : null;
}

function slideText(event: TimelineEventRecord): string {
  const dateWords = timelineDisplayDate(event) ?? (isDateRange(event.startsOn, event.endsOn, event.precision)
    ? `${isoDay(event.startsOn)} to ${isoDay(event.endsOn)}`
    : isoDay(event.startsOn));
  const paragraphs: string[] = [];
  if (event.summary) paragraphs.push(`<p>${escapeHtml(event.summary)}</p>`);
  const asWritten = event.dateText ? ` (“${escapeHtml(event.dateText)}”)` : '';
  paragraphs.push(`<p><strong>When:</strong> ${escapeHtml(dateWords)}${asWritten}</p>`);
  const places = placesLine(event.places);
  if (places) paragraphs.push(`<p><strong>Where:</strong> ${escapeHtml(places)}</p>`);
  paragraphs.push(`<p><strong>Reported by:</strong> ${event.articleCount} article${event.articleCount === 1 ? '' : 's'}</p>`);
  const first = event.mentions[0];
  if (first) {
    const attribution = [first.source?.name, first.article.publisher?.name, isoDay(first.article.publishedOn)]
      .filter((part): part is string => Boolean(part))
      .map(escapeHtml)
      .join(', ');
    paragraphs.push(`<blockquote>“${escapeHtml(first.quote)}”</blockquote><p>— ${attribution}</p>`);
  }
  return paragraphs.join('');
}

/**
 * The first reporting article as a link. TimelineJS treats a URL it does not recognise as an image, so alt text
 * names the article: where the page cannot show as media, the reader still sees a link with its title.
 */
function slideMedia(event: TimelineEventRecord): TimelineMedia | undefined {
  const article = event.mentions[0]?.article;
  if (!article?.url || !/^https?:\/\//i.test(article.url)) return undefined;
  const title = article.title ?? article.url;
  return {
    url: article.url,
    link: article.url,
    link_target: '_blank',
    caption: `<a href="${escapeHtml(article.url)}" target="_blank" rel="noopener">${escapeHtml(title)}</a>`,
    ...(article.publisher ? { credit: escapeHtml(article.publisher.name) } : {}),
    alt: `Article: ${title}`.replace(/[<>"']/g, ''),
  };
}

/** The days a document covers, as the export was asked for them (YYYY-MM-DD, inclusive). */
export interface TimelineWindow {
  from?: string | null;
  to?: string | null;
}

/**
 * A slide's place on the axis within the asked-for days. An event that began before them (a siege since March in a
 * week of April, a date known only to the year) or goes on after them sits at their edge, so the document opens on
 * the days asked for; display_date keeps its own dates in words. Undefined when the event lies within the days.
 */
function datesWithinWindow(event: TimelineEventRecord, window: TimelineWindow): { start_date: TimelineDate; end_date?: TimelineDate; display_date: string } | undefined {
  const first = isoDay(event.startsOn);
  const last = isoDay(event.endsOn > event.startsOn ? event.endsOn : event.startsOn);
  const beforeWindow = window.from != null && first < window.from;
  const afterWindow = window.to != null && last > window.to;
  if (!beforeWindow && !afterWindow) return undefined;
  const start = beforeWindow ? window.from! : first;
  const end = afterWindow ? window.to! : last;
  const day = (value: string) => dateParts(new Date(`${value}T00:00:00Z`), 'DAY');
  const ownDates = timelineDisplayDate(event) ?? (first === last ? first : `${first} to ${last}`);
  const placed = [beforeWindow ? `shown from ${start}` : '', afterWindow ? `until ${end}` : ''].filter(Boolean).join(' ');
  return { start_date: day(start), ...(end > start ? { end_date: day(end) } : {}), display_date: `${ownDates}; ${placed}` };
}

export function timelineSlide(event: TimelineEventRecord, window: TimelineWindow = {}): TimelineSlide {
  const clamped = datesWithinWindow(event, window);
  const display_date = clamped?.display_date ?? timelineDisplayDate(event);
  const media = slideMedia(event);
  return {
    ...(clamped ? { start_date: clamped.start_date, ...(clamped.end_date ? { end_date: clamped.end_date } : {}) } : timelineDates(event)),
    ...(display_date ? { display_date } : {}),
    text: { headline: escapeHtml(event.title), text: slideText(event) },
    group: eventTypeLabel(event.type),
    unique_id: timelineSlideId(event.id),
    ...(media ? { media } : {}),
  };
}

function titleSlide(shown: number, selection: TimelineSelection): TimelineTitleSlide {
  const conditions = selection.conditions.length ? selection.conditions.map(escapeHtml).join('; ') : 'all events';
  const paging = selection.nextPage
    ? `<p>This page: ${shown} of ${selection.total} matching events (at most ${selection.limit} a page). <a href="${escapeHtml(selection.nextPage)}">Next page</a></p>`
    : `<p>${shown} event${shown === 1 ? '' : 's'} on this page, ${selection.total} matching in all.</p>`;
  return {
    text: {
      headline: 'Newsline events',
      text: `<p><strong>Selection:</strong> ${conditions}</p>${paging}<p>Generated ${escapeHtml(selection.generatedAt.toISOString())} from the Newsline event graph.</p>`,
    },
    unique_id: 'newsline-selection',
  };
}

/** One page of events as a TimelineJS document, with a title slide that says what was selected and how much. */
export function timelineDocument(events: TimelineEventRecord[], selection: TimelineSelection, window: TimelineWindow = {}): TimelineDocument {
  return { title: titleSlide(events.length, selection), events: events.map((event) => timelineSlide(event, window)), scale: 'human' };
}
