import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient } from '../support/graphql.js';

// A graph of 50 events, each with 2 places (one inside the other), a person and an organisation,
// 3 mentions in 3 articles with their publisher and source, and 2 claims with 2 sources each.
async function buildGraph(database: TestDatabase): Promise<void> {
  const { prisma } = database;
  const country = await prisma.place.create({ data: { name: 'Country', nameKey: 'country', kind: 'COUNTRY' } });
  const publisher = await prisma.source.create({ data: { name: 'Wire', nameKey: 'wire', kind: 'NEWS_AGENCY' } });
  const officials = await prisma.source.create({ data: { name: 'Officials', nameKey: 'officials', kind: 'GOVERNMENT' } });
  for (let index = 0; index < 50; index += 1) {
    const day = new Date(Date.UTC(2023, 9, 1 + (index % 28)));
    const city = await prisma.place.create({ data: { name: `City ${index}`, nameKey: `city ${index}`, kind: 'CITY', parentId: country.id } });
    const person = await prisma.person.create({ data: { name: `Person ${index}`, nameKey: `person ${index}` } });
    const organization = await prisma.organization.create({ data: { name: `Group ${index}`, nameKey: `group ${index}` } });
    const event = await prisma.event.create({
      data: {
        title: `Event ${index}`,
        type: 'ATTACK',
        startsOn: day,
        endsOn: day,
        precision: 'DAY',
        // Written directly, not ingested: the count ingestion keeps is set by hand.
        articleCount: 3,
        places: { create: [{ placeId: city.id, role: 'LOCATION' }, { placeId: country.id, role: 'TARGET' }] },
        people: { create: [{ personId: person.id, role: 'ACTOR' }] },
        organizations: { create: [{ organizationId: organization.id, role: 'ACTOR' }] },
      },
    });
    for (let report = 0; report < 3; report += 1) {
      const text = `Report ${report} of event ${index}: something happened in City ${index}.`;
      const article = await prisma.article.create({
        data: { contentHash: `hash-${index}-${report}`, title: `Report ${report} on ${index}`, publishedOn: day, text, format: 'text', publisherId: publisher.id },
      });
      await prisma.eventMention.create({
        data: { eventId: event.id, articleId: article.id, sourceId: officials.id, quote: text, start: 0, end: text.length },
      });
      if (report < 2) {
        await prisma.claim.create({
          data: {
            metric: 'KILLED',
            value: 10 + report,
            qualifier: 'AT_LEAST',
            articleId: article.id,
            eventId: event.id,
            placeId: city.id,
            quote: text,
            quoteStart: 0,
            quoteEnd: text.length,
            reportedAt: day,
            sources: { create: [{ sourceId: officials.id }, { sourceId: publisher.id }] },
          },
        });
      }
    }
  }
}

const nestedQuery = /* GraphQL */ `
  query Nested($first: Int!) {
    events(first: $first, orderBy: DATE_ASC) {
      totalCount
      edges {
        node {
          id
          title
          date { start precision }
          articleCount
          mentionCount
          places(first: 5) { edges { role node { name parent { name } } } }
          people(first: 5) { edges { role node { name } } }
          organizations(first: 5) { edges { role node { name } } }
          mentions(first: 3) { edges { node { quote { text } source { name } article { title publisher { name } } } } }
          claims(first: 5) { edges { node { metric value qualifier sources(first: 3) { edges { node { name kind } } } } } }
        }
      }
    }
  }
`;

for (const kind of databaseKinds) {
  describe(`nested event query on ${kind}`, () => {
    let database: TestDatabase;
    const statements: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(kind, (sql) => statements.push(sql));
      await buildGraph(database);
    });
    afterAll(async () => database?.dispose());

    async function run(first: number) {
      const client = graphqlClient(database.prisma);
      statements.length = 0;
      const started = performance.now();
      const result = await client.request<{ events: { edges: { node: Record<string, any> }[] } }>(nestedQuery, { first });
      const milliseconds = performance.now() - started;
      expect(result.errors).toBeUndefined();
      return { result, count: statements.length, statements: [...statements], milliseconds };
    }

    it('costs the same small number of SQL statements for 5 and for 50 events', async () => {
      const small = await run(5);
      const large = await run(50);
      console.log(
        `[${kind}] nested query: ${small.count} statements for 5 events (${small.milliseconds.toFixed(1)} ms), ${large.count} for 50 events (${large.milliseconds.toFixed(1)} ms)`,
      );
      expect(large.result.data!.events.edges).toHaveLength(50);
      const event = large.result.data!.events.edges[0]!.node;
      expect(event.places.edges).toHaveLength(2);
      expect(event.places.edges[0].node.parent.name).toBe('Country');
      expect(event.mentions.edges).toHaveLength(3);
      expect(event.mentions.edges[0].node.article.publisher.name).toBe('Wire');
      expect(event.claims.edges).toHaveLength(2);
      expect(event.claims.edges[0].node.sources.edges).toHaveLength(2);
      expect(event.articleCount).toBe(3);
      expect(large.count).toBe(small.count);
      // One statement per table the query reaches (events, their link tables, the linked rows, …), never per row.
      expect(large.count).toBeLessThanOrEqual(20);
    });

    it('reads an article\'s text only when the query asks for it', async () => {
      const articleText = /"Article"\."text"/;
      const listed = await run(50);
      expect(listed.statements.some((sql) => /"Article"/.test(sql)), 'the articles were read').toBe(true);
      expect(listed.statements.filter((sql) => articleText.test(sql))).toEqual([]);
      const client = graphqlClient(database.prisma);
      statements.length = 0;
      const asked = await client.request(`{ events(first: 2) { edges { node { mentions(first: 1) { edges { node { article { text } } } } } } } }`);
      expect(asked.errors).toBeUndefined();
      expect(statements.some((sql) => articleText.test(sql))).toBe(true);
    });
  });
}
