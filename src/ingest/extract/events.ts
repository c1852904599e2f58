// Events in news text: a sentence that reports something happening (a trigger word such as "attacked",
// "encircled", "vigil"), dated by the time expression it carries, placed by the places it names, with the
// organisations and people around the trigger as participants. Pure: text in, candidates out.
import type { EventType, ParticipantRole, PlaceRole, DatePrecision } from '../../db/generated/prisma/enums.js';
import type { EntityMention } from './entities.js';
import type { Timex } from './timex.js';
import { resolveDateRange } from './timex.js';
import { resolvePlaceName } from './gazetteer.js';
import { compatibleEventTypes, sameTriggerFamily, sameTriggerWord } from '../../graph/same-event.js';

export interface TextRange {
  start: number;
  end: number;
}

export interface EventDateCandidate {
  startsOn: string;
  endsOn: string;
  precision: DatePrecision;
  approximate: boolean;
  /** The time expression the date came from; absent when the event is dated by its publication. */
  text?: string;
}

export interface EventCandidate {
  type: EventType;
  title: string;
  trigger: TextRange & { text: string };
  date: EventDateCandidate;
  /** The sentences that report the event. */
  mentions: (TextRange & { text: string })[];
  /** Indexes into the entity list given to extractEvents. */
  places: { entity: number; role: PlaceRole }[];
  participants: { entity: number; role: ParticipantRole }[];
}

interface TriggerRule {
  type: EventType;
  pattern: RegExp;
  /**
   * A word that names an event only when nothing else in the clause does: a statement ("accused", "announced")
   * or a toll ("were killed") usually carries or follows the happening the clause is about.
   */
  fallback?: boolean;
}

