// Name search ranks like a search box: exact name or alias, then names starting with the search, then names with
// a word starting with it, then names containing it; ties go to what the graph knows most about. Cursors page
// through that ranking. The small graph is stored through storeArticleFacts, as extraction would store it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { readdirSync, readFileSync } from 'node:fs';
import { afpDirectory, ingestAfp } from '../support/afp.js';
import { storeArticleFacts } from '../../src/graph/store-article.js';
import type { ArticleFacts, EventFact, TextSpan } from '../../src/graph/facts.js';
import type { OrganizationKind, PlaceKind, SourceKind } from '../../src/db/generated/prisma/enums.js';

type Data = Record<string, any>;

interface Named {
  name: string;
  /** How many events of their own the entity takes part in (a source: gives the account of). */
  events?: number;
  /** How many times the article names it; at least once. */
  mentions?: number;
}

interface Report {
  title: string;
  publishedOn: string;
  /** A sentence of the text that names no entity (what a title-less search finds in the text). */
  lead?: string;
  organizations?: (Named & { kind?: OrganizationKind; aliases?: string[] })[];
  people?: Named[];
  places?: (Named & { kind?: PlaceKind })[];
  sources?: (Named & { kind?: SourceKind })[];
}

let eventDay = 0;

/** The facts of one article naming each entity as often as asked, with events of their own a week apart. */
function reportFacts(report: Report): ArticleFacts {
  let text = report.lead ? `${report.lead} ` : '';
  const span = (words: string): TextSpan => {
    const start = text.length;
    text += `${words}. `;
    return { start, end: start + words.length, text: words };
  };
  const mentionsOf = (named: Named) => Array.from({ length: named.mentions ?? 1 }, () => span(named.name));
  const events: EventFact[] = [];
  const eventsOf = (named: Named, link: (event: Omit<EventFact, 'key'>) => Omit<EventFact, 'key'>) => {
    for (let index = 0; index < (named.events ?? 0); index += 1) {
      eventDay += 9;
      const day = new Date(Date.UTC(1996, 0, 1) + eventDay * 86_400_000).toISOString().slice(0, 10);
      const title = `${named.name} meeting number ${eventDay}`;
      events.push({ key: `e:${events.length}`, ...link({ title, type: 'MEETING', date: { startsOn: day, endsOn: day, precision: 'DAY' }, mentions: [span(title)] }) });
    }
  };
  const organizations = (report.organizations ?? []).map((named, index) => {
    const key = `o:${index}`;
    eventsOf(named, (event) => ({ ...event, organizations: [{ organization: key, role: 'ACTOR' }] }));
    return { key, name: named.name, kind: named.kind ?? 'OTHER', aliases: named.aliases, mentions: mentionsOf(named) };
  });
  const people = (report.people ?? []).map((named, index) => {
    const key = `p:${index}`;
    eventsOf(named, (event) => ({ ...event, people: [{ person: key, role: 'ACTOR' }] }));
    return { key, name: named.name, mentions: mentionsOf(named) };
  });
  const places = (report.places ?? []).map((named, index) => {
    const key = `pl:${index}`;
    eventsOf(named, (event) => ({ ...event, places: [{ place: key, role: 'LOCATION' }] }));
    return { key, name: named.name, kind: named.kind ?? 'CITY', mentions: mentionsOf(named) };
  });
  const sources = (report.sources ?? []).map((named, index) => {
    const key = `s:${index}`;
    eventsOf(named, (event) => ({ ...event, mentions: event.mentions.map((mention) => ({ ...mention, source: key })) }));
    return { key, name: named.name, kind: named.kind ?? 'OTHER', mentions: mentionsOf(named) };
  });
  return {
    article: { title: report.title, publishedOn: report.publishedOn, text, format: 'text' },
    organizations,
    people,
    places,
    sources,
    events,
    claims: [],
  };
}

// Each look-alike in an article of its own, stored before Hamas: entity resolution, not under test here, gets no
// chance to read "Fatah-Hamas" or "Hamas Watch" as another name of Hamas.
const lookAlikes: (Named & { kind?: OrganizationKind; aliases?: string[] })[] = [
  { name: 'Fatah-Hamas', mentions: 2 },
  { name: 'Hamasville Council', events: 2 },
  { name: 'Hamas Watch', mentions: 3 },
  { name: 'Hamas Veterans' },
  { name: 'Friends of Hamasville', events: 3 },
  { name: 'Mohamas Trading', events: 5 },
  { name: 'Resistance Front', events: 1 },
];

