import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { storeArticleFacts } from '../../src/graph/store-article.js';
import { nameKey } from '../../src/graph/names.js';
import type { ArticleFacts, OrganizationFact, PersonFact, SourceFact } from '../../src/graph/facts.js';
import type { OrganizationKind, SourceKind } from '../../src/db/generated/prisma/enums.js';

type Named = { name: string; aliases?: string[] };

let articleNumber = 0;

/**
 * A one-sentence wire report naming the given people, organisations and sources (each name and alias appears
 * in the text), with one meeting event they all take part in, written for these tests.
 */
function wire(options: { people?: Named[]; organizations?: (Named & { kind?: OrganizationKind })[]; sources?: (Named & { kind: SourceKind })[] }): ArticleFacts {
  articleNumber += 1;
  const named = [...(options.people ?? []), ...(options.organizations ?? []), ...(options.sources ?? [])];
  const text = `Report ${articleNumber}: ${named.flatMap((entity) => [entity.name, ...(entity.aliases ?? [])]).join(', ')} met on Monday.`;
  const spansOf = (entity: Named) =>
    [entity.name, ...(entity.aliases ?? [])].map((phrase) => {
      const start = text.indexOf(phrase);
      return { start, end: start + phrase.length, text: phrase };
    });
  const people: PersonFact[] = (options.people ?? []).map((person, index) => ({ key: `p${index}`, ...person, mentions: spansOf(person) }));
  const organizations: OrganizationFact[] = (options.organizations ?? []).map((organization, index) => ({
    key: `o${index}`,
    kind: 'OTHER',
    ...organization,
    mentions: spansOf(organization),
  }));
  const sources: SourceFact[] = (options.sources ?? []).map((source, index) => ({ key: `s${index}`, ...source, mentions: spansOf(source) }));
  return {
    article: { publishedOn: '2007-03-05', text, format: 'text', url: `https://example.org/wire-${articleNumber}` },
    people,
    organizations,
    places: [],
    sources,
    events: [
      {
        key: 'meeting',
        title: 'Meeting',
        type: 'MEETING',
        date: { startsOn: '2007-03-05', endsOn: '2007-03-05', precision: 'DAY', text: 'on Monday' },
        people: people.map((person) => ({ person: person.key, role: 'ACTOR' as const })),
        organizations: organizations.map((organization) => ({ organization: organization.key, role: 'ACTOR' as const })),
        mentions: [{ start: 0, end: text.length, text }],
      },
    ],
    claims: [],
  };
}

