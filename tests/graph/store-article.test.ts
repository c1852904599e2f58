import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { readSeedFacts } from '../../src/graph/demo-data.js';
import { ingestDocument } from '../../src/graph/ingest-article.js';
import { storeArticleFacts, FactsError } from '../../src/graph/store-article.js';
import type { ArticleFacts } from '../../src/graph/facts.js';
import { ingestAfp, readAfp } from '../support/afp.js';


async function counts(database: TestDatabase) {
  const { prisma } = database;
  return {
    articles: await prisma.article.count(),
    events: await prisma.event.count(),
    eventMentions: await prisma.eventMention.count(),
    people: await prisma.person.count(),
    organizations: await prisma.organization.count(),
    places: await prisma.place.count(),
    sources: await prisma.source.count(),
    claims: await prisma.claim.count(),
  };
}

/** A second, shorter report of the Oct. 7 attack by another outlet, written for this test. */
function followUpReport(): ArticleFacts {
  const text = 'JERUSALEM – Hamas gunmen stormed into Israel from Gaza on Oct. 7, Israeli officials said, killing about 1,200 people.';
  const span = (phrase: string) => {
    const start = text.indexOf(phrase);
    return { start, end: start + phrase.length, text: phrase };
  };
  return {
    article: { title: 'Israel revises toll', publishedOn: '2023-11-11', text, format: 'text', url: 'https://example.org/toll' },
    people: [],
    organizations: [{ key: 'hamas', name: 'Hamas', kind: 'ARMED_GROUP', mentions: [span('Hamas')] }],
    places: [
      { key: 'israel', name: 'Israel', kind: 'COUNTRY', countryCode: 'IL', gazetteerId: 'geonames:294640', mentions: [span('Israel')] },
      { key: 'gaza', name: 'Gaza', kind: 'TERRITORY', countryCode: 'PS', mentions: [span('Gaza')] },
    ],
    sources: [{ key: 'officials', name: 'Israeli officials', kind: 'GOVERNMENT', mentions: [span('Israeli officials')] }],
    events: [
      {
        key: 'attack',
        title: 'Hamas gunmen storm Israel',
        type: 'ATTACK',
        date: { startsOn: '2023-10-07', endsOn: '2023-10-07', precision: 'DAY', text: 'Oct. 7' },
        places: [{ place: 'israel', role: 'LOCATION' }],
        organizations: [{ organization: 'hamas', role: 'ACTOR' }],
        mentions: [{ ...span('Hamas gunmen stormed into Israel from Gaza on Oct. 7'), source: 'officials' }],
      },
    ],
    claims: [
      { metric: 'KILLED', value: 1200, qualifier: 'ABOUT', subject: 'people', event: 'attack', sources: ['officials'], quote: span('killing about 1,200 people') },
    ],
  };
}

interface ReportPlace {
  key: string;
  name: string;
  kind: 'CITY' | 'COUNTRY';
  countryCode: string;
  gazetteerId: string;
}

const places = {
  goma: { key: 'goma', name: 'Goma', kind: 'CITY', countryCode: 'CD', gazetteerId: 'test:goma' },
  bukavu: { key: 'bukavu', name: 'Bukavu', kind: 'CITY', countryCode: 'CD', gazetteerId: 'test:bukavu' },
  congo: { key: 'congo', name: 'Congo', kind: 'COUNTRY', countryCode: 'CD', gazetteerId: 'test:congo' },
} satisfies Record<string, ReportPlace>;

/**
 * A short wire report of one event, written for these tests: "<actor> <verb> <place> <when>." The event is
 * dated by the text when `when` is given, else by the publication day (approximately).
 */
