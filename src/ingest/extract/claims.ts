/**
 * Figures an article reports about people: how many were killed, wounded, taken hostage, missing,
 * displaced, arrested or released, and how many live in a place, each with its hedge ("at least"),
 * what it counts ("civilians"), the quote that supports it and the sources that vouch for it.
 *
 * Vague plurals take their smallest literal reading with AT_LEAST: "hundreds of" is at least 200,
 * "dozens of" at least 24, "thousands of" at least 2,000, "tens of thousands" at least 20,000,
 * because the wording cannot mean fewer and any larger reading would be our guess.
 */
import type { ClaimMetric, ClaimQualifier } from '../../db/generated/prisma/enums.js';
import type { TextSpan } from '../../graph/facts.js';
import { splitIntoSentences, tokenizeNews, type NewsToken } from '../ner/tokenizer.js';
import type { ExtractedSources } from './sources.js';
import { parseWordNumber } from './timex/numbers.js';

export interface ClaimCandidate {
  metric: ClaimMetric;
  value: number;
  qualifier: ClaimQualifier;
  subject?: string;
  quote: TextSpan;
  /** Indexes into `ExtractedSources.sources`. */
  sources: number[];
}

/** A number as written, with its hedge: "at least 9,061", "two dozen", "hundreds of". */
interface Figure {
  value: number;
  qualifier: ClaimQualifier;
  /** Token range of the hedge and the number. */
  first: number;
  last: number;
  /** The number tokens alone, without the hedge. */
  numberFirst: number;
}

const WORD_UNITS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty',
  'ninety', 'hundred', 'thousand',
]);
const MAGNITUDES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** "hundreds of" → at least 200: the smallest amount the plural can mean. */
const VAGUE_PLURALS: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2_000, millions: 2_000_000 };
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$/;

const QUALIFIERS: [string[], ClaimQualifier][] = [
  [['at', 'least'], 'AT_LEAST'],
  [['no', 'fewer', 'than'], 'AT_LEAST'],
  [['more', 'than'], 'MORE_THAN'],
  [['over'], 'MORE_THAN'],
  [['upwards', 'of'], 'MORE_THAN'],
  [['in', 'excess', 'of'], 'MORE_THAN'],
  [['an', 'estimated'], 'ABOUT'],
  [['about'], 'ABOUT'],
  [['around'], 'ABOUT'],
  [['some'], 'ABOUT'],
  [['nearly'], 'ABOUT'],
  [['almost'], 'ABOUT'],
  [['roughly'], 'ABOUT'],
  [['approximately'], 'ABOUT'],
  [['close', 'to'], 'ABOUT'],
  [['up', 'to'], 'UP_TO'],
  [['as', 'many', 'as'], 'UP_TO'],
  [['at', 'most'], 'UP_TO'],
  [['fewer', 'than'], 'LESS_THAN'],
  [['less', 'than'], 'LESS_THAN'],
  [['under'], 'LESS_THAN'],
];

