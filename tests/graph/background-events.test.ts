import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { storeArticleFacts } from '../../src/graph/store-article.js';
import { isBackgroundDate } from '../../src/graph/event-date.js';
import { mergeEntities } from '../../src/graph/merge.js';
import type { ArticleFacts, EventDateFact } from '../../src/graph/facts.js';
import { createServer } from '../../src/server.js';

type Data = Record<string, any>;

/**
 * A wire report written for these tests: one sentence telling one event at a place. `date` is the event's date as
 * the report gives it; the report is published on `publishedOn`.
 */
function report(options: { url: string; publishedOn: string; sentence: string; trigger: string; title: string; type: 'ATTACK' | 'ELECTION' | 'PROTEST'; date: EventDateFact; place: string }): ArticleFacts {
  const text = options.sentence;
  const span = (phrase: string) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in "${text}"`);
    return { start, end: start + phrase.length, text: phrase };
  };
  return {
    article: { title: options.title, publishedOn: options.publishedOn, text, format: 'text', url: options.url },
    people: [],
    organizations: [],
    places: [{ key: 'place', name: options.place, kind: 'CITY', countryCode: 'GB', gazetteerId: `test:${options.place.toLowerCase()}`, mentions: [span(options.place)] }],
    sources: [],
    events: [
      {
        key: 'event',
        title: options.title,
        type: options.type,
        date: options.date,
        places: [{ place: 'place', role: 'LOCATION' }],
        mentions: [span(options.trigger)],
      },
    ],
    claims: [],
  };
}

const day = (value: string, text?: string): EventDateFact => ({ startsOn: value, endsOn: value, precision: 'DAY', ...(text ? { text } : {}) });

describe('isBackgroundDate', () => {
  it('is news up to a year before the report, background beyond, and background for a range of years', () => {
    expect(isBackgroundDate(day('1997-04-10'), '1997-04-11')).toBe(false);
    expect(isBackgroundDate(day('1996-12-17'), '1997-04-11')).toBe(false);
    expect(isBackgroundDate(day('1995-03-01'), '1997-04-11')).toBe(true);
    expect(isBackgroundDate(day('1888-08-31'), '2005-06-01')).toBe(true);
    expect(isBackgroundDate({ startsOn: '1990-01-01', endsOn: '1999-12-31' }, '1997-04-11')).toBe(true);
    expect(isBackgroundDate({ startsOn: '1997-01-01', endsOn: '1997-12-31' }, '1997-04-11')).toBe(false);
    // A date after the report (a vote to come) is not history.
    expect(isBackgroundDate(day('1997-05-25'), '1997-04-11')).toBe(false);
  });
});

describe.each(databaseKinds)('background events (%s)', (kind) => {
  let database: TestDatabase;
  let client: GraphQLClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    client = graphqlClient(database.prisma);
    // News of April 1997, with an aside recalling a murder of 1888 and a decade of unrest.
    await storeArticleFacts(database.prisma, report({
      url: 'https://example.org/protest', publishedOn: '1997-04-11', title: 'Protest in Whitechapel', type: 'PROTEST',
      sentence: 'Hundreds protested in Whitechapel on Thursday against the closure of the hospital.', trigger: 'protested', date: day('1997-04-10', 'on Thursday'), place: 'Whitechapel',
    }));
    await storeArticleFacts(database.prisma, report({
      url: 'https://example.org/ripper-aside', publishedOn: '1997-04-12', title: 'Murder in Spitalfields', type: 'ATTACK',
      sentence: 'The walking tour starts where a woman was murdered in Spitalfields on August 31, 1888.', trigger: 'murdered', date: day('1888-08-31', 'August 31, 1888'), place: 'Spitalfields',
    }));
    await storeArticleFacts(database.prisma, report({
      url: 'https://example.org/nineties', publishedOn: '1997-04-12', title: 'Riots in Brixton', type: 'PROTEST',
      sentence: 'Brixton saw riots throughout the 1990s, residents recalled.', trigger: 'riots', date: { startsOn: '1990-01-01', endsOn: '1999-12-31', precision: 'YEAR', text: 'the 1990s' }, place: 'Brixton',
    }));
  });

  afterAll(async () => {
    await database?.dispose();
  });

  const titles = (data: Data) => data.events.edges.map((edge: Data) => edge.node.title).sort();

  it('marks history and vague ranges of years as background when they are stored', async () => {
    const stored = await database.prisma.event.findMany({ select: { title: true, background: true }, orderBy: { title: 'asc' } });
    expect(stored).toEqual([
      { title: 'Murder in Spitalfields', background: true },
      { title: 'Protest in Whitechapel', background: false },
      { title: 'Riots in Brixton', background: true },
    ]);
  });

  it('leaves background out of event lists and timelines unless asked', async () => {
    const query = /* GraphQL */ `query ($filter: EventFilter) { events(first: 10, filter: $filter) { totalCount edges { node { title background } } } }`;
    const news: Data = await client.request(query);
    expect(news.errors).toBeUndefined();
    expect(titles(news.data)).toEqual(['Protest in Whitechapel']);
    expect(news.data.events.totalCount).toBe(1);
    const all: Data = await client.request(query, { filter: { background: 'INCLUDE' } });
    expect(titles(all.data)).toEqual(['Murder in Spitalfields', 'Protest in Whitechapel', 'Riots in Brixton']);
    const only: Data = await client.request(query, { filter: { background: 'ONLY' } });
    expect(titles(only.data)).toEqual(['Murder in Spitalfields', 'Riots in Brixton']);

    // A week's timeline of April 1997 holds that week's news, not a decade of riots starting in 1990.
    const timeline: Data = await client.request(/* GraphQL */ `query ($filter: EventFilter) {
      timeline(first: 20, groupBy: WEEK, filter: $filter) { edges { node { period datesLessPreciseThanGrouping events(first: 10) { edges { node { title } } } } } }
    }`, { filter: { from: '1997-04-07', to: '1997-04-13' } });
    expect(timeline.errors).toBeUndefined();
    expect(timeline.data.timeline.edges.map((edge: Data) => edge.node.period)).toEqual(['1997-W15']);
  });

  it('filters exports the same way, and names a bad value', async () => {
    const server = createServer(database.prisma);
    const news = await server.fetch('http://localhost/export/timelinejs.json');
    expect(news.status).toBe(200);
    const newsFile = await news.json();
    expect(newsFile.events.map((event: Data) => event.text.headline)).toEqual(['Protest in Whitechapel']);
    const background = await server.fetch('http://localhost/export/timelinejs.json?background=only');
    const backgroundFile = await background.json();
    expect(backgroundFile.events.map((event: Data) => event.text.headline).sort()).toEqual(['Murder in Spitalfields', 'Riots in Brixton']);
    const bad = await server.fetch('http://localhost/export/events.geojson?background=sometimes');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('background');
  });

  it('makes an event news once a report tells it as news, and keeps news news through a merge', async () => {
    // A report of 1888 tells the Spitalfields murder as the news of its day.
    await storeArticleFacts(database.prisma, report({
      url: 'https://example.org/1888', publishedOn: '1888-09-01', title: 'Murder in Spitalfields', type: 'ATTACK',
      sentence: 'A woman was found murdered in Spitalfields yesterday.', trigger: 'murdered', date: day('1888-08-31', 'yesterday'), place: 'Spitalfields',
    }));
    const murders = await database.prisma.event.findMany({ where: { title: 'Murder in Spitalfields' }, select: { background: true, articleCount: true } });
    expect(murders).toEqual([{ background: false, articleCount: 2 }]);

    const riots = await database.prisma.event.findFirstOrThrow({ where: { title: 'Riots in Brixton' } });
    const protest = await database.prisma.event.findFirstOrThrow({ where: { title: 'Protest in Whitechapel' } });
    await mergeEntities(database.prisma, 'Event', riots.id, protest.id, 'test: one event');
    const survivor = await database.prisma.event.findUniqueOrThrow({ where: { id: riots.id }, select: { background: true } });
    expect(survivor.background).toBe(false);
  });
});
