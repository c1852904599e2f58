// A write and its record in the write log commit together or not at all: when the record cannot be written the
// write is rolled back, when the write fails nothing is recorded, and a serialization failure runs the mutation again.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';
import type { PrismaClient } from '../../src/db/generated/prisma/client.js';
import { afpDirectory, ingestAfp } from '../support/afp.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

/** Everything the mutations below could change, and the write log. */
async function state(prisma: PrismaClient) {
  const [people, merges, eventPlaces, articles, events, places, writes, aliases] = await Promise.all([
    prisma.person.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } }),
    prisma.entityMerge.count(),
    prisma.eventPlace.count(),
    prisma.article.count(),
    prisma.event.count(),
    prisma.place.count(),
    prisma.writeLog.count(),
    prisma.personAlias.count(),
  ]);
  return { people, merges, eventPlaces, articles, events, places, writes, aliases };
}

/** A trigger that raises the given error on every insert into the table (or, with once, on the first only). */
async function refuseInserts(prisma: PrismaClient, table: string, errcode: string, once = false): Promise<() => Promise<void>> {
  const name = `newsline_test_refuse_${table.toLowerCase()}`;
  await prisma.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS ${name}_seq`);
  await prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${once ? `nextval('${name}_seq') = 1` : 'true'} THEN
         RAISE EXCEPTION 'test: an insert into ${table} refused' USING ERRCODE = '${errcode}';
       END IF;
       RETURN NEW;
     END $$`,
  );
  await prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await prisma.$executeRawUnsafe(`DROP SEQUENCE ${name}_seq`);
  };
}

const afpReport = readFileSync(`${afpDirectory}/AFP_ENG_19970423.0683.tml`, 'utf8');

for (const kind of databaseKinds) {
  describe(`a write and its record on ${kind}`, () => {
    let database: TestDatabase;
    let client: GraphQLClient;
    let people: { id: number }[];
    let event: { id: number };
    let place: { id: number };

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await loadDemoDataIfEmpty(database.prisma);
      client = graphqlClient(database.prisma);
      people = await database.prisma.person.findMany({ orderBy: { id: 'asc' }, take: 2, select: { id: true } });
      event = await database.prisma.event.findFirstOrThrow({ where: { places: { none: {} } }, select: { id: true } }).catch(() =>
        database.prisma.event.findFirstOrThrow({ select: { id: true } }),
      );
      place = await database.prisma.place.findFirstOrThrow({ where: { events: { none: { eventId: event.id } } }, select: { id: true } });
    }, 60_000);
    afterAll(async () => database?.dispose());

    const mutations = () => ({
      createPerson: [`mutation { createPerson(input: { name: "Ada Atomic" }) { id } }`, {}],
      linkEventPlace: [
        `mutation ($event: ID!, $place: ID!) { linkEventPlace(event: $event, place: $place) { id } }`,
        { event: encodeNodeId('Event', event.id), place: encodeNodeId('Place', place.id) },
      ],
      mergeEntities: [
        `mutation ($survivor: ID!, $merged: ID!) { mergeEntities(survivor: $survivor, merged: $merged) { survivor { id } } }`,
        { survivor: encodeNodeId('Person', people[0]!.id), merged: encodeNodeId('Person', people[1]!.id) },
      ],
      ingestArticle: [
        `mutation ($content: String!) { ingestArticle(input: { content: $content, format: TIMEML }) { status } }`,
        { content: afpReport },
      ],
    }) as Record<string, [string, Record<string, unknown>]>;

    it('rolls back each write whose record cannot be written: create, link, merge, ingest', async () => {
      const restore = await refuseInserts(database.prisma, 'WriteLog', 'P0001');
      try {
        for (const [name, [query, variables]] of Object.entries(mutations())) {
          const before = await state(database.prisma);
          const result = await client.request(query, variables);
          expect(result.errors, name).toBeDefined();
          expect(result.data, name).toBeNull();
          expect(await state(database.prisma), name).toEqual(before);
        }
      } finally {
        await restore();
      }
    }, 120_000);

    it('records nothing when the write fails, and a write and its record once the record can be written', async () => {
      const [query, variables] = mutations().linkEventPlace!;
      const restore = await refuseInserts(database.prisma, 'EventPlace', 'P0001');
      const before = await state(database.prisma);
      try {
        expect((await client.request(query, variables)).errors).toBeDefined();
        expect(await state(database.prisma)).toEqual(before);
      } finally {
        await restore();
      }
      expect((await client.request(query, variables)).errors).toBeUndefined();
      const after = await state(database.prisma);
      expect(after.eventPlaces).toBe(before.eventPlaces + 1);
      expect(after.writes).toBe(before.writes + 1);
      const record = await database.prisma.writeLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(record.operation).toBe('linkEventPlace');
    });

    it('runs a mutation again after a serialization failure (40001): one write, one record', async () => {
      const restore = await refuseInserts(database.prisma, 'WriteLog', '40001', true);
      const before = await state(database.prisma);
      try {
        const result = await client.request(`mutation { createPerson(input: { name: "Ada Retried" }) { name } }`);
        expect(result.errors).toBeUndefined();
      } finally {
        await restore();
      }
      const after = await state(database.prisma);
      expect(after.people.filter((person) => person.name === 'Ada Retried')).toHaveLength(1);
      expect(after.writes).toBe(before.writes + 1);
    });

    it('stores an article again after a deadlock (40P01) outside a mutation too, as npm run ingest does', async () => {
      const restore = await refuseInserts(database.prisma, 'Article', '40P01', true);
      const before = await database.prisma.article.count();
      try {
        const [id] = await ingestAfp(database.prisma, 'AFP_ENG_19970422.0638.tml');
        expect(id).toBeGreaterThan(0);
      } finally {
        await restore();
      }
      expect(await database.prisma.article.count()).toBe(before + 1);
    });

    it('commits a merge, its record and the link between them together', async () => {
      const [query, variables] = mutations().mergeEntities!;
      const result = await client.request(query, variables);
      expect(result.errors).toBeUndefined();
      const merge = await database.prisma.entityMerge.findFirstOrThrow({ orderBy: { id: 'desc' }, include: { write: true } });
      expect(merge.write?.operation).toBe('mergeEntities');
    });
  });
}
