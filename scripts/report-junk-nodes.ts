// Junk in a stored graph that a reader of it would trip on, counted:
//   npx tsx scripts/report-junk-nodes.ts <data dir>
// (1) people and organisations holding an acronym that is not the initials of any of their names ("US" on a person);
// (2) news agencies stored as several sources, or under another kind than NEWS_AGENCY;
// (3) organisations named with a name the graph also holds as a person's full name ("George W. Bush");
// (4) organisations whose acronym-only node stands beside the full-named node of its initials (MRTA, Tupac Amaru Revolutionary Movement);
// and, to see what a user sees, the most mentioned organisations of the corpus's busiest week.
import { openDatabase } from '../src/db/database.js';
import { initials, isAcronym } from '../src/ingest/extract/entity-clusters.js';
import { nameKey } from '../src/graph/names.js';
import { organizationKindOf } from '../src/ingest/extract/article-facts.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('report-junk-nodes: the data directory (NEWSLINE_DATA_DIR of the ingest) is missing\nusage: npx tsx scripts/report-junk-nodes.ts <data dir>');
  process.exit(2);
}
const database = await openDatabase({ dataDir, migrate: false });
const query = <Row>(sql: string) => database.prisma.$queryRawUnsafe(sql) as Promise<Row[]>;

type Aliased = { id: number; name: string; aliases: string[]; mentions: number };
const withAliases = (table: 'Person' | 'Organization', alias: string, owner: string, mention: string) =>
  query<Aliased>(`SELECT n.id, n.name, array(SELECT a.name FROM "${alias}" a WHERE a."${owner}" = n.id ORDER BY a.id) AS aliases,
      (SELECT count(*)::int FROM "${mention}" m WHERE m."${owner}" = n.id) AS mentions FROM "${table}" n ORDER BY n.id`);
const people = await withAliases('Person', 'PersonAlias', 'personId', 'PersonMention');
const organizations = await withAliases('Organization', 'OrganizationAlias', 'organizationId', 'OrganizationMention');

/**
 * "Unnur Steinsson", "George W. Bush": two to four capitalised words or initials, none of them an acronym or a
 * particle, and no word that says what kind of institution it is ("Tokai Bank").
 */
const readsAsPersonName = (name: string) => {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 4 && organizationKindOf(name) === 'OTHER' &&
    words.every((word) => /^\p{Lu}(?:\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\.)$/u.test(word));
};
const letters = (acronym: string) => acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
const shortAcronym = (name: string) => isAcronym(name) && letters(name).length <= 6;

// (1) An acronym on a person is never the person's; on an organisation, it should be the initials of one of its names.
const personAcronyms = people.filter((person) => person.aliases.some(shortAcronym) && !shortAcronym(person.name));
// On an organisation, it should be the initials of one of its names, and that name no person's: "Unnur Steinsson"
// (whose surname the graph knows as a person's: a person goes by "Steinsson" alone) is no "US".
const surnames = new Set(people.flatMap((person) => person.aliases.filter((name) => !nameKey(name).includes(' ') && !isAcronym(name)).map(nameKey)));
const organizationAcronyms = organizations.filter((organization) => {
  const fullNames = organization.aliases.filter((name) => nameKey(name).includes(' '));
  const ofInstitution = fullNames.filter((name) => !(readsAsPersonName(name) && surnames.has(nameKey(name).split(' ').at(-1)!)));
  const acronyms = organization.aliases.filter(shortAcronym);
  return fullNames.length > 0 && acronyms.some((acronym) => !ofInstitution.some((name) => initials(name) === letters(acronym)));
});
console.log(`(1) people holding an acronym: ${personAcronyms.length}`);
for (const person of personAcronyms.sort((a, b) => b.mentions - a.mentions).slice(0, 25))
  console.log(`    ${person.name} [${person.aliases.filter(shortAcronym).join(', ')}] ${person.mentions} mentions`);
console.log(`    organisations holding an acronym that is the initials of none of their names, or only of a name ending in a person's surname: ${organizationAcronyms.length}`);
for (const organization of organizationAcronyms.sort((a, b) => b.mentions - a.mentions).slice(0, 25))
  console.log(`    ${organization.name} [${organization.aliases.filter(shortAcronym).join(', ')}] ${organization.mentions} mentions`);

// Where the most mentioned acronyms went: "US" should be the United States' government, "AFP" the agency.
const acronymHolders = await query<{ text: string; name: string; mentions: number }>(
  `SELECT m.text, o.name, count(*)::int AS mentions FROM "OrganizationMention" m JOIN "Organization" o ON o.id = m."organizationId"
     WHERE m.text ~ '^[A-Z][A-Z.&]{1,7}$' AND o."nameKey" <> lower(replace(m.text, '.', '')) GROUP BY m.text, o.id ORDER BY mentions DESC LIMIT 12`,
);
console.log(`    acronym mentions stored on a node of another name: ${acronymHolders.map((row) => `${row.text} → ${row.name} ${row.mentions}`).join('; ')}`);

