// Which stored person, organisation or source an article's fact names, beyond the exact name: an acronym
// and its full name ("UN", "United Nations"), a surname and the full name ("Blair", "Tony Blair"), spelling
// variants ("Mahmoud Abbas", "Mahmud Abbas"), and a name the graph knows as the other kind ("Hezbollah").
// Every rule joins a node only when exactly one candidate exists; an ambiguous name gets a node of its own.
import type { ArticleFacts, FactKey, OrganizationFact, PersonFact } from './facts.js';
import { nameKey } from './names.js';
import { initials, isAcronym } from '../ingest/extract/entity-clusters.js';
import { isNewsAgencyName } from '../ingest/extract/sources.js';
import { lendsInitials } from '../ingest/extract/entities.js';
import { placeSkeleton } from '../ingest/ner/lexicons.js';

/** A name and its lookup key, as `distinctNames` gives them. */
export interface EntityName {
  name: string;
  key: string;
}

/** An alias row of a person already in the graph, read because it may be what a fact names. */
export interface KnownPersonName {
  id: number;
  name: string;
  key: string;
  surnameKey: string | null;
  spellingKey: string | null;
  /** The person has a name with given names, not only a surname. */
  fullNamed: boolean;
  /** This is the person's own name, not one of its other names. */
  primary?: boolean;
}

/** An alias row of an organisation (or of a source) already in the graph. */
export interface KnownOrganizationName {
  id: number;
  name: string;
  key: string;
  initialsKey: string | null;
  spellingKey: string | null;
  /** The organisation has a name of several words, not only an acronym or a single word. */
  fullNamed: boolean;
}

/** Lower-case words inside an institution's proper name. */
const properNameParticles = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'pour', 'und', 'der', 'für', 'y']);

/** Particles that belong to the surname after them: "bin Laden", "de Gaulle", "van Gogh". */
const surnameParticles = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'di', 'du', 'des', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'dos']);

/** Generational suffixes, which follow the surname instead of being it. */
const nameSuffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function wordsOf(name: string): string[] {
  // A hyphen left before a space ("Johnson- Sirleaf", a line break in the wire copy) joins the two words.
  return name.trim().replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-').split(/\s+/).filter(Boolean);
}

/** "Osama bin Laden" → given ["Osama"], surname "bin Laden"; "Blair" → given [], surname "Blair". */
export function personNameParts(name: string): { given: string[]; surname: string } {
  const words = wordsOf(name);
  while (words.length > 1 && nameSuffixes.has(nameKey(words.at(-1)!))) words.pop();
  let first = words.length - 1;
  // "van Persie" and "Van Persie" alike: a particle is capitalised when no given name comes before it.
  while (first > 0 && surnameParticles.has(words[first - 1]!.toLowerCase())) first -= 1;
  return { given: words.slice(0, first), surname: words.slice(first).join(' ') };
}

/** Folds the spellings one name gets in English wire copy before the consonant skeleton: "ph"/"f", "isation"/"ization". */
function spellingFold(key: string): string {
  return key.replace(/ph/g, 'f').replace(/([aeiou])s(?=[aeiou])/g, '$1z');
}

function spellingSkeleton(key: string): string {
  return placeSkeleton(spellingFold(key));
}

/** The keys an alias row of a person is found by, besides its name. */
export function personMatchKeys(name: string): { surnameKey: string | null; spellingKey: string | null } {
  const { given, surname } = personNameParts(name);
  if (!given.length || !nameKey(given.join(' '))) return { surnameKey: null, spellingKey: null };
  const surnameKey = nameKey(surname);
  return { surnameKey, spellingKey: `${spellingSkeleton(nameKey(given.join(' ')))} | ${surnameKey}` };
}

/** "UN", "CIA", "IRGC": an organisation written as 2 to 6 capitals. */
export function isAcronymName(name: string): boolean {
  return isAcronym(name) && name.replace(/[^A-Z]/g, '').length <= 6;
}

