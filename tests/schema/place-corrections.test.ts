// Curators correct a place: the article's mentions and events move, and the story's later reports read the name
// the same way; "inside this place" works at every level of the gazetteer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest-article.js';
import type { SourceDocument } from '../../src/ingest/formats/source-document.js';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

// Two reports of one transit strike that never say which Alexandria; the resolver, with nothing else to go on,
// reads the Egyptian city.
const report = (day: string, url: string, text: string): SourceDocument => ({ source: url, format: 'json', url, publishedAt: day, text, title: 'Ferry strike' });
const first = report('2024-06-03', 'https://example.org/strike-1',
  'Alexandria mayor Justin Wilson said the strike by bus drivers of the Transit Workers Union had stranded thousands. '
  + 'Union president Graeme Stoney said talks with Coastal Transit would resume on Tuesday. Coastal Transit chief Nicola Wade called the strike illegal.');
const second = report('2024-06-04', 'https://example.org/strike-2',
  'The strike by the Transit Workers Union entered its second day as Coastal Transit cancelled every bus to Alexandria. '
  + 'Graeme Stoney, the union president, met Nicola Wade of Coastal Transit, and Justin Wilson urged both sides to settle.');
const alexandriaVirginia = 'geonames:4744091';

for (const kind of databaseKinds) {
  describe(`correcting a place on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    const placesOf = async (url: string) =>
      (await client.data(`query ($url: String!) { articleByUrl(url: $url) { id placeMentions(first: 20) { edges { node { text place { name countryCode parent { name } } } } } } }`, { url })).articleByUrl;

    it('moves the article\'s mentions of the name to the gazetteer entry given, and the story\'s next report follows', async () => {
      const stored = await ingestDocument(database.prisma, first);
      expect(stored.linked.stories).toBe(0);
      const before = await placesOf(first.url!);
      const alexandria = before.placeMentions.edges.map((edge: any) => edge.node).filter((node: any) => node.text === 'Alexandria');
      expect(alexandria).toHaveLength(1);
      expect(alexandria[0].place).toMatchObject({ name: 'Alexandria', countryCode: 'EG' });

      const corrected = await client.data(`mutation ($input: CorrectPlaceNameInput!) {
        correctPlaceName(input: $input) { movedMentions correction { name reason place { name countryCode parent { name parent { name } } } } }
      }`, { input: { article: before.id, name: 'Alexandria', gazetteerId: alexandriaVirginia, reason: 'the buses of Virginia' } });
      expect(corrected.correctPlaceName).toMatchObject({
        movedMentions: 1,
        correction: { name: 'Alexandria', reason: 'the buses of Virginia', place: { name: 'Alexandria', countryCode: 'US', parent: { name: 'Virginia', parent: { name: 'United States' } } } },
      });
      const after = await placesOf(first.url!);
      expect(after.placeMentions.edges.find((edge: any) => edge.node.text === 'Alexandria').node.place.countryCode).toBe('US');

      // The next day's report joins the story founded with the first, and reads Alexandria as the curator did.
      const next = await ingestDocument(database.prisma, second);
      expect(next.linked.stories).toBe(1);
      const later = await placesOf(second.url!);
      expect(later.placeMentions.edges.find((edge: any) => edge.node.text === 'Alexandria').node.place).toMatchObject({ countryCode: 'US', parent: { name: 'Virginia' } });
    });

    it('refuses a correction that names no gazetteer entry, no mention, or both kinds of target, saying which', async () => {
      const { articleByUrl } = await client.data(`{ articleByUrl(url: "https://example.org/strike-1") { id } }`);
      const attempt = (input: Record<string, unknown>) =>
        client.request(`mutation ($input: CorrectPlaceNameInput!) { correctPlaceName(input: $input) { movedMentions } }`, { input: { article: articleByUrl.id, ...input } });
      const unknownEntry = await attempt({ name: 'Alexandria', gazetteerId: 'geonames:0' });
      expect(unknownEntry.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(unknownEntry.errors?.[0]?.message).toContain('geonames:0');
      const noMention = await attempt({ name: 'Atlantis', gazetteerId: alexandriaVirginia });
      expect(noMention.errors?.[0]?.message).toContain('no place mention "Atlantis"');
      const both = await attempt({ name: 'Alexandria', gazetteerId: alexandriaVirginia, place: encodeNodeId('Place', 1) });
      expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('finds what lies inside a division, and a division inside its country', async () => {
      await ingestDocument(database.prisma, report('2024-06-05', 'https://example.org/tornado',
        'A tornado killed three people in Birmingham, Ala., on Wednesday, and storms moved on toward Montgomery.'));
      const { places } = await client.data(`{ places(search: "Alabama", kind: DIVISION, first: 1) { edges { node { id name parent { name } } } } }`);
      const alabama = places.edges[0].node;
      expect(alabama).toMatchObject({ name: 'Alabama', parent: { name: 'United States' } });
      const inside = await client.data(`query ($within: ID!) { places(within: $within, first: 50) { edges { node { name kind } } } }`, { within: alabama.id });
      expect(inside.places.edges.map((edge: any) => edge.node.name)).toEqual(expect.arrayContaining(['Alabama', 'Birmingham']));
      const events = await client.data(`query ($place: ID!) { events(filter: { place: $place }, first: 10) { totalCount } }`, { place: alabama.id });
      expect(events.events.totalCount).toBeGreaterThan(0);
    });
  });
}