// (2) Agencies: a source per wire agency, of kind NEWS_AGENCY.
const agencies = /\b(xinhua|agence france|afp|reuters|associated press|itar-tass|tass|interfax|kyodo|dpa|upi|ansa|efe|irna|mena|anadolu|yonhap|bernama|antara|wafa|jiji|ria|petra|kuna|sana|qna|wam|spa)\b/i;
const sources = await query<{ id: number; name: string; kind: string; mentions: number; articles: number }>(
  `SELECT s.id, s.name, s.kind::text AS kind, (SELECT count(*)::int FROM "SourceMention" m WHERE m."sourceId" = s.id) AS mentions,
     (SELECT count(*)::int FROM "Article" a WHERE a."publisherId" = s.id) AS articles FROM "Source" s ORDER BY s.id`,
);
const byAgency = new Map<string, typeof sources>();
for (const source of sources) {
  const match = agencies.exec(source.name);
  if (!match) continue;
  const agency = match[1]!.toLowerCase().replace(/^agence france$/, 'afp');
  byAgency.set(agency, [...(byAgency.get(agency) ?? []), source]);
}
const split = [...byAgency].filter(([, list]) => list.length > 1);
const xinhua = byAgency.get('xinhua') ?? [];
const notAgency = [...byAgency.values()].flat().filter((source) => source.kind !== 'NEWS_AGENCY');
console.log(`(2) Xinhua-like sources: ${xinhua.length}`);
for (const source of xinhua) console.log(`    ${source.name} (${source.kind}) ${source.mentions} mentions, publisher of ${source.articles}`);
console.log(`    agencies stored as several sources: ${split.length} (${split.map(([agency, list]) => `${agency} ${list.length}`).join(', ')}); sources naming an agency not of kind NEWS_AGENCY: ${notAgency.length}`);
for (const source of notAgency.slice(0, 25)) console.log(`    ${source.name} (${source.kind}) ${source.mentions} mentions`);

// (3) An organisation under a person's full name.
const fullNamesOfPeople = new Set(people.flatMap((person) => person.aliases.filter((name) => nameKey(name).includes(' ')).map(nameKey)));
const organizationsNamedAsPeople = organizations.filter((organization) => fullNamesOfPeople.has(nameKey(organization.name)));
console.log(`(3) organisations named with a person's full name: ${organizationsNamedAsPeople.length}`);
for (const organization of organizationsNamedAsPeople.sort((a, b) => b.mentions - a.mentions).slice(0, 25)) console.log(`    ${organization.name} ${organization.mentions} mentions`);

// (4) An acronym-only organisation beside the one full-named organisation of its initials.
const fullNamedByInitials = new Map<string, Aliased[]>();
for (const organization of organizations) {
  for (const name of new Set(organization.aliases.filter((alias) => nameKey(alias).includes(' ') && /^\P{Ll}/u.test(alias)).map(initials))) {
    if (name.length >= 3) fullNamedByInitials.set(name, [...(fullNamedByInitials.get(name) ?? []), organization]);
  }
}
const apart = organizations.filter(
  (organization) => organization.aliases.every(shortAcronym) && fullNamedByInitials.get(letters(organization.name))?.length === 1,
);
console.log(`(4) acronym-only organisations beside the one full-named organisation of their initials: ${apart.length}`);
for (const organization of apart.sort((a, b) => b.mentions - a.mentions).slice(0, 25))
  console.log(`    ${organization.name} ${organization.mentions} mentions / ${fullNamedByInitials.get(letters(organization.name))![0]!.name}`);
const tupac = organizations.filter((organization) => organization.aliases.some((name) => /tupac|mrta/i.test(name)));
console.log(`    Tupac Amaru nodes: ${tupac.length} (${tupac.map((organization) => `${organization.name} [${organization.aliases.join(', ')}] ${organization.mentions}`).join('; ')})`);

// What a user sees first: the most mentioned organisations of the busiest week.
const [week] = await query<{ week: Date }>(`SELECT date_trunc('week', "publishedOn") AS week FROM "Article" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
const top = await query<{ name: string; kind: string; mentions: number }>(
  `SELECT o.name, o.kind::text AS kind, count(*)::int AS mentions FROM "OrganizationMention" m JOIN "Organization" o ON o.id = m."organizationId"
     JOIN "Article" a ON a.id = m."articleId" WHERE date_trunc('week', a."publishedOn") = '${week!.week.toISOString().slice(0, 10)}'
     GROUP BY o.id ORDER BY mentions DESC LIMIT 8`,
);
console.log(`top organisations of the week of ${week!.week.toISOString().slice(0, 10)}: ${top.map((row) => `${row.name} (${row.kind}) ${row.mentions}`).join('; ')}`);
const counts = await query<{ people: number; organizations: number; sources: number }>(
  `SELECT (SELECT count(*)::int FROM "Person") AS people, (SELECT count(*)::int FROM "Organization") AS organizations, (SELECT count(*)::int FROM "Source") AS sources`,
);
console.log(`report-junk-nodes: ${counts[0]!.people} people, ${counts[0]!.organizations} organisations, ${counts[0]!.sources} sources in ${dataDir}`);
await database.close();
