import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitEvent } from '../../src/graph/split.js';
import { consolidateStories, occasionMerges, storyMerges, type ReportVocabulary, type StoryPart, type StoryReports } from '../../src/graph/story-consolidation.js';
import { afpDirectory, ingestAfp } from '../support/afp.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient } from '../support/graphql.js';

// A corpus of 1,000 articles: the rebel advance's names and words are rare in it, the words of every
// disaster report ("dead", "rescue") and the country names common.
const articlesUsing = new Map<string, number>([
  ['p:kabila', 12],
  ['p:mobutu', 14],
  ['l:kinshasa', 10],
  ['l:lubumbashi', 6],
  ['l:zaire', 40],
  ['p:prodi', 9],
  ['l:tirana', 8],
  ['l:albania', 20],
  ['w:rebel', 30],
  ['w:zairean', 12],
  ['w:troop', 60],
  ['w:albanian', 15],
  ['w:dead', 200],
  ['w:rescue', 90],
  ['w:mine', 25],
  ['p:liang', 3],
  ['l:guizhou', 4],
  ['p:madej', 3],
  ['l:silesia', 4],
]);

function vocabulary(keysOf: Record<number, string[]>): ReportVocabulary {
  return { keysOf: new Map(Object.entries(keysOf).map(([article, keys]) => [Number(article), keys])), articlesUsing, articleCount: 1000 };
}

const zaire = ['p:kabila', 'p:mobutu', 'l:kinshasa', 'l:zaire', 'w:rebel', 'w:zairean'];

describe('story consolidation', () => {
  it('merges two stories told in the same rare names and words into the one with more reports', () => {
    const stories: StoryReports[] = [
      { id: 10, startsOn: '1997-04-04', endsOn: '1997-04-12', articles: [1, 2, 3] },
      { id: 20, startsOn: '1997-04-15', endsOn: '1997-04-17', articles: [4, 5] },
    ];
    const merges = storyMerges(stories, vocabulary({ 1: zaire, 2: zaire, 3: [...zaire, 'l:lubumbashi'], 4: zaire, 5: [...zaire, 'w:troop'] }));
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ survivor: 10, merged: 20 });
    expect(merges[0]!.names).toBeGreaterThan(0.9);
    expect(merges[0]!.words).toBeGreaterThan(0.9);
  });

  it('makes one story of three told alike, and leaves another story of the same days alone', () => {
    const albania = ['p:prodi', 'l:tirana', 'l:albania', 'w:albanian', 'w:troop'];
    const stories: StoryReports[] = [
      { id: 1, startsOn: '1997-04-01', endsOn: '1997-04-05', articles: [1, 2] },
      { id: 2, startsOn: '1997-04-08', endsOn: '1997-04-10', articles: [3, 4] },
      { id: 3, startsOn: '1997-04-13', endsOn: '1997-04-16', articles: [5, 6, 7, 10, 11] },
      { id: 4, startsOn: '1997-04-08', endsOn: '1997-04-12', articles: [8, 9] },
    ];
    const reports = { 1: zaire, 2: zaire, 3: zaire, 4: zaire, 5: zaire, 6: zaire, 7: zaire, 10: zaire, 11: zaire, 8: albania, 9: albania };
    const merges = storyMerges(stories, vocabulary(reports));
    // Stories 1 and 2 (two reports each) become one first, the longer story 3 then takes them in.
    expect(merges.map(({ survivor, merged }) => [survivor, merged])).toEqual([
      [1, 2],
      [3, 1],
    ]);
  });

  it('keeps apart stories told alike but weeks apart, and stories that share a theme but no one', () => {
    const later: StoryReports[] = [
      { id: 1, startsOn: '1997-04-01', endsOn: '1997-04-03', articles: [1, 2] },
      { id: 2, startsOn: '1997-04-20', endsOn: '1997-04-22', articles: [3, 4] },
    ];
    expect(storyMerges(later, vocabulary({ 1: zaire, 2: zaire, 3: zaire, 4: zaire }))).toEqual([]);

    // Two mine disasters of one week: the same words, different people and places.
    const china = ['p:liang', 'l:guizhou', 'w:mine', 'w:dead', 'w:rescue'];
    const poland = ['p:madej', 'l:silesia', 'w:mine', 'w:dead', 'w:rescue'];
    const disasters: StoryReports[] = [
      { id: 1, startsOn: '2006-11-21', endsOn: '2006-11-23', articles: [1, 2] },
      { id: 2, startsOn: '2006-11-24', endsOn: '2006-11-26', articles: [3, 4] },
    ];
    expect(storyMerges(disasters, vocabulary({ 1: poland, 2: poland, 3: china, 4: china }))).toEqual([]);
  });
});