/** The keys an alias row of an organisation or source is found by, besides its name. */
export function organizationMatchKeys(name: string): { initialsKey: string | null; spellingKey: string | null } {
  const key = nameKey(name);
  if (!key.includes(' ') || isAcronymName(name)) return { initialsKey: null, spellingKey: null };
  // Only a proper name has initials: "US newspaper" is a description, not "UN"; and only an institution's:
  // "Unnur Steinsson", a person's name the tagger took for an organisation, is no "US".
  const properName = wordsOf(name).every((word) => /^\P{Ll}/u.test(word) || properNameParticles.has(word)) && lendsInitials(name);
  const letters = nameKey(initials(name)).replace(/ /g, '');
  return { initialsKey: properName && letters.length >= 2 ? letters : null, spellingKey: spellingSkeleton(key) };
}

/** What to look up for an article's people: their names, surnames and spelling keys. */
export function personLookup(names: EntityName[][]): { keys: string[]; surnameKeys: string[]; spellingKeys: string[] } {
  const keys = new Set<string>();
  const surnameKeys = new Set<string>();
  const spellingKeys = new Set<string>();
  for (const name of names.flat()) {
    keys.add(name.key);
    const { surnameKey, spellingKey } = personMatchKeys(name.name);
    // A surname alone is looked up as the surname of full names; a full name, as a surname-only node too.
    if (surnameKey) {
      keys.add(surnameKey);
      surnameKeys.add(surnameKey);
    } else surnameKeys.add(name.key);
    if (spellingKey) spellingKeys.add(spellingKey);
  }
  return { keys: [...keys], surnameKeys: [...surnameKeys], spellingKeys: [...spellingKeys] };
}

/** What to look up for an article's organisations or sources: their names, acronyms, initials and spelling keys. */
export function organizationLookup(names: EntityName[][]): { keys: string[]; initialsKeys: string[]; spellingKeys: string[] } {
  const keys = new Set<string>();
  const initialsKeys = new Set<string>();
  const spellingKeys = new Set<string>();
  for (const name of names.flat()) {
    keys.add(name.key);
    const { initialsKey, spellingKey } = organizationMatchKeys(name.name);
    if (initialsKey) {
      keys.add(initialsKey);
      initialsKeys.add(initialsKey);
    }
    if (isAcronymName(name.name)) initialsKeys.add(name.key);
    if (spellingKey) spellingKeys.add(spellingKey);
  }
  return { keys: [...keys], initialsKeys: [...initialsKeys], spellingKeys: [...spellingKeys] };
}

/** The entity the names point at: the one known under the fact's own name, else under any of its other names. */
export function pickOwner<Row extends { id: number; key: string }>(rows: Row[], keys: string[], accept: (row: Row) => boolean = () => true): number | undefined {
  const candidates = rows.filter((row) => keys.includes(row.key) && accept(row));
  return (candidates.find((row) => row.key === keys[0]) ?? candidates[0])?.id;
}

function onlyOne(ids: Iterable<number>): number | undefined {
  const distinct = new Set(ids);
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

/** "mahmud" and "mahmoud": one word is the other with letters left out (not swapped: "Dan" is not "Don"). */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at += 1;
  return at === short.length;
}

// Short words have too few letters left for a skeleton to tell them apart ("Ali", "Al").
const minimumVariantLength = 4;

/** Two keys of as many words that differ in one word at most, spelled alike (never in `fixedWord`). */
function spellingVariants(a: string, b: string, fixedWord?: number): boolean {
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  if (wordsA.length !== wordsB.length) return false;
  const differing = wordsA.flatMap((word, index) => (word === wordsB[index] ? [] : [index]));
  if (differing.length !== 1 || differing[0] === fixedWord) return false;
  const [x, y] = [spellingFold(wordsA[differing[0]!]!), spellingFold(wordsB[differing[0]!]!)];
  if (Math.min(x.length, y.length) < minimumVariantLength) return false;
  return x.length <= y.length ? isSubsequence(x, y) : isSubsequence(y, x);
}

export type Resolution = { id: number; rule: 'name' | 'surname' | 'full name' | 'spelling' | 'acronym' | 'expansion' };