for (const kind of databaseKinds) {
  describe(`resolving people, organisations and sources across articles on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    const store = (facts: ArticleFacts) => storeArticleFacts(database.prisma, facts);
    const peopleNamed = (name: string) => database.prisma.person.findMany({ where: { aliases: { some: { key: nameKey(name) } } }, orderBy: { id: 'asc' } });
    const organizationsNamed = (name: string) =>
      database.prisma.organization.findMany({ where: { aliases: { some: { key: nameKey(name) } } }, orderBy: { id: 'asc' } });
    const sourcesNamed = (name: string) => database.prisma.source.findMany({ where: { aliases: { some: { key: nameKey(name) } } }, orderBy: { id: 'asc' } });

    it('finds one organisation under "UN" and "United Nations" named in two articles, under its full name', async () => {
      await store(wire({ organizations: [{ name: 'UN', kind: 'INTERNATIONAL_ORGANIZATION' }] }));
      const second = await store(wire({ organizations: [{ name: 'United Nations', kind: 'INTERNATIONAL_ORGANIZATION' }] }));
      expect(second.created.organizations).toBe(0);
      const [byAcronym] = await organizationsNamed('UN');
      expect(await organizationsNamed('United Nations')).toEqual([byAcronym]);
      expect(byAcronym!.name).toBe('United Nations');
    });

    it('finds one organisation when the full name comes first: "Central Intelligence Agency", then "CIA"', async () => {
      await store(wire({ organizations: [{ name: 'Central Intelligence Agency', kind: 'GOVERNMENT' }] }));
      const second = await store(wire({ organizations: [{ name: 'CIA', kind: 'GOVERNMENT' }] }));
      expect(second.created.organizations).toBe(0);
      expect((await organizationsNamed('CIA')).map((organization) => organization.name)).toEqual(['Central Intelligence Agency']);
    });

    it('keeps "EC" apart when both the Election Commission and the European Commission are known', async () => {
      await store(wire({ organizations: [{ name: 'Election Commission', kind: 'GOVERNMENT' }] }));
      await store(wire({ organizations: [{ name: 'European Commission', kind: 'INTERNATIONAL_ORGANIZATION' }] }));
      const acronym = await store(wire({ organizations: [{ name: 'EC' }] }));
      expect(acronym.created.organizations).toBe(1);
      expect((await organizationsNamed('EC')).map((organization) => organization.name)).toEqual(['EC']);
      // A later "European Commission (EC)" keeps to its own node instead of taking the ambiguous "EC".
      await store(wire({ organizations: [{ name: 'European Commission', aliases: ['EC'] }] }));
      expect((await organizationsNamed('European Commission')).map((organization) => organization.name)).toEqual(['European Commission']);
      expect(await organizationsNamed('Election Commission')).toHaveLength(1);
    });

    it('keeps a wire agency\'s acronym the agency\'s, whichever comes first ("AFP", "Armed Forces of the Philippines")', async () => {
      await store(wire({ organizations: [{ name: 'Armed Forces of the Philippines', kind: 'MILITARY' }] }));
      const agency = await store(wire({ organizations: [{ name: 'AFP', kind: 'MEDIA' }] }));
      expect(agency.created.organizations).toBe(1);
      // A report that spells the armed forces' acronym out gives it to them, but the agency's node keeps its name ...
      await store(wire({ organizations: [{ name: 'Armed Forces of the Philippines', aliases: ['AFP'], kind: 'MILITARY' }] }));
      expect((await organizationsNamed('AFP')).map((organization) => organization.name).sort()).toEqual(['AFP', 'Armed Forces of the Philippines']);
      expect((await organizationsNamed('Armed Forces of the Philippines')).map((organization) => organization.name)).toEqual(['Armed Forces of the Philippines']);
      // ... and a later "AFP" alone is the agency again.
      const later = await store(wire({ organizations: [{ name: 'AFP', kind: 'MEDIA' }] }));
      expect(later.created.organizations).toBe(0);
      const agencyNode = (await organizationsNamed('AFP')).find((organization) => organization.name === 'AFP')!;
      expect(await database.prisma.organizationMention.count({ where: { organizationId: agencyNode.id } })).toBe(2);
    });

    it('names an acronym-only "ECP" after the one full name whose initials it is', async () => {
      await store(wire({ organizations: [{ name: 'ECP' }] }));
      await store(wire({ organizations: [{ name: 'Election Commission of Pakistan', aliases: ['ECP'] }] }));
      expect((await organizationsNamed('ECP')).map((organization) => organization.name)).toEqual(['Election Commission of Pakistan']);
    });

    it('finds one person under one name, however its particles and hyphens are written', async () => {
      await store(wire({ people: [{ name: 'Robin van Persie' }] }));
      const capitalised = await store(wire({ people: [{ name: 'Van Persie' }] }));
      expect(capitalised.created.people).toBe(0);
      expect(await store(wire({ people: [{ name: 'van Persie' }] }))).toMatchObject({ created: { people: 0 } });
      expect((await peopleNamed('van Persie')).map((person) => person.name)).toEqual(['Robin van Persie']);
      await store(wire({ people: [{ name: 'Ellen Johnson-Sirleaf' }] }));
      // "Johnson- Sirleaf" is the wire's line break inside the surname, not a given name "Johnson".
      expect(await store(wire({ people: [{ name: 'Johnson- Sirleaf' }] }))).toMatchObject({ created: { people: 0 } });
      expect(await store(wire({ people: [{ name: 'Johnson-Sirleaf' }] }))).toMatchObject({ created: { people: 0 } });
      expect((await peopleNamed('Johnson-Sirleaf')).map((person) => person.name)).toEqual(['Ellen Johnson-Sirleaf']);
    });

    it('finds one person under "Blair" and "Tony Blair", named by the full name', async () => {
      await store(wire({ people: [{ name: 'Blair' }] }));
      const second = await store(wire({ people: [{ name: 'Tony Blair' }] }));
      expect(second.created.people).toBe(0);
      const people = await peopleNamed('Blair');
      expect(people.map((person) => person.name)).toEqual(['Tony Blair']);
      expect(await peopleNamed('Tony Blair')).toEqual(people);
    });

    it('links a later surname alone to the one full-named person who has it', async () => {
      await store(wire({ people: [{ name: 'Pervez Musharraf' }] }));
      const later = await store(wire({ people: [{ name: 'Musharraf' }] }));
      expect(later.created.people).toBe(0);
      expect((await peopleNamed('Musharraf')).map((person) => person.name)).toEqual(['Pervez Musharraf']);
    });

    it('keeps Gordon Brown and James Brown two people, and a bare "Brown" neither of them', async () => {
      await store(wire({ people: [{ name: 'Gordon Brown', aliases: ['Brown'] }] }));
      const james = await store(wire({ people: [{ name: 'James Brown', aliases: ['Brown'] }] }));
      expect(james.created.people).toBe(1);
      const brown = await store(wire({ people: [{ name: 'Brown' }] }));
      expect(brown.created.people).toBe(1);
      expect((await peopleNamed('Brown')).map((person) => person.name)).toEqual(['Gordon Brown', 'James Brown', 'Brown']);
    });

    it('keeps Joseph Kabila apart from the Laurent Kabila a surname-only "Kabila" joined', async () => {
      await store(wire({ people: [{ name: 'Kabila' }] }));
      await store(wire({ people: [{ name: 'Laurent Kabila' }] }));
      const joseph = await store(wire({ people: [{ name: 'Joseph Kabila' }] }));
      expect(joseph.created.people).toBe(1);
      expect((await peopleNamed('Kabila')).map((person) => person.name)).toEqual(['Laurent Kabila']);
      expect(await peopleNamed('Joseph Kabila')).toHaveLength(1);
    });

    it('keeps one "Abdullah" when King Abdullah II and an Ahmed Abdullah are known under that name too', async () => {
      await store(wire({ people: [{ name: 'Abdullah' }] }));
      await store(wire({ people: [{ name: 'Abdullah II', aliases: ['Abdullah'] }] }));
      await store(wire({ people: [{ name: 'Ahmed Abdullah', aliases: ['Abdullah'] }] }));
      await store(wire({ people: [{ name: 'Nadhem Abdullah', aliases: ['Abdullah'] }] }));
      const again = await store(wire({ people: [{ name: 'Abdullah' }] }));
      expect(again.created.people).toBe(0);
      const named = await database.prisma.person.findMany({ where: { nameKey: 'abdullah' }, include: { mentions: true } });
      expect(named).toHaveLength(1);
      expect(named[0]!.mentions).toHaveLength(2);
    });

    it('joins spelling variants of a name with the same surname, and keeps other given names apart', async () => {
      await store(wire({ people: [{ name: 'Mahmoud Abbas' }, { name: 'Fouad Siniora' }, { name: 'Richard Boucher' }, { name: 'Dana Smith' }] }));
      const variants = await store(wire({ people: [{ name: 'Mahmud Abbas' }, { name: 'Fuad Siniora' }, { name: 'Mark Boucher' }, { name: 'Dina Smith' }] }));
      expect(variants.created.people).toBe(2);
      expect(await peopleNamed('Mahmud Abbas')).toEqual(await peopleNamed('Mahmoud Abbas'));
      expect(await peopleNamed('Fuad Siniora')).toEqual(await peopleNamed('Fouad Siniora'));
      expect(await peopleNamed('Mark Boucher')).not.toEqual(await peopleNamed('Richard Boucher'));
      expect(await peopleNamed('Dina Smith')).not.toEqual(await peopleNamed('Dana Smith'));
    });

    it('joins "World Health Organisation" and "World Health Organization", but never two surnames spelled alike', async () => {
      await store(wire({ organizations: [{ name: 'World Health Organisation', kind: 'HEALTH_AUTHORITY' }] }));
      const american = await store(wire({ organizations: [{ name: 'World Health Organization', kind: 'HEALTH_AUTHORITY' }] }));
      expect(american.created.organizations).toBe(0);
      await store(wire({ people: [{ name: 'Moamer Kadhafi' }] }));
      const variant = await store(wire({ people: [{ name: 'Moammer Kadhafi' }, { name: 'Moamer Gadhafi' }] }));
      expect(variant.created.people).toBe(1);
      expect(await peopleNamed('Moammer Kadhafi')).toEqual(await peopleNamed('Moamer Kadhafi'));
    });

    it('stores a person fact named like a known organisation as that organisation, with its event link', async () => {
      await store(wire({ organizations: [{ name: 'Hezbollah', kind: 'ARMED_GROUP' }] }));
      const mistagged = await store(wire({ people: [{ name: 'Hezbollah' }] }));
      expect(mistagged.created.people).toBe(0);
      expect(await peopleNamed('Hezbollah')).toEqual([]);
      const [hezbollah] = await organizationsNamed('Hezbollah');
      const meeting = await database.prisma.eventMention.findFirstOrThrow({ where: { articleId: mistagged.articleId }, include: { event: { include: { organizations: true, people: true } } } });
      expect(meeting.event.organizations.map((link) => link.organizationId)).toContain(hezbollah!.id);
      expect(meeting.event.people).toEqual([]);
      expect(await database.prisma.organizationMention.count({ where: { organizationId: hezbollah!.id } })).toBe(2);
    });

    it('stores a name that is both a person and an organisation in one article as one node of the kind mentioned more', async () => {
      const facts = wire({ people: [{ name: 'Kyodo' }], organizations: [{ name: 'Kyodo News', kind: 'MEDIA' }] });
      // The tagger read the first "Kyodo" as a person and the agency's own name twice as an organisation.
      facts.organizations[0] = { ...facts.organizations[0]!, name: 'Kyodo', aliases: [], mentions: [facts.people[0]!.mentions[0]!, facts.organizations[0]!.mentions[0]!] };
      const result = await store(facts);
      expect(result.created.people).toBe(0);
      expect(await peopleNamed('Kyodo')).toEqual([]);
      expect(await organizationsNamed('Kyodo')).toHaveLength(1);
    });

    it('never lets an acronym join an organisation named like a person, whichever comes first ("US", "Birna Kristjansson")', async () => {
      await store(wire({ organizations: [{ name: 'US' }] }));
      await store(wire({ organizations: [{ name: 'Birna Kristjansson' }] }));
      await store(wire({ organizations: [{ name: 'Halla Gudmundsson' }] }));
      await store(wire({ organizations: [{ name: 'HG' }] }));
      for (const [person, acronym] of [['Birna Kristjansson', 'US'], ['Halla Gudmundsson', 'HG']] as const) {
        const [named] = await organizationsNamed(person);
        expect(named!.name).toBe(person);
        expect((await organizationsNamed(acronym)).map((organization) => organization.id)).not.toContain(named!.id);
      }
      // An institution's initials still find it, and a longer name in another language is an institution's more often.
      await store(wire({ organizations: [{ name: 'Nordic Fisheries Council' }] }));
      expect((await store(wire({ organizations: [{ name: 'NFC' }] }))).created.organizations).toBe(0);
      await store(wire({ organizations: [{ name: 'Chama Cha Wakulima' }] }));
      expect((await store(wire({ organizations: [{ name: 'CCW' }] }))).created.organizations).toBe(0);
    });

    it('makes a source a news agency once an article says it is one, under the name it had', async () => {
      await store(wire({ sources: [{ name: 'Ritzau', kind: 'OTHER' }] }));
      const second = await store(wire({ sources: [{ name: 'Ritzau', kind: 'NEWS_AGENCY' }] }));
      await store(wire({ sources: [{ name: 'Ritzau', kind: 'PUBLISHER' }] }));
      expect(second.created.sources).toBe(0);
      expect((await sourcesNamed('Ritzau')).map((source) => [source.name, source.kind])).toEqual([['Ritzau', 'NEWS_AGENCY']]);
    });

    it('finds one source under "EU" and "European Union"', async () => {
      await store(wire({ sources: [{ name: 'EU', kind: 'INTERNATIONAL_ORGANIZATION' }] }));
      const second = await store(wire({ sources: [{ name: 'European Union', kind: 'INTERNATIONAL_ORGANIZATION' }] }));
      expect(second.created.sources).toBe(0);
      expect(await sourcesNamed('European Union')).toEqual(await sourcesNamed('EU'));
    });
  });
}
