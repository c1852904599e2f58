import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { exampleQuery } from '../../src/server.js';

type Data = Record<string, any>;

async function tableCounts(database: TestDatabase) {
  const { prisma } = database;
  return {
    events: await prisma.event.count(),
    people: await prisma.person.count(),
    organizations: await prisma.organization.count(),
    places: await prisma.place.count(),
    sources: await prisma.source.count(),
    claims: await prisma.claim.count(),
    eventPlaces: await prisma.eventPlace.count(),
    personAliases: await prisma.personAlias.count(),
    merges: await prisma.entityMerge.count(),
  };
}

for (const kind of databaseKinds) {
  describe(`GraphQL API on ${kind} with the demo graph`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await loadDemoDataIfEmpty(database.prisma);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    const ok = (query: string, variables?: Record<string, unknown>): Promise<Data> => client.data(query, variables);

    async function fails(query: string, variables?: Record<string, unknown>) {
      const before = await tableCounts(database);
      const result = await client.request<Data>(query, variables);
      expect(result.errors?.length, 'expected a GraphQL error').toBeGreaterThan(0);
      expect(await tableCounts(database), 'stored data must be unchanged').toEqual(before);
      return result.errors![0]!;
    }

    it('answers the GraphiQL example query with the seed article’s events, dated honestly', async () => {
      const data = await ok(exampleQuery);
      const events = data.events.edges.map((edge: Data) => edge.node);
      const attack = events.find((event: Data) => event.title === 'Hamas attack on Israel');
      expect(attack.date).toEqual({ start: '2023-10-07', end: null, precision: 'DAY', approximate: false, text: 'Oct. 7' });
      expect(attack.organizations.edges).toContainEqual({ role: 'ACTOR', node: { name: 'Hamas', kind: 'ARMED_GROUP' } });
      expect(attack.claims.edges[0].node).toMatchObject({ metric: 'KILLED', qualifier: 'EXACT', value: 1400 });
      const encirclement = events.find((event: Data) => event.type === 'MILITARY_OPERATION' && event.date.start === '2023-11-02');
      expect(encirclement.places.edges[0].node).toMatchObject({ name: 'Gaza City', parent: { name: 'Gaza Strip' } });
      const vigil = events.find((event: Data) => event.type === 'VIGIL');
      expect(vigil.date).toMatchObject({ approximate: true, start: '2023-10-07', end: '2023-11-04' });
    });

    it('keeps conflicting and multi-source claims side by side', async () => {
      const data = await ok(`{ claims(first: 20) { totalCount edges { node { metric value qualifier sources { edges { node { name } } } } } } }`);
      const hostages = data.claims.edges.map((edge: Data) => edge.node).find((claim: Data) => claim.value === 242);
      expect(hostages.qualifier).toBe('AT_LEAST');
      expect(hostages.sources.edges.map((edge: Data) => edge.node.name).sort()).toEqual(
        ['Israel Defense Forces', 'Palestinian health authority'].sort(),
      );
    });

    it('finds entities by name or alias ignoring case and accents, and navigates links both ways', async () => {
      const data = await ok(`{
        places(search: "gaza", first: 10) { totalCount edges { node { id name children { edges { node { name } } } } } }
        organizations(search: "IDF") { edges { node { name aliases events(first: 10) { totalCount edges { role node { title } } } } } }
      }`);
      const names = data.places.edges.map((edge: Data) => edge.node.name);
      expect(names).toEqual(expect.arrayContaining(['Gaza Strip', 'Gaza City']));
      const strip = data.places.edges.find((edge: Data) => edge.node.name === 'Gaza Strip').node;
      expect(strip.children.edges.map((edge: Data) => edge.node.name)).toContain('Gaza City');
      const idf = data.organizations.edges[0].node;
      expect(idf.name).toBe('Israel Defense Forces');
      expect(idf.events.totalCount).toBeGreaterThan(0);

      const accents = await ok(`{ places(search: "GÁZA city") { totalCount } }`);
      expect(accents.places.totalCount).toBe(1);

      const withinStrip = await ok(`query ($place: ID!) { events(filter: { place: $place }) { totalCount } }`, { place: strip.id });
      const cityOnly = await ok(`{ places(search: "Gaza City") { edges { node { events { totalCount } } } } }`);
      expect(withinStrip.events.totalCount).toBeGreaterThan(cityOnly.places.edges[0].node.events.totalCount);
    });

    it('resolves node and nodes by global ID, and filters events by date range', async () => {
      const list = await ok(`{ events(first: 2) { edges { node { id title } } } }`);
      const ids = list.events.edges.map((edge: Data) => edge.node.id);
      const data = await ok(`query ($ids: [ID!]!, $id: ID!) { node(id: $id) { id ... on Event { title } } nodes(ids: $ids) { id } }`, {
        ids,
        id: ids[0],
      });
      expect(data.node.title).toBe(list.events.edges[0].node.title);
      expect(data.nodes.map((node: Data) => node.id)).toEqual(ids);
      const november = await ok(`{ events(filter: { from: "2023-11-02", to: "2023-11-02" }) { edges { node { title date { start end } } } } }`);
      const starts = november.events.edges.map((edge: Data) => edge.node.date);
      expect(starts).toContainEqual({ start: '2023-11-02', end: null });
      expect(november.events.edges.length).toBeGreaterThan(1);
    });

    it('pages through a connection with cursors', async () => {
      const first = await ok(`{ sources(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { node { name } } } }`);
      expect(first.sources.edges).toHaveLength(5);
      expect(first.sources.pageInfo.hasNextPage).toBe(true);
      const next = await ok(`query ($after: String!) { sources(first: 5, after: $after) { edges { node { name } } } }`, {
        after: first.sources.pageInfo.endCursor,
      });
      const seen = new Set(first.sources.edges.map((edge: Data) => edge.node.name));
      expect(next.sources.edges.every((edge: Data) => !seen.has(edge.node.name))).toBe(true);
    });

    it('refuses bad input with an error that names the problem, changing nothing', async () => {
      const tooMany = await fails(`{ events(first: 1000) { totalCount } }`);
      expect(tooMany.message).toContain('first must be between 0 and 100');
      const negative = await fails(`{ people(last: -1) { totalCount } }`);
      expect(negative.message).toMatch(/last must be between 0 and 100/);
      const malformed = await fails(`{ node(id: "not-an-id") { id } }`);
      expect(malformed.message).toContain('"not-an-id" is not a Newsline ID');
      const unknown = await fails(`query ($id: ID!) { node(id: $id) { id } }`, { id: encodeNodeId('Person', 999_999) });
      expect(unknown.message).toMatch(/no Person has the ID/i);
      const badDate = await fails(`{ events(filter: { from: "2023-02-30" }) { totalCount } }`);
      expect(badDate.message).toContain('"2023-02-30" is not a calendar date');
      const badEventDate = await fails(`mutation { createEvent(input: { title: "x", date: { start: "2023-13" } }) { id } }`);
      expect(badEventDate.message).toContain('month 13 does not exist');
      const wrongType = await fails(`{ events(filter: { place: "${encodeNodeId('Person', 1)}" }) { totalCount } }`);
      expect(wrongType.message).toContain('filter.place: expected the ID of a Place, got the ID of a Person');
    });
  });
}
