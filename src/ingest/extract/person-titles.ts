// Titles and roles written before a person's name ("Sinn Fein President Gerry Adams"), which the tagger
// sometimes takes into the name: the speaker rules read them, and person mentions are cut after them.
/** Titles and roles that come before a person's name in a speaker phrase. */
export const ROLE_WORDS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'secretary', 'chief', 'director', 'commander', 'general',
  'gen.', 'colonel', 'col.', 'lt.', 'major', 'maj.', 'captain', 'capt.', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'leader',
  'governor', 'gov.', 'mayor', 'senator', 'sen.', 'rep.', 'representative', 'king', 'queen', 'prince', 'pope', 'sheikh', 'judge',
  'prosecutor', 'official', 'analyst', 'economist', 'editor', 'correspondent', 'adviser', 'advisor', 'premier', 'chancellor',
  'head', 'staffer', 'dr.', 'mrs.', 'ms.', 'mr.', 'professor', 'prof.', 'coach', 'manager', 'lawyer', 'attorney', 'counsel', 'officer',
  'inspector', 'superintendent', 'sergeant', 'sgt.', 'lieutenant', 'admiral', 'adm.', 'vice', 'deputy', 'prime', 'foreign',
  'consul',
]);

/** Titles of rank, nobility and religion, besides the roles: a name is never one of these alone ("Sir", "Emir"). */
const RANKS = new Set([
  'sir', 'dame', 'lord', 'lady', 'baron', 'baroness', 'count', 'countess', 'duke', 'duchess', 'emir', 'sultan', 'sheik',
  'ayatollah', 'imam', 'mullah', 'rabbi', 'bishop', 'archbishop', 'cardinal', 'patriarch', 'father', 'marshal', 'field',
  'consul-general', 'vice-president', 'crown', 'princess', 'justice', 'marine', 'private', 'corporal',
]);

/** Honorifics say nothing about the person's role: no description is made of them alone. */
const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr']);

/**
 * Where the name starts in a person mention with a title before it, and the title: "Sinn Fein President Gerry
 * Adams" → offset of "Gerry", title "Sinn Fein President". The title word must be followed by capitalised words.
 */
export function splitLeadingTitle(text: string): { nameStart: number; title?: string } {
  const words = [...text.matchAll(/\S+/g)];
  let nameFrom = -1;
  for (let index = words.length - 2; index >= 0; index -= 1) {
    if (ROLE_WORDS.has(words[index]![0].toLowerCase())) {
      nameFrom = index + 1;
      break;
    }
  }
  if (nameFrom < 0 || !words.slice(nameFrom).every((word) => /^\p{Lu}/u.test(word[0]))) return { nameStart: 0 };
  const nameStart = words[nameFrom]!.index!;
  const title = text.slice(0, nameStart).trim();
  const honorificOnly = title.split(/\s+/).every((word) => HONORIFICS.has(word.toLowerCase()));
  return honorificOnly ? { nameStart } : { nameStart, title };
}

/** How many capitalised words before a role word can name whose role it is ("Sinn Fein", "European Commission"). */
const MAX_TITLE_OWNER_WORDS = 4;

/**
 * The title written just before a person's name that the tagger left out of it: "Colston staffer" in "Colston
 * staffer Christine Smith", "deputy foreign minister" in "deputy foreign minister Ali Khan". `words` are the
 * sentence's tokens and `nameIndex` the name's first one; the title ends with a role word in lowercase and may
 * start with the capitalised words of whom it is the role. Returns the index of the title's first token.
 */
export function titleBeforeName(words: readonly string[], nameIndex: number): number | undefined {
  let index = nameIndex - 1;
  while (index >= 0 && ROLE_WORDS.has(words[index]!) && !HONORIFICS.has(words[index]!)) index -= 1;
  if (index === nameIndex - 1) return undefined;
  let owners = 0;
  while (index >= 0 && owners < MAX_TITLE_OWNER_WORDS && /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(words[index]!)) {
    index -= 1;
    owners += 1;
  }
  return index + 1;
}

/** "Consul", "Sir", "Vice President", "Marine Sergeant": titles and nothing else, which no person is called. */
export function isTitleOnly(name: string): boolean {
  const words = name.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((word) => ROLE_WORDS.has(word) || HONORIFICS.has(word) || RANKS.has(word.replace(/\.$/, '')));
}