function report(options: {
  url: string;
  publishedOn: string;
  type?: 'ATTACK' | 'PROTEST';
  verb: string;
  actor?: string;
  place: ReportPlace;
  when?: { text: string; on: string };
}): ArticleFacts {
  const text = `${options.actor ?? 'Residents'} ${options.verb} in ${options.place.name}${options.when ? ` ${options.when.text}` : ''}, witnesses said.`;
  const span = (phrase: string) => {
    const start = text.indexOf(phrase);
    return { start, end: start + phrase.length, text: phrase };
  };
  const day = options.when?.on ?? options.publishedOn;
  return {
    article: { title: `${options.verb} in ${options.place.name}`, publishedOn: options.publishedOn, text, format: 'text', url: options.url },
    people: [],
    organizations: options.actor ? [{ key: 'actor', name: options.actor, kind: 'ARMED_GROUP', mentions: [span(options.actor)] }] : [],
    places: [{ ...options.place, mentions: [span(options.place.name)] }],
    sources: [],
    events: [
      {
        key: 'event',
        title: `${options.actor ?? ''} ${options.verb} in ${options.place.name}`.trim(),
        type: options.type ?? 'ATTACK',
        date: { startsOn: day, endsOn: day, precision: 'DAY', approximate: !options.when, ...(options.when ? { text: options.when.text } : {}) },
        places: [{ place: options.place.key, role: 'LOCATION' }],
        organizations: options.actor ? [{ organization: 'actor', role: 'ACTOR' }] : [],
        mentions: [span(text.slice(0, text.indexOf(',')))],
      },
    ],
    claims: [],
  };
}

async function eventOf(database: TestDatabase, url: string) {
  const mention = await database.prisma.eventMention.findFirstOrThrow({ where: { article: { url } }, include: { event: true } });
  return mention.event;
}