// Ordered by how specific a word is: of two triggers at one place in a clause, the earlier rule decides the type.
const triggerRules: TriggerRule[] = [
  { type: 'HOSTAGE_TAKING', pattern: /\b(?:took|taken|taking|held|holding|seized) (?:as )?(?:(?:some |about |more than |nearly )?[\d,]+ )?hostages?\b|\bhostages? (?:taken|held|seized)\b|\bhostage (?:crisis|drama|stand-?off)\b|\b(?:kidnapp(?:ed|ing)|abduct(?:ed|ion|ing)|hostage-taking)\b/i },
  { type: 'VIGIL', pattern: /\b(?:vigils?|candle-lighting|candlelight|lit (?:a )?candles?|lighting (?:a )?candles?|memorial (?:service|ceremony)|commemorat(?:ed|ion|ions)|funerals?|laid to rest|buried)\b/i },
  { type: 'PROTEST', pattern: /\b(?:protest(?:ed|ers|s)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ies|ied)|march(?:ed)? (?:through|on|to)|riot(?:s|ed|ing)?|strike(?:rs)? (?:by|over)|went on strike)\b/i },
  { type: 'OTHER', pattern: /\b(?:opinion polls?|(?:latest |new )?(?:poll|survey) (?:published|released|conducted|carried out|showed|shows|found|gave|by|for|of|in)|(?:resign(?:ed|s|ation)|stepped down|sworn in|took office|appointed|ousted|sacked|inaugurat(?:ed|es|ion)|dissol(?:ved|ution)|(?:vote|motion) of (?:no[- ])?confidence|confidence vote|executed|hanged|evacuat(?:ed|ion)|pilgrimage|hajj|defected|withdr(?:ew|awn) (?:its |their |his |her )?support))\b/i },
  { type: 'ELECTION', pattern: /\b(?:elected|re-elected|polls? (?:opened|closed)|voters? (?:went|go) to the polls|(?:election|elections|referendum|ballot|vote) (?:was|were) held|voted in (?:the |a )?(?:election|referendum|ballot))\b/i },
  // The vote named as a noun is as often the frame of another happening ("called elections", "ahead of the vote").
  { type: 'ELECTION', fallback: true, pattern: /\b(?:election|elections|referendum|ballot)\b/i },
  { type: 'ARREST', pattern: /\b(?:arrest(?:ed|s)?|detain(?:ed)?|taken into custody|rounded up|extradit(?:ed|ion))\b/i },
  { type: 'TRIAL', pattern: /\b(?:sentenced|convicted|acquitted|indicted|went on trial|trial of|verdict|charged with|pleaded (?:guilty|not guilty|innocent)|court (?:ruled|ordered|hearing)|tribunal (?:ruled|heard|hearing))\b/i },
  { type: 'DISASTER', pattern: /\b(?:earthquake|quake|flood(?:s|ing|ed)?|cyclone|hurricane|typhoon|tsunami|landslides?|avalanche|drought|wildfires?|epidemic|outbreak)\b/i },
  { type: 'ATTACK', pattern: /\b(?:arson|set (?:fire|ablaze)|torched)\b/i },
  // A fire nobody is said to have set is an accident; a bare "fire" is as often gunfire, so the words around it must say a fire.
  { type: 'ACCIDENT', pattern: /\b(?:crash(?:ed|es)?|collided|collision|derail(?:ed|ment)|capsized|sank|explosion at|plane went down|blaze|inferno|fires? (?:broke out|swept|destroyed|gutted|killed|engulfed|ravaged|raged|spread|started|tore)|(?:a|the) (?:huge |massive |big |major |deadly )?fire (?:at|in)\b|emergency landing)\b/i },
  { type: 'ATTACK', pattern: /\b(?:attack(?:ed|s|ing)?|clash(?:ed|es)|bomb(?:ed|ing|ings)|suicide bomber|shell(?:ed|ing)|ambush(?:ed)?|massacre[ds]?|gunmen (?:opened fire|stormed)|opened fire|assassinat(?:ed|ion)|rocket fire|fired rockets|blast|car bomb|stabb(?:ed|ing)|(?<!(?:were|was|been|are|is|being) )(?:shot dead|killed))\b/i },
  { type: 'MILITARY_OPERATION', pattern: /\b(?:encircl(?:ed|ing|ement)|(?:drone|surveillance|reconnaissance) flights|offensive|invaded|invasion|incursions?|raid(?:ed|s)?|air ?strikes?|airstrikes?|bombardment|ground operation|deployed|troops (?:entered|moved)|surveillance (?:flights|drones)|drones? over|besieg(?:ed|ing)|siege|retaliat(?:ed|ion|ory)|captur(?:ed|ing)|(?:seized|took|taken) control of|fell (?:in)?to (?:the )?(?:rebels?|troops|forces|insurgents|militants)|(?:troops|soldiers|force) (?:landed|arrived)|stormed|crossed into|fighting|rebellion|uprising|insurgency|civil war|(?<!post-|pre-|cold )war(?! crimes?\b))\b/i },
  { type: 'AGREEMENT', pattern: /\b(?:signed (?:an? |the )?(?:agreement|accord|treaty|deal)|agreed to|agreement (?:was|has been) reached|reached (?:an? )?(?:agreement|deal)|ceasefire (?:took|takes) effect|truce|peace (?:plan|accord|deal|agreement))\b/i },
  { type: 'NEGOTIATION', pattern: /\b(?:negotiat(?:ions|ed|ing|e)|talks (?:with|between|on)|peace talks|mediat(?:ion|ed|ing)|indirect engagement|efforts to (?:gain|secure|free) the release|broke off (?:the )?talks)\b/i },
  { type: 'MEETING', pattern: /\b(?:met|meets with|summit|talks in|visit(?:ed|ing|s)?|held talks|meeting (?:with|of|between))\b/i },
  { type: 'ECONOMIC', pattern: /\b(?:(?:shares|stocks|share prices|stock prices|index|bourse|prices|Nikkei|Dow)\b[^.;]{0,60}?\b(?:rose|fell|dipped|tumbled|slipped|climbed|gained|lost|plunged|soared|surged|slumped|eased|firmed|edged|closed|opened|ended|finished|dropped|rallied)|(?:opened|closed|ended|finished) (?:sharply |slightly |marginally )?(?:higher|lower|mixed|firmer|weaker)|stock market|interest rates?|inflation|budget deficit|devalu(?:ed|ation)|bankrupt(?:cy)?|merger|takeover bid|(?:rose|fell) \d+(?:\.\d+)? (?:percent|%)|(?:lending|credit) (?:curbs|limits|ceiling)|loans? (?:of|worth|totalling|totaling))\b/i },
  { type: 'CASUALTIES', fallback: true, pattern: /\b(?:(?:were|was|been|are|is) (?:killed|wounded|injured|hurt|shot dead)|died|death toll|casualties|committed suicide|slain)\b/i },
  { type: 'STATEMENT', fallback: true, pattern: /\b(?:announc(?:ed|es|ing|ement)|accus(?:ed|es|ing|ation|ations)|allegations?|blamed|condemn(?:ed|s|ation)|denounc(?:ed|es)|denied|warned|appeal(?:ed)? (?:to|for)|urged|called (?:on|for)|demanded|hailed|rejected|disowned|press (?:release|conference)|news conference|communiqu[eé]|statement|summoned|criticis(?:ed|m)|criticiz(?:ed|es)|hit out|expressed (?:his|her|their|its) (?:sorrow|regret|concern|condolences|support))\b/i },
];