/** Words after a number that say it is not a head count. */
const NOT_PEOPLE_UNITS = new Set([
  'percent', '%', 'per', 'cent', 'points', 'point', 'km', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'miles', 'mile',
  'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'tonnes', 'tons', 'tonne', 'ton', 'kg', 'kilograms', 'kilos', 'dollars',
  'dollar', 'francs', 'yen', 'marks', 'yuan', 'rupees', 'pounds', 'euros', 'pesos', 'roubles', 'rubles', 'shekels', 'lira',
  'years', 'year', 'months', 'month', 'days', 'day', 'hours', 'hour', 'minutes', 'minute', 'weeks', 'week', 'seconds', 'decades',
  'a.m.', 'p.m.', 'am', 'pm', 'gmt', 'degrees', 'acres', 'hectares', 'square', 'times', 'barrels', 'shares', 'votes', 'seats',
  'billion', 'goals', 'runs', 'wickets', 'games', 'matches', 'rounds', 'laps', 'votes', 'megawatts', 'calories', 'units',
  'houses', 'homes', 'buildings', 'vehicles', 'cars', 'tanks', 'rockets', 'missiles', 'shells', 'bombs', 'aircraft', 'planes',
  'helicopters', 'ships', 'villages', 'towns', 'cities', 'countries', 'nations', 'states', 'provinces', 'districts',
]);
/** Words before a number that make it a date, an age, an identifier or money. */
const NOT_COUNT_BEFORE = new Set([
  'aged', 'age', 'ages', 'no.', 'number', 'resolution', 'article', 'chapter', 'flight', 'route', 'highway', 'page', 'room',
  'section', 'paragraph', 'clause', 'grade', 'level', 'category', 'size', 'channel', 'platform', 'gate', 'terminal', 'bus',
  '$', 'us$', '£', '€', '¥', 'rs', 'rs.', 'dm', 'ff', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'in', 'since', 'until', 'by', 'of', 'from',
]);
const MONTHS_AFTER = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/** What a figure counts: "people", "civilians", "Americans". */
const SUBJECT_NOUNS = new Set([
  'people', 'persons', 'person', 'civilians', 'civilian', 'children', 'child', 'women', 'men', 'man', 'woman', 'soldiers',
  'soldier', 'troops', 'policemen', 'policeman', 'police', 'officers', 'officer', 'militants', 'militant', 'rebels', 'rebel',
  'fighters', 'guerrillas', 'gunmen', 'insurgents', 'hostages', 'hostage', 'prisoners', 'prisoner', 'detainees', 'inmates',
  'refugees', 'residents', 'villagers', 'inhabitants', 'passengers', 'crew', 'workers', 'miners', 'students', 'protesters',
  'demonstrators', 'pilgrims', 'victims', 'bodies', 'dead', 'wounded', 'injured', 'casualties', 'migrants', 'journalists',
  'tourists', 'others', 'deaths', 'suspects', 'members', 'supporters', 'worshippers', 'settlers', 'infants', 'babies',
  'teenagers', 'youths', 'boys', 'girls', 'peacekeepers', 'sailors', 'marines', 'pilots', 'nationals', 'foreigners',
  'survivors', 'staff', 'employees', 'patients', 'fishermen', 'farmers', 'family', 'families', 'activists', 'Jews', 'Muslims',
  'Christians', 'Arabs', 'Kurds', 'Serbs', 'Croats', 'Tamils', 'Hutus', 'Tutsis', 'Albanians',
]);
/** Subject nouns that say themselves what happened to the people counted. */
const SUBJECT_METRICS: Record<string, ClaimMetric> = {
  hostages: 'HOSTAGES', hostage: 'HOSTAGES', dead: 'KILLED', deaths: 'KILLED', bodies: 'KILLED', wounded: 'INJURED',
  injured: 'INJURED', refugees: 'DISPLACED', detainees: 'ARRESTED',
};
/** Adjectives between a number and what it counts: "1,400 Israeli civilians", "12 other people". */
const SUBJECT_ADJECTIVES = new Set(['other', 'more', 'foreign', 'innocent', 'unarmed', 'young', 'elderly', 'local', 'armed', 'suspected', 'alleged', 'civilian', 'ethnic', 'small', 'more', 'additional', 'unidentified', 'missing', 'wounded', 'injured']);
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ans|ians|ns|is|ese|ers|ks|bs|ts|ds|ls|gs)$/u;

