// Eight writers at once on one PostgreSQL database, each a server of its own (its own Prisma client and pool),
// ingesting overlapping batches of one AFP story through the API with an ingest key: nothing fails, nothing is
// stored twice, and the graph is the one a sequential ingest of the same articles (in the order they landed) makes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createServer, type NewslineServer } from '../../src/server.js';
import { afpDirectory } from '../support/afp.js';
import { createTestApiKey } from '../support/api-keys.js';
import { createThrowawayPostgresDatabase, postgresAvailable } from '../support/databases.js';

// AFP reports of the Zairean rebellion (April 1997) and of the end of the Lima hostage crisis: two stories
// whose reports name the same people, places and events.
const reports = [
  '19970404.0249', '19970405.0095', '19970408.0328', '19970409.0497', '19970410.0290', '19970411.0253', '19970413.0264',
  '19970414.0136', '19970417.0576', '19970418.0168', '19970419.0152', '19970421.0449', '19970422.0195', '19970424.0248',
  '19970429.0212', '19970429.0591', '19970430.0553', '19970430.0571', '19970430.0572',
  '19970422.0638', '19970422.0660', '19970422.0669', '19970423.0219', '19970424.0618',
].map((id) => `AFP_ENG_${id}.tml`);
const writers = 8;
// Writer i sends six consecutive reports from 3i on: each report is sent by two writers, each writer overlaps the next.
const batches = Array.from({ length: writers }, (_, writer) => Array.from({ length: 6 }, (_, k) => reports[(writer * 3 + k) % reports.length]!));

const ingestMutation = /* GraphQL */ `
  mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id } } }
`;

interface Writer {
  database: Database;
  server: NewslineServer;
}

async function ingest(writer: Writer, key: string, name: string): Promise<{ status?: string; errors?: unknown }> {
  const response = await writer.server.fetch(
    'http://127.0.0.1/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: ingestMutation, variables: { input: { content: readFileSync(`${afpDirectory}/${name}`, 'utf8'), format: 'TIMEML' } } }),
    },
    { req: { socket: { remoteAddress: '127.0.0.1' } } },
  );
  const body = (await response.json()) as { data?: { ingestArticle?: { status: string } }; errors?: unknown };
  return { status: body.data?.ingestArticle?.status, errors: body.errors };
}

async function graphCounts(database: Database) {
  const prisma = database.prisma;
  const [articles, events, stories, people, organizations, places, sources, claims, writes] = await Promise.all([
    prisma.article.count(),
    prisma.event.count(),
    prisma.event.count({ where: { type: 'STORY' } }),
    prisma.person.count(),
    prisma.organization.count(),
    prisma.place.count(),
    prisma.source.count(),
    prisma.claim.count(),
    prisma.writeLog.count(),
  ]);
  return { articles, events, stories, people, organizations, places, sources, claims, writes };
}

/** Rows that would be the same thing stored twice. */
async function duplicates(database: Database) {
  return database.prisma.$queryRawUnsafe<{ what: string; key: string }[]>(
    `SELECT 'article' AS what, "contentHash" AS key FROM "Article" GROUP BY "contentHash" HAVING count(*) > 1
     UNION ALL SELECT 'person', "nameKey" FROM "Person" GROUP BY "nameKey" HAVING count(*) > 1
     UNION ALL SELECT 'organization', "nameKey" || '/' || kind FROM "Organization" GROUP BY "nameKey", kind HAVING count(*) > 1
     UNION ALL SELECT 'place', "nameKey" || '/' || coalesce("countryCode", '') || '/' || kind FROM "Place" GROUP BY "nameKey", "countryCode", kind HAVING count(*) > 1
     UNION ALL SELECT 'event', type || '/' || title || '/' || "startsOn" FROM "Event" GROUP BY type, title, "startsOn", "endsOn" HAVING count(*) > 1
     ORDER BY 1, 2`,
  );
}