const typeLabels: Record<EventType, string> = {
  ATTACK: 'Attack',
  MILITARY_OPERATION: 'Military operation',
  HOSTAGE_TAKING: 'Hostage taking',
  CASUALTIES: 'Casualties',
  NEGOTIATION: 'Negotiations',
  STATEMENT: 'Statement',
  MEETING: 'Meeting',
  PROTEST: 'Protest',
  VIGIL: 'Vigil',
  ELECTION: 'Election',
  AGREEMENT: 'Agreement',
  ARREST: 'Arrests',
  TRIAL: 'Trial',
  DISASTER: 'Disaster',
  ACCIDENT: 'Accident',
  ECONOMIC: 'Economy',
  OTHER: 'Event',
  STORY: 'Story',
};

const dayMs = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A DATE value as event dates store it: DAY / WEEK / MONTH / YEAR, wider periods as ranges of months or years. */
export function eventDateFromTimex(timex: Timex): EventDateCandidate | null {
  if (timex.type !== 'DATE' && timex.type !== 'TIME') return null;
  const range = resolveDateRange(timex.value);
  if (!range) return null;
  const precision: DatePrecision =
    range.precision === 'DAY' || range.precision === 'TIME'
      ? 'DAY'
      : range.precision === 'WEEK'
        ? 'WEEK'
        : range.precision === 'MONTH' || range.precision === 'QUARTER' || range.precision === 'SEASON'
          ? 'MONTH'
          : 'YEAR';
  return {
    startsOn: range.start,
    endsOn: range.end,
    precision,
    approximate: Boolean(timex.approximate) || (timex.mod !== undefined && timex.mod !== 'EQUAL'),
    text: timex.text,
  };
}

/**
 * The first trigger in the clause: a main clause's verb comes before the background clauses that follow it. A
 * fallback word (a statement, a toll) counts only when the clause names no other happening.
 */
function findTrigger(sentence: string): { type: EventType; start: number; end: number; text: string } | null {
  for (const fallback of [false, true]) {
    let first: { type: EventType; start: number; end: number; text: string } | null = null;
    for (const rule of triggerRules) {
      if (Boolean(rule.fallback) !== fallback) continue;
      const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
      for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
        if (isHypothetical(sentence, match.index) || isDescribingParticiple(sentence, { index: match.index, text: match[0] })) continue;
        if (!first || match.index < first.start) first = { type: rule.type, start: match.index, end: match.index + match[0].length, text: match[0] };
        break;
      }
    }
    if (first) return first;
  }
  return null;
}

