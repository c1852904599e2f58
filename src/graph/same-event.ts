// When two reports, or two clauses of one report, tell the same event: the rules extraction uses to join the clauses
// of one article and storage uses to join an article's events to those already in the graph. Pure: no database,
// no text reading; both sides hand in what they know of the events.
import type { EventType } from '../db/generated/prisma/enums.js';
import type { EventFact } from './facts.js';

const dayMs = 86_400_000;

function isoDay(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

// Words that tell which kind of attack, disaster or accident an event is: "bombing" and "shooting" are
// two events even on one day, where "attack" or "killed" may name either.
const triggerFamilies: [family: string, pattern: RegExp][] = [
  ['bombing', /\b(?:bomb\w*|blasts?|explosions?|suicide|explosives?)\b/i],
  ['shooting', /\b(?:shot|shooting|gun\w*|opened fire|sniper)\b/i],
  ['shelling', /\b(?:shell(?:ed|ing|s)?|rockets?|mortars?|missiles?)\b/i],
  ['stabbing', /\bstabb\w*\b/i],
  ['kidnapping', /\b(?:kidnap\w*|abduct\w*)\b/i],
  ['earthquake', /\b(?:earthquake|quake)s?\b/i],
  ['flood', /\bflood\w*\b/i],
  ['storm', /\b(?:cyclone|hurricane|typhoon|storm)s?\b/i],
  ['landslide', /\b(?:landslides?|avalanches?)\b/i],
  ['wildfire', /\bwildfires?\b/i],
  ['epidemic', /\b(?:epidemic|outbreak)s?\b/i],
  ['air crash', /\b(?:plane|aircraft|airliner|helicopter|jet)\b/i],
  ['shipwreck', /\b(?:capsized|sank|sinking|ferry|boat|ship)\b/i],
  ['rail crash', /\b(?:derail\w*|train)\b/i],
  ['referendum', /\breferendum\b/i],
];

/** The trigger families a trigger word or a title names ("car bomb" → bombing); none for generic words. */
export function triggerFamiliesOf(text: string): Set<string> {
  return new Set(triggerFamilies.filter(([, pattern]) => pattern.test(text)).map(([family]) => family));
}

/** Whether two triggers (or titles) may name one event: a generic word goes with any family. */
export function sameTriggerFamily(a: string, b: string): boolean {
  const first = triggerFamiliesOf(a);
  const second = triggerFamiliesOf(b);
  return first.size === 0 || second.size === 0 || [...first].some((family) => second.has(family));
}

// Kinds of event that one report calls by one name and the next by another: troops storming a building
// are an "attack" to one wire and a "raid" to the next; a "summit" is also "talks".
const eventTypeFamilies: EventType[][] = [
  ['ATTACK', 'MILITARY_OPERATION'],
  ['MEETING', 'NEGOTIATION'],
];

/** The event types a report of this type may be another report of (the type itself included). */
export function compatibleEventTypes(type: EventType): EventType[] {
  return eventTypeFamilies.find((family) => family.includes(type)) ?? [type];
}

/** Whether two triggers are the same word, give or take its ending ("stormed" and "storming", "talks" and "talks"). */
export function sameTriggerWord(a: string, b: string): boolean {
  const stems = (trigger: string) =>
    new Set(trigger.toLowerCase().split(/[^a-z]+/).filter((word) => word.length > 3).map((word) => word.slice(0, 5)));
  const first = stems(a);
  if ([...stems(b)].some((stem) => first.has(stem))) return true;
  // Two words of one specific kind ("the bombing", "a car bomb") name it again too.
  const kinds = triggerFamiliesOf(a);
  return [...triggerFamiliesOf(b)].some((family) => kinds.has(family));
}

const prepositions = new Set(['in', 'on', 'at', 'to', 'of', 'by', 'near', 'from', 'over', 'against']);

/**
 * The word of a title that says what happened: titles read "[who] what [in where]" ("Invasion in Iraq", "Rwanda
 * invasion in Congo", "Foreign ministry diplomatic protest"), so it is the last word before the first preposition.
 */
function headlineWords(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  const place = words.findIndex((word, index) => index > 0 && prepositions.has(word.toLowerCase()));
  return (place === -1 ? words : words.slice(0, place)).at(-1) ?? '';
}

/** Whether two event titles name the same kind of happening in the same word ("Invasion in Iraq", "US invasion"). */
export function sameHeadlineNoun(a: string, b: string): boolean {
  const first = headlineWords(a);
  const second = headlineWords(b);
  return first !== '' && second !== '' && sameTriggerWord(first, second);
}

/** An event already stored near the article's dates, with what it is linked to, for findSameEvent. */
export interface KnownEvent {
  id: number;
  type: string;
  precision: string;
  startsOn: string;
  endsOn: string;
  approximate: boolean;
  /** Null when the date is the publication day of the report, not a date the text gave. */
  dateText: string | null;
  /** Every report so far dates it well before itself (see isBackgroundDate). */
  background: boolean;
  title: string;
  places: { id: number; kind: string }[];
  people: number[];
  organizations: number[];
}

/** What the new event is linked to, as graph ids, with each place's kind. */
export interface EventLinks {
  places: { id: number; kind: string }[];
  people: number[];
  organizations: number[];
}

// Two reports of one event name the same people, groups and towns around it, even when the sentence that
// tells the event names none of them: this much in common (weighed as stories weigh it) is evidence of its
// own, and a little more for a follow-up days later.
const sharedContextForSameDay = 3;
const sharedContextForFollowUp = 4;

// Places that name a whole country or more: two events sharing only one of them may be anywhere in it.
export const widePlaceKinds = new Set(['CONTINENT', 'COUNTRY', 'REGION', 'DIVISION']);

// Kinds of event that happen once per country at a time: the country is their specific place.
const nationwideTypes = new Set(['ELECTION']);

/** Days from one ISO day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((new Date(`${to.slice(0, 10)}T00:00:00Z`).getTime() - new Date(`${from.slice(0, 10)}T00:00:00Z`).getTime()) / dayMs);
}

// How far apart two reports' dates may be, in days: a report dated only by its publication day may come
// out a few days after the day another report names; two stated dates disagree by a time zone at most.
const followUpDays = 3;

/**
 * An event already in the graph that this fact reports too: a compatible type (an attack may be another
 * report's raid), the same precision and trigger family; a start within a day (reports disagree across time
 * zones), or up to three days earlier when the new report is dated only by its publication day (a follow-up
 * of an event with a stated date), or the other way round; and shared evidence: a specific place (a city, not
 * a country: nationwide events such as elections excepted) or a participant, both for the wider window, or
 * else enough of the people, groups and specific places the reporting articles name around it (the story's
 * context). Events in different specific places are different events. Two of one article's events may land on
 * one known event: what the article told apart (often by a date misread from another clause) the reports agree on.
 * Of several candidates the one with the most shared evidence, then the nearest date, wins.
 */
export function findSameEvent(
  known: KnownEvent[],
  event: EventFact,
  links: EventLinks,
  contextEvidence: ReadonlyMap<number, number>,
  /** Collects the candidates that only the story context could link, when that is not read yet. */
  wantingContext?: Set<number>,
  /** The report's publication day, by which an approximate date's leeway is measured. */
  reportedOn?: string,
): KnownEvent | undefined {
  const nationwide = nationwideTypes.has(event.type);
  const isSpecific = (kind: string) => nationwide || !widePlaceKinds.has(kind);
  const ownSpecific = new Set(links.places.filter((place) => isSpecific(place.kind)).map((place) => place.id));
  const ownParticipants = new Set([...links.people.map((id) => `p${id}`), ...links.organizations.map((id) => `o${id}`)]);
  const eventDated = event.date.text !== undefined;
  const coarseDate = event.date.precision === 'MONTH' || event.date.precision === 'YEAR';
  const types = compatibleEventTypes(event.type);
  let best: { candidate: KnownEvent; score: number; distance: number } | undefined;
  for (const candidate of known) {
    if (!types.includes(candidate.type as EventFact['type'])) continue;
    if (!sameTriggerFamily(candidate.title, event.title)) continue;
    const offset = daysBetween(isoDay(candidate.startsOn), event.date.startsOn);
    const candidateDated = candidate.dateText !== null;
    let distance = Math.abs(offset);
    let wide = false;
    if (candidate.precision !== event.date.precision) {
      // "This week" and a day of that week may be one event.
      const week = candidate.precision === 'WEEK' ? candidate : event.date.precision === 'WEEK' ? event.date : undefined;
      const day = candidate.precision === 'DAY' ? candidate.startsOn : event.date.precision === 'DAY' ? event.date.startsOn : undefined;
      if (!week || !day || isoDay(day) < isoDay(week.startsOn) || isoDay(day) > isoDay(week.endsOn)) continue;
      distance = 0;
    } else if (event.date.precision !== 'DAY') {
      if (offset !== 0) continue;
    } else if (distance > 1 && !(eventDated && candidateDated && distance <= approximateReach(event.date, reportedOn))) {
      // Only a report dated by its publication day may fall after the stated date of the event it follows up;
      // an election is reported days before it too.
      const followsUp =
        (!eventDated && candidateDated && (offset > 0 || nationwide)) || (eventDated && !candidateDated && (offset < 0 || nationwide));
      if (!followsUp || distance > followUpDays) continue;
      wide = true;
    }
    // History told by the month or the year ("the 2003 invasion of Iraq") is placed by its country: two such reports
    // of one kind, in one period and one country, under the same word, are one event.
    const sameNoun = sameHeadlineNoun(candidate.title, event.title);
    // Within a year or a month, the story's context alone does not make two happenings of other names one.
    if (coarseDate && !sameNoun) continue;
    const countryWide = coarseDate && candidate.precision === event.date.precision && sameNoun;
    const placesThatTell = (places: { id: number; kind: string }[]) =>
      [...new Set(places.filter((place) => countryWide || isSpecific(place.kind)).map((place) => place.id))];
    const candidateSpecific = placesThatTell(candidate.places);
    const own = countryWide ? new Set(placesThatTell(links.places)) : ownSpecific;
    const sharedPlaces = candidateSpecific.filter((id) => own.has(id)).length;
    // Two specific places and none in common: the same kind of event somewhere else.
    if (sharedPlaces === 0 && candidateSpecific.length > 0 && own.size > 0) continue;
    const candidateParticipants = new Set([...candidate.people.map((id) => `p${id}`), ...candidate.organizations.map((id) => `o${id}`)]);
    const sharedParticipants = [...candidateParticipants].filter((key) => ownParticipants.has(key)).length;
    const sharedContext = contextEvidence.get(candidate.id) ?? 0;
    const linked = wide ? sharedPlaces > 0 && (sharedParticipants > 0 || nationwide) : sharedPlaces > 0 || sharedParticipants > 0;
    if (!linked) wantingContext?.add(candidate.id);
    if (!linked && sharedContext < (wide ? sharedContextForFollowUp : sharedContextForSameDay)) continue;
    const score = sharedPlaces * 2 + sharedParticipants + sharedContext / 4;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { candidate, score, distance };
  }
  return best?.candidate;
}

/**
 * How many days from another report's date an approximate date told from a duration may be and still be the same
 * day: a tenth of how long before the report it lies. "For four months" in a report of 22 April is about 22 December
 * give or take 12 days, so a hostage-taking another report dates on 17 December ("for 18 weeks") may be the same one.
 */
export function approximateReach(date: EventFact['date'], reportedOn: string | undefined): number {
  if (!date.approximate || date.text === undefined || date.precision !== 'DAY' || !reportedOn) return 0;
  return Math.max(0, Math.floor(daysBetween(date.startsOn, reportedOn) / 10));
}

/** The days whose stored events storing these events must read to find the same ones. */
export function datesToLookUp(events: EventFact[], reportedOn?: string): string[] {
  const days = new Set<string>();
  for (const event of events) {
    const start = new Date(`${event.date.startsOn}T00:00:00Z`).getTime();
    const reach = event.date.precision === 'DAY' ? Math.max(followUpDays, approximateReach(event.date, reportedOn)) : 0;
    for (let offset = -reach; offset <= reach; offset += 1) days.add(isoDay(new Date(start + offset * dayMs)));
    // The days of a week, whose reports may give the day itself.
    if (event.date.precision === 'WEEK') for (let day = start; isoDay(new Date(day)) <= event.date.endsOn; day += dayMs) days.add(isoDay(new Date(day)));
  }
  return [...days];
}
