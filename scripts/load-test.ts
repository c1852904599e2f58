/**
 * `npm run load`: a load test on loopback (not a timed test; nothing asserts). It ingests AFP reports into a fresh
 * database, starts `npm start`'s server on 127.0.0.1, then for 60 s sends real reads at concurrency 64 (event lists,
 * an event's detail, the timeline, searches, the two exports) while one writer ingests further AFP reports through
 * the API with an ingest key. It prints the requests, the errors by kind, p50/p95/p99 by kind, req/s, the server's
 * RSS every 5 s, and a summary.
 *
 * The database: a fresh embedded one in a temporary directory; with DATABASE_URL set, a throwaway database created
 * on that PostgreSQL server (and dropped at the end), never the database the URL names.
 * Rate limits stay on, with budgets of 1,000,000 requests per window for addresses and keys, so that they cost what
 * they cost and refuse nothing.
 *
 * Options (or the environment variables LOAD_*): --duration <s> (60), --concurrency <n> (64),
 * --articles <n> ingested before (150), --sample <s> RSS sampling interval (5).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const afpDirectory = resolve(process.env.NEWSLINE_AFP_DIR ?? '../shared/datasets/afp-1997');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[`LOAD_${name.toUpperCase()}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const durationSeconds = option('duration', 60);
const concurrency = Math.round(option('concurrency', 64));
const initialArticles = Math.round(option('articles', 150));
const sampleSeconds = option('sample', 5);

const host = '127.0.0.1';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function rssMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(1) : Math.round(value).toString());

// ---- the database -------------------------------------------------------------------------------------------------

const workDir = mkdtempSync(join(tmpdir(), 'newsline-load-'));
const serverEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  HOST: host,
  NEWSLINE_DATA_DIR: join(workDir, 'data'),
  NEWSLINE_DEMO_DATA: 'false',
  NEWSLINE_RATE_LIMIT_ANONYMOUS: '1000000',
  NEWSLINE_RATE_LIMIT_KEYED: '1000000',
  DATABASE_URL: '',
};
let dropThrowaway: (() => Promise<void>) | null = null;
if (process.env.DATABASE_URL) {
  const admin = new URL(process.env.DATABASE_URL);
  const name = `newsline_load_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  serverEnv.DATABASE_URL = url.toString();
  dropThrowaway = async () => {
    const cleanup = new pg.Client({ connectionString: admin.toString() });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}
const databaseLabel = serverEnv.DATABASE_URL ? `PostgreSQL (throwaway database on ${new URL(serverEnv.DATABASE_URL).host})` : 'PGlite (embedded, fresh data directory)';

const node = (script: string, args: string[], extra: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...serverEnv, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const reports = readdirSync(afpDirectory).filter((name) => name.endsWith('.tml')).sort();
// The first reports in date order are there before; the writer sends reports from later in the month.
const before = reports.slice(0, initialArticles);
const forWriter = reports.slice(initialArticles);

let server: ChildProcess | null = null;
const cleanUp = async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((done) => server!.once('exit', done));
  }
  await dropThrowaway?.().catch((error: Error) => console.error(`load: could not drop the throwaway database: ${error.message}`));
  rmSync(workDir, { recursive: true, force: true });
};

try {
  console.log(`load: ${databaseLabel}; ${cpus().length} CPUs, load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  let started = performance.now();
  node('src/cli/migrate.ts', []);
  node('src/cli/ingest.ts', before.map((name) => join(afpDirectory, name)));
  console.log(`load: ${before.length} AFP reports ingested before the run in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ingestKey = node('src/cli/apikey.ts', ['create', '--scope', 'ingest', '--name', 'load test writer']).trim();

  const port = await freePort();
  started = performance.now();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], { env: { ...serverEnv, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const base = `http://${host}:${port}`;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped at start:\n${serverLog}`);
    const healthy = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (performance.now() - started > 60_000) throw new Error(`the server did not answer /health within 60 s:\n${serverLog}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  console.log(`load: server pid ${server.pid} on ${base} ready in ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${ms(rssMiB(server.pid!) ?? NaN)} MiB`);

  const graphql = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
  };

  // What the reads name: events and people that exist, and days of the corpus.
  const seeds = await graphql(`{ events(first: 100, orderBy: MOST_REPORTED) { edges { node { id title } } } people(first: 50) { edges { node { name } } } }`);
  const eventIds: string[] = seeds.body.data.events.edges.map((edge: any) => edge.node.id);
  const words = [...new Set(seeds.body.data.events.edges.flatMap((edge: any) => String(edge.node.title).split(/\W+/).filter((word: string) => word.length > 4)))].slice(0, 60) as string[];
  const names: string[] = seeds.body.data.people.edges.map((edge: any) => edge.node.name.split(' ').pop());
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
  const days = Array.from({ length: 30 }, (_, index) => `1997-04-${String(index + 1).padStart(2, '0')}`);

  type Read = { kind: string; run: () => Promise<{ status: number; code?: string }> };
  const asResult = async (promise: ReturnType<typeof graphql>) => {
    const { status, body } = await promise;
    return { status, code: body.errors?.[0]?.extensions?.code ?? (body.errors ? 'GRAPHQL_ERROR' : undefined) };
  };
  const reads: Read[] = [
    {
      kind: 'events list',
      run: () =>
        asResult(
          graphql(
            `query ($from: Date, $order: EventOrder) { events(first: 20, orderBy: $order, filter: { from: $from }) { totalCount pageInfo { endCursor hasNextPage }
              edges { node { id title type date { start end precision } articleCount places(first: 3) { edges { node { name } } } } } } }`,
            { from: pick(days), order: pick(['DATE_ASC', 'DATE_DESC', 'MOST_REPORTED']) },
          ),
        ),
    },
    {
      kind: 'event detail',
      run: () =>
        asResult(
          graphql(
            `query ($id: ID!) { node(id: $id) { ... on Event { title summary type date { start end precision approximate text }
              places(first: 10) { edges { role node { name kind parent { name } } } }
              people(first: 10) { edges { role node { name } } } organizations(first: 10) { edges { role node { name kind } } }
              mentions(first: 10) { edges { node { quote { text } source { name kind } article { title publishedOn publisher { name } } } } }
              claims(first: 10) { edges { node { metric qualifier value subject sources(first: 3) { edges { node { name } } } } } } } } }`,
            { id: pick(eventIds) },
          ),
        ),
    },
    {
      kind: 'timeline',
      run: () =>
        asResult(
          graphql(
            `query ($group: TimelineGrouping, $from: Date) { timeline(groupBy: $group, first: 20, filter: { from: $from, to: "1997-04-30" }) { totalCount eventCount
              edges { node { period precision eventCount articleCount events(first: 5) { edges { node { title date { start precision } } } }
              topOrganizations(limit: 3) { organization { name } eventCount } } } } }`,
            { group: pick(['DAY', 'WEEK', 'MONTH']), from: pick(days) },
          ),
        ),
    },
    {
      kind: 'search',
      run: () =>
        asResult(
          graphql(
            `query ($words: String!, $name: String!) { events(filter: { search: $words }, first: 10) { totalCount edges { node { title } } }
              people(search: $name, first: 5) { edges { node { name } } } articles(filter: { search: $words }, first: 5) { edges { node { title } } } }`,
            { words: pick(words), name: pick(names) },
          ),
        ),
    },
    {
      kind: 'export',
      run: async () => {
        const path = pick(['/export/timelinejs.json', '/export/events.geojson']);
        const response = await fetch(`${base}${path}?from=${pick(days)}&to=1997-04-30`);
        await response.arrayBuffer();
        return { status: response.status, code: response.ok ? undefined : `HTTP_${response.status}` };
      },
    },
  ];

  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const countError = (kind: string, what: string) => errors.set(`${kind}: ${what}`, (errors.get(`${kind}: ${what}`) ?? 0) + 1);
  const record = (kind: string, milliseconds: number) => {
    if (!latencies.has(kind)) latencies.set(kind, []);
    latencies.get(kind)!.push(milliseconds);
  };

  const rss: { second: number; mib: number | null }[] = [{ second: 0, mib: rssMiB(server.pid!) }];
  const runStarted = performance.now();
  const deadline = runStarted + durationSeconds * 1000;
  const sampler = setInterval(() => {
    const mib = rssMiB(server!.pid!);
    const second = Math.round((performance.now() - runStarted) / 1000);
    rss.push({ second, mib });
    const done = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
    process.stderr.write(`  ${String(second).padStart(3)} s: ${done} requests, RSS ${ms(mib ?? NaN)} MiB\n`);
  }, sampleSeconds * 1000);

  const reader = async () => {
    while (performance.now() < deadline) {
      const read = pick(reads);
      const start = performance.now();
      try {
        const result = await read.run();
        record(read.kind, performance.now() - start);
        if (result.status !== 200 || result.code) countError(read.kind, result.code ?? `HTTP_${result.status}`);
      } catch (error) {
        record(read.kind, performance.now() - start);
        countError(read.kind, `network: ${(error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message}`);
      }
    }
  };
  let ingested = { created: 0, unchanged: 0 };
  const writer = async () => {
    for (const name of forWriter) {
      if (performance.now() >= deadline) break;
      const start = performance.now();
      try {
        const { status, body } = await graphql(
          `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status created { events people places } } }`,
          { input: { content: readFileSync(join(afpDirectory, name), 'utf8'), format: 'TIMEML' } },
          ingestKey,
        );
        record('ingest (writer)', performance.now() - start);
        const code = body.errors?.[0]?.extensions?.code;
        if (status !== 200 || code || body.errors) countError('ingest (writer)', code ?? `HTTP_${status}`);
        else if (body.data.ingestArticle.status === 'CREATED') ingested.created += 1;
        else ingested.unchanged += 1;
      } catch (error) {
        record('ingest (writer)', performance.now() - start);
        countError('ingest (writer)', `network: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all([writer(), ...Array.from({ length: concurrency }, reader)]);
  const elapsed = (performance.now() - runStarted) / 1000;
  clearInterval(sampler);
  rss.push({ second: Math.round(elapsed), mib: rssMiB(server.pid!) });

  // ---- the report ---------------------------------------------------------------------------------------------------
  const all = [...latencies.entries()].filter(([kind]) => kind !== 'ingest (writer)').flatMap(([, list]) => list).sort((a, b) => a - b);
  const totalErrors = [...errors.entries()].filter(([kind]) => !kind.startsWith('ingest')).reduce((sum, [, count]) => sum + count, 0);
  console.log(`\nload: ${elapsed.toFixed(1)} s, ${concurrency} readers and 1 writer, on ${databaseLabel}`);
  console.log(`${'kind'.padEnd(18)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  const row = (kind: string, list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(18)} ${String(sorted.length).padStart(8)} ${ms(percentile(sorted, 50)).padStart(8)} ${ms(percentile(sorted, 95)).padStart(8)} ${ms(percentile(sorted, 99)).padStart(8)} ${ms(sorted.at(-1) ?? NaN).padStart(8)}`,
    );
  };
  for (const [kind, list] of [...latencies.entries()].sort()) row(kind, list);
  row('all reads', all);
  console.log(`\nerrors by kind: ${errors.size === 0 ? 'none' : ''}`);
  for (const [what, count] of [...errors.entries()].sort()) console.log(`  ${what}: ${count}`);
  console.log(`\nserver RSS (MiB) every ${sampleSeconds} s: ${rss.map((sample) => `${sample.second}s ${ms(sample.mib ?? NaN)}`).join(', ')}`);
  const mibs = rss.map((sample) => sample.mib).filter((mib): mib is number => mib !== null);
  console.log(
    `\nsummary: ${all.length} reads in ${elapsed.toFixed(1)} s = ${(all.length / elapsed).toFixed(0)} req/s, ${totalErrors} read errors; ` +
      `reads p50 ${ms(percentile(all, 50))} ms, p95 ${ms(percentile(all, 95))} ms, p99 ${ms(percentile(all, 99))} ms; ` +
      `writer ${ingested.created} articles ingested (${ingested.unchanged} unchanged) through the API; ` +
      `server RSS ${ms(mibs[0] ?? NaN)} → ${ms(mibs.at(-1) ?? NaN)} MiB (peak ${ms(Math.max(...mibs))}); load average after ${loadavg()[0]!.toFixed(2)}`,
  );
} finally {
  await cleanUp();
}