const reports: Report[] = [
  ...lookAlikes.map((organization, index) => ({ title: `Namesake ${index + 1}`, publishedOn: '1997-03-01', organizations: [organization] })),
  {
    title: 'The movement',
    publishedOn: '1997-04-10',
    organizations: [{ name: 'Hamas', kind: 'ARMED_GROUP', aliases: ['Islamic Resistance Movement'], events: 4, mentions: 3 }],
  },
  {
    title: 'Islands in the gulf',
    publishedOn: '1997-04-12',
    places: [
      { name: 'São Tomé', kind: 'CITY', events: 1 },
      { name: 'São Tomé and Príncipe', kind: 'COUNTRY', events: 3 },
      { name: 'Santo Tomé', kind: 'CITY', events: 4 },
    ],
    people: [
      { name: 'Yasser Arafat', events: 3 },
      { name: 'Suha Arafat', events: 1, mentions: 2 },
    ],
    sources: [
      { name: 'Israeli army spokesman', kind: 'MILITARY', events: 1 },
      { name: 'Hamas spokesman', kind: 'ANONYMOUS_OFFICIAL', events: 2 },
      { name: 'Spokesman Review', kind: 'NEWS_AGENCY' },
    ],
  },
  { title: 'Ceasefire holds', publishedOn: '1997-04-05', lead: 'The guns fell silent.' },
  { title: 'Talks on a ceasefire', publishedOn: '1997-04-20', lead: 'Negotiators met in the morning.' },
  { title: 'Market report', publishedOn: '1997-04-22', lead: 'Traders shrugged off news of the ceasefire.' },
  { title: 'Weather', publishedOn: '1997-04-12', lead: 'A CEASEFIRE in the storm, said forecasters.' },
  { title: 'Visitors flock to Sao Tome', publishedOn: '1997-04-15', lead: 'Tourism is up.' },
];

const organizationNames = (data: Data) => data.organizations.edges.map((edge: Data) => edge.node.name);