describe.skipIf(!postgresAvailable)('eight writers at once on one PostgreSQL database', () => {
  const throwaways: { drop(): Promise<void> }[] = [];
  const opened: Database[] = [];
  let parallel: Writer[];
  let sequential: Writer;
  let parallelKey: string;
  let sequentialKey: string;

  beforeAll(async () => {
    const shared = await createThrowawayPostgresDatabase('newsline_writers');
    const alone = await createThrowawayPostgresDatabase('newsline_sequential');
    throwaways.push(shared, alone);
    const open = async (url: string) => {
      const database = await openDatabase({ url, poolSize: 2 });
      opened.push(database);
      return { database, server: createServer(database.prisma) };
    };
    // The first open migrates; the others find the migrations applied.
    const first = await open(shared.url);
    parallel = [first, ...(await Promise.all(Array.from({ length: writers - 1 }, () => open(shared.url))))];
    sequential = await open(alone.url);
    parallelKey = await createTestApiKey(first.database.prisma, ['ingest'], 'parallel writers');
    sequentialKey = await createTestApiKey(sequential.database.prisma, ['ingest'], 'sequential writer');
  }, 60_000);

  afterAll(async () => {
    for (const database of opened) await database.close().catch(() => {});
    for (const throwaway of throwaways) await throwaway.drop().catch(() => {});
  });

  it('ingests every overlapping batch without a failure or a duplicate, into the graph a sequential ingest makes', async () => {
    const started = performance.now();
    const outcomes = await Promise.all(
      batches.map(async (batch, index) => {
        const results: { name: string; status?: string; errors?: unknown }[] = [];
        for (const name of batch) results.push({ name, ...(await ingest(parallel[index]!, parallelKey, name)) });
        return results;
      }),
    );
    const parallelSeconds = (performance.now() - started) / 1000;
    const all = outcomes.flat();
    expect(all.filter((outcome) => outcome.errors !== undefined || outcome.status === undefined)).toEqual([]);
    // Each report is sent twice: one of the two stores it, the other finds it stored.
    expect(all.filter((outcome) => outcome.status === 'CREATED')).toHaveLength(reports.length);
    expect(all.filter((outcome) => outcome.status === 'UNCHANGED')).toHaveLength(reports.length);
    // No entity or article twice; events that two reports tell apart are compared with the sequential run below.
    expect((await duplicates(parallel[0]!.database)).filter((duplicate) => duplicate.what !== 'event')).toEqual([]);

    // The same reports one by one, in the order the parallel writers stored them.
    const landed = await parallel[0]!.database.prisma.article.findMany({ select: { url: true }, orderBy: { id: 'asc' } });
    const order = landed.map((article) => reports.find((name) => article.url?.includes(name.replace(/\.tml$/, '')))!);
    expect(new Set(order).size).toBe(reports.length);
    const sequentialStarted = performance.now();
    for (const name of order) expect((await ingest(sequential, sequentialKey, name)).status).toBe('CREATED');
    const sequentialSeconds = (performance.now() - sequentialStarted) / 1000;
    console.info(
      `concurrent writers: ${all.length} ingests (${reports.length} articles) by ${writers} writers in ${parallelSeconds.toFixed(1)} s; ` +
        `the ${reports.length} articles one by one in ${sequentialSeconds.toFixed(1)} s`,
    );
    const parallelGraph = await graphCounts(parallel[0]!.database);
    const sequentialGraph = await graphCounts(sequential.database);
    // Every ingest is recorded, the ones that changed nothing too.
    expect(parallelGraph.writes).toBe(all.length);
    expect({ ...parallelGraph, writes: 0 }).toEqual({ ...sequentialGraph, writes: 0 });
    // Writing at once joins no fewer events than writing one by one.
    expect(await duplicates(parallel[0]!.database)).toEqual(await duplicates(sequential.database));
    expect(parallelGraph.articles).toBe(reports.length);
  }, 300_000);
});
