import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { consolidateStories } from '../../src/graph/story-consolidation.js';

type Data = Record<string, any>;

for (const kind of databaseKinds) {
  describe(`curation mutations on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await loadDemoDataIfEmpty(database.prisma);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    const ok = (query: string, variables?: Record<string, unknown>): Promise<Data> => client.data(query, variables);

    async function idOf(list: 'people' | 'organizations' | 'places' | 'sources', search: string): Promise<string> {
      const data = await ok(`query ($search: String) { ${list}(search: $search, first: 1) { edges { node { id } } } }`, { search });
      return data[list].edges[0].node.id;
    }

    it('creates and updates people, places and sources; aliases make them findable', async () => {
      const created = await ok(`mutation {
        createPerson(input: { name: "Antony Blinken", aliases: ["Tony Blinken"], description: "U.S. Secretary of State" }) { id name aliases }
      }`);
      expect(created.createPerson.aliases).toEqual(['Antony Blinken', 'Tony Blinken']);
      const found = await ok(`{ people(search: "TONY blinken") { totalCount edges { node { name } } } }`);
      expect(found.people.totalCount).toBe(1);
      const updated = await ok(`mutation ($id: ID!) { updatePerson(id: $id, input: { aliases: ["Blinken"] }) { name aliases description } }`, {
        id: created.createPerson.id,
      });
      expect(updated.updatePerson).toEqual({ name: 'Antony Blinken', aliases: ['Antony Blinken', 'Blinken'], description: 'U.S. Secretary of State' });

      const gazaCity = await idOf('places', 'Gaza City');
      const camp = await ok(`mutation ($parent: ID!) {
        createPlace(input: { name: "Al-Shati camp", kind: DISTRICT, parent: $parent, latitude: 31.53, longitude: 34.45, countryCode: "PS" }) {
          id name parent { name parent { name } }
        }
      }`, { parent: gazaCity });
      expect(camp.createPlace.parent).toEqual({ name: 'Gaza City', parent: { name: 'Gaza Strip' } });
      const strip = await idOf('places', 'Gaza Strip');
      const within = await ok(`query ($within: ID!) { places(within: $within) { edges { node { name } } } }`, { within: strip });
      expect(within.places.edges.map((edge: Data) => edge.node.name)).toEqual(expect.arrayContaining(['Gaza Strip', 'Gaza City', 'Al-Shati camp']));

      const cycle = await client.request(`mutation ($id: ID!, $parent: ID!) { updatePlace(id: $id, input: { parent: $parent }) { id } }`, {
        id: strip,
        parent: camp.createPlace.id,
      });
      expect(cycle.errors?.[0]?.message).toContain('a place cannot lie inside itself or inside a place within it');

      const badLatitude = await client.request(`mutation { createPlace(input: { name: "Nowhere", latitude: 123 }) { id } }`);
      expect(badLatitude.errors?.[0]?.message).toContain('latitude must be between -90 and 90');
      expect(await database.prisma.place.count({ where: { name: 'Nowhere' } })).toBe(0);
    });

    it('links and unlinks places, participants and related events', async () => {
      const event = await ok(`mutation {
        createEvent(input: { title: "Ceasefire talks in Doha", type: NEGOTIATION, date: { start: "2023-11", approximate: true } }) {
          id date { start end precision approximate earliest latest }
        }
      }`);
      const eventId = event.createEvent.id;
      expect(event.createEvent.date).toEqual({
        start: '2023-11',
        end: null,
        precision: 'MONTH',
        approximate: true,
        earliest: '2023-11-01',
        latest: '2023-11-30',
      });
      const doha = await ok(`mutation { createPlace(input: { name: "Doha", kind: CITY, countryCode: "QA" }) { id } }`);
      const hamas = await idOf('organizations', 'Hamas');
      await ok(`mutation ($event: ID!, $place: ID!) { linkEventPlace(event: $event, place: $place) { id } }`, { event: eventId, place: doha.createPlace.id });
      // Linking twice changes nothing.
      await ok(`mutation ($event: ID!, $place: ID!) { linkEventPlace(event: $event, place: $place) { id } }`, { event: eventId, place: doha.createPlace.id });
      const linked = await ok(`mutation ($event: ID!, $participant: ID!) {
        linkEventParticipant(event: $event, participant: $participant, role: OTHER) {
          places { totalCount edges { role node { name } } }
          organizations { edges { role node { name } } }
        }
      }`, { event: eventId, participant: hamas });
      expect(linked.linkEventParticipant.places).toEqual({ totalCount: 1, edges: [{ role: 'LOCATION', node: { name: 'Doha' } }] });
      expect(linked.linkEventParticipant.organizations.edges).toEqual([{ role: 'OTHER', node: { name: 'Hamas' } }]);

      const hostageTaking = await ok(`{ events(filter: { types: [HOSTAGE_TAKING] }) { edges { node { id } } } }`);
      const related = await ok(`mutation ($from: ID!, $to: ID!) { linkEvents(from: $from, to: $to, kind: RESPONSE_TO) { relatesTo { edges { kind node { title } } } } }`, {
        from: eventId,
        to: hostageTaking.events.edges[0].node.id,
      });
      expect(related.linkEvents.relatesTo.edges).toEqual([{ kind: 'RESPONSE_TO', node: { title: 'Hamas takes hostages into Gaza' } }]);

      const unlinked = await ok(`mutation ($event: ID!, $place: ID!) { unlinkEventPlace(event: $event, place: $place) { places { totalCount } } }`, {
        event: eventId,
        place: doha.createPlace.id,
      });
      expect(unlinked.unlinkEventPlace.places.totalCount).toBe(0);
    });

    it('merges two sources into one: links move, names become aliases, and the history shows it', async () => {
      const created = await ok(`mutation { createSource(input: { name: "officials in Israel", kind: GOVERNMENT }) { id } }`);
      const israeliOfficials = await idOf('sources', 'Israeli officials');
      const before = await ok(`query ($id: ID!) { node(id: $id) { ... on Source { claims { totalCount } eventMentions { totalCount } } } }`, {
        id: israeliOfficials,
      });
      expect(before.node.claims.totalCount).toBeGreaterThan(0);

      // Merge the one with the links into the new one: everything must move.
      const merged = await ok(`mutation ($survivor: ID!, $merged: ID!) {
        mergeEntities(survivor: $survivor, merged: $merged, reason: "same Israeli government officials") {
          survivor { id ... on Source { name aliases claims { totalCount } eventMentions { totalCount } } }
          merge { entityType mergedName reason movedLinks }
        }
      }`, { survivor: created.createSource.id, merged: israeliOfficials });
      const survivor = merged.mergeEntities.survivor;
      expect(survivor.aliases).toEqual(expect.arrayContaining(['officials in Israel', 'Israeli officials']));
      expect(survivor.claims.totalCount).toBe(before.node.claims.totalCount);
      expect(survivor.eventMentions.totalCount).toBe(before.node.eventMentions.totalCount);
      expect(merged.mergeEntities.merge).toMatchObject({ entityType: 'SOURCE', mergedName: 'Israeli officials', reason: 'same Israeli government officials' });
      expect(merged.mergeEntities.merge.movedLinks['ClaimSource.sourceId']).toBe(before.node.claims.totalCount);

      const gone = await client.request(`query ($id: ID!) { node(id: $id) { id } }`, { id: israeliOfficials });
      expect(gone.errors?.[0]?.message).toMatch(/no Source has the ID/);
      const history = await ok(`query ($id: ID!) { mergeHistory(entity: $id) { totalCount edges { node { mergedName survivorId mergedId } } } }`, {
        id: survivor.id,
      });
      expect(history.mergeHistory.edges[0].node).toEqual({ mergedName: 'Israeli officials', survivorId: survivor.id, mergedId: israeliOfficials });
      const byOldId = await ok(`query ($id: ID!) { mergeHistory(entity: $id) { totalCount } }`, { id: israeliOfficials });
      expect(byOldId.mergeHistory.totalCount).toBe(1);
      const findable = await ok(`{ sources(search: "israeli officials") { edges { node { id } } } }`);
      expect(findable.sources.edges.map((edge: Data) => edge.node.id)).toEqual([survivor.id]);
    });

    it('merges places without making a place lie inside itself', async () => {
      const strip = await idOf('places', 'Gaza Strip');
      const duplicate = await ok(`mutation ($parent: ID!) { createPlace(input: { name: "Gaza territory", parent: $parent }) { id } }`, { parent: strip });
      const city = await idOf('places', 'Gaza City');
      // The survivor lies inside the merged place: it is lifted to the merged place's parent.
      const result = await ok(`mutation ($survivor: ID!, $merged: ID!) {
        mergeEntities(survivor: $survivor, merged: $merged) { survivor { ... on Place { name parent { name } children { edges { node { name } } } } } }
      }`, { survivor: duplicate.createPlace.id, merged: strip });
      const place = result.mergeEntities.survivor;
      expect(place.parent).toBeNull();
      expect(place.children.edges.map((edge: Data) => edge.node.name)).toContain('Gaza City');
      const cityNow = await ok(`query ($id: ID!) { node(id: $id) { ... on Place { parent { name } } } }`, { id: city });
      expect(cityNow.node.parent.name).toBe('Gaza territory');
    });

    it('refuses to merge entities of different types, or one into itself, and changes nothing', async () => {
      const hamas = await idOf('organizations', 'Hamas');
      const berlin = await idOf('places', 'Berlin');
      const mergesBefore = await database.prisma.entityMerge.count();
      const mixed = await client.request(`mutation ($a: ID!, $b: ID!) { mergeEntities(survivor: $a, merged: $b) { survivorId } }`, { a: hamas, b: berlin });
      expect(mixed.errors?.[0]?.message).toBe('merged: cannot merge a Place into an Organization; both must be of the same type');
      const self = await client.request(`mutation ($a: ID!) { mergeEntities(survivor: $a, merged: $a) { survivorId } }`, { a: hamas });
      expect(self.errors?.[0]?.message).toContain('cannot be merged into itself');
      expect(await database.prisma.entityMerge.count()).toBe(mergesBefore);
      expect(await database.prisma.organization.count({ where: { name: 'Hamas' } })).toBe(1);
    });
  });
}

for (const kind of databaseKinds) {
  describe(`ingestArticle mutation on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    const ingest = /* GraphQL */ `
      mutation ($input: IngestArticleInput!) {
        ingestArticle(input: $input) {
          status warnings
          created { events places claims }
          article { publishedOn publisher { name kind } datelinePlace { name } eventMentions { totalCount } claims { edges { node { metric value qualifier } } } }
        }
      }`;

    it('ingests the seed article as plain text, then recognises it when sent again', async () => {
      const content = (await import('node:fs')).readFileSync('examples/seed/000_09a13298e7180d8f.txt', 'utf8');
      const first = await client.request<Data>(ingest, { input: { content } });
      expect(first.errors).toBeUndefined();
      const result = first.data!.ingestArticle;
      expect(result.status).toBe('CREATED');
      expect(result.article).toMatchObject({ publishedOn: '2023-11-04', publisher: { name: 'Reuters', kind: 'NEWS_AGENCY' }, datelinePlace: { name: 'Washington, D.C.' } });
      expect(result.created.claims).toBe(6);
      expect(result.article.claims.edges.map((edge: Data) => edge.node)).toContainEqual({ metric: 'HOSTAGES', value: 242, qualifier: 'AT_LEAST' });
      const again = await client.request<Data>(ingest, { input: { content } });
      expect(again.data!.ingestArticle.status).toBe('UNCHANGED');
      expect(again.data!.ingestArticle.warnings[0]).toContain('already ingested');
      expect(await database.prisma.article.count()).toBe(1);
    });

    it('takes JSON and plain text with publishedAt, and refuses what it cannot read, naming the field', async () => {
      const json = JSON.stringify({ url: 'https://example.org/a', title: 'Quake', publishedAt: '1997-04-10', publisher: 'AFP', text: 'TEHRAN, April 10 (AFP) - An earthquake struck northeastern Iran on Thursday, killing at least 500 people, officials said.' });
      const fromJson = await client.request<Data>(ingest, { input: { content: json, format: 'JSON' } });
      expect(fromJson.errors).toBeUndefined();
      expect(fromJson.data!.ingestArticle.article.claims.edges[0].node).toEqual({ metric: 'KILLED', value: 500, qualifier: 'AT_LEAST' });

      const noDate = await client.request<Data>(ingest, { input: { content: 'Protesters marched in Paris on Saturday.' } });
      expect(noDate.errors?.[0]?.message).toContain('expected the publication date first, as "date YYYY-MM-DD"');
      const badDate = await client.request<Data>(ingest, { input: { content: 'Protesters marched in Paris.', publishedAt: '2023-02-30' } });
      expect(badDate.errors?.[0]?.message).toContain('"2023-02-30" is not a date');
      const badJson = await client.request<Data>(ingest, { input: { content: '{"text": ', format: 'JSON' } });
      expect(badJson.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const withDate = await client.request<Data>(ingest, { input: { content: 'PARIS (AFP) - Protesters marched in Paris on Saturday.', publishedAt: '2023-11-06' } });
      expect(withDate.data!.ingestArticle.article.publishedOn).toBe('2023-11-06');
      expect(await database.prisma.article.count()).toBe(3);
    });
  });
}

