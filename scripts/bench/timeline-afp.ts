// Benchmark: ingest the AFP corpus (../shared/datasets/afp-1997) into a fresh embedded database and, when a
// PostgreSQL server is reachable, into a fresh PostgreSQL database; then time the timeline of April 1997 grouped
// by day, 10 events a bucket with their places, participants and first mentions. Prints medians over 7 runs.
// Usage: npm run bench:timeline [-- --skip-postgres]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { ingestDocument } from '../../src/graph/ingest-article.js';
import { BatchConsolidation } from '../../src/graph/story-consolidation.js';
import { listInputFiles, readDocumentFile } from '../../src/ingest/formats/index.js';
import { createServer } from '../../src/server.js';

const corpus = '../shared/datasets/afp-1997';
const adminUrl = process.env.NEWSLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const timelineQuery = /* GraphQL */ `
  query AprilByDay {
    timeline(filter: { from: "1997-04-01", to: "1997-04-30" }, groupBy: DAY, first: 40) {
      totalCount eventCount
      edges { node { period eventCount articleCount
        events(first: 10) { edges { node {
          title date { start precision approximate } articleCount
          places(first: 5) { edges { role node { name parent { name } } } }
          people(first: 5) { edges { role node { name } } }
          organizations(first: 5) { edges { role node { name } } }
          mentions(first: 1) { edges { node { quote { text } source { name } article { publishedOn } } } }
        } } }
      } }
    }
  }`;

async function ingestCorpus(database: Database): Promise<{ articles: number; failures: number; seconds: number }> {
  const started = performance.now();
  let articles = 0;
  let failures = 0;
  // As the ingest CLI does: stories consolidated and statistics refreshed every 400 articles and at the end.
  const consolidation = new BatchConsolidation(database.prisma);
  for (const file of await listInputFiles([corpus])) {
    try {
      for (const document of await readDocumentFile(file)) {
        await ingestDocument(database.prisma, document);
        articles += 1;
        if (await consolidation.stored(document.publishedAt)) await database.maintain();
      }
    } catch (error) {
      failures += 1;
      console.error(`${file}: ${(error as Error).message.split('\n').filter(Boolean).at(-1)}`);
    }
  }
  if (await consolidation.finish()) await database.maintain();
  return { articles, failures, seconds: (performance.now() - started) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(label: string, open: (onQuery: (sql: string) => void) => Promise<Database>): Promise<void> {
  let statements = 0;
  const database = await open(() => {
    statements += 1;
  });
  try {
    const ingested = await ingestCorpus(database);
    console.log(
      `${label}: ingested ${ingested.articles} articles (${ingested.failures} failed) in ${ingested.seconds.toFixed(1)} s (${(ingested.articles / ingested.seconds).toFixed(1)} articles/s)`,
    );
    const server = createServer(database.prisma);
    const timings: number[] = [];
    let counts: number[] = [];
    let summary = '';
    for (let run = 0; run < 7; run += 1) {
      statements = 0;
      const started = performance.now();
      const response = await server.fetch('http://newsline/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: timelineQuery }),
      });
      const body = (await response.json()) as { data?: { timeline: { totalCount: number; eventCount: number } }; errors?: unknown };
      timings.push(performance.now() - started);
      counts.push(statements);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      summary = `${body.data!.timeline.totalCount} buckets, ${body.data!.timeline.eventCount} events`;
    }
    counts = [...new Set(counts)];
    console.log(`${label}: April 1997 by day (${summary}): median ${median(timings).toFixed(1)} ms over 7 runs (first ${timings[0]!.toFixed(1)} ms), ${counts.join('/')} SQL statements`);
  } finally {
    await database.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'newsline-bench-'));
try {
  await measure('pglite', (onQuery) => openDatabase({ dataDir, onQuery }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

if (!process.argv.includes('--skip-postgres')) {
  const name = `newsline_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`postgres: not reachable at ${adminUrl}; skipped`);
    process.exit(0);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await measure('postgres', (onQuery) => openDatabase({ url: url.toString(), onQuery }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
