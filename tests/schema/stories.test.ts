// Stories over GraphQL: the reports of the Lima hostage crisis (AFP, April 1997, read in place) as one STORY
// event, found most reported first, with its parts and the reports' leads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { ingestAfp } from '../support/afp.js';

const reports = [
  'AFP_ENG_19970422.0660.tml', // Fujimori celebrates victory at Japanese embassy residence
  'AFP_ENG_19970423.0219.tml', // Peru's Fujimori basks in glory of hostage rescue
  'AFP_ENG_19970423.0654.tml', // Peru's Fujimori surveys aftermath
  'AFP_ENG_19970423.0683.tml', // US regrets alleged assault of Japanese woman by US officer in Okinawa
  'AFP_ENG_19970424.0423.tml', // Peru's army, president mourn dead soldiers
];

for (const kind of databaseKinds) {
  describe(`stories over GraphQL on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await ingestAfp(database.prisma, ...reports);
      client = graphqlClient(database.prisma);
    });
    afterAll(async () => database?.dispose());

    it('lists stories most reported first, each with its reports’ leads and its parts', async () => {
      const data = await client.data(`{
        events(filter: { types: [STORY] }, orderBy: MOST_REPORTED, first: 5) {
          totalCount
          edges { node {
            title articleCount
            date { start end precision approximate }
            mentions(first: 10) { edges { node { quote { text } article { title } } } }
            relatedFrom(first: 50) { totalCount edges { kind node { type title date { start } } } }
          } }
        }
      }`);
      expect(data.events.totalCount).toBeGreaterThanOrEqual(1);
      const story = data.events.edges[0].node;
      expect(story.title).toMatch(/Fujimori|MRTA|Peru|Lima/);
      expect(story.articleCount).toBeGreaterThanOrEqual(2);
      const headlines = story.mentions.edges.map((edge: any) => edge.node.article.title);
      expect(headlines.every((title: string) => /Fujimori|Peru/.test(title))).toBe(true);
      expect(headlines.some((title: string) => /Okinawa/.test(title))).toBe(false);
      // A lead is the report's first sentence.
      for (const edge of story.mentions.edges) expect(edge.node.quote.text).toMatch(/[.!?]["'’”)]?$/);
      // Its parts are the reports' own events, never other stories; the raid of Tuesday 22 April is one.
      expect(story.relatedFrom.totalCount).toBeGreaterThan(0);
      for (const edge of story.relatedFrom.edges) {
        expect(edge.kind).toBe('PART_OF');
        expect(edge.node.type).not.toBe('STORY');
      }
      expect(story.relatedFrom.edges.map((edge: any) => edge.node.date.start)).toContain('1997-04-22');
      expect(story.date).toMatchObject({ start: '1997-04-22', precision: 'DAY', approximate: true });
    });

    it('exports a story to TimelineJS as a span in its own group, and to GeoJSON at the places its reports share', async () => {
      const timeline = await client.server.fetch('http://newsline/export/timelinejs.json?types=STORY');
      expect(timeline.status).toBe(200);
      const slides = ((await timeline.json()) as { events: any[] }).events;
      expect(slides.length).toBeGreaterThanOrEqual(1);
      const slide = slides.find((candidate) => /Fujimori|MRTA/.test(candidate.text.headline));
      expect(slide).toMatchObject({ group: 'Story', start_date: { year: 1997, month: 4, day: 22 }, end_date: { year: 1997, month: 4 } });
      // Its dates come from its reports: approximate, and said so.
      expect(slide.display_date).toMatch(/^about 1997-04-22 to 1997-04-2\d$/);
      const map = await client.server.fetch('http://newsline/export/events.geojson?types=STORY');
      const features = ((await map.json()) as { features: any[] }).features;
      expect(features.map((feature) => feature.properties.place)).toContain('Lima');
      for (const feature of features) expect(feature.properties.type).toBe('STORY');
    });

    it('orders every event by how many articles report it, paging through all of them once', async () => {
      const seen: { id: string; articleCount: number }[] = [];
      let after: string | null = null;
      for (;;) {
        const data: any = await client.data(
          `query ($after: String) { events(orderBy: MOST_REPORTED, first: 3, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id articleCount } } } }`,
          { after },
        );
        seen.push(...data.events.edges.map((edge: any) => edge.node));
        if (!data.events.pageInfo.hasNextPage) {
          expect(seen).toHaveLength(data.events.totalCount);
          break;
        }
        after = data.events.pageInfo.endCursor;
      }
      expect(new Set(seen.map((event) => event.id)).size).toBe(seen.length);
      const counts = seen.map((event) => event.articleCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeGreaterThanOrEqual(2);
    });
  });
}
