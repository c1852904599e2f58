// Made-up wire stories ingested end to end (extraction, facts, storage) into a real database, and the nodes a reader
// of the graph would then find: no junk people, no acronym on the wrong node, one source per agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { ingestDocument } from '../../src/graph/ingest-article.js';

let storyNumber = 0;
const story = (text: string, publishedAt = '2006-11-28') => {
  storyNumber += 1;
  return { source: `story-${storyNumber}.txt`, format: 'text' as const, publishedAt, url: `https://example.org/story-${storyNumber}`, text };
};

for (const kind of databaseKinds) {
  describe(`entities across ingested articles on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    const ingest = (text: string) => ingestDocument(database.prisma, story(text));

    it('stores one source, a news agency, for an agency however each article describes it', async () => {
      await ingest("The dam burst at dawn, Serbia's official Tanjug news agency reported.");
      await ingest('Some 200 people were evacuated, the state-run Tanjug news agency said.');
      await ingest('Rescuers found two more bodies, Tanjug said.');
      const sources = await database.prisma.source.findMany({ where: { aliases: { some: { key: 'tanjug' } } } });
      expect(sources.map((source) => [source.name, source.kind])).toEqual([['Tanjug', 'NEWS_AGENCY']]);
      expect(await database.prisma.source.count({ where: { name: { contains: 'Tanjug' } } })).toBe(1);
    });
  });
}