describe('occasions told twice in one story', () => {
  const part = (id: number, fields: Partial<StoryPart>): StoryPart => ({
    id, story: 1, type: 'ELECTION', startsOn: '2005-12-15', endsOn: '2005-12-15', articles: 1, countries: [], cities: [], ...fields,
  });

  it("makes one election of the reports of Iraq's vote in one story, the most reported surviving", () => {
    const merges = occasionMerges([
      part(1, { countries: ['IQ'], articles: 6 }),
      part(2, { countries: ['US', 'IQ', 'BO'], articles: 5 }),
      part(3, { articles: 1 }), // an observer in Fallujah, a place without a country
      part(4, { startsOn: '2005-12-16', endsOn: '2005-12-16', countries: ['IQ'] }), // dated by the next day's wire
    ]);
    expect(merges).toEqual([
      { survivor: 1, merged: 2 },
      { survivor: 1, merged: 3 },
      { survivor: 1, merged: 4 },
    ]);
  });

  it("keeps apart another country's election, another day's vote, another story's election, and attacks", () => {
    expect(
      occasionMerges([
        part(1, { countries: ['IQ'], articles: 6 }),
        part(2, { countries: ['BO'] }),
        part(3, { startsOn: '2005-12-12', endsOn: '2005-12-12', countries: ['IQ'] }),
        part(4, { story: 2, countries: ['IQ'] }),
        part(5, { type: 'ATTACK', countries: ['IQ'] }),
        part(6, { type: 'ATTACK', countries: ['IQ'] }),
      ]),
    ).toEqual([]);
  });
});

// AFP reports of the Zairean rebellion, 4 to 30 April 1997: Kabila's advance, the talks, the refugees.
const zaireReports = [
  '19970404.0249', '19970405.0095', '19970408.0328', '19970409.0497', '19970410.0290', '19970411.0253', '19970413.0264',
  '19970414.0136', '19970417.0576', '19970418.0168', '19970419.0152', '19970421.0449', '19970422.0195', '19970424.0248',
  '19970429.0212', '19970429.0591', '19970430.0553', '19970430.0571', '19970430.0572',
].map((id) => `AFP_ENG_${id}.tml`);
// The report of 22 April, sent last through the API.
const lastZaireReport = 'AFP_ENG_19970422.0195.tml';
// AFP reports of the raid that ended the Lima hostage crisis, 22 to 24 April 1997.
const limaReports = ['19970422.0638', '19970422.0660', '19970422.0669', '19970423.0219', '19970424.0618'].map((id) => `AFP_ENG_${id}.tml`);

