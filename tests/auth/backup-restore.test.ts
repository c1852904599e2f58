// npm run backup / npm run restore of the embedded database: AFP reports ingested, backed up, the data directory
// wiped, restored: the same GraphQL queries give the same JSON. Both refuse while the database is open elsewhere.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { backupEmbedded, embeddedBackupTarget, restoreEmbedded } from '../../src/db/backup.js';
import { ingestAfp } from '../support/afp.js';
import { graphqlClient } from '../support/graphql.js';

const workDir = mkdtempSync(join(tmpdir(), 'newsline-backup-'));
const dataDir = join(workDir, 'data');
const backupFile = join(workDir, 'backups', 'newsline.tar.gz');

function cli(script: 'backup' | 'restore', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { env: { ...process.env, DATABASE_URL: '', NEWSLINE_DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Real reads a timeline frontend makes: lists, a detail, the timeline, a search, and the two exports. */
async function answers(database: Database): Promise<unknown[]> {
  const client = graphqlClient(database.prisma, { apiKey: null });
  const first = await client.data(`{ events(first: 1, orderBy: MOST_REPORTED) { edges { node { id } } } }`);
  const eventId = first.events.edges[0].node.id;
  const results: unknown[] = [];
  for (const [query, variables] of [
    [`{ events(first: 20, orderBy: DATE_ASC) { totalCount edges { node { id title type date { start end precision } articleCount } } } }`, {}],
    [
      `query ($id: ID!) { node(id: $id) { ... on Event { title summary places { edges { role node { name kind } } } people { edges { role node { name } } }
        organizations { edges { role node { name } } } mentions(first: 5) { edges { node { quote { text } article { title publishedOn } } } } claims { edges { node { metric value } } } } } }`,
      { id: eventId },
    ],
    [`{ timeline(groupBy: DAY, first: 30) { totalCount eventCount edges { node { period eventCount articleCount events(first: 3) { edges { node { title } } } } } } }`, {}],
    [`{ events(filter: { search: "Kabila" }, first: 10) { totalCount edges { node { title } } } people(search: "kabila", first: 5) { edges { node { name } } } }`, {}],
    [`{ articles(first: 10) { totalCount edges { node { title publishedOn url } } } writeLog(first: 1) { totalCount } }`, {}],
  ] as [string, Record<string, unknown>][]) {
    results.push(await client.request(query, variables));
  }
  for (const path of ['/export/timelinejs.json', '/export/events.geojson']) {
    const response = await client.server.fetch(`http://newsline${path}`);
    // The exports say when they were made; everything else must be the same.
    const body = (await response.text()).replace(/Generated [^ ]+ from/g, 'Generated (time) from').replace(/"generatedAt":"[^"]+"/g, '"generatedAt":"(time)"');
    results.push({ path, status: response.status, body: JSON.parse(body) });
  }
  return results;
}

describe('backing up and restoring the embedded database', () => {
  let before: unknown[];

  beforeAll(async () => {
    const database = await openDatabase({ dataDir });
    try {
      await ingestAfp(database.prisma, 'AFP_ENG_19970404.0249.tml', 'AFP_ENG_19970405.0095.tml', 'AFP_ENG_19970408.0328.tml', 'AFP_ENG_19970422.0638.tml');
      before = await answers(database);
      // While the database is open, neither may run: in this process, or from the command line.
      await expect(backupEmbedded(dataDir, backupFile)).rejects.toThrow(/in use by process/);
      const refused = await cli('backup', backupFile);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`backup: the embedded database at .*pglite is in use by process ${process.pid}`));
      expect(existsSync(backupFile)).toBe(false);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('gives the same answers after a backup, a wiped data directory and a restore', async () => {
    const started = performance.now();
    const backup = await cli('backup', backupFile);
    const backupSeconds = (performance.now() - started) / 1000;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backup: .*newsline\.tar\.gz, [\d.]+ MiB, 4 articles and \d+ events, in [\d.]+ s\n$/);
    const bytes = statSync(backupFile).size;

    rmSync(dataDir, { recursive: true, force: true });
    const restoreStarted = performance.now();
    const restore = await cli('restore', backupFile);
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/4 articles/);
    console.info(`backup: ${(bytes / 1_048_576).toFixed(1)} MiB, ${backupSeconds.toFixed(1)} s (CLI, with start); restore ${restoreSeconds.toFixed(1)} s`);

    const database = await openDatabase({ dataDir });
    try {
      expect(database.migrations.applied).toEqual([]);
      expect(await answers(database)).toEqual(before);
      // The restored database takes writes.
      await ingestAfp(database.prisma, 'AFP_ENG_19970423.0219.tml');
      expect(await database.prisma.article.count()).toBe(5);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses to restore over a database unless told to replace it, and then moves the old one aside', async () => {
    const refused = await cli('restore', backupFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a database; restore into an empty NEWSLINE_DATA_DIR, or pass --replace/);
    const report = await restoreEmbedded(dataDir, backupFile, { replace: true });
    expect(report.movedAside).toMatch(/pglite\.before-restore-/);
    expect(report.articles).toBe(4);
    expect(existsSync(join(report.movedAside!, 'PG_VERSION'))).toBe(true);
    const database = await openDatabase({ dataDir });
    try {
      expect(await answers(database)).toEqual(before);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('says how to call it without exactly one file, and points to pg_dump and pg_restore on a PostgreSQL server', () => {
    const embedded = { databaseUrl: '', dataDir };
    expect(embeddedBackupTarget(['newsline.tar.gz'], 'usage: …', embedded)).toEqual({ dataDir, file: 'newsline.tar.gz' });
    expect(embeddedBackupTarget([], 'usage: …', embedded)).toEqual({ refusal: 'usage: …' });
    expect(embeddedBackupTarget(['a.tar.gz', 'b.tar.gz'], 'usage: …', embedded)).toEqual({ refusal: 'usage: …' });
    expect(embeddedBackupTarget(['--force'], 'usage: …', embedded)).toEqual({ refusal: 'usage: …' });
    const server = embeddedBackupTarget(['newsline.tar.gz'], 'usage: …', { databaseUrl: 'postgres://newsline:secret@db:5432/newsline', dataDir });
    expect('refusal' in server && server.refusal).toMatch(/pg_dump[\s\S]*pg_restore/);
    // The password is never printed back.
    expect('refusal' in server && server.refusal).not.toContain('secret');
  });

  it('refuses a file that is not a backup, and leaves the database as it was', async () => {
    const junk = join(workDir, 'junk.tar.gz');
    writeFileSync(junk, 'not a tarball');
    await expect(restoreEmbedded(dataDir, junk, { replace: true })).rejects.toThrow(/not a backup made by npm run backup/);
    const database = await openDatabase({ dataDir });
    try {
      expect(await database.prisma.article.count()).toBe(4);
    } finally {
      await database.close();
    }
  });
});
