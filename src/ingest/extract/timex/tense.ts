/**
 * The tense and modality of the verb that governs a time expression, read from the words of its clause.
 * No part-of-speech tagger runs at ingest, so verb groups are recognised by their auxiliaries and by past forms;
 * the verb group nearest the expression within its clause governs it.
 */

export type ClauseTime = 'past' | 'future';

interface VerbGroup {
  /** Token index of the group's first and last word. */
  first: number;
  last: number;
  time: ClauseTime;
  /** A bare present copula before an adjective or a phrase ("is far below", "are convertible"): a state that holds now. */
  stative?: boolean;
}

const MODAL = new Set(['will', 'shall', "'ll", 'wo', "won't", 'would', "'d", 'might', 'may', 'could', 'can', 'should', 'must', 'ought']);
const PAST_AUXILIARY = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't", "'d"]);
const PRESENT_AUXILIARY = new Set(['is', 'are', 'am', "'s", "'re", "isn't", "aren't"]);
const PERFECT_AUXILIARY = new Set(['has', 'have', "'ve", "hasn't", "haven't"]);
// Nouns and adjectives that look like past verbs ("hundred", "speed"), and participles that mostly modify nouns.
const NOT_PAST_VERBS = new Set([
  'need', 'needed', 'seed', 'feed', 'speed', 'indeed', 'hundred', 'bed', 'red', 'shed', 'creed', 'greed', 'weed', 'sled', 'steed', 'breed', 'deed',
  'bleed', 'embed', 'exceed', 'proceed', 'succeed', 'heed', 'reed', 'shred', 'wed', 'bred', 'fled', 'led', 'fed',
  'scheduled', 'expected', 'planned', 'proposed', 'planed', 'united', 'limited', 'related', 'based', 'advanced', 'detailed', 'interested', 'supposed',
]);
const IRREGULAR_PAST = new Set([
  'said', 'told', 'began', 'held', 'met', 'brought', 'bought', 'sold', 'took', 'gave', 'got', 'went', 'came', 'fell', 'rose', 'won', 'lost', 'paid',
  'became', 'made', 'built', 'found', 'kept', 'led', 'fled', 'saw', 'sent', 'spent', 'stood', 'struck', 'wrote', 'grew', 'drew', 'flew', 'knew', 'chose',
  'spoke', 'broke', 'drove', 'fought', 'caught', 'sought', 'meant', 'felt', 'left', 'ran', 'sat', 'shot', 'slept', 'stole', 'swore', 'threw', 'thought',
  'taught', 'understood', 'woke', 'wore', 'arose', 'ate', 'forgot', 'froze', 'hid', 'hung', 'lay', 'lit', 'rang', 'rode', 'sang', 'sank', 'shook',
  'slid', 'spun', 'stuck', 'stung', 'swam', 'swept', 'tore', 'withdrew', 'overthrew', 'undertook', 'beat', 'heard', 'dealt', 'fed', 'bled', 'did',
]);
// Past participles that end in neither -ed nor -en: "was to have begun Thursday".
const IRREGULAR_PARTICIPLE = new Set(['begun', 'done', 'gone', 'run', 'won', 'sung', 'swum', 'drunk', 'sunk', 'spun', 'hung', 'come', 'become', 'met', 'held', 'left', 'set', 'put', 'cut', 'hit', 'shut', 'let']);
// Present-tense verbs that announce a scheduled event: "the shop opens Saturday", "talks resume Monday".
const SCHEDULE_PRESENT = new Set([
  'opens', 'begins', 'begin', 'starts', 'meets', 'meet', 'ends', 'closes', 'resumes', 'resume', 'arrives', 'arrive',
  'departs', 'visits', 'hosts', 'travels', 'expires', 'expire', 'goes', 'kicks', 'launches', 'convenes', 'convene', 'reopens', 'reopen', 'airs', 'premieres',
]);
// Verbs that put what follows them ahead: "plans to", "expected to", "hopes to".
const INTENTION = /^(?:plans?|planning|planned|aims?|hopes?|intends?|wants?|expects?|expected|scheduled|slated|set|poised|going|prepares?|preparing|vows?|promises?|threatens?|seeks?|proposes?|proposed|agreed|agrees)$/;
const CLAUSE_STOP = /^(?:[.!?;:]|["“”])$/;
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|this|that|these|those|already|recently|newly)$/;

/** Whether a word is a simple past form or a past participle ("fell", "started"), and not a noun or adjective that looks like one. */
export function isPastForm(raw: string): boolean {
  const word = raw.toLowerCase();
  return IRREGULAR_PAST.has(word) || (/^[a-z]{3,}ed$/.test(word) && !NOT_PAST_VERBS.has(word));
}

function tokenize(text: string): string[] {
  return text.match(/[A-Za-z]+(?:'[a-z]+)?|'(?:ll|d|s|re|ve)\b|[.!?;:,"“”]|\d+/g) ?? [];
}

function isBaseVerbAfterModal(word: string | undefined): boolean {
  return word !== undefined && /^[a-z]+$/.test(word);
}

function isParticiple(raw: string | undefined): boolean {
  if (!raw) return false;
  const word = raw.toLowerCase();
  return /^[a-z]+(?:ed|en)$/.test(raw) || IRREGULAR_PAST.has(word) || IRREGULAR_PARTICIPLE.has(word) || word === 'been';
}

const CHAIN_WORD = /^(?:be|been|being|have|not|never|also|still|already|just|soon|then|likely|probably|now|n't)$/;

/** The last token of a verb group that starts with an auxiliary at `index`: "will not have been held" ends at "held". */
function endOfChain(tokens: string[], index: number): number {
  let last = index;
  for (let next = index + 1; next < tokens.length; next++) {
    const word = (tokens[next] as string).toLowerCase();
    if (CHAIN_WORD.test(word)) {
      last = next;
      continue;
    }
    if (/^[a-z]+(?:ed|ing|en)$/.test(tokens[next] as string) || IRREGULAR_PAST.has(word)) last = next;
    break;
  }
  return last;
}

/** Finds the verb groups of a run of tokens. */
function verbGroups(tokens: string[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const raw = tokens[index] as string;
    const word = raw.toLowerCase();
    const next = tokens[index + 1]?.toLowerCase();
    const afterNot = next === 'not' || next === 'never' || next === 'also' || next === 'still' ? tokens[index + 2]?.toLowerCase() : next;
    if (MODAL.has(word) && !(word === 'may' && /^[A-Z]/.test(raw)) && !(word === "'d" && afterNot !== 'be' && afterNot !== 'have')) {
      if (!isBaseVerbAfterModal(afterNot)) continue;
      // "could have won", "would have been": a modal perfect looks back.
      const time: ClauseTime = afterNot === 'have' && isParticiple(tokens[tokens.indexOf(afterNot as string, index) + 1]) ? 'past' : 'future';
      const last = Math.max(index + 1, endOfChain(tokens, index));
      groups.push({ first: index, last, time });
      index = last;
      continue;
    }
    if (word === 'going' && next === 'to') {
      groups.push({ first: index, last: index + 1, time: 'future' });
      continue;
    }
    if (INTENTION.test(word) && next === 'to') {
      groups.push({ first: index, last: index + 1, time: 'future' });
      continue;
    }
    if (PAST_AUXILIARY.has(word)) {
      // "was to meet", "were due to": a plan seen from the past still lies ahead of it; "had been due to expire" is over.
      // "was to have begun Thursday": the plan's day is over.
      const planAhead = next === 'to' && !(tokens[index + 2]?.toLowerCase() === 'have' && isParticiple(tokens[index + 3]));
      const last = next === 'to' ? index + 1 : endOfChain(tokens, index);
      groups.push({ first: index, last, time: planAhead ? 'future' : 'past' });
      index = last;
      continue;
    }
    if (PRESENT_AUXILIARY.has(word)) {
      if (word === "'s" && next !== undefined && !/ing$|ed$/.test(next)) continue;
      // "is meeting", "are to vote", "is due", "is closed until": the present points at what is scheduled or holds now.
      const last = endOfChain(tokens, index);
      const chain = tokens.slice(index + 1, last + 1).map((token) => token.toLowerCase());
      const stative = chain.every((token) => /^(?:not|never|also|still|already|just|now|n't)$/.test(token)) && !(next !== undefined && /^(?:to|due|set|slated|poised|likely|about|@)$/.test(next));
      groups.push({ first: index, last, time: 'future', ...(stative ? { stative } : {}) });
      index = last;
      continue;
    }
    if (PERFECT_AUXILIARY.has(word)) {
      if (next && (/ed$|en$/.test(next) || IRREGULAR_PAST.has(next) || next === 'been' || next === 'not' || next === 'already')) {
        const last = endOfChain(tokens, index);
        groups.push({ first: index, last, time: 'past' });
        index = last;
      }
      continue;
    }
    // Capitalised words are names ("United", "Fred") unless they open a sentence.
    const opensSentence = index === 0 || CLAUSE_STOP.test(tokens[index - 1] ?? '');
    if (/^[A-Z]/.test(raw) && !opensSentence) continue;
    const previous = tokens[index - 1]?.toLowerCase();
    // "the injured man", "a proposed deal", "a still unspecified date": a participle after a determiner modifies a noun.
    const afterDeterminer =
      previous !== undefined && (DETERMINER.test(previous) || (/^(?:still|not|yet|as|[a-z]+ly)$/.test(previous) && DETERMINER.test(tokens[index - 2]?.toLowerCase() ?? '')));
    if (IRREGULAR_PAST.has(word) && !afterDeterminer) {
      groups.push({ first: index, last: index, time: 'past' });
      continue;
    }
    if (/^[a-z]{3,}ed$/.test(word) && !NOT_PAST_VERBS.has(word) && !afterDeterminer) {
      groups.push({ first: index, last: index, time: 'past' });
      continue;
    }
    if (SCHEDULE_PRESENT.has(word) && previous !== 'to' && previous !== "'s" && !afterDeterminer && !/^(?:will|would|could|might|may|can|should|must|did|does|do)$/.test(previous ?? '')) {
      groups.push({ first: index, last: index, time: 'future' });
    }
  }
  return groups;
}

/**
 * The time of the verb governing an expression, given the clause text before and after it; undefined when the
 * clause has no verb group. The nearest group wins; one before the expression wins a tie.
 */
export function governingTime(before: string, after: string): ClauseTime | undefined {
  const beforeTokens = ownClause(tokenize(before).reverse(), BEFORE_OPENER).reverse();
  // "Friday's opening match": the possessive is no verb.
  const possessive = /^['’]s\b/.test(after);
  const afterTokens = ownClause(tokenize(after.replace(/^['’]s\b/, '')), AFTER_OPENER);
  const tokens = [...beforeTokens, '@', ...afterTokens];
  const at = beforeTokens.length;
  // English puts the verb before its time adverbial, so a verb before the expression governs it; one after does only when none comes before.
  let best: { distance: number; time: ClauseTime } | undefined;
  for (const group of verbGroups(tokens)) {
    if (group.first <= at && group.last >= at) continue;
    // "Friday's purchases are far below…", "convertible at a premium over Thursday's close": a weekday that names a
    // noun's day is not placed by a present state; the day's event is one the story reports.
    if (possessive && group.stative) continue;
    const distance = group.last < at ? at - group.last : 1000 + group.first - at;
    if (!best || distance < best.distance) best = { distance, time: group.time };
  }
  return best?.time;
}

// Words that open another clause: "said Tuesday that he plans to…", "declared Tuesday and is now…", "the man who arrived Monday".
// Before the expression "and" stays: "will embark Thursday and 600 others on Tuesday" shares its verb.
const BEFORE_OPENER = /^(?:that|which|who|whom|whose|where|when|while|because|although|though|after|before|since|unless|if)$/i;
const AFTER_OPENER = /^(?:that|which|who|whom|whose|where|when|while|because|although|though|after|before|since|unless|if|and|but|or|so|,)$/i;

/** The tokens up to the first word that opens another clause (tokens run outward from the expression). */
function ownClause(tokens: string[], opener: RegExp): string[] {
  const cut = tokens.findIndex((token, index) => opener.test(token) || (/^[.!?;]$/.test(token) && !isAbbreviation(tokens[index + (opener === BEFORE_OPENER ? 1 : -1)])));
  return cut >= 0 ? tokens.slice(0, cut) : tokens;
}

const ABBREVIATION = /^(?:[A-Za-z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Corp|Inc|Co|Ltd|Bros|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|vs|etc)$/;

/** Whether the word before a full stop makes it an abbreviation's ("Mr.", "U.S.", "Jan.") rather than a sentence end. */
function isAbbreviation(word: string | undefined): boolean {
  return word !== undefined && ABBREVIATION.test(word);
}