for (const kind of databaseKinds) {
  describe(`consolidating the AFP stories of April 1997 on ${kind}`, () => {
    let database: TestDatabase;
    let zaire: number[];
    let lima: number[];
    // The stories holding each of the given articles, by story: how many of the articles each holds.
    const storiesOf = async (articles: number[]) => {
      const mentions = await database.prisma.eventMention.findMany({
        where: { articleId: { in: articles }, event: { type: 'STORY' } },
        select: { eventId: true, articleId: true },
        distinct: ['eventId', 'articleId'],
      });
      const held = new Map<number, number>();
      for (const mention of mentions) held.set(mention.eventId, (held.get(mention.eventId) ?? 0) + 1);
      return [...held.entries()].sort((a, b) => b[1] - a[1]);
    };

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      // The rest of April's wire around them, one report in six: what makes Zaire's names rare enough to tell.
      const others = readdirSync(afpDirectory)
        .filter((name) => name.startsWith('AFP_ENG_199704') && !zaireReports.includes(name) && !limaReports.includes(name))
        .filter((_name, index) => index % 6 === 0);
      const all = [...zaireReports.filter((name) => name !== lastZaireReport), ...limaReports, ...others].sort();
      const ids = await ingestAfp(database.prisma, ...all);
      const idOf = new Map(all.map((name, index) => [name, ids[index]!]));
      zaire = zaireReports.filter((name) => name !== lastZaireReport).map((name) => idOf.get(name)!);
      lima = limaReports.map((name) => idOf.get(name)!);
    }, 240_000);
    afterAll(async () => database?.dispose());

    it('makes one story of the weeks of Zairean reports, however many ingestion left, and leaves Lima alone', async () => {
      // Ingestion compares a report with those of five days around it; it may leave the weeks of Zaire in pieces
      // (it did before the tagger read lone surnames as their people), and never holds every report yet.
      const before = await storiesOf(zaire);
      expect(before.length).toBeGreaterThanOrEqual(1);
      expect(before[0]![1]).toBeLessThan(zaire.length);
      const limaBefore = await storiesOf(lima);
      // A curator named the Lima story: consolidation keeps the name.
      const limaStory = limaBefore[0]![0];
      await database.prisma.event.update({ where: { id: limaStory }, data: { title: 'Lima: the raid on the Japanese residence', titleByCurator: true } });

      // The last report comes through the ingest mutation, which consolidates the stories of its days.
      const sent = await graphqlClient(database.prisma).data(
        `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }`,
        { input: { content: readFileSync(`${afpDirectory}/${lastZaireReport}`, 'utf8'), format: 'TIMEML' } },
      );
      expect(sent.ingestArticle.status).toBe('CREATED');
      const throughApi = await storiesOf(zaire);
      expect(throughApi[0]![1]).toBeGreaterThanOrEqual(13);
      expect(throughApi.length).toBeLessThanOrEqual(before.length);

      // The whole month weighed at once, as the ingest CLI does at the end of a run.
      await consolidateStories(database.prisma, { from: '1997-04-01', to: '1997-04-30' });

      const after = await storiesOf(zaire);
      const [storyId, held] = after[0]!;
      expect(held).toBeGreaterThanOrEqual(15);
      const story = await database.prisma.event.findUniqueOrThrow({ where: { id: storyId } });
      expect(story.startsOn.toISOString().slice(0, 10)).toBe('1997-04-04');
      expect(story.endsOn.toISOString().slice(0, 10)).toBe('1997-04-30');
      expect(story.articleCount).toBeGreaterThanOrEqual(held);
      // The title follows all the reports now, not the first two: the story is about President Mobutu.
      // Zaire is the DR Congo of today's gazetteer, under its name of then as an alias.
      expect(story.title).toMatch(/^DR Congo: .*Mobutu Sese Seko/);
      expect((await database.prisma.event.findUniqueOrThrow({ where: { id: limaStory } })).title).toBe('Lima: the raid on the Japanese residence');
      expect(await storiesOf(lima)).toEqual(limaBefore);
      expect((await storiesOf(lima)).some(([id]) => id === storyId)).toBe(false);

      // Each merge is on record with its reason, for curators; weighing again merges nothing more.
      const merges = await database.prisma.entityMerge.findMany({ where: { entityType: 'EVENT', survivorId: storyId } });
      expect(merges.length).toBeGreaterThanOrEqual(before.length - 1);
      expect(merges.every((merge) => merge.reason?.startsWith('one story told twice'))).toBe(true);
      expect((await consolidateStories(database.prisma, { from: '1997-04-01', to: '1997-04-30' })).merged).toBe(0);

      // A curator who disagrees splits the last week's reports off again.
      const lastWeek = await database.prisma.article.findMany({ where: { id: { in: zaire }, publishedOn: { gte: new Date('1997-04-25') } }, select: { id: true } });
      const inStory = await database.prisma.eventMention.findMany({ where: { eventId: storyId, articleId: { in: lastWeek.map((a) => a.id) } }, select: { articleId: true }, distinct: ['articleId'] });
      const split = await splitEvent(database.prisma, storyId, inStory.map((m) => m.articleId), 'Zaire: the Mobutu-Kabila talks');
      expect(split.movedMentions).toBeGreaterThan(0);
      const rest = await database.prisma.event.findUniqueOrThrow({ where: { id: storyId } });
      expect(rest.articleCount).toBe(story.articleCount - inStory.length);
    }, 120_000);
  });
}
