import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';

type Json = Record<string, any>;

// --- format validators: what TimelineJS3 and RFC 7946 require of a document --------------------------------

/** Our own tags are the only markup allowed in HTML fields; anything else from a source must arrive escaped. */
const ownTags = /^<\/?(p|strong|blockquote|a)(\s[^<>]*)?>/;

function expectOnlyOwnMarkup(html: string, where: string) {
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) {
    expect(html.slice(index), `${where}: unexpected markup`).toMatch(ownTags);
  }
}

function expectTimelineDate(date: Json, where: string) {
  expect(typeof date.year === 'number' || /^-?\d+$/.test(String(date.year)), `${where}.year must be a number`).toBe(true);
  if (date.month !== undefined) expect(date.month, `${where}.month`).toBeGreaterThanOrEqual(1);
  if (date.month !== undefined) expect(date.month, `${where}.month`).toBeLessThanOrEqual(12);
  if (date.day !== undefined) {
    expect(date.month, `${where}: a day needs a month`).toBeDefined();
    expect(date.day).toBeGreaterThanOrEqual(1);
    expect(date.day).toBeLessThanOrEqual(new Date(Date.UTC(Number(date.year), date.month, 0)).getUTCDate());
  }
}

/** The earliest instant a TimelineJS date object can mean, for ordering start and end. */
function timelineInstant(date: Json): number {
  return Date.UTC(Number(date.year), (date.month ?? 1) - 1, date.day ?? 1);
}

