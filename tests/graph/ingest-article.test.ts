// Made-up wire stories ingested end to end (extraction, facts, storage) into a real database, and the nodes a reader
// of the graph would then find: no junk people, no acronym on the wrong node, one source per agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { ingestDocument } from '../../src/graph/ingest-article.js';
import { nameKey } from '../../src/graph/names.js';

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
    const where = (name: string) => ({ aliases: { some: { key: nameKey(name) } } });
    const peopleNamed = (name: string) => database.prisma.person.findMany({ where: where(name), include: { mentions: true } });
    const organizationsNamed = (name: string) => database.prisma.organization.findMany({ where: where(name), include: { mentions: true } });

    it('keeps "US" the United States: a place, and its government where the tagger read an institution, never an organisation "US"', async () => {
      await ingest(
        'Beijing warned the US against arms sales to Taiwan. "We hope the US administration and the Congress will handle the issue with caution," the spokesman said. ' +
          'The US government has expressed support for the policy. A sailor was taken into custody by US military authorities, US television reported.',
      );
      await ingest('The US trade envoy arrived in Hanoi on Tuesday for talks with US business leaders and Vietnamese officials.');
      expect(await organizationsNamed('US')).toEqual([]);
      const unitedStates = await database.prisma.place.findMany({ where: { name: 'United States' }, include: { mentions: true } });
      expect(unitedStates).toHaveLength(1);
      expect(unitedStates[0]!.mentions.filter((mention) => mention.text === 'US').length).toBeGreaterThanOrEqual(6);
      const government = await organizationsNamed('US government');
      expect(government.map((organization) => organization.kind)).toEqual(['GOVERNMENT']);
    });

    it('stores "George W. Bush" as one person, even where the tagger read "the George W. Bush administration" as an organisation', async () => {
      await ingest('The senator said the George W. Bush administration was slowly coming round to his view on the troop pullout.');
      await ingest('President George W. Bush said on Monday that the talks would go on. Bush spoke in Riga.');
      expect(await organizationsNamed('George W. Bush')).toEqual([]);
      const people = await peopleNamed('George W. Bush');
      expect(people).toHaveLength(1);
      expect(new Set(people[0]!.mentions.map((mention) => mention.articleId)).size).toBe(2);
    });

    it('makes no person of a discourse word, a heading, a title alone or an aircraft', async () => {
      await ingest(
        'The deal will upgrade the air force\'s fleet of 40 F-4E Phantom aircraft, officials said. Lastly, she called on the authorities to welcome the refugees.\n\n' +
          'Graphic: the route of the convoy.',
      );
      for (const name of ['F-4E Phantom', 'Lastly', 'Graphic']) expect(await peopleNamed(name), name).toEqual([]);
    });

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