// What the clause says did not, or may not, happen: "will not be sent", "could attack", "plans to visit".
const hypotheticalBefore = /\b(?:not|never|n't|no|could|would|might|may|should|must|will|shall|plans? to|planned to|planning to|expected to|hopes? to|hoped to|wants? to|wanted to|intends? to|threatened to|threatening to|ready to|if)\s+(?:(?:be|have|been|not|also|soon|again|further|formally)\s+)*$|\b(?:ahead of|in the run-up to|in the event of|fears? of|threat of|risk of)\s+(?:the |a |an |this |next |any )?(?:[\w-]+ )?$|\b(?:upcoming|forthcoming|future|planned|proposed|scheduled|possible|potential|expected|next)\s+(?:[\w-]+\s+)?$/i;

function isHypothetical(clause: string, triggerStart: number): boolean {
  return hypotheticalBefore.test(clause.slice(Math.max(0, triggerStart - 40), triggerStart));
}

// A participle that describes a noun ("the kidnapped persons' fliers", "of abducted children") names people, not
// the act: it follows a determiner or a preposition and comes before the noun it describes.
const describingBefore = /(?:^|\b(?:the|a|an|of|for|to|with|from|about|among|these|those|their|its|his|her|all|\d[\d,]*))\s+$/i;
const describedAfter = /^\s+(?!(?:by|in|on|at|into|from|to|as|last|earlier|yesterday|today|since|during|after|before|and|or|for)\b)[a-z][a-z'’-]*/;

function isDescribingParticiple(clause: string, match: { index: number; text: string }): boolean {
  if (!/^[a-z]+ed$/i.test(match.text)) return false;
  return describingBefore.test(clause.slice(0, match.index)) && describedAfter.test(clause.slice(match.index + match.text.length));
}

// Words that open a clause of its own: a date after one of them dates that clause, not the trigger's.
const clauseOpening = /\b(?:when|since|after|before|while|which|who|whom|where|because|until|although|though|whereas)\b|[;:]/i;

/** A sentence cut before each word that opens a clause of its own, so each clause may report its own event. */
function clausesOf(text: string, sentence: TextRange): TextRange[] {
  const body = text.slice(sentence.start, sentence.end);
  const cuts = [0];
  const opening = new RegExp(clauseOpening.source, 'gi');
  for (let match = opening.exec(body); match; match = opening.exec(body)) if (match.index > 0) cuts.push(match.index);
  cuts.push(body.length);
  const ranges: TextRange[] = [];
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    let start = sentence.start + cuts[index]!;
    let end = sentence.start + cuts[index + 1]!;
    while (start < end && /[\s,;:]/.test(text[start]!)) start += 1;
    while (end > start && /[\s,;:]/.test(text[end - 1]!)) end -= 1;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

function sameClause(text: string, trigger: TextRange, timex: TextRange): boolean {
  const between = timex.start >= trigger.end ? text.slice(trigger.end, timex.start) : text.slice(timex.end, trigger.start);
  return !clauseOpening.test(between);
}

const durationDays: Record<string, number> = { D: 1, W: 7, M: 30, Y: 365 };

/**
 * Acts whose duration is that of the state they leave: rebels "have held the hostages for 18 weeks" took them 18
 * weeks ago, and a man "detained for 120 days" was arrested 120 days ago. The act is dated on the day it began.
 */
const ACTS_BEGINNING_A_STATE: ReadonlySet<EventType> = new Set(['HOSTAGE_TAKING', 'ARREST']);

/**
 * "for over a week", "for three days": something still going on at publication that began that long before.
 * The date is the range from then to the publication day, marked approximate; an act that began the state is dated
 * on the day it began.
 */
function dateFromOngoingDuration(sentence: string, sentenceStart: number, timex: Timex, publishedOn: string, type: EventType): EventDateCandidate | null {
  const match = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(timex.value);
  if (timex.type !== 'DURATION' || !match) return null;
  const before = sentence.slice(0, timex.start - sentenceStart);
  if (!/\b(?:for|over the (?:past|last))\s*$/i.test(before) && !/^for\b/i.test(timex.text)) return null;
  const days = Math.round(Number(match[1]) * durationDays[match[2]!]!);
  const end = new Date(`${publishedOn}T00:00:00Z`);
  const start = new Date(end.getTime() - days * dayMs);
  const endsOn = ACTS_BEGINNING_A_STATE.has(type) ? start : end;
  return { startsOn: isoDay(start), endsOn: isoDay(endsOn), precision: 'DAY', approximate: true, text: timex.text };
}

function within(inner: TextRange, outer: TextRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function placeRole(text: string, place: TextRange, sentenceStart: number): PlaceRole {
  const before = text.slice(Math.max(sentenceStart, place.start - 12), place.start).toLowerCase();
  if (/\bfrom (?:the )?$/.test(before)) return 'ORIGIN';
  if (/\b(?:into|to|towards|toward) (?:the )?$/.test(before)) return 'DESTINATION';
  if (/\b(?:against|on|attacked|invaded|encircled|bombed|shelled|stormed) (?:the )?$/.test(before)) return 'TARGET';
  return 'LOCATION';
}

function participantRole(type: EventType, entity: TextRange, trigger: TextRange): ParticipantRole {
  if (entity.end <= trigger.start) return 'ACTOR';
  if (type === 'ATTACK' || type === 'MILITARY_OPERATION' || type === 'ARREST' || type === 'HOSTAGE_TAKING') return 'TARGET';
  if (type === 'VIGIL' || type === 'PROTEST') return 'ORGANIZER';
  return 'OTHER';
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

// The noun a headline uses for a trigger ("bombed" → "bombing"): the first pattern of the type that matches.
const headlineNouns: Partial<Record<EventType, [RegExp, string][]>> = {
  ATTACK: [
    [/arson|set (?:fire|ablaze)|torched/i, 'arson attack'],
    [/car bomb/i, 'car bombing'],
    [/suicide/i, 'suicide bombing'],
    [/bomb|blast/i, 'bombing'],
    [/shell/i, 'shelling'],
    [/rocket/i, 'rocket attack'],
    [/ambush/i, 'ambush'],
    [/massacre/i, 'massacre'],
    [/assassinat/i, 'assassination'],
    [/stabb/i, 'stabbing'],
    [/fire|gunmen|shot/i, 'shooting'],
    [/clash/i, 'clashes'],
  ],
  MILITARY_OPERATION: [
    [/encircl/i, 'encirclement'],
    [/invad|invasion/i, 'invasion'],
    [/incursion/i, 'incursion'],
    [/raid/i, 'raid'],
    [/air ?strike/i, 'air strikes'],
    [/bombardment/i, 'bombardment'],
    [/siege|besieg/i, 'siege'],
    [/offensive/i, 'offensive'],
    [/retaliat/i, 'retaliation'],
    [/captur|seiz|took control|fell to/i, 'capture'],
    [/stormed/i, 'assault'],
    [/fighting/i, 'fighting'],
    [/rebellion|uprising|insurgency/i, 'rebellion'],
    [/\bwar\b/i, 'war'],
    [/deployed|troops|landed/i, 'deployment'],
    [/drone|flights/i, 'surveillance flights'],
  ],
  HOSTAGE_TAKING: [
    [/kidnap/i, 'kidnapping'],
    [/abduct/i, 'abduction'],
  ],
  PROTEST: [
    [/riot/i, 'riots'],
    [/strike/i, 'strike'],
    [/march/i, 'march'],
    [/rall/i, 'rally'],
  ],
  ELECTION: [[/referendum/i, 'referendum']],
  TRIAL: [
    [/sentenced/i, 'sentencing'],
    [/convicted|verdict/i, 'verdict'],
    [/acquitted/i, 'acquittal'],
    [/indicted|charged/i, 'indictment'],
  ],
  DISASTER: [
    [/quake/i, 'earthquake'],
    [/flood/i, 'floods'],
    [/landslide/i, 'landslide'],
    [/avalanche/i, 'avalanche'],
    [/wildfire/i, 'wildfire'],
    [/epidemic|outbreak/i, 'outbreak'],
  ],
  ACCIDENT: [
    [/derail/i, 'derailment'],
    [/capsized|sank/i, 'sinking'],
    [/explosion/i, 'explosion'],
    [/fire/i, 'fire'],
    [/collid|collision/i, 'collision'],
    [/plane/i, 'plane crash'],
    [/blaze|inferno/i, 'fire'],
    [/emergency landing/i, 'emergency landing'],
  ],
  AGREEMENT: [
    [/truce/i, 'truce'],
    [/ceasefire/i, 'ceasefire'],
  ],
  MEETING: [
    [/summit/i, 'summit'],
    [/visit/i, 'visit'],
    [/talks/i, 'talks'],
    [/\bmet\b|meets/i, 'meeting'],
  ],
  VIGIL: [
    [/memorial|commemorat/i, 'commemoration'],
    [/funeral|laid to rest|buried/i, 'funeral'],
  ],
  OTHER: [
    [/poll|survey/i, 'opinion poll'],
    [/resign|stepped down/i, 'resignation'],
    [/sworn in|took office|inaugurat/i, 'inauguration'],
    [/appointed/i, 'appointment'],
    [/ousted|sacked/i, 'dismissal'],
    [/dissol/i, 'dissolution'],
    [/confidence/i, 'confidence vote'],
    [/executed|hanged/i, 'execution'],
    [/evacuat/i, 'evacuation'],
    [/pilgrimage|hajj/i, 'pilgrimage'],
    [/defected/i, 'defection'],
    [/withdr/i, 'withdrawal of support'],
  ],
  STATEMENT: [
    [/announc/i, 'announcement'],
    [/accus|allegation|blamed/i, 'accusation'],
    [/condemn|denounc|critici|hit out/i, 'condemnation'],
    [/denied|rejected|disowned/i, 'denial'],
    [/warned/i, 'warning'],
    [/appeal|urged|called|demanded/i, 'appeal'],
    [/conference/i, 'press conference'],
    [/summoned/i, 'diplomatic protest'],
    [/hailed/i, 'praise'],
    [/expressed/i, 'condolences'],
  ],
  CASUALTIES: [
    [/suicide/i, 'suicide'],
    [/wounded|injured|hurt/i, 'injuries'],
    [/killed|died|slain|dead|toll/i, 'deaths'],
  ],
  ECONOMIC: [
    [/\b(?:fell|dipped|tumbled|slipped|lost|plunged|slumped|eased|dropped|lower|weaker)\b/i, 'market fall'],
    [/\b(?:rose|climbed|gained|soared|surged|firmed|rallied|higher|firmer)\b/i, 'market rise'],
    [/curbs|limits|ceiling/i, 'credit curbs'],
    [/loan/i, 'loan'],
    [/inflation/i, 'inflation figures'],
    [/interest rate/i, 'interest-rate decision'],
    [/devalu/i, 'devaluation'],
    [/bankrupt/i, 'bankruptcy'],
    [/merger|takeover/i, 'merger'],
  ],
};

const defaultNouns: Record<EventType, string> = {
  ATTACK: 'attack',
  MILITARY_OPERATION: 'military operation',
  HOSTAGE_TAKING: 'hostage taking',
  CASUALTIES: 'casualties',
  NEGOTIATION: 'talks',
  STATEMENT: 'statement',
  MEETING: 'meeting',
  PROTEST: 'protest',
  VIGIL: 'vigil',
  ELECTION: 'election',
  AGREEMENT: 'agreement',
  ARREST: 'arrests',
  TRIAL: 'trial',
  DISASTER: 'disaster',
  ACCIDENT: 'crash',
  ECONOMIC: 'market move',
  OTHER: 'event',
  STORY: 'story',
};

/** The headline noun for a trigger: "car bomb" → "car bombing", "opened fire" → "shooting". */
export function headlineNoun(type: EventType, trigger: string): string {
  if (type === 'DISASTER' && /\b(?:cyclone|hurricane|typhoon|tsunami|drought)\b/i.test(trigger)) return trigger.toLowerCase();
  return headlineNouns[type]?.find(([pattern]) => pattern.test(trigger))?.[1] ?? defaultNouns[type];
}

// Wire agencies named as the source of a sentence are not who did what it reports.
const agencyName = /^(?:AFP|Reuters|AP|Associated Press|Xinhua|Agence France-Presse|SAPA|Interfax|ITAR-TASS|TASS|Kyodo|BBC|CNN)$/i;

// Places a headline names last: a country or a continent says less than the city.
const widePlaceKinds = new Set(['COUNTRY', 'CONTINENT', 'REGION', 'DIVISION']);

function isWidePlace(mention: EntityMention): boolean {
  const kind = mention.placeKind ?? resolvePlaceName(mention.text)?.kind;
  return kind !== undefined && widePlaceKinds.has(kind);
}

/** A headline: actor, what happened and the most specific place it concerns ("Hamas attack on Israel", "Earthquake in Iran"). */
function titleFor(
  type: EventType,
  trigger: TextRange & { text: string },
  actor: EntityMention | undefined,
  place: { entity: EntityMention; role: PlaceRole } | undefined,
  /** The clause's words before the trigger: who did it when no name says so ("The foreign ministry"). */
  before: string,
): string {
  const noun = headlineNoun(type, trigger.text);
  const toll = type === 'CASUALTIES' ? tollPhrase(before, trigger.text) : undefined;
  // Words before a verb are its subject ("Police arrested"); before a noun they describe it ("a powerful earthquake").
  const subject = actor ? actor.text : isVerbTrigger(trigger.text) ? subjectPhrase(before) : undefined;
  const parts = [toll ?? (subject ? `${capitalise(subject)} ${noun}` : capitalise(noun))];
  if (place) {
    const preposition = place.role === 'TARGET' && (type === 'ATTACK' || type === 'MILITARY_OPERATION') ? 'on' : noun === 'visit' ? 'to' : 'in';
    parts.push(`${preposition} ${place.entity.text}`);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function isVerbTrigger(trigger: string): boolean {
  const first = trigger.split(/\s+/)[0]!.toLowerCase();
  return /^(?:[a-z]+ed|met|meets|held|took|taken|sank|fell|rose|lit|hit|led|went|won|lost|shot|struck|broke|began|fled|swept|seized|came|stepped|were|was)$/.test(first);
}

const auxiliaryWords = /\s+(?:(?:has|have|had|is|are|was|were|been|be|being|will|would|also|again|reportedly|later|then|on|had)\b\s*)+$/i;
const notSubjects = /^(?:he|she|it|they|we|i|you|who|which|that|this|there|these|those|one|some|others?|all|both|each|officials?|sources?|witnesses)$/i;

/**
 * The clause's subject, when it opens the clause just before the trigger and is a short common-noun phrase
 * ("The foreign ministry summoned", "Police arrested", "Rebels have shelled"): "Foreign ministry", "Police".
 */
function subjectPhrase(before: string): string | undefined {
  const segment = before.split(/[,;:()"“”]/).at(-1)!.replace(auxiliaryWords, '').trim();
  const words = segment.split(/\s+/).filter(Boolean);
  while (words.length && /^(?:the|a|an|its|their|his|her|and|but|meanwhile|later|earlier)$/i.test(words[0]!)) words.shift();
  if (words.length === 0 || words.length > 3) return undefined;
  if (!words.every((word) => /^[A-Za-z][a-z-]*$/.test(word))) return undefined;
  if (words.some((word) => notSubjects.test(word) || /^(?:of|in|on|at|for|to|by|with|from|after|before|when|said|says|told|a|an|the)$/i.test(word))) return undefined;
  // A verb in the phrase ("army launched an") means the trigger is not the clause's first verb.
  if (words.some((word, index) => index > 0 && /^[a-z]+(?:ed|ing)$/.test(word))) return undefined;
  return words.join(' ').toLowerCase();
}

/** "Twelve people were killed" → "Twelve people killed": a toll as a headline says it. */
function tollPhrase(before: string, trigger: string): string | undefined {
  const counted = /(?:^|\s)((?:at least |more than |some |about |nearly )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|scores)(?:\s+[a-z-]+){0,2})\s*$/i.exec(
    before.replace(auxiliaryWords, ''),
  );
  const what = /wounded|injured|hurt/i.test(trigger) ? 'wounded' : /died|dead|death|slain|killed|shot dead/i.test(trigger) ? 'killed' : undefined;
  if (!counted || !what) return undefined;
  return capitalise(`${counted[1]!.trim()} ${what}`);
}

// A noun phrase that refers back to an event already told: "the blast", "this week's raid", "the same attack".
// ("the Gulf war" names a war of its own: past a bare "the", only a demonstrative may stand words away).
const anaphoricBefore = /(?:\b(?:the|its|their)\s+|\b(?:this|that|these|those|the same)\s+(?:[\w'-]+\s+){0,2})$/i;

export interface EventExtractionInput {
  text: string;
  /** YYYY-MM-DD: undated events are dated by the publication day, marked approximate. */
  publishedOn: string;
  sentences: TextRange[];
  timexes: Timex[];
  entities: EntityMention[];
  /** Spans to leave out (photo captions' credits, embedded posts' signatures), as other extractors found them. */
  ignore?: TextRange[];
  /** Spans whose entities are not the event's (the dateline's place and agency). */
  exclude?: TextRange[];
}

/**
 * Finds the events an article reports, one candidate per event: sentences that report the same type of
 * event on the same date at a shared place (or with no place) are merged into one candidate with several mentions.
 */
export function extractEvents(input: EventExtractionInput): EventCandidate[] {
  const { text } = input;
  const candidates: EventCandidate[] = [];
  const clauses = input.sentences.flatMap((sentence) => clausesOf(text, sentence));
  for (const sentence of clauses) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (input.ignore?.some((range) => within(sentence, range))) continue;
    const found = findTrigger(sentenceText);
    if (!found) continue;
    const trigger = { type: found.type, start: sentence.start + found.start, end: sentence.start + found.end, text: found.text };
    const dates = input.timexes
      .filter((timex) => within(timex, sentence) && sameClause(text, trigger, timex))
      .map((timex) => ({ timex, date: eventDateFromTimex(timex) }))
      .filter((entry): entry is { timex: Timex; date: EventDateCandidate } => entry.date !== null)
      .sort((a, b) => Math.abs(a.timex.start - trigger.start) - Math.abs(b.timex.start - trigger.start));
    const published = new Date(`${input.publishedOn.slice(0, 10)}T00:00:00Z`);
    const ongoing = input.timexes
      .filter((timex) => within(timex, sentence))
      .map((timex) => dateFromOngoingDuration(sentenceText, sentence.start, timex, isoDay(published), trigger.type))
      .find((found) => found !== null);
    // An event reported without a date happened by the time of publication: the publication day, approximately.
    const date: EventDateCandidate = dates[0]?.date ?? ongoing ?? {
      startsOn: isoDay(published),
      endsOn: isoDay(published),
      precision: 'DAY',
      approximate: true,
    };
    // News reports the past: a date after publication is a plan, not an event that happened.
    if (date.startsOn > isoDay(new Date(published.getTime() + dayMs))) continue;

    const inSentence = input.entities
      .map((entity, index) => ({ entity, index }))
      .filter(({ entity }) => within(entity, sentence) && !entity.placeOnly && !input.exclude?.some((range) => within(entity, range)));
    const places = inSentence
      .filter(({ entity }) => entity.kind === 'PLACE')
      .map(({ entity, index }) => ({ entity: index, role: placeRole(text, entity, sentence.start) }));
    const participants = inSentence
      .filter(({ entity }) => entity.kind !== 'PLACE')
      .map(({ entity, index }) => ({ entity: index, role: participantRole(trigger.type, entity, trigger) }));
    // The actor nearest before the trigger; the place most specific, after the trigger first.
    const actor = inSentence
      .filter(({ entity }) => entity.kind !== 'PLACE' && entity.end <= trigger.start && !agencyName.test(entity.text))
      .at(-1)?.entity;
    const placeLinks = places.map((link) => ({ entity: input.entities[link.entity]!, role: link.role }));
    const placeRank = (link: { entity: EntityMention }) => (isWidePlace(link.entity) ? 2 : 0) + (link.entity.start >= trigger.end ? 0 : 1);
    const place = placeLinks.map((link, order) => ({ link, order })).sort((a, b) => placeRank(a.link) - placeRank(b.link) || a.order - b.order)[0]?.link;
    const mention = { start: sentence.start, end: sentence.end, text: sentenceText };

    const placeNames = new Set(places.map((link) => input.entities[link.entity]!.text.toLowerCase()));
    const sharesPlace = (candidate: EventCandidate) =>
      candidate.places.some((link) => placeNames.has(input.entities[link.entity]!.text.toLowerCase()));
    // Only cities and other specific places tell two events apart: "in Rafah" and "Israel said" may be one attack.
    const specificNames = (links: { entity: number }[]) =>
      links.map((link) => input.entities[link.entity]!).filter((mention) => !isWidePlace(mention)).map((mention) => mention.text.toLowerCase());
    const ownSpecific = specificNames(places);
    const elsewhere = (candidate: EventCandidate) => {
      const theirs = specificNames(candidate.places);
      return ownSpecific.length > 0 && theirs.length > 0 && !theirs.some((name) => ownSpecific.includes(name));
    };
    const dated = date.text !== undefined;
    const publishedDay = isoDay(published);
    // A clause without a date that names the same kind of event again ("the blast killed ...") reports the
    // event the article dated a few days before publication, not another one.
    const sameDate = (candidate: EventCandidate) => {
      const candidateDated = candidate.date.text !== undefined;
      if (candidateDated === dated) return candidate.date.startsOn === date.startsOn && candidate.date.precision === date.precision;
      const stated = candidateDated ? candidate.date : date;
      if (stated.precision !== 'DAY') return false;
      // Something going on until the report ("for over a week") is what an undated clause says is going on.
      if (stated.startsOn < stated.endsOn && stated.endsOn === publishedDay) return true;
      return stated.startsOn <= publishedDay && stated.startsOn >= isoDay(new Date(published.getTime() - 3 * dayMs));
    };
    // Only the same word again or a clause that points back ("the raid", "this attack") names the same event: "the
    // invasion" and "the war" of one background paragraph are two, and so are a market's fall and the bank's curbs
    // of one day.
    const pointsBack = anaphoricBefore.test(text.slice(Math.max(sentence.start, trigger.start - 30), trigger.start));
    // Talks are one process however a report words them ("efforts to free the hostages", "indirect engagement").
    const namesAgain = (candidate: EventCandidate) =>
      pointsBack || sameTriggerWord(candidate.trigger.text, trigger.text) ||
      (candidate.type === 'NEGOTIATION' && trigger.type === 'NEGOTIATION');
    const same = candidates
      .filter(
        (candidate) =>
          compatibleEventTypes(candidate.type).includes(trigger.type) &&
          sameTriggerFamily(candidate.trigger.text, trigger.text) &&
          sameDate(candidate) &&
          namesAgain(candidate) &&
          !elsewhere(candidate),
      )
      // The event that shares a place, then the one with the same date origin, then the latest told.
      .sort((a, b) => Number(sharesPlace(b)) - Number(sharesPlace(a)) || Number((b.date.text !== undefined) === dated) - Number((a.date.text !== undefined) === dated))[0];
    if (same) {
      // A stated date beats the publication day.
      if (dated && same.date.text === undefined) same.date = date;
      same.mentions.push(mention);
      for (const link of places) if (!same.places.some((other) => other.entity === link.entity)) same.places.push(link);
      for (const link of participants) if (!same.participants.some((other) => other.entity === link.entity)) same.participants.push(link);
      continue;
    }
    candidates.push({
      type: trigger.type,
      title: titleFor(trigger.type, trigger, actor, place, text.slice(sentence.start, trigger.start)),
      trigger,
      date,
      mentions: [mention],
      places,
      participants,
    });
  }
  return candidates;
}