for (const kind of databaseKinds) {
  describe(`matching reports of one event across articles on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    it('lands a follow-up two days later, dated only by its publication, on the event dated by the first report', async () => {
      await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/goma-1', publishedOn: '2024-03-05', verb: 'attacked', actor: 'M23 rebels', place: places.goma, when: { text: 'on Tuesday', on: '2024-03-05' } }),
      );
      const followUp = await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/goma-2', publishedOn: '2024-03-07', verb: 'attacked', actor: 'M23 rebels', place: places.goma }),
      );
      expect(followUp.created.events).toBe(0);
      const event = await eventOf(database, 'https://example.org/goma-2');
      expect(event.id).toBe((await eventOf(database, 'https://example.org/goma-1')).id);
      expect(event.startsOn.toISOString().slice(0, 10)).toBe('2024-03-05');
      expect(event.dateText).toBe('on Tuesday');
    });

    it('lets a stated date beat the publication day of the report stored first', async () => {
      await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/bukavu-late', publishedOn: '2024-04-12', verb: 'protested', type: 'PROTEST', actor: 'Students', place: places.bukavu }),
      );
      const stated = await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/bukavu-early', publishedOn: '2024-04-10', verb: 'protested', type: 'PROTEST', actor: 'Students', place: places.bukavu, when: { text: 'on Wednesday', on: '2024-04-10' } }),
      );
      expect(stated.created.events).toBe(0);
      const event = await eventOf(database, 'https://example.org/bukavu-late');
      expect(event.startsOn.toISOString().slice(0, 10)).toBe('2024-04-10');
      expect(event).toMatchObject({ approximate: false, dateText: 'on Wednesday' });
    });

    it('keeps two attacks by one group in two cities on the same day as two events', async () => {
      const when = { text: 'on Friday', on: '2024-05-03' };
      await storeArticleFacts(database.prisma, report({ url: 'https://example.org/twin-goma', publishedOn: '2024-05-03', verb: 'attacked', actor: 'M23 rebels', place: places.goma, when }));
      const other = await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/twin-bukavu', publishedOn: '2024-05-03', verb: 'attacked', actor: 'M23 rebels', place: places.bukavu, when }),
      );
      expect(other.created.events).toBe(1);
      expect((await eventOf(database, 'https://example.org/twin-goma')).id).not.toBe((await eventOf(database, 'https://example.org/twin-bukavu')).id);
    });

    it('lands a report of an election days before it, dated by its publication, on the election in that country', async () => {
      const election = (url: string, publishedOn: string, when?: { text: string; on: string }) => {
        const facts = report({ url, publishedOn, verb: 'voted', place: places.congo, ...(when ? { when } : {}) });
        facts.events[0]!.type = 'ELECTION';
        facts.events[0]!.title = 'Election in Congo';
        return facts;
      };
      await storeArticleFacts(database.prisma, election('https://example.org/vote-day', '2024-08-15', { text: 'on Thursday', on: '2024-08-15' }));
      const before = await storeArticleFacts(database.prisma, election('https://example.org/vote-eve', '2024-08-12'));
      expect(before.created.events).toBe(0);
    });

    it('keeps apart events whose only shared entity is their country', async () => {
      const when = { text: 'on Monday', on: '2024-06-03' };
      await storeArticleFacts(database.prisma, report({ url: 'https://example.org/country-1', publishedOn: '2024-06-03', verb: 'attacked', actor: 'Mai-Mai fighters', place: places.congo, when }));
      const other = await storeArticleFacts(database.prisma, report({ url: 'https://example.org/country-2', publishedOn: '2024-06-03', verb: 'attacked', place: places.congo, when }));
      expect(other.created.events).toBe(1);
    });

    it('lands two reports that date one hostage-taking from how long it has lasted on one event, within the leeway of such dates', async () => {
      const held = (url: string, publishedOn: string, startsOn: string, text: string, approximate: boolean) => {
        const facts = report({ url, publishedOn, verb: `have held the hostages ${text}`, place: places.goma, when: { text, on: startsOn } });
        facts.events[0]!.type = 'HOSTAGE_TAKING';
        facts.events[0]!.title = 'Hostage taking in Goma';
        facts.events[0]!.date = { startsOn, endsOn: startsOn, precision: 'DAY', approximate, text };
        return facts;
      };
      await storeArticleFacts(database.prisma, held('https://example.org/held-1', '2025-04-22', '2024-12-17', 'for 18 weeks', true));
      const again = await storeArticleFacts(database.prisma, held('https://example.org/held-2', '2025-04-23', '2024-12-26', 'for four months', true));
      expect(again).toMatchObject({ status: 'created', created: { events: 0 } });
      // Two dates the reports state exactly, nine days apart, are two days.
      await storeArticleFacts(database.prisma, held('https://example.org/held-3', '2025-05-02', '2025-02-01', 'on 1 February', false));
      const exact = await storeArticleFacts(database.prisma, held('https://example.org/held-4', '2025-05-03', '2025-02-10', 'on 10 February', false));
      expect(exact.created.events).toBe(1);
    });

    it('lands two reports recalling one invasion by its year and country on one event, and keeps another year or kind apart', async () => {
      const recalled = (url: string, publishedOn: string, year: string, title: string) => {
        const facts = report({ url, publishedOn, verb: `recalled what was done (${title})`, place: places.congo, when: { text: `in ${year}`, on: `${year}-01-01` } });
        facts.events[0]!.type = 'ATTACK';
        facts.events[0]!.title = title;
        facts.events[0]!.date = { startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, precision: 'YEAR', approximate: false, text: `in ${year}` };
        return facts;
      };
      await storeArticleFacts(database.prisma, recalled('https://example.org/recall-1', '2024-09-02', '1998', 'Invasion in Congo'));
      const again = await storeArticleFacts(database.prisma, recalled('https://example.org/recall-2', '2024-09-09', '1998', 'Rwanda invasion in Congo'));
      expect(again).toMatchObject({ status: 'created', created: { events: 0 } });
      const otherYear = await storeArticleFacts(database.prisma, recalled('https://example.org/recall-3', '2024-09-10', '1996', 'Invasion in Congo'));
      expect(otherYear.created.events).toBe(1);
      const otherKind = await storeArticleFacts(database.prisma, recalled('https://example.org/recall-4', '2024-09-11', '1998', 'Massacre in Congo'));
      expect(otherKind.created.events).toBe(1);
    });

    it('lands three AFP reports of the Lima embassy raid (an attack to one, a raid to the next) on one event', async () => {
      // 22 April 1997: Peruvian troops storm the Japanese ambassador's residence. The reports come out over two
      // days, call it an attack or a raid, and name its people and places in different sentences.
      const articles = await ingestAfp(database.prisma, 'AFP_ENG_19970423.0219.tml', 'AFP_ENG_19970423.0654.tml', 'AFP_ENG_19970424.0423.tml');
      const raid = await database.prisma.event.findMany({
        where: { startsOn: new Date('1997-04-22'), type: { not: 'STORY' }, mentions: { some: { articleId: { in: articles } } } },
        include: { mentions: { select: { articleId: true } } },
      });
      expect(raid).toHaveLength(1);
      expect(new Set(raid[0]!.mentions.map((mention) => mention.articleId))).toEqual(new Set(articles));
      expect(raid[0]!.articleCount).toBe(3);
    });

    it('gathers the AFP reports of the Lima hostage crisis into one story whose parts are their events', async () => {
      // Published over three days: two flashes of the raid, its aftermath, the soldiers' funeral. The flashes name
      // hardly anyone; they tell the story in its words (hostages, residence, rebels).
      const flashes = await ingestAfp(database.prisma, 'AFP_ENG_19970422.0638.tml', 'AFP_ENG_19970422.0669.tml');
      const articles = await ingestAfp(database.prisma, 'AFP_ENG_19970422.0660.tml', 'AFP_ENG_19970423.0219.tml', 'AFP_ENG_19970423.0654.tml', 'AFP_ENG_19970424.0423.tml');
      const stories = await database.prisma.event.findMany({
        where: { type: 'STORY', mentions: { some: { articleId: { in: articles } } } },
        include: { mentions: true, relationsTo: { include: { fromEvent: true } }, places: { include: { place: true } } },
      });
      expect(stories).toHaveLength(1);
      const [story] = stories;
      // The reports of the crisis are in it, each by its lead sentence: the four long ones and a flash at least
      // (with six articles stored, the words are weighed on very little).
      const reports = story!.mentions.map((mention) => mention.articleId);
      expect(reports).toEqual(expect.arrayContaining(articles));
      expect(reports.filter((id) => flashes.includes(id)).length).toBeGreaterThanOrEqual(1);
      for (const id of reports) expect([...flashes, ...articles]).toContain(id);
      const lead = story!.mentions.find((mention) => mention.articleId === articles[1]);
      expect(lead?.quote).toMatch(/^Governments around the world praised President Alberto Fujimori .*captives\.$/);
      // Its parts are the events of its reports, the raid of 22 April among them; it runs from that day.
      expect(story!.relationsTo.every((relation) => relation.kind === 'PART_OF')).toBe(true);
      expect(story!.relationsTo.map((relation) => relation.fromEvent.startsOn.toISOString().slice(0, 10))).toContain('1997-04-22');
      expect(story!.startsOn.toISOString().slice(0, 10)).toBe('1997-04-22');
      expect(story!.endsOn.toISOString().slice(0, 10) >= '1997-04-23').toBe(true);
      expect(story!.places.map((link) => link.place.name)).toContain('Lima');
      expect(story!.title).toMatch(/Fujimori/);
    });

    it('keeps reports of unrelated news out of a story', async () => {
      // A report of the same day on Japan and the US (an assault in Okinawa) names Japan too, but none of the crisis's people.
      const [okinawa] = await ingestAfp(database.prisma, 'AFP_ENG_19970423.0683.tml');
      const inStory = await database.prisma.eventMention.count({ where: { articleId: okinawa, event: { type: 'STORY' } } });
      expect(inStory).toBe(0);
    });

    it('keeps an attack apart from a raid elsewhere that day when nothing links the reports', async () => {
      const when = { text: 'on Tuesday', on: '2024-09-03' };
      await storeArticleFacts(database.prisma, report({ url: 'https://example.org/raid-1', publishedOn: '2024-09-03', verb: 'attacked', actor: 'M23 rebels', place: places.goma, when }));
      const raid = report({ url: 'https://example.org/raid-2', publishedOn: '2024-09-03', verb: 'raided a camp', actor: 'Army units', place: places.congo, when });
      raid.events[0]!.type = 'MILITARY_OPERATION';
      expect((await storeArticleFacts(database.prisma, raid)).created.events).toBe(1);
    });

    it('keeps a bombing and a shooting apart even in the same city on the same day', async () => {
      const when = { text: 'on Sunday', on: '2024-07-07' };
      await storeArticleFacts(database.prisma, report({ url: 'https://example.org/kind-1', publishedOn: '2024-07-07', verb: 'bombed a market', actor: 'M23 rebels', place: places.goma, when }));
      const other = await storeArticleFacts(
        database.prisma,
        report({ url: 'https://example.org/kind-2', publishedOn: '2024-07-07', verb: 'opened fire on a bus', actor: 'M23 rebels', place: places.goma, when }),
      );
      expect(other.created.events).toBe(1);
    });
  });

  describe(`storing articles sent at once on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    it('stores each article once and each new place and person once, as if they had come one by one', async () => {
      // The first AFP reports of April 1997 name the same new places and people (Zaire, Kinshasa, Mobutu ...).
      // A city and the division of the same name (Beijing in Beijing) are two places of different kinds.
      const names = [
        '0006', '0092', '0099', '0129', '0171', '0222', '0394', '0421', '0445', '0534',
      ].map((number) => `AFP_ENG_19970401.${number}.tml`);
      const documents = await readAfp(...names);
      const results = await Promise.all(documents.map((document) => ingestDocument(database.prisma, document)));
      expect(results.map((result) => result.status)).toEqual(documents.map(() => 'created'));
      const twins = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT "nameKey" AS name FROM "Person" GROUP BY "nameKey" HAVING count(*) > 1
         UNION ALL SELECT "nameKey" FROM "Organization" GROUP BY "nameKey" HAVING count(*) > 1
         UNION ALL SELECT "nameKey" FROM "Place" GROUP BY "nameKey", "countryCode", kind HAVING count(*) > 1`,
      );
      expect(twins).toEqual([]);
    });
  });

  describe(`storing article facts on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    it('stores the seed article once; the same article again changes nothing and says so', async () => {
      const first = await storeArticleFacts(database.prisma, readSeedFacts());
      expect(first.status).toBe('created');
      expect(first.created).toMatchObject({ events: 8, people: 3, organizations: 8, places: 8, sources: 12, claims: 6 });
      const after = await counts(database);
      const again = await storeArticleFacts(database.prisma, readSeedFacts());
      expect(again).toMatchObject({ status: 'unchanged', articleId: first.articleId });
      expect(await counts(database)).toEqual(after);
    });

    it('lands a second report of the same attack on the same event, entities and source', async () => {
      const before = await counts(database);
      const result = await storeArticleFacts(database.prisma, followUpReport());
      expect(result.status).toBe('created');
      expect(result.created).toMatchObject({ events: 0, organizations: 0, sources: 0 });
      const after = await counts(database);
      expect(after.events).toBe(before.events);
      expect(after.eventMentions).toBe(before.eventMentions + 1);
      const attack = await database.prisma.event.findFirstOrThrow({
        where: { title: 'Hamas attack on Israel' },
        include: { mentions: true, claims: { orderBy: { reportedAt: 'asc' } } },
      });
      expect(new Set(attack.mentions.map((mention) => mention.articleId)).size).toBe(2);
      // Two tolls from the same kind of source, a week apart, side by side.
      expect(attack.claims.map((claim) => [claim.value, claim.qualifier])).toEqual([
        [1400, 'EXACT'],
        [1200, 'ABOUT'],
      ]);
    });

    it('writes nothing when facts are inconsistent, and names the problem', async () => {
      const before = await counts(database);
      const broken = followUpReport();
      broken.article.url = 'https://example.org/broken';
      broken.article.text += ' More.';
      broken.claims[0]!.sources = ['nobody'];
      await expect(storeArticleFacts(database.prisma, broken)).rejects.toThrow(FactsError);
      await expect(storeArticleFacts(database.prisma, broken)).rejects.toThrow('claim 0: refers to "nobody", which no fact defines');
      const misfiled = followUpReport();
      misfiled.events[0]!.places = [{ place: 'hamas', role: 'LOCATION' }];
      await expect(storeArticleFacts(database.prisma, misfiled)).rejects.toThrow('"hamas" is used as a place but is not one');
      expect(await counts(database)).toEqual(before);
    });

    it('rolls back everything when the database refuses part of an article', async () => {
      const before = await counts(database);
      const failing = followUpReport();
      failing.article.url = 'https://example.org/failing';
      failing.article.text += ' Again.';
      // A NUL character passes the fact checks but no PostgreSQL text column: the claim, written last, fails.
      failing.claims[0]!.subject = 'people\u0000';
      failing.organizations.push({ key: 'new-org', name: 'A brand new group', kind: 'OTHER', mentions: [] });
      await expect(storeArticleFacts(database.prisma, failing)).rejects.toThrow();
      expect(await counts(database)).toEqual(before);
    });
  });
}