for (const kind of databaseKinds) {
  describe(`splitting an event on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    it('moves the reports of the named articles to a new event and keeps both counts true', async () => {
      const { prisma } = database;
      const city = await prisma.place.create({ data: { name: 'Tirana', nameKey: 'tirana', kind: 'CITY' } });
      const event = await prisma.event.create({
        data: {
          title: 'Clashes in Tirana', type: 'PROTEST', startsOn: new Date('1997-04-10T00:00:00Z'), endsOn: new Date('1997-04-10T00:00:00Z'),
          precision: 'DAY', articleCount: 3, places: { create: [{ placeId: city.id, role: 'LOCATION' }] },
        },
      });
      const articles = [];
      for (let index = 0; index < 3; index += 1) {
        const text = `Report ${index}: clashes in Tirana.`;
        const article = await prisma.article.create({ data: { contentHash: `split-${index}`, publishedOn: new Date('1997-04-10T00:00:00Z'), text, format: 'text' } });
        await prisma.eventMention.create({ data: { eventId: event.id, articleId: article.id, quote: text, start: 0, end: text.length } });
        articles.push(article);
      }
      await prisma.claim.create({
        data: { metric: 'INJURED', value: 12, articleId: articles[2]!.id, eventId: event.id, quote: 'x', quoteStart: 0, quoteEnd: 1, reportedAt: new Date('1997-04-10T00:00:00Z') },
      });
      const split = await client.request<Data>(`mutation ($event: ID!, $articles: [ID!]!) {
        splitEvent(event: $event, articles: $articles, title: "Clashes in Durres") {
          id title articleCount places { edges { role node { name } } } claims { totalCount } mentions { totalCount }
        }
      }`, { event: encodeNodeId('Event', event.id), articles: [encodeNodeId('Article', articles[2]!.id)] });
      expect(split.errors).toBeUndefined();
      expect(split.data!.splitEvent).toMatchObject({
        title: 'Clashes in Durres', articleCount: 1, claims: { totalCount: 1 }, mentions: { totalCount: 1 },
        places: { edges: [{ role: 'LOCATION', node: { name: 'Tirana' } }] },
      });
      const original = await prisma.event.findUniqueOrThrow({ where: { id: event.id } });
      expect(original.articleCount).toBe(2);

      const all = await client.request(`mutation ($event: ID!, $articles: [ID!]!) { splitEvent(event: $event, articles: $articles) { id } }`, {
        event: encodeNodeId('Event', event.id),
        articles: articles.slice(0, 2).map((article) => encodeNodeId('Article', article.id)),
      });
      expect(all.errors?.[0]?.message).toContain('would leave the event with none');
      expect(await prisma.event.count()).toBe(2);
    });

    it('keeps the title a curator gave a story when ingestion retitles stories, and merges two stories into one that runs over both', async () => {
      const { prisma } = database;
      const person = await prisma.person.create({ data: { name: 'Bashkim Fino', nameKey: 'bashkim fino' } });
      const place = await prisma.place.create({ data: { name: 'Vlorë', nameKey: 'vlore', kind: 'CITY' } });
      const story = await prisma.event.create({
        data: { title: 'Albania: Franz Vranitzky', type: 'STORY', startsOn: new Date('1997-04-12T00:00:00Z'), endsOn: new Date('1997-04-13T00:00:00Z'), precision: 'DAY', approximate: true },
      });
      for (const day of ['12', '13']) {
        const text = `VLORE, April ${day} - Prime Minister Bashkim Fino visited the port.`;
        const article = await prisma.article.create({ data: { contentHash: `story-title-${day}`, publishedOn: new Date(`1997-04-${day}T00:00:00Z`), text, format: 'text' } });
        await prisma.eventMention.create({ data: { eventId: story.id, articleId: article.id, quote: text, start: 0, end: text.length } });
        await prisma.personMention.create({ data: { personId: person.id, articleId: article.id, text: 'Bashkim Fino', start: 29, end: 41 } });
        await prisma.placeMention.create({ data: { placeId: place.id, articleId: article.id, text: 'VLORE', start: 0, end: 5 } });
      }
      await consolidateStories(prisma, { from: '1997-04-12', to: '1997-04-13' });
      expect((await prisma.event.findUniqueOrThrow({ where: { id: story.id } })).title).toBe('Vlorë: Bashkim Fino');

      const renamed = await client.data(`mutation ($id: ID!) { updateEvent(id: $id, input: { title: "Albania: Fino in Vlore" }) { title } }`, { id: encodeNodeId('Event', story.id) });
      expect(renamed.updateEvent.title).toBe('Albania: Fino in Vlore');
      await consolidateStories(prisma, { from: '1997-04-12', to: '1997-04-13' });
      expect((await prisma.event.findUniqueOrThrow({ where: { id: story.id } })).title).toBe('Albania: Fino in Vlore');

      // A merge consolidation could not make, made by the curator: the story then runs over both.
      const later = await prisma.event.create({
        data: { title: 'Vlorë: Italian troops', type: 'STORY', startsOn: new Date('1997-04-16T00:00:00Z'), endsOn: new Date('1997-04-18T00:00:00Z'), precision: 'DAY', approximate: true },
      });
      const text = 'VLORE, April 18 - Italian troops landed.';
      const article = await prisma.article.create({ data: { contentHash: 'story-title-18', publishedOn: new Date('1997-04-18T00:00:00Z'), text, format: 'text' } });
      await prisma.eventMention.create({ data: { eventId: later.id, articleId: article.id, quote: text, start: 0, end: text.length } });
      const merged = await client.data(`mutation ($survivor: ID!, $merged: ID!) {
        mergeEntities(survivor: $survivor, merged: $merged, reason: "the force Fino asked for") {
          survivor { ... on Event { title articleCount date { earliest latest } } }
        }
      }`, { survivor: encodeNodeId('Event', story.id), merged: encodeNodeId('Event', later.id) });
      expect(merged.mergeEntities.survivor).toEqual({ title: 'Albania: Fino in Vlore', articleCount: 3, date: { earliest: '1997-04-12', latest: '1997-04-18' } });
      const history = await client.data(`query ($id: ID!) { mergeHistory(entity: $id) { edges { node { mergedName reason } } } }`, { id: encodeNodeId('Event', story.id) });
      expect(history.mergeHistory.edges).toEqual([{ node: { mergedName: 'Vlorë: Italian troops', reason: 'the force Fino asked for' } }]);
    });
  });
}