/** Verbs whose object is the figure: "killing 1,400 people", "wounded 12". */
const GOVERNING_CUES: Record<string, ClaimMetric> = {
  killing: 'KILLED', killed: 'KILLED', kills: 'KILLED', kill: 'KILLED', claimed: 'KILLED', claiming: 'KILLED', slaughtered: 'KILLED', massacred: 'KILLED',
  wounded: 'INJURED', wounding: 'INJURED', injured: 'INJURED', injuring: 'INJURED', injures: 'INJURED', wounds: 'INJURED',
  displaced: 'DISPLACED', displacing: 'DISPLACED', evacuated: 'DISPLACED', evacuating: 'DISPLACED', uprooted: 'DISPLACED',
  arrested: 'ARRESTED', arresting: 'ARRESTED', detained: 'ARRESTED', detaining: 'ARRESTED', rounded: 'ARRESTED',
  freed: 'RELEASED', freeing: 'RELEASED', released: 'RELEASED', releasing: 'RELEASED', frees: 'RELEASED', releases: 'RELEASED',
  kidnapped: 'HOSTAGES', abducted: 'HOSTAGES', abducting: 'HOSTAGES', kidnapping: 'HOSTAGES', seized: 'HOSTAGES', holding: 'HOSTAGES',
};
/** Words after the counted people that say what happened to them: "were wounded", "remain unaccounted for". */
const FOLLOWING_CUES: Record<string, ClaimMetric> = {
  killed: 'KILLED', dead: 'KILLED', died: 'KILLED', die: 'KILLED', perished: 'KILLED', slain: 'KILLED', drowned: 'KILLED', executed: 'KILLED', lives: 'KILLED',
  wounded: 'INJURED', injured: 'INJURED', hurt: 'INJURED', hospitalised: 'INJURED', hospitalized: 'INJURED',
  missing: 'MISSING', unaccounted: 'MISSING',
  hostages: 'HOSTAGES', hostage: 'HOSTAGES', captive: 'HOSTAGES', kidnapped: 'HOSTAGES', abducted: 'HOSTAGES',
  displaced: 'DISPLACED', fled: 'DISPLACED', flee: 'DISPLACED', fleeing: 'DISPLACED', homeless: 'DISPLACED', evacuated: 'DISPLACED', uprooted: 'DISPLACED',
  arrested: 'ARRESTED', detained: 'ARRESTED', custody: 'ARRESTED', jailed: 'ARRESTED', rounded: 'ARRESTED',
  released: 'RELEASED', freed: 'RELEASED',
};
/** Places whose size "of N" gives a population: "the small Palestinian enclave of 2.3 million". */
const TERRITORIES = new Set([
  'enclave', 'city', 'town', 'country', 'nation', 'territory', 'strip', 'region', 'state', 'island', 'province', 'village',
  'camp', 'population', 'capital', 'district', 'area', 'metropolis', 'republic', 'kingdom', 'emirate', 'archipelago', 'suburb',
  'neighbourhood', 'neighborhood', 'township', 'municipality', 'port', 'community',
]);
const AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'being', 'reportedly', 'also', 'now', 'so', 'far']);

/** Finds the figures in `text` and attributes each to the sources vouching for its clause. */
export function extractClaims(text: string, sources: ExtractedSources): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  // Cheap gate: a text without digits or number words reports no figures.
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|scores)/i.test(text)) return claims;
  const sentences = splitIntoSentences(text, tokenizeNews(text));
  for (const sentence of sentences) {
    for (let index = 0; index < sentence.length; index += 1) {
      const figure = readFigure(sentence, index);
      if (!figure) continue;
      index = figure.last;
      const claim = claimOfFigure(text, sentence, figure, sources);
      if (claim) claims.push(claim);
    }
  }
  return claims;
}

function lower(token: NewsToken | undefined): string {
  return token ? token.text.toLowerCase() : '';
}

