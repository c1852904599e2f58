import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';

type Data = Record<string, any>;

/**
 * A month of synthetic wire events in April 1997 around a city inside a country: 3 a day on 20 days, each with
 * the city, a person and an organisation, 1–3 reporting articles, plus two events known only to the month,
 * one only to the year, and an approximate week-long range.
 */
async function buildApril(database: TestDatabase) {
  const { prisma } = database;
  const country = await prisma.place.create({ data: { name: 'Albania', nameKey: 'albania', kind: 'COUNTRY', latitude: 41, longitude: 20 } });
  const city = await prisma.place.create({ data: { name: 'Vlore', nameKey: 'vlore', kind: 'CITY', parentId: country.id, latitude: 40.47, longitude: 19.49 } });
  const person = await prisma.person.create({ data: { name: 'Sali Berisha', nameKey: 'sali berisha' } });
  const organization = await prisma.organization.create({ data: { name: 'Salvation Committee', nameKey: 'salvation committee' } });
  const agency = await prisma.source.create({ data: { name: 'AFP', nameKey: 'afp', kind: 'NEWS_AGENCY' } });
  let articleNumber = 0;
  const makeEvent = async (title: string, startsOn: string, endsOn: string, precision: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR', articles: number, approximate = false) => {
    const event = await prisma.event.create({
      data: {
        title,
        type: 'PROTEST',
        startsOn: new Date(`${startsOn}T00:00:00Z`),
        endsOn: new Date(`${endsOn}T00:00:00Z`),
        spanDays: Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000),
        precision,
        approximate,
        articleCount: articles,
        places: { create: [{ placeId: city.id, role: 'LOCATION' }] },
        people: { create: [{ personId: person.id, role: 'ACTOR' }] },
        organizations: { create: [{ organizationId: organization.id, role: 'ORGANIZER' }] },
      },
    });
    for (let report = 0; report < articles; report += 1) {
      articleNumber += 1;
      const text = `${title}, report ${report}.`;
      const article = await prisma.article.create({
        data: { contentHash: `april-${articleNumber}`, publishedOn: new Date(`${startsOn}T00:00:00Z`), text, format: 'text', publisherId: agency.id },
      });
      await prisma.eventMention.create({ data: { eventId: event.id, articleId: article.id, sourceId: agency.id, quote: text, start: 0, end: text.length } });
      if (report === 0) {
        await prisma.claim.create({
          data: {
            metric: 'KILLED', value: 3 + articleNumber, qualifier: 'AT_LEAST', articleId: article.id, eventId: event.id, placeId: city.id,
            quote: text, quoteStart: 0, quoteEnd: text.length, reportedAt: new Date(`${startsOn}T00:00:00Z`), sources: { create: [{ sourceId: agency.id }] },
          },
        });
      }
    }
    return event;
  };
  for (let day = 1; day <= 20; day += 1) {
    const date = `1997-04-${String(day).padStart(2, '0')}`;
    for (let index = 0; index < 3; index += 1) await makeEvent(`Protest ${day}.${index} in Vlore`, date, date, 'DAY', 1 + ((day + index) % 3));
  }
  await makeEvent('Unrest in April', '1997-04-01', '1997-04-30', 'MONTH', 1);
  await makeEvent('Arms depots looted in April', '1997-04-01', '1997-04-30', 'MONTH', 2);
  await makeEvent('A year of crisis', '1997-01-01', '1997-12-31', 'YEAR', 1);
  await makeEvent('Refugees cross by boat for about a week', '1997-04-07', '1997-04-13', 'DAY', 1, true);
  return { country, city, person, organization, agency };
}