/**
 * The person a fact names. A full name matches a known full name (any of the fact's full names), else a spelling
 * variant with the same surname, else a surname-only person when no other full-named person has that surname.
 * A surname alone matches a surname-only person, else the one full-named person with that surname.
 */
export function resolvePerson(names: EntityName[], known: KnownPersonName[]): Resolution | undefined {
  const own = names[0]!;
  // The one person known under this very name is the person, whatever the other rules would weigh.
  const sameName = onlyOne(known.filter((row) => row.key === own.key).map((row) => row.id));
  if (sameName !== undefined) return { id: sameName, rule: 'name' };
  // Of several people known under it ("Abdullah" is also King Abdullah II's), the one whose own name it is.
  const ownName = onlyOne(known.filter((row) => row.key === own.key && row.primary).map((row) => row.id));
  if (ownName !== undefined) return { id: ownName, rule: 'name' };
  const { surnameKey, spellingKey } = personMatchKeys(own.name);
  if (surnameKey === null) {
    const surnameOnly = onlyOne(known.filter((row) => row.key === own.key && !row.fullNamed).map((row) => row.id));
    if (surnameOnly !== undefined) return { id: surnameOnly, rule: 'name' };
    const bySurname = onlyOne(known.filter((row) => row.fullNamed && (row.surnameKey === own.key || row.key === own.key)).map((row) => row.id));
    return bySurname === undefined ? undefined : { id: bySurname, rule: 'surname' };
  }
  // A bare surname among the fact's aliases says nothing the surname rule does not: "Brown" is not "Gordon Brown" for "James Brown".
  const fullKeys = names.filter((name) => personMatchKeys(name.name).surnameKey !== null).map((name) => name.key);
  const byName = pickOwner(known, fullKeys);
  if (byName !== undefined) return { id: byName, rule: 'name' };
  const surnameWord = own.key.split(' ').length - nameKey(personNameParts(own.name).surname).split(' ').length;
  const bySpelling = onlyOne(known.filter((row) => row.spellingKey === spellingKey && spellingVariants(row.key, own.key, surnameWord)).map((row) => row.id));
  if (bySpelling !== undefined) return { id: bySpelling, rule: 'spelling' };
  const surnameOnly = onlyOne(known.filter((row) => row.key === surnameKey && !row.fullNamed).map((row) => row.id));
  const othersWithSurname = known.some((row) => row.fullNamed && row.surnameKey === surnameKey && row.id !== surnameOnly);
  return surnameOnly !== undefined && !othersWithSurname ? { id: surnameOnly, rule: 'full name' } : undefined;
}

/**
 * The organisation (or source) a fact names. Acronyms are matched by initials: an acronym joins an acronym-only
 * node of that name, else the one full-named node with those initials; a full name joins a known full name,
 * else a spelling variant, else the acronym-only node of its initials when no other full name has them.
 */