/** Reads the number that starts at token `index`, if one does, with its value and the hedge before it. */
function readFigure(sentence: NewsToken[], index: number): Omit<Figure, 'first' | 'qualifier'> & { qualifier?: ClaimQualifier; first?: number } | undefined {
  const word = lower(sentence[index]);
  let value: number | undefined;
  let last = index;
  let vague = false;
  if (DIGITS.test(word)) {
    value = Number(word.replace(/,/g, ''));
    // Years and clock-like numbers are written without separators; they count people only when a noun says so.
    if (/^\d{4}$/.test(word) && value >= 1800 && value <= 2100 && !SUBJECT_NOUNS.has(lower(sentence[index + 1]))) return undefined;
  } else if (word in VAGUE_PLURALS && lower(sentence[index + 1]) === 'of') {
    value = VAGUE_PLURALS[word]!;
    vague = true;
    // "tens of thousands of", "hundreds of thousands of".
    if (lower(sentence[index + 2]) === 'thousands' && lower(sentence[index + 3]) === 'of') {
      value = word === 'tens' ? 20_000 : value * 1_000;
      last = index + 2;
    }
  } else if (word === 'tens' && lower(sentence[index + 1]) === 'of' && lower(sentence[index + 2]) === 'thousands') {
    value = 20_000;
    vague = true;
    last = index + 2;
  } else if (isWordNumber(word) || ((word === 'a' || word === 'an') && /^(?:hundred|thousand|dozen)$/.test(lower(sentence[index + 1])))) {
    while (last + 1 < sentence.length && (isWordNumber(lower(sentence[last + 1])) || (lower(sentence[last + 1]) === 'and' && isWordNumber(lower(sentence[last + 2]))))) last += 1;
    const words = sentence.slice(index, last + 1).map((token) => token.text.toLowerCase()).join(' ');
    value = parseWordNumber(words);
    if (value === undefined) return undefined;
    // "one of the officials", "no one": not a count.
    if (word === 'one' && last === index && !SUBJECT_NOUNS.has(lower(sentence[index + 1])) && !/^(?:dead|killed)$/.test(lower(sentence[index + 1]))) return undefined;
  } else return undefined;
  if (!vague) {
    const magnitude = MAGNITUDES[lower(sentence[last + 1])];
    if (magnitude && !(magnitude === 100 && !DIGITS.test(word))) {
      value *= magnitude;
      last += 1;
    }
    if (lower(sentence[last + 1]) === 'dozen') {
      value *= 12;
      last += 1;
    }
  }
  if (vague) last += 1; // the "of"
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return { value: Math.round(value), last, numberFirst: index, ...(vague ? { qualifier: 'AT_LEAST' as const } : {}) };
}

function isWordNumber(word: string): boolean {
  if (WORD_UNITS.has(word)) return true;
  const parts = word.split('-');
  return parts.length === 2 && parts.every((part) => WORD_UNITS.has(part));
}

function qualifierBefore(sentence: NewsToken[], numberFirst: number): { qualifier: ClaimQualifier; first: number } {
  for (const [words, qualifier] of QUALIFIERS) {
    const first = numberFirst - words.length;
    if (first < 0) continue;
    if (words.every((word, offset) => lower(sentence[first + offset]) === word)) return { qualifier, first };
  }
  return { qualifier: 'EXACT', first: numberFirst };
}

interface Cue {
  metric: ClaimMetric;
  first: number;
  last: number;
}

function claimOfFigure(text: string, sentence: NewsToken[], read: NonNullable<ReturnType<typeof readFigure>>, sources: ExtractedSources): ClaimCandidate | undefined {
  const hedge = qualifierBefore(sentence, read.numberFirst);
  const figure: Figure = { value: read.value, last: read.last, numberFirst: read.numberFirst, qualifier: read.qualifier ?? hedge.qualifier, first: hedge.first };
  const before = lower(sentence[figure.numberFirst - 1]);
  const after = lower(sentence[figure.last + 1]);
  if (NOT_COUNT_BEFORE.has(before) && !TERRITORIES.has(lower(sentence[figure.numberFirst - 2])) && before !== 'of') return undefined;
  if (NOT_PEOPLE_UNITS.has(after) || MONTHS_AFTER.test(after) || after === '-' || after === ':' || after === '/') return undefined;
  // "(45)" or ", 45," after a name is an age.
  if (before === '(' && after === ')') return undefined;

  const subject = subjectAfter(sentence, figure.last + 1);
  const cue =
    governingCue(sentence, figure) ??
    (subject && SUBJECT_METRICS[subject.noun.toLowerCase()] ? { metric: SUBJECT_METRICS[subject.noun.toLowerCase()]!, first: subject.last, last: subject.last } : undefined) ??
    populationCue(sentence, figure, subject?.last) ??
    (subject || /^(?:were|have|had|are|remain|remained|died|dead|killed|wounded|injured|missing)$/.test(after)
      ? followingCue(sentence, (subject?.last ?? figure.last) + 1)
      : undefined);
  if (!cue) return undefined;

  let countedSubject = subject?.noun;
  if (countedSubject && (SUBJECT_METRICS[countedSubject.toLowerCase()] || countedSubject.toLowerCase() === 'casualties')) countedSubject = 'people';
  if (cue.metric === 'POPULATION' && !countedSubject) countedSubject = 'people';
  if (countedSubject && subject?.adjective) countedSubject = `${subject.adjective} ${countedSubject}`;

  const sourceIndexes = sourcesOfFigure(sources, sentence[figure.numberFirst]!.start, cue.metric);
  const spans = [sentence[figure.first]!.start, sentence[figure.last]!.end, sentence[cue.first]!.start, sentence[cue.last]!.end];
  if (subject) spans.push(sentence[subject.last]!.end);
  const sentenceStart = sentence[0]!.start;
  const sentenceEnd = sentence[sentence.length - 1]!.end;
  if (cue.metric !== 'POPULATION') {
    for (const source of sourceIndexes) {
      for (const mention of sources.sources[source]!.mentions) {
        if (mention.start >= sentenceStart && mention.end <= sentenceEnd) spans.push(mention.start, mention.end);
      }
    }
  }
  const start = Math.min(...spans);
  const end = Math.max(...spans);
  const claim: ClaimCandidate = { metric: cue.metric, value: figure.value, qualifier: figure.qualifier, quote: { start, end, text: text.slice(start, end) }, sources: sourceIndexes };
  if (countedSubject) claim.subject = countedSubject;
  return claim;
}