for (const kind of databaseKinds) {
  describe(`timeline on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    let ids: Awaited<ReturnType<typeof buildApril>>;
    const statements: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(kind, (sql) => statements.push(sql));
      await loadDemoDataIfEmpty(database.prisma);
      ids = await buildApril(database);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    const ok = (query: string, variables?: Record<string, unknown>): Promise<Data> => client.data(query, variables);

    const april = { from: '1997-04-01', to: '1997-04-30' };

    it('groups by day with counts that match direct SQL, and keeps coarser dates out of the days', async () => {
      const data = await ok(`query ($filter: EventFilter) {
        timeline(filter: $filter, groupBy: DAY, first: 100) {
          totalCount eventCount
          edges { node { period precision datesLessPreciseThanGrouping start end eventCount articleCount } }
        }
      }`, { filter: april });
      const buckets = data.timeline.edges.map((edge: Data) => edge.node);
      const [expected] = await database.prisma.$queryRaw<{ events: number }[]>`
        SELECT count(*)::int AS events FROM "Event" WHERE "endsOn" >= '1997-04-01' AND "startsOn" <= '1997-04-30'`;
      expect(data.timeline.eventCount).toBe(expected!.events);
      expect(buckets.reduce((sum: number, bucket: Data) => sum + bucket.eventCount, 0)).toBe(expected!.events);
      const dayRows = await database.prisma.$queryRaw<{ day: Date; events: number; articles: number }[]>`
        SELECT e."startsOn" AS day, count(DISTINCT e.id)::int AS events, count(DISTINCT m."articleId")::int AS articles
        FROM "Event" e LEFT JOIN "EventMention" m ON m."eventId" = e.id
        WHERE e.precision = 'DAY' AND e."endsOn" >= '1997-04-01' AND e."startsOn" <= '1997-04-30' GROUP BY 1 ORDER BY 1`;
      for (const row of dayRows) {
        const bucket = buckets.find((entry: Data) => entry.period === row.day.toISOString().slice(0, 10) && entry.precision === 'DAY');
        expect(bucket, `bucket ${row.day.toISOString()}`).toMatchObject({ eventCount: row.events, articleCount: row.articles });
      }
      const month = buckets.find((bucket: Data) => bucket.period === '1997-04');
      expect(month).toMatchObject({ precision: 'MONTH', datesLessPreciseThanGrouping: true, start: '1997-04-01', end: '1997-04-30', eventCount: 2 });
      expect(buckets.find((bucket: Data) => bucket.period === '1997')).toMatchObject({ precision: 'YEAR', eventCount: 1 });
      // The month bucket comes right after the day bucket that starts on the same day.
      const periods = buckets.map((bucket: Data) => bucket.period);
      expect(periods.indexOf('1997-04')).toBe(periods.indexOf('1997-04-01') + 1);
      expect(buckets.every((bucket: Data) => bucket.precision !== 'DAY' || !bucket.datesLessPreciseThanGrouping)).toBe(true);
    });

    it('groups by week and month, in both orders, and pages buckets with cursors', async () => {
      const weeks = await ok(`query ($filter: EventFilter) { timeline(filter: $filter, groupBy: WEEK, first: 50) { edges { node { period eventCount precision } } } }`, { filter: april });
      const weekRows = await database.prisma.$queryRaw<{ week: Date; events: number }[]>`
        SELECT date_trunc('week', "startsOn")::date AS week, count(*)::int AS events FROM "Event"
        WHERE precision IN ('DAY', 'WEEK') AND "endsOn" >= '1997-04-01' AND "startsOn" <= '1997-04-30' GROUP BY 1`;
      const weekBuckets = weeks.timeline.edges.map((edge: Data) => edge.node).filter((bucket: Data) => bucket.precision === 'WEEK');
      expect(weekBuckets.reduce((sum: number, bucket: Data) => sum + bucket.eventCount, 0)).toBe(weekRows.reduce((sum, row) => sum + row.events, 0));
      expect(weekBuckets[0].period).toBe('1997-W14');

      const months = await ok(`query ($filter: EventFilter) { timeline(filter: $filter, groupBy: MONTH, order: REVERSE) { edges { node { period eventCount } } } }`, { filter: april });
      expect(months.timeline.edges.map((edge: Data) => edge.node)).toEqual([
        { period: '1997-04', eventCount: 63 },
        { period: '1997', eventCount: 1 },
      ]);

      const firstPage = await ok(`query ($filter: EventFilter) { timeline(filter: $filter, first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { period } } } }`, { filter: april });
      const secondPage = await ok(`query ($filter: EventFilter, $after: String) { timeline(filter: $filter, first: 5, after: $after) { edges { node { period } } } }`, {
        filter: april,
        after: firstPage.timeline.pageInfo.endCursor,
      });
      expect(firstPage.timeline.pageInfo.hasNextPage).toBe(true);
      const seen = firstPage.timeline.edges.map((edge: Data) => edge.node.period);
      expect(secondPage.timeline.edges.map((edge: Data) => edge.node.period).some((period: string) => seen.includes(period))).toBe(false);
    });

    it('lists each bucket’s events by date then by how widely reported, with top entities and claims', async () => {
      const data = await ok(`query ($filter: EventFilter) {
        timeline(filter: $filter, first: 2) { edges { node { period
          events(first: 2) { totalCount pageInfo { hasNextPage } edges { node { title articleCount } } }
          claims(first: 10) { totalCount edges { node { metric value } } }
          topPeople { eventCount person { name } }
          topPlaces(limit: 1) { eventCount place { name } }
          topSources { eventCount source { name } }
        } } }
      }`, { filter: { ...april, types: ['PROTEST'] } });
      // The first bucket is the year 1997 (a date known only to the year starts on 1 January); then 1 April.
      expect(data.timeline.edges[0].node.period).toBe('1997');
      const bucket = data.timeline.edges[1].node;
      expect(bucket.period).toBe('1997-04-01');
      expect(bucket.events.totalCount).toBe(3);
      expect(bucket.events.pageInfo.hasNextPage).toBe(true);
      const counts = bucket.events.edges.map((edge: Data) => edge.node.articleCount);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
      expect(bucket.topPeople).toEqual([{ eventCount: 3, person: { name: 'Sali Berisha' } }]);
      expect(bucket.topPlaces).toEqual([{ eventCount: 3, place: { name: 'Vlore' } }]);
      expect(bucket.topSources[0]).toEqual({ eventCount: 3, source: { name: 'AFP' } });
      expect(bucket.claims.totalCount).toBe(3);
    });

    it('costs the same number of SQL statements for 5 buckets as for 20', async () => {
      const query = `query ($filter: EventFilter, $first: Int) {
        timeline(filter: $filter, first: $first) { edges { node { period eventCount articleCount
          events(first: 10) { edges { node { title date { start precision } places { edges { role node { name parent { name } } } } people { edges { node { name } } } organizations { edges { node { name } } } mentions(first: 1) { edges { node { quote { text } article { publishedOn } } } } } } }
          topPeople { person { name } } topPlaces { place { name } }
        } } }
      }`;
      statements.length = 0;
      const small = await ok(query, { filter: april, first: 5 });
      const fewStatements = statements.length;
      statements.length = 0;
      const started = performance.now();
      const large = await ok(query, { filter: april, first: 20 });
      console.log(`[${kind}] timeline: ${fewStatements} statements for 5 buckets, ${statements.length} for 20 buckets (${(performance.now() - started).toFixed(1)} ms)`);
      expect(small.timeline.edges).toHaveLength(5);
      expect(large.timeline.edges).toHaveLength(20);
      expect(statements.length).toBe(fewStatements);
      expect(statements.length).toBeLessThanOrEqual(25);
    });

    it('filters by place including every place inside it, and serves entity timelines', async () => {
      const inCountry = await ok(`query ($place: ID!) { timeline(filter: { place: $place }, groupBy: YEAR) { eventCount } }`, { place: encodeNodeId('Place', ids.country.id) });
      expect(inCountry.timeline.eventCount).toBe(64);
      const person = await ok(`query ($id: ID!) { node(id: $id) { ... on Person { timeline(groupBy: MONTH) { eventCount edges { node { period } } } } } }`, {
        id: encodeNodeId('Person', ids.person.id),
      });
      expect(person.node.timeline.eventCount).toBe(64);
      const place = await ok(`query ($id: ID!) { node(id: $id) { ... on Place { timeline(groupBy: MONTH, filter: { from: "1997-04-10", to: "1997-04-12" }) { eventCount } } } }`, {
        id: encodeNodeId('Place', ids.country.id),
      });
      const [expected] = await database.prisma.$queryRaw<{ events: number }[]>`
        SELECT count(*)::int AS events FROM "Event" WHERE "endsOn" >= '1997-04-10' AND "startsOn" <= '1997-04-12' AND "startsOn" >= '1997-01-01'`;
      expect(place.node.timeline.eventCount).toBe(expected!.events);
      const source = await ok(`query ($id: ID!) { node(id: $id) { ... on Source { timeline(groupBy: YEAR) { eventCount } } } }`, { id: encodeNodeId('Source', ids.agency.id) });
      expect(source.node.timeline.eventCount).toBe(64);
      const minArticles = await ok(`{ timeline(groupBy: YEAR, filter: { minArticles: 3, from: "1997-01-01", to: "1997-12-31" }) { eventCount } }`);
      const [wide] = await database.prisma.$queryRaw<{ events: number }[]>`SELECT count(*)::int AS events FROM "Event" WHERE "articleCount" >= 3 AND "startsOn" < '1998-01-01'`;
      expect(minArticles.timeline.eventCount).toBe(wide!.events);
    });

    it('shows an event with the events it relates to, and a figure reported over time by source', async () => {
      const attack = await database.prisma.event.findFirstOrThrow({ where: { title: 'Hamas attack on Israel' } });
      const related = await ok(`query ($id: ID!) { node(id: $id) { ... on Event { relatedTimeline(groupBy: DAY) { eventCount edges { node { period events { edges { node { title } } } } } } } } }`, {
        id: encodeNodeId('Event', attack.id),
      });
      expect(related.node.relatedTimeline.eventCount).toBeGreaterThanOrEqual(3);
      const titles = related.node.relatedTimeline.edges.flatMap((edge: Data) => edge.node.events.edges.map((event: Data) => event.node.title));
      expect(titles).toContain('Hamas attack on Israel');

      const series = await ok(`query ($place: ID!) { claimSeries(metric: KILLED, place: $place) { reportCount low high points { value qualifier reportedOn } bySource { source { name } points { value } latest { value } } } }`, {
        place: encodeNodeId('Place', ids.country.id),
      });
      expect(series.claimSeries.reportCount).toBe(64);
      const dates = series.claimSeries.points.map((point: Data) => point.reportedOn);
      expect(dates).toEqual([...dates].sort());
      expect(series.claimSeries.bySource[0].source.name).toBe('AFP');
      const refused = await client.request(`{ claimSeries(metric: KILLED) { reportCount } }`);
      expect(refused.errors?.[0]?.message).toContain('claimSeries needs an event or a place');
    });

    it('puts an event that began before the asked-for days on their first day: no bucket as precise as the grouping lies outside them', async () => {
      const siege = await database.prisma.event.create({
        data: { title: 'Siege of the port since March', type: 'MILITARY_OPERATION', startsOn: new Date('1997-03-10T00:00:00Z'), endsOn: new Date('1997-04-09T00:00:00Z'), spanDays: 30, precision: 'DAY' },
      });
      try {
        const week = { from: '1997-04-07', to: '1997-04-13' };
        const query = `query ($filter: EventFilter, $groupBy: TimelineGrouping) {
          timeline(filter: $filter, groupBy: $groupBy, first: 50) { edges { node { period start end datesLessPreciseThanGrouping events(first: 20) { edges { node { title date { start end } } } } } } }
        }`;
        for (const groupBy of ['DAY', 'WEEK']) {
          const buckets = (await ok(query, { filter: week, groupBy })).timeline.edges.map((edge: Data) => edge.node);
          const strays = buckets.filter((bucket: Data) => !bucket.datesLessPreciseThanGrouping && (bucket.start < week.from || bucket.end > week.to));
          expect(strays.map((bucket: Data) => bucket.period), groupBy).toEqual([]);
          const first = buckets.find((bucket: Data) => !bucket.datesLessPreciseThanGrouping);
          expect(first.start, groupBy).toBe('1997-04-07');
          // The event keeps its own dates; only its bucket is the first day asked for.
          expect(first.events.edges[0].node, groupBy).toEqual({ title: 'Siege of the port since March', date: { start: '1997-03-10', end: '1997-04-09' } });
        }
        // Without a first day, the event sits where it began.
        const unbounded = await ok(query, { filter: { to: '1997-04-13' }, groupBy: 'DAY' });
        const periods = unbounded.timeline.edges.map((edge: Data) => edge.node.period);
        expect(periods).toContain('1997-03-10');
      } finally {
        await database.prisma.event.delete({ where: { id: siege.id } });
      }
    });
  });
}