export function resolveOrganization<Row extends KnownOrganizationName>(
  names: EntityName[],
  known: Row[],
  accept: (row: Row) => boolean = () => true,
): Resolution | undefined {
  const rows = known.filter(accept);
  const own = names[0]!;
  if (isAcronymName(own.name)) {
    const acronymOnly = onlyOne(rows.filter((row) => row.key === own.key && !row.fullNamed).map((row) => row.id));
    if (acronymOnly !== undefined) return { id: acronymOnly, rule: 'name' };
    // "AFP" in a wire report is the agency, never the Armed Forces of the Philippines whose initials it also is.
    if (isNewsAgencyName(own.name)) return undefined;
    const byInitials = onlyOne(rows.filter((row) => row.fullNamed && (row.initialsKey === own.key || row.key === own.key)).map((row) => row.id));
    return byInitials === undefined ? undefined : { id: byInitials, rule: 'acronym' };
  }
  if (!own.key.includes(' ')) {
    const byName = pickOwner(rows, names.filter((name) => !isAcronymName(name.name)).map((name) => name.key));
    return byName === undefined ? undefined : { id: byName, rule: 'name' };
  }
  // The fact's own acronyms ("UN" beside "United Nations") are matched as acronyms below, never as names.
  const byName = pickOwner(rows, names.filter((name) => !isAcronymName(name.name)).map((name) => name.key));
  if (byName !== undefined) return { id: byName, rule: 'name' };
  const { initialsKey, spellingKey } = organizationMatchKeys(own.name);
  const bySpelling = onlyOne(rows.filter((row) => row.spellingKey === spellingKey && spellingVariants(row.key, own.key)).map((row) => row.id));
  if (bySpelling !== undefined) return { id: bySpelling, rule: 'spelling' };
  // A wire agency's acronym stays the agency's: "Armed Forces of the Philippines (AFP)" does not take the agency's node.
  const acronyms = new Set(
    [...(initialsKey ? [initialsKey] : []), ...names.filter((name) => isAcronymName(name.name)).map((name) => name.key)].filter((key) => !isNewsAgencyName(key)),
  );
  const acronymOnly = onlyOne(rows.filter((row) => acronyms.has(row.key) && !row.fullNamed && isAcronymName(row.name)).map((row) => row.id));
  const othersWithInitials = rows.some((row) => row.fullNamed && row.id !== acronymOnly && ((row.initialsKey !== null && acronyms.has(row.initialsKey)) || acronyms.has(row.key)));
  return acronymOnly !== undefined && !othersWithInitials ? { id: acronymOnly, rule: 'expansion' } : undefined;
}

/** Adds a node's names to what is known, so that later facts of the same article find it too. */
/** Adds the names a fact gave a person to the known names; `created`: the person is new, named after the first. */
export function rememberPerson(known: KnownPersonName[], id: number, names: EntityName[], created = false): void {
  const fullNamed = names.some((name) => personMatchKeys(name.name).surnameKey !== null) || known.some((row) => row.id === id && row.fullNamed);
  for (const row of known) if (row.id === id) row.fullNamed = fullNamed;
  known.push(...names.map((name, index) => ({ id, ...name, ...personMatchKeys(name.name), fullNamed, primary: created && index === 0 })));
}

export function rememberOrganization<Row extends KnownOrganizationName>(known: Row[], id: number, names: EntityName[], extra: Omit<Row, keyof KnownOrganizationName>): void {
  const fullNamed = names.some((name) => organizationMatchKeys(name.name).initialsKey !== null) || known.some((row) => row.id === id && row.fullNamed);
  for (const row of known) if (row.id === id) row.fullNamed = fullNamed;
  known.push(...names.map((name) => ({ id, ...name, ...organizationMatchKeys(name.name), fullNamed, ...extra }) as Row));
}

type Kind = 'person' | 'organization';

/**
 * One name, one kind: a person fact whose name the graph knows only as an organisation becomes that
 * organisation (and the reverse), and a name that is both a person and an organisation in one article becomes
 * the kind with more mentions. The tagger is no guide here: it gives most "Hezbollah" PERSON mentions a
 * confidence of 1, so the kind the graph met first stands until a curator merges.
 */