/** The noun the figure counts, right after it or after an adjective or "of": "1,400 people", "hundreds of Palestinian civilians". */
function subjectAfter(sentence: NewsToken[], index: number): { noun: string; adjective?: string; last: number } | undefined {
  let at = index;
  let adjective: string | undefined;
  for (let steps = 0; steps < 2; steps += 1) {
    const word = sentence[at]?.text ?? '';
    if (SUBJECT_NOUNS.has(word) || SUBJECT_NOUNS.has(word.toLowerCase())) {
      // "12 wounded Palestinians": the participle is an adjective when a noun follows.
      const next = sentence[at + 1]?.text ?? '';
      if (SUBJECT_ADJECTIVES.has(word) && (SUBJECT_NOUNS.has(next) || DEMONYM.test(next))) {
        adjective = word;
        at += 1;
        continue;
      }
      return { noun: word, ...(adjective ? { adjective } : {}), last: at };
    }
    if (DEMONYM.test(word) && !/^(?:Hamas|Ramadan|Congress|Brussels|Paris|Athens|Wales|Jones|News|Reuters|Times|States|Nations|Forces|Affairs|Islands|Games)$/.test(word)) return { noun: word, ...(adjective ? { adjective } : {}), last: at };
    if (SUBJECT_ADJECTIVES.has(word.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:i|ian|an|ese|ish|ch)$/u.test(word)) {
      adjective = adjective ? `${adjective} ${word}` : word;
      at += 1;
      continue;
    }
    break;
  }
  return undefined;
}

/** A verb or toll right before the figure that takes it as object: "killing 1,400", "the death toll rose to 43". */
function governingCue(sentence: NewsToken[], figure: Figure): Cue | undefined {
  let at = figure.first - 1;
  const word = lower(sentence[at]);
  if (GOVERNING_CUES[word] && !(word === 'rounded' && lower(sentence[at + 1]) !== 'up')) {
    let first = at;
    while (first > 0 && AUXILIARIES.has(lower(sentence[first - 1]))) first -= 1;
    return { metric: GOVERNING_CUES[word]!, first, last: at };
  }
  // "the death toll rose to 43", "a toll of 12 dead", "the toll stood at 9,061".
  for (at = figure.first - 1; at >= 0 && at >= figure.first - 7; at -= 1) {
    const candidate = lower(sentence[at]);
    if (candidate === ',' || candidate === ';') break;
    if (candidate === 'toll' && !/^(?:injury|casualty)$/.test(lower(sentence[at - 1]))) {
      const first = lower(sentence[at - 1]) === 'death' ? at - 1 : at;
      return { metric: 'KILLED', first, last: at };
    }
  }
  return undefined;
}