for (const kind of databaseKinds) {
  describe(`ranked name search on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    const statements: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(kind, (sql) => statements.push(sql));
      for (const report of reports) await storeArticleFacts(database.prisma, reportFacts(report));
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    it('puts the exact name first, then names starting with the search, then a word starting with it, then any substring', async () => {
      const data = await client.data(`{ organizations(search: "hamas", first: 10) { totalCount edges { node { name events { totalCount } } } } }`);
      expect(organizationNames(data)).toEqual([
        'Hamas', // exact
        'Hamasville Council', // starts with it, 2 events
        'Hamas Watch', // starts with it, no event, 3 mentions
        'Hamas Veterans', // starts with it, no event, 1 mention
        'Friends of Hamasville', // a word starts with it, 3 events
        'Fatah-Hamas', // a word starts with it, no event
        'Mohamas Trading', // contains it, though with the most events
      ]);
      expect(data.organizations.edges[0].node.events.totalCount).toBe(4);
      expect(data.organizations.totalCount).toBe(7);
    });

    it('answers organizations(search: "hamas", first: 1) with Hamas itself, whatever the case and punctuation', async () => {
      for (const search of ['hamas', 'HAMAS', ' Hamas. ']) {
        const data = await client.data(`query ($search: String) { organizations(search: $search, first: 1) { edges { node { name } } } }`, { search });
        expect(organizationNames(data), search).toEqual(['Hamas']);
      }
    });

    it('ranks an exact alias with the exact names, and ignores accents', async () => {
      const alias = await client.data(`{ organizations(search: "islamic resistance movement", first: 1) { edges { node { name } } } }`);
      expect(organizationNames(alias)).toEqual(['Hamas']);
      const resistance = await client.data(`{ organizations(search: "resistance", first: 5) { edges { node { name } } } }`);
      // "Resistance Front" starts with the search; Hamas only has a word of an alias that does, though it has more events.
      expect(organizationNames(resistance)).toEqual(['Resistance Front', 'Hamas']);
      const places = await client.data(`{ places(search: "Sao Tome", first: 5) { edges { node { name events { totalCount } } } } }`);
      expect(places.places.edges.map((edge: Data) => edge.node.name)).toEqual(['São Tomé', 'São Tomé and Príncipe']);
      const shouted = await client.data(`{ places(search: "SÃO TOMÉ", first: 1) { edges { node { name } } } }`);
      expect(shouted.places.edges[0].node.name).toBe('São Tomé');
    });

    it('breaks ties in a tier by events for people and sources, and keeps an explicit orderBy', async () => {
      const people = await client.data(`{ people(search: "arafat") { edges { node { name } } } }`);
      expect(people.people.edges.map((edge: Data) => edge.node.name)).toEqual(['Yasser Arafat', 'Suha Arafat']);
      const sources = await client.data(`{ sources(search: "spokesman") { edges { node { name } } } }`);
      expect(sources.sources.edges.map((edge: Data) => edge.node.name)).toEqual(['Spokesman Review', 'Hamas spokesman', 'Israeli army spokesman']);
      const byName = await client.data(`{ sources(search: "spokesman", orderBy: NAME) { edges { node { name } } } }`);
      expect(byName.sources.edges.map((edge: Data) => edge.node.name)).toEqual(['Hamas spokesman', 'Israeli army spokesman', 'Spokesman Review']);
      const known = await client.data(`{ organizations(orderBy: RELEVANCE, first: 3) { edges { node { name } } } }`);
      // Without a search, RELEVANCE lists what the graph knows most about first.
      expect(organizationNames(known)).toEqual(['Mohamas Trading', 'Hamas', 'Friends of Hamasville']);
      const kinds = await client.data(`{ organizations(search: "hamas", kind: ARMED_GROUP) { totalCount edges { node { name } } } }`);
      expect(organizationNames(kinds)).toEqual(['Hamas']);
      expect(kinds.organizations.totalCount).toBe(1);
    });

    it('pages through the ranking with cursors, forwards and backwards, without repeats or gaps', async () => {
      const all = organizationNames(await client.data(`{ organizations(search: "hamas", first: 100) { edges { node { name } } } }`));
      const forwards: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const data: Data = await client.data(
          `query ($after: String) { organizations(search: "hamas", first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`,
          { after },
        );
        expect(data.organizations.totalCount).toBe(all.length);
        forwards.push(...organizationNames(data));
        if (!data.organizations.pageInfo.hasNextPage) break;
        after = data.organizations.pageInfo.endCursor;
      }
      expect(forwards).toEqual(all);
      const backwards: string[] = [];
      let before: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const data: Data = await client.data(
          `query ($before: String) { organizations(search: "hamas", last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { name } } } }`,
          { before },
        );
        backwards.unshift(...organizationNames(data));
        if (!data.organizations.pageInfo.hasPreviousPage) break;
        before = data.organizations.pageInfo.startCursor;
      }
      expect(backwards).toEqual(all);
    });

    it('costs the same statements for a page of 2 and of 7 ranked organisations with their events', async () => {
      const run = async (first: number) => {
        statements.length = 0;
        await client.data(`query ($first: Int) { organizations(search: "hamas", first: $first) { totalCount edges { node { name aliases events(first: 3) { edges { node { title } } } } } } }`, { first });
        return statements.length;
      };
      const small = await run(2);
      expect(await run(7)).toBe(small);
      expect(small).toBeLessThanOrEqual(6);
    });

    it('ranks articles whose title matches above those whose text alone does, newest first in each', async () => {
      const data = await client.data(`{ articles(filter: { search: "ceasefire" }) { totalCount edges { node { title } } } }`);
      expect(data.articles.edges.map((edge: Data) => edge.node.title)).toEqual([
        'Talks on a ceasefire', // the title holds it, 1997-04-20
        'Ceasefire holds', // the title holds it, 1997-04-05
        'Market report', // the text alone, 1997-04-22
        'Weather', // the text alone, in capitals, 1997-04-12
      ]);
      expect(data.articles.totalCount).toBe(4);
      const dated = await client.data(`{ articles(filter: { search: "ceasefire" }, orderBy: PUBLISHED_ASC, first: 2) { totalCount edges { node { title } } } }`);
      expect(dated.articles.edges.map((edge: Data) => edge.node.title)).toEqual(['Ceasefire holds', 'Weather']);
      expect(dated.articles.totalCount).toBe(4);
      for (const search of ['são tomé', 'SAO TOME']) {
        const accents = await client.data(`query ($search: String) { articles(filter: { search: $search }) { edges { node { title } } } }`, { search });
        expect(accents.articles.edges.map((edge: Data) => edge.node.title), search).toEqual(['Visitors flock to Sao Tome', 'Islands in the gulf']);
      }
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page: Data = await client.data(
          `query ($after: String) { articles(filter: { search: "ceasefire" }, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { title } } } }`,
          { after },
        );
        paged.push(...page.articles.edges.map((edge: Data) => edge.node.title));
        after = page.articles.pageInfo.hasNextPage ? page.articles.pageInfo.endCursor : null;
      } while (after && paged.length < 20);
      expect(paged).toEqual(data.articles.edges.map((edge: Data) => edge.node.title));
    });
  });
}

// Every AFP report that names Hamas (52 of them, 1997, 2005 and 2006), read in place: besides HAMAS itself they name
// "Fatah-Hamas", "Hamas militants", "senior Hamas", …, which sort before or beside it by name.
const hamasReports = readdirSync(afpDirectory)
  .filter((name) => /HAMAS|Hamas/.test(readFileSync(`${afpDirectory}/${name}`, 'utf8')))
  .sort();

for (const kind of databaseKinds) {
  describe(`name search over the AFP reports about Hamas on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await ingestAfp(database.prisma, ...hamasReports);
      client = graphqlClient(database.prisma);
    }, 240_000);
    afterAll(async () => database?.dispose());

    it('answers organizations(search: "hamas", first: 1) with HAMAS and its events', async () => {
      expect(hamasReports.length).toBeGreaterThanOrEqual(50);
      const data = await client.data(`{ organizations(search: "hamas", first: 1) { totalCount edges { node { name aliases events { totalCount } } } } }`);
      const [hamas] = data.organizations.edges.map((edge: Data) => edge.node);
      expect(hamas.name.toLowerCase()).toBe('hamas');
      expect(hamas.events.totalCount).toBeGreaterThan(20);
      const byName = await client.data(`{ organizations(search: "hamas", orderBy: NAME, first: 100) { totalCount edges { node { name } } } }`);
      // The same organisations, only in another order.
      expect(byName.organizations.totalCount).toBe(data.organizations.totalCount);
      expect(byName.organizations.edges.map((edge: Data) => edge.node.name)).toContain(hamas.name);
    });
  });
}