export function settleKindsByName(
  facts: ArticleFacts,
  knownAs: (name: string, inArticle: { person: boolean; organization: boolean }) => { person: boolean; organization: boolean },
): ArticleFacts {
  const groups = new Map<string, { people: PersonFact[]; organizations: OrganizationFact[] }>();
  const groupOf = (name: string) => {
    const key = nameKey(name);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { people: [], organizations: [] }));
    return group;
  };
  for (const person of facts.people) groupOf(person.name).people.push(person);
  for (const organization of facts.organizations) groupOf(organization.name).organizations.push(organization);

  const becomes = new Map<FactKey, { kind: Kind; key: FactKey }>();
  const people: PersonFact[] = [];
  const organizations: OrganizationFact[] = [];
  for (const group of groups.values()) {
    const known = knownAs((group.people[0] ?? group.organizations[0])!.name, { person: group.people.length > 0, organization: group.organizations.length > 0 });
    const mentions = (list: { mentions: unknown[] }[]) => list.reduce((sum, fact) => sum + fact.mentions.length, 0);
    let kind: Kind | undefined;
    if (known.person !== known.organization) kind = known.person ? 'person' : 'organization';
    else if (!known.person && group.people.length && group.organizations.length) {
      kind = mentions(group.people) > mentions(group.organizations) ? 'person' : 'organization';
    }
    if (kind === 'person' && group.organizations.length) {
      const target: PersonFact = group.people[0] ?? { key: group.organizations[0]!.key, name: group.organizations[0]!.name, mentions: [] };
      if (!group.people.length) people.push(target);
      for (const organization of group.organizations) {
        becomes.set(organization.key, { kind, key: target.key });
        foldInto(target, organization);
      }
      people.push(...group.people);
    } else if (kind === 'organization' && group.people.length) {
      const first = group.people[0]!;
      const target: OrganizationFact = group.organizations[0] ?? { key: first.key, name: first.name, kind: 'OTHER', mentions: [] };
      if (!group.organizations.length) organizations.push(target);
      for (const person of group.people) {
        becomes.set(person.key, { kind, key: target.key });
        foldInto(target, person);
      }
      organizations.push(...group.organizations);
    } else {
      people.push(...group.people);
      organizations.push(...group.organizations);
    }
  }
  if (!becomes.size) return facts;

  const keep = (list: { key: FactKey }[], order: FactKey[]) => list.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const order = [...facts.people, ...facts.organizations].map((fact) => fact.key);
  return {
    ...facts,
    people: keep(people, order) as PersonFact[],
    organizations: keep(organizations, order) as OrganizationFact[],
    sources: facts.sources.map((source) => {
      const asPerson = source.person ? becomes.get(source.person) : undefined;
      const asOrganization = source.organization ? becomes.get(source.organization) : undefined;
      if (!asPerson && !asOrganization) return source;
      let person = asPerson ? (asPerson.kind === 'person' ? asPerson.key : undefined) : source.person;
      let organization = asOrganization ? (asOrganization.kind === 'organization' ? asOrganization.key : undefined) : source.organization;
      if (asPerson?.kind === 'organization') organization ??= asPerson.key;
      if (asOrganization?.kind === 'person') person ??= asOrganization.key;
      const { person: _person, organization: _organization, ...rest } = source;
      return { ...rest, ...(person ? { person } : {}), ...(organization ? { organization } : {}) };
    }),
    events: facts.events.map((event) => {
      const people = (event.people ?? []).flatMap((link) => {
        const to = becomes.get(link.person);
        return !to ? [link] : to.kind === 'person' ? [{ person: to.key, role: link.role }] : [];
      });
      const organizations = (event.organizations ?? []).flatMap((link) => {
        const to = becomes.get(link.organization);
        return !to ? [link] : to.kind === 'organization' ? [{ organization: to.key, role: link.role }] : [];
      });
      for (const link of event.people ?? []) {
        const to = becomes.get(link.person);
        if (to?.kind === 'organization') organizations.push({ organization: to.key, role: link.role });
      }
      for (const link of event.organizations ?? []) {
        const to = becomes.get(link.organization);
        if (to?.kind === 'person') people.push({ person: to.key, role: link.role });
      }
      return { ...event, people: distinctLinks(people, (link) => link.person), organizations: distinctLinks(organizations, (link) => link.organization) };
    }),
  };
}

function foldInto(target: { key: FactKey; name: string; aliases?: string[]; description?: string; mentions: PersonFact['mentions'] }, fact: PersonFact | OrganizationFact): void {
  if (fact === target) return;
  target.mentions = [...target.mentions, ...fact.mentions];
  const aliases = [...(target.aliases ?? []), ...(fact.key === target.key ? [] : [fact.name]), ...(fact.aliases ?? [])].filter((name) => nameKey(name) !== nameKey(target.name));
  if (aliases.length) target.aliases = [...new Set(aliases)];
  if (!target.description && fact.description) target.description = fact.description;
}

function distinctLinks<Link extends { role: string }>(links: Link[], target: (link: Link) => string): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const id = `${target(link)}|${link.role}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