/** "enclave of 2.3 million", "population of 5,000", "home to 300,000 people", "a town of 5,000 residents". */
function populationCue(sentence: NewsToken[], figure: Figure, subjectLast: number | undefined): Cue | undefined {
  const before = lower(sentence[figure.first - 1]);
  const subjectWord = subjectLast === undefined ? undefined : lower(sentence[subjectLast]);
  if (subjectWord && !/^(?:people|inhabitants|residents|persons)$/.test(subjectWord)) return undefined;
  if (before === 'of' && TERRITORIES.has(lower(sentence[figure.first - 2]))) {
    // Take in the whole territory phrase back to its determiner: "the small Palestinian enclave".
    let first = figure.first - 2;
    for (let at = first - 1; at >= 0 && at >= figure.first - 7; at -= 1) {
      const word = lower(sentence[at]);
      if (word === 'the' || word === 'a' || word === 'an') {
        first = at;
        break;
      }
      if (!/^[\p{L}-]+$/u.test(word) || word === 'of') break;
    }
    return { metric: 'POPULATION', first, last: figure.first - 2 };
  }
  if (before === 'to' && lower(sentence[figure.first - 2]) === 'home') return { metric: 'POPULATION', first: figure.first - 2, last: figure.first - 1 };
  if (subjectWord === 'inhabitants') return { metric: 'POPULATION', first: subjectLast!, last: subjectLast! };
  return undefined;
}

/** What happened to the counted people, said after them: "were wounded", "taken as hostages", "had fled". */
function followingCue(sentence: NewsToken[], index: number): Cue | undefined {
  for (let at = index; at < sentence.length && at < index + 10; at += 1) {
    const word = lower(sentence[at]);
    // "40 people were not hurt": a negated outcome counts no one.
    if (word === ';' || word === '“' || word === '"' || word === 'not' || word === "n't" || word === 'never') return undefined;
    // A subordinate clause or agent phrase speaks of something else: "suffocated by gas released by the explosives".
    if (at > index && /^(?:by|when|after|because|which|that|while|whose)$/.test(word)) return undefined;
    const metric = FOLLOWING_CUES[word];
    if (!metric) continue;
    // "and wounded 12": that verb has its own figure.
    const next = lower(sentence[at + 1]);
    if (GOVERNING_CUES[word] && (DIGITS.test(next) || isWordNumber(next) || /^(?:at|more|about|some|nearly|up)$/.test(next))) continue;
    if (word === 'lives' && !/^(?:lost|their)$/.test(lower(sentence[at - 1]))) continue;
    // "two settlers killed a Palestinian": active voice, so the counted people did it rather than suffered it.
    if (GOVERNING_CUES[word] && !AUXILIARIES.has(lower(sentence[at - 1])) && /^(?:a|an|the|his|her|their|its|\p{Lu}.*)$/u.test(sentence[at + 1]?.text ?? '')) continue;
    if (word === 'custody' && lower(sentence[at - 1]) !== 'into') continue;
    if (word === 'rounded' && next !== 'up') continue;
    if (word === 'unaccounted' && next === 'for') return { metric, first: at, last: at + 1 };
    return { metric, first: at, last: at };
  }
  return undefined;
}

/** The sources of the narrowest attribution covering the figure, else the publisher; a population figure is the publisher's background. */
function sourcesOfFigure(sources: ExtractedSources, position: number, metric: ClaimMetric): number[] {
  if (metric === 'POPULATION' && sources.publisher !== undefined) return [sources.publisher];
  let narrowest = Infinity;
  let chosen: number[] = [];
  for (const attribution of sources.attributions) {
    if (attribution.start > position || attribution.end <= position) continue;
    const width = attribution.end - attribution.start;
    if (width < narrowest) {
      narrowest = width;
      chosen = [attribution.source];
    } else if (width === narrowest && !chosen.includes(attribution.source)) chosen.push(attribution.source);
  }
  // Nothing attributed: the publisher's own statement.
  if (chosen.length === 0 && sources.publisher !== undefined) return [sources.publisher];
  return chosen;
}