function validateTimelineJs(document: Json) {
  expect(Array.isArray(document.events), 'events must be a list').toBe(true);
  expect(document.title?.text?.headline, 'the title slide has a headline').toBeTruthy();
  expect(document.title.start_date, 'a title slide has no date').toBeUndefined();
  const ids = new Set<string>([document.title.unique_id]);
  for (const [index, slide] of document.events.entries()) {
    const where = `events[${index}]`;
    expectTimelineDate(slide.start_date, `${where}.start_date`);
    if (slide.end_date) {
      expectTimelineDate(slide.end_date, `${where}.end_date`);
      expect(timelineInstant(slide.end_date), `${where}: end_date before start_date`).toBeGreaterThanOrEqual(timelineInstant(slide.start_date));
    }
    expect(typeof slide.text.headline === 'string' && slide.text.headline.trim().length > 0, `${where}.text.headline`).toBe(true);
    // TimelineJS slugifies IDs (lowercase, [a-z0-9-], no leading digit) and puts them in URL hashes: ours must survive unchanged.
    expect(slide.unique_id, `${where}.unique_id`).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(ids.has(slide.unique_id), `${where}.unique_id repeats`).toBe(false);
    ids.add(slide.unique_id);
    expectOnlyOwnMarkup(slide.text.headline, `${where}.text.headline`);
    expectOnlyOwnMarkup(slide.text.text, `${where}.text.text`);
    if (slide.media) {
      expect(slide.media.url).toMatch(/^https?:\/\//);
      expectOnlyOwnMarkup(slide.media.caption ?? '', `${where}.media.caption`);
      expectOnlyOwnMarkup(slide.media.credit ?? '', `${where}.media.credit`);
    }
    if (slide.display_date !== undefined) expect(slide.display_date).not.toMatch(/[<>]/);
  }
  expect(JSON.stringify(document)).not.toMatch(/<script/i);
}

function validateGeoJson(collection: Json) {
  expect(collection.type).toBe('FeatureCollection');
  expect(Array.isArray(collection.features)).toBe(true);
  for (const [index, feature] of collection.features.entries()) {
    const where = `features[${index}]`;
    expect(feature.type, where).toBe('Feature');
    expect(typeof feature.id === 'string' || typeof feature.id === 'number', `${where}.id`).toBe(true);
    expect(feature.geometry.type, where).toBe('Point');
    expect(feature.geometry.coordinates, where).toHaveLength(2);
    const [longitude, latitude] = feature.geometry.coordinates;
    expect(Number.isFinite(longitude) && Number.isFinite(latitude), `${where}: coordinates are numbers`).toBe(true);
    expect(longitude, `${where}: longitude`).toBeGreaterThanOrEqual(-180);
    expect(longitude, `${where}: longitude`).toBeLessThanOrEqual(180);
    expect(latitude, `${where}: latitude`).toBeGreaterThanOrEqual(-90);
    expect(latitude, `${where}: latitude`).toBeLessThanOrEqual(90);
    expect(typeof feature.properties, where).toBe('object');
  }
  const ids = collection.features.map((feature: Json) => feature.id);
  expect(new Set(ids).size, 'feature ids repeat').toBe(ids.length);
}

// --- fixtures: the demo graph plus a few events that show the edge cases ---------------------------------------

const hostileTitle = '<script>alert(1)</script> Hostile headline';
const hostileQuote = 'He said "stop" & left <img src=x onerror=alert(2)>';

async function addEdgeCaseEvents(database: TestDatabase, client: GraphQLClient) {
  async function createEvent(input: Json): Promise<string> {
    const result = await client.request<Json>(`mutation ($input: EventInput!) { createEvent(input: $input) { id } }`, { input });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.createEvent.id;
  }
  await createEvent({ title: 'Ceasefire talks sometime in October', type: 'NEGOTIATION', date: { start: '2023-10' } });
  await createEvent({ title: 'Election held in 2022', type: 'ELECTION', date: { start: '2022' } });
  await createEvent({ title: 'Weekend protests', type: 'PROTEST', date: { start: '2023-10-27', end: '2023-10-29', approximate: true, text: 'around the weekend' } });
  await createEvent({ title: 'Aid convoy in the first week of November', type: 'OTHER', date: { start: '2023-W44' } });
  const hostile = await createEvent({ title: hostileTitle, type: 'STATEMENT', date: { start: '2023-11-01' } });

  const { prisma } = database;
  const gazaCity = await prisma.place.findFirstOrThrow({ where: { name: 'Gaza City' } });
  const link = await client.request<Json>(`mutation ($event: ID!, $place: ID!) { linkEventPlace(event: $event, place: $place) { id } }`, {
    event: hostile,
    place: encodeNodeId('Place', gazaCity.id),
  });
  expect(link.errors).toBeUndefined();
  const publisher = await prisma.source.create({ data: { name: 'Example & Sons <Press>', nameKey: 'example & sons <press>', kind: 'PUBLISHER' } });
  const article = await prisma.article.create({
    data: {
      url: 'https://example.org/news?story=1&page=2',
      contentHash: 'exports-test-hostile-article',
      title: 'A "quoted" & <b>bold</b> headline',
      publishedOn: new Date('2023-11-03T00:00:00Z'),
      publisherId: publisher.id,
      text: hostileQuote,
      format: 'text',
    },
  });
  const eventId = Number(Buffer.from(hostile, 'base64').toString('utf8').split(':')[1]);
  await prisma.eventMention.create({ data: { eventId, articleId: article.id, sourceId: publisher.id, quote: hostileQuote, start: 0, end: hostileQuote.length } });
  await prisma.event.update({ where: { id: eventId }, data: { articleCount: 1 } });
  return { hostileId: hostile };
}

// --- the suites ------------------------------------------------------------------------------------------------

for (const kind of databaseKinds) {
  describe(`exports on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    let hostileId: string;
    let gazaStripId: string;
    /** SQL statements sent while `counting` is on. */
    const statements: string[] = [];
    let counting = false;

    beforeAll(async () => {
      database = await createTestDatabase(kind, (sql) => {
        if (counting) statements.push(sql);
      });
      await loadDemoDataIfEmpty(database.prisma);
      client = graphqlClient(database.prisma);
      ({ hostileId } = await addEdgeCaseEvents(database, client));
      gazaStripId = encodeNodeId('Place', (await database.prisma.place.findFirstOrThrow({ where: { name: 'Gaza Strip' } })).id);
    });
    afterAll(async () => database?.dispose());

    async function get(path: string) {
      const response = await client.server.fetch(`http://newsline${path}`, { headers: { origin: 'https://frontend.example' } });
      const text = await response.text();
      return { response, text, body: JSON.parse(text) as Json };
    }

    async function timeline(query = '') {
      const result = await get(`/export/timelinejs.json${query}`);
      expect(result.response.status, result.text).toBe(200);
      validateTimelineJs(result.body);
      return result;
    }

    async function geojson(query = '') {
      const result = await get(`/export/events.geojson${query}`);
      expect(result.response.status, result.text).toBe(200);
      validateGeoJson(result.body);
      return result;
    }

    function slide(document: Json, headlineStart: string): Json {
      const found = document.events.find((event: Json) => event.text.headline.startsWith(headlineStart));
      expect(found, `no slide "${headlineStart}"`).toBeDefined();
      return found;
    }

    it('exports every event as a valid TimelineJS document, dates cut to their precision', async () => {
      const { response, text, body } = await timeline();
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toMatch(/X-Newsline-Total/);
      const total = await database.prisma.event.count();
      expect(body.events).toHaveLength(total);
      expect(response.headers.get('x-newsline-total')).toBe(String(total));
      expect(response.headers.get('x-newsline-limit')).toBe('500');
      expect(response.headers.get('link')).toBeNull();
      expect(text).not.toMatch(/<script/i);

      const attack = slide(body, 'Hamas attack on Israel');
      expect(attack).toMatchObject({ start_date: { year: 2023, month: 10, day: 7 }, group: 'Attack' });
      expect(attack.end_date).toBeUndefined();
      expect(attack.display_date).toBeUndefined();
      expect(attack.text.text).toContain('Israel (location, target), Gaza Strip (origin)');
      expect(attack.text.text).toMatch(/Reported by:<\/strong> 1 article</);
      const attackId = await database.prisma.event.findFirstOrThrow({ where: { title: 'Hamas attack on Israel' } });
      expect(attack.unique_id).toBe(`event-${attackId.id}`);

      const month = slide(body, 'Ceasefire talks sometime in October');
      expect(month.start_date).toEqual({ year: 2023, month: 10 });
      expect(month.end_date).toBeUndefined();
      expect(month.display_date).toBe('2023-10 (month)');
      const year = slide(body, 'Election held in 2022');
      expect(year.start_date).toEqual({ year: 2022 });
      expect(year.display_date).toBe('2022 (year)');
      const weekend = slide(body, 'Weekend protests');
      expect(weekend).toMatchObject({ start_date: { year: 2023, month: 10, day: 27 }, end_date: { year: 2023, month: 10, day: 29 } });
      expect(weekend.display_date).toBe('about 2023-10-27 to 2023-10-29');
      expect(weekend.text.text).toContain('(“around the weekend”)');
      const week = slide(body, 'Aid convoy');
      expect(week).toMatchObject({ start_date: { year: 2023, month: 10, day: 30 }, end_date: { year: 2023, month: 11, day: 5 } });
      expect(week.display_date).toBe('week of 2023-10-30 (2023-W44)');
      const drones = slide(body, 'U.S. surveillance drone flights');
      expect(drones.display_date).toBe('about weeks 2023-W43 to 2023-W44 (2023-10-23 to 2023-11-04)');
      const vigil = slide(body, 'Candle-lighting vigil');
      expect(vigil.display_date).toBe('about 2023-10-07 to 2023-11-04');

      expect(body.title.text.text).toContain('all events');
      expect(body.title.text.text).toContain(`${total} matching in all`);
    });

    it('opens a document asked for some days on those days: what began before or goes on after sits at their edge, its own dates in words', async () => {
      const { body } = await timeline('?from=2023-10-30&to=2023-11-05');
      const starts = body.events.map((event: Json) => timelineInstant(event.start_date));
      expect(Math.min(...starts)).toBe(Date.UTC(2023, 9, 30));
      const ends = body.events.map((event: Json) => timelineInstant(event.end_date ?? event.start_date));
      expect(Math.max(...ends)).toBeLessThanOrEqual(Date.UTC(2023, 10, 5));
      // A month-long vigil that began on 7 October: placed from the first day asked for, saying when it began.
      const vigil = slide(body, 'Candle-lighting vigil');
      expect(vigil).toMatchObject({ start_date: { year: 2023, month: 10, day: 30 }, end_date: { year: 2023, month: 11, day: 4 } });
      expect(vigil.display_date).toBe('about 2023-10-07 to 2023-11-04; shown from 2023-10-30');
      expect(vigil.text.text).toContain('<strong>When:</strong> about 2023-10-07 to 2023-11-04');
      // A week inside the days asked for keeps its own dates.
      const week = slide(body, 'Aid convoy');
      expect(week).toMatchObject({ start_date: { year: 2023, month: 10, day: 30 }, end_date: { year: 2023, month: 11, day: 5 } });
      expect(week.display_date).toBe('week of 2023-10-30 (2023-W44)');
    });

    it('escapes everything an article or source wrote, and links the first reporting article', async () => {
      const { body } = await timeline();
      const hostile = body.events.find((event: Json) => event.unique_id === `event-${Buffer.from(hostileId, 'base64').toString().split(':')[1]}`);
      expect(hostile.text.headline).toBe('&#60;script&#62;alert(1)&#60;/script&#62; Hostile headline');
      expect(hostile.text.text).toContain('He said &#34;stop&#34; &#38; left &#60;img src=x onerror=alert(2)&#62;');
      expect(hostile.text.text).toContain('— Example &#38; Sons &#60;Press&#62;, Example &#38; Sons &#60;Press&#62;, 2023-11-03');
      expect(hostile.text.text).toContain('Gaza City');
      expect(hostile.media).toMatchObject({
        url: 'https://example.org/news?story=1&page=2',
        link: 'https://example.org/news?story=1&page=2',
        credit: 'Example &#38; Sons &#60;Press&#62;',
        caption: '<a href="https://example.org/news?story=1&#38;page=2" target="_blank" rel="noopener">A &#34;quoted&#34; &#38; &#60;b&#62;bold&#60;/b&#62; headline</a>',
      });
      expect(hostile.group).toBe('Statement');
    });

    it('exports located events as RFC 7946 GeoJSON, longitude first', async () => {
      const { response, body } = await geojson();
      expect(response.headers.get('content-type')).toBe('application/geo+json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const located = await database.prisma.event.count({
        where: { places: { some: { place: { latitude: { not: null }, longitude: { not: null } } } } },
      });
      expect(response.headers.get('x-newsline-total')).toBe(String(located));
      expect(body.newsline).toMatchObject({ limit: 500, total: located, next: null });
      expect(new Set(body.features.map((feature: Json) => feature.properties.eventId)).size).toBe(located);

      const encirclement = body.features.find((feature: Json) => feature.properties.title === 'Israeli forces encircle Gaza City');
      const [longitude, latitude] = encirclement.geometry.coordinates;
      expect(longitude).toBeCloseTo(34.46672, 4);
      expect(latitude).toBeCloseTo(31.50161, 4);
      expect(encirclement.id).toBe(encirclement.properties.eventId);
      expect(encirclement.properties).toMatchObject({ place: 'Gaza City', role: 'LOCATION', precision: 'DAY', start: '2023-11-02', end: null, articleCount: 1 });
      expect(encirclement.properties.mentionCount).toBeGreaterThan(0);

      // The attack came from the Gaza Strip into Israel: one point per place, Israel's two roles merged.
      const attack = body.features.filter((feature: Json) => feature.properties.title === 'Hamas attack on Israel');
      expect(attack.map((feature: Json) => [feature.properties.place, feature.properties.roles])).toEqual(
        expect.arrayContaining([
          ['Israel', ['LOCATION', 'TARGET']],
          ['Gaza Strip', ['ORIGIN']],
        ]),
      );
      for (const feature of attack) expect(feature.id).toBe(`${feature.properties.eventId}@${feature.properties.placeId}`);

      expect(body.features.some((feature: Json) => feature.properties.title === 'Election held in 2022'), 'no place, no feature').toBe(false);
      const drones = body.features.find((feature: Json) => feature.properties.title.startsWith('U.S. surveillance drone flights'));
      expect(drones.properties).toMatchObject({ precision: 'WEEK', start: '2023-W43', end: '2023-W44', approximate: true, earliest: '2023-10-23', latest: '2023-11-04' });
      // Titles are data here, not HTML: kept as written for the map to escape.
      expect(body.features.some((feature: Json) => feature.properties.title === hostileTitle)).toBe(true);
    });

    it('filters by place (with the places inside it), dates and types, as GraphQL does', async () => {
      const atGaza = (await timeline(`?place=${encodeURIComponent(gazaStripId)}`)).body;
      const titles = atGaza.events.map((event: Json) => event.text.headline);
      expect(titles).toContain('Israeli forces encircle Gaza City');
      expect(titles).not.toContain('Candle-lighting vigil for the hostages at a Berlin synagogue');
      expect(atGaza.title.text.text).toContain('at Gaza Strip or a place inside it');
      const gazaFeatures = (await geojson(`?place=${encodeURIComponent(gazaStripId)}`)).body.features;
      expect(gazaFeatures.map((feature: Json) => feature.properties.place)).toContain('Gaza City');

      const graphql = await client.request<Json>(
        `query ($place: ID!) { events(first: 100, filter: { place: $place }) { edges { node { title } } } }`,
        { place: gazaStripId },
      );
      expect(titles.slice().sort()).toEqual(
        graphql.data!.events.edges.map((edge: Json) => edge.node.title.replace(/</g, '&#60;').replace(/>/g, '&#62;')).sort(),
      );

      const early = (await timeline('?from=2023-11-01&to=2023-11-03')).body.events.map((event: Json) => event.text.headline);
      expect(early).toContain('Israeli forces encircle Gaza City');
      expect(early).toContain('Israeli bombardment and ground offensive in Gaza');
      expect(early).not.toContain('Election held in 2022');
      expect(early).not.toContain('Ceasefire talks sometime in October');
      expect(early).not.toContain('Weekend protests');

      const typed = (await timeline('?types=VIGIL,PROTEST')).body.events;
      expect(typed.map((event: Json) => event.group).sort()).toEqual(['Protest', 'Vigil']);
      const repeated = (await timeline('?types=VIGIL&types=PROTEST')).body.events;
      expect(repeated).toHaveLength(2);
    });

    it('pages with limit and the Link header until every event has come exactly once', async () => {
      for (const [path, idsOf] of [
        ['/export/timelinejs.json', (body: Json) => body.events.map((event: Json) => event.unique_id)],
        ['/export/events.geojson', (body: Json) => [...new Set(body.features.map((feature: Json) => feature.properties.eventId))]],
      ] as const) {
        const all = idsOf((await get(path)).body);
        const seen: string[] = [];
        let next: string | null = `http://newsline${path}?limit=2`;
        let pages = 0;
        while (next) {
          const response: Response = await client.server.fetch(next);
          expect(response.status).toBe(200);
          expect(response.headers.get('x-newsline-limit')).toBe('2');
          expect(response.headers.get('x-newsline-total')).toBe(String(all.length));
          const page = idsOf(JSON.parse(await response.text()));
          expect(page.length).toBeLessThanOrEqual(2);
          seen.push(...page);
          next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
          expect(++pages).toBeLessThan(50);
        }
        expect(seen).toEqual(all);
        expect(pages).toBe(Math.ceil(all.length / 2));
      }
    });

    it('loads a page in the same number of statements whatever its size', async () => {
      async function statementsFor(path: string) {
        statements.length = 0;
        counting = true;
        await get(path);
        counting = false;
        return statements.length;
      }
      for (const path of ['/export/timelinejs.json', '/export/events.geojson']) {
        const small = await statementsFor(`${path}?limit=1&place=${encodeURIComponent(gazaStripId)}`);
        const large = await statementsFor(`${path}?limit=5000&place=${encodeURIComponent(gazaStripId)}`);
        expect(large, path).toBe(small);
        expect(large, path).toBeLessThanOrEqual(12);
      }
    });

    it('refuses bad parameters with a 400 that names the parameter', async () => {
      async function refused(query: string, parameter: string, ...phrases: RegExp[]) {
        const { response, body } = await get(`/export/timelinejs.json${query}`);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(body.parameter).toBe(parameter);
        expect(body.error.startsWith(`${parameter}:`), body.error).toBe(true);
        for (const phrase of phrases) expect(body.error).toMatch(phrase);
      }
      await refused('?limit=100000', 'limit', /at most 5000/, /100000/);
      await refused('?limit=0', 'limit', /at least 1/);
      await refused('?limit=ten', 'limit', /not a whole number/);
      await refused('?place=not-an-id', 'place', /not a Newsline ID/);
      await refused(`?place=${encodeURIComponent(encodeNodeId('Person', 1))}`, 'place', /expected the ID of a Place/);
      await refused('?from=2023-02-30', 'from', /not a calendar date/);
      await refused('?to=yesterday', 'to', /YYYY-MM-DD/);
      await refused('?from=2023-11-05&to=2023-11-01', 'to', /before/);
      await refused('?types=ATTACK,PARTY', 'types', /"PARTY"/, /VIGIL/);
      await refused('?minArticles=0', 'minArticles', /at least 1/);
      await refused(`?search=${'x'.repeat(201)}`, 'search', /200/);
      await refused('?after=bogus!', 'after', /Link header/);
      await refused('?palce=1', 'palce', /not a parameter/);
      await refused('?limit=2&limit=3', 'limit', /2 times/);
      const geo = await get('/export/events.geojson?limit=100000');
      expect(geo.response.status).toBe(400);
      expect(geo.body.error).toMatch(/^limit: at most 5000/);
    });

    it('answers CORS preflight and refuses other methods', async () => {
      const preflight = await client.server.fetch('http://newsline/export/events.geojson', {
        method: 'OPTIONS',
        headers: { origin: 'https://frontend.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await client.server.fetch('http://newsline/export/timelinejs.json', { method: 'POST', body: '{}' });
      expect(post.status).toBe(405);
    });
  });
}
