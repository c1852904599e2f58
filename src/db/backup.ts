// Backup and restore of the embedded (PGlite) database: the whole data directory as one gzipped tarball, made by
// PGlite itself (dumpDataDir) and opened by it (loadDataDir). Both take the directory's single-writer lock, so
// neither runs while a server (or an ingest) has the database open. PostgreSQL is backed up with pg_dump instead.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from './single-writer-lock.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** The database directory inside NEWSLINE_DATA_DIR, as src/db/database.ts opens it. */
export function embeddedDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}

function holdsDatabase(directory: string): boolean {
  return existsSync(join(directory, 'PG_VERSION'));
}

async function tableCounts(client: PGlite): Promise<{ articles: number; events: number }> {
  const [row] = (
    await client.query<{ articles: number; events: number }>(
      `SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Event")::int AS events`,
    )
  ).rows;
  return row ?? { articles: 0, events: 0 };
}

export interface BackupReport {
  file: string;
  bytes: number;
  milliseconds: number;
  articles: number;
  events: number;
}

/** Writes the embedded database of dataDir to file (a .tar.gz), whole or not at all (a temporary file, then a rename). */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupReport> {
  const started = Date.now();
  const directory = embeddedDirectory(resolve(dataDir));
  if (!holdsDatabase(directory)) throw new BackupError(`there is no embedded database at ${directory} to back up`);
  const lock = lockDataDirectory(directory);
  try {
    const client = await PGlite.create(directory);
    try {
      const counts = await tableCounts(client).catch(() => ({ articles: 0, events: 0 }));
      // A checkpoint first, so the pages on disk hold everything committed (the tarball is of the files).
      await client.exec('CHECKPOINT');
      const tarball = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await tarball.arrayBuffer());
      const target = resolve(file);
      mkdirSync(dirname(target), { recursive: true });
      const partial = `${target}.partial-${process.pid}`;
      writeFileSync(partial, bytes);
      renameSync(partial, target);
      return { file: target, bytes: bytes.length, milliseconds: Date.now() - started, ...counts };
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

export interface RestoreOptions {
  /** Replace a database already in the data directory (it is moved aside, not deleted). */
  replace?: boolean;
}

export interface RestoreReport extends BackupReport {
  /** Where the database that was there before went, when replace moved it aside. */
  movedAside: string | null;
}

/** Opens the backup file into dataDir's embedded database; refuses to overwrite one there unless told to replace it. */
export async function restoreEmbedded(dataDir: string, file: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const started = Date.now();
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`no backup file at ${source}`);
  const bytes = readFileSync(source);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new BackupError(`${source} is not a backup made by npm run backup (not a gzip file)`);
  const directory = embeddedDirectory(resolve(dataDir));
  mkdirSync(directory, { recursive: true });
  const lock = lockDataDirectory(directory);
  let movedAside: string | null = null;
  try {
    if (readdirSync(directory).length > 0) {
      if (!options.replace) {
        throw new BackupError(
          `${directory} already holds a database; restore into an empty NEWSLINE_DATA_DIR, or pass --replace to move the one there aside`,
        );
      }
      movedAside = `${directory}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(directory, movedAside);
      mkdirSync(directory);
    }
    let client: PGlite | null = null;
    try {
      client = await PGlite.create(directory, { loadDataDir: new Blob([bytes]) });
      const counts = await tableCounts(client);
      await client.close();
      client = null;
      return { file: source, bytes: bytes.length, milliseconds: Date.now() - started, movedAside, ...counts };
    } catch (error) {
      await client?.close().catch(() => {});
      // Leave the directory as it was: empty, or the database that was moved aside back in place.
      rmSync(directory, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, directory);
      else mkdirSync(directory);
      movedAside = null;
      throw new BackupError(`could not restore ${source}: ${(error as Error).message}`);
    }
  } finally {
    lock.release();
  }
}

/** What backup and restore say when DATABASE_URL is set: PostgreSQL has its own tools. */
export const postgresBackupAdvice = (url: string) =>
  `DATABASE_URL is set: back up PostgreSQL with its own tools, e.g.\n` +
  `  pg_dump --format=custom --file=newsline.dump "${url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@')}"\n` +
  `and restore into an empty database with\n` +
  `  pg_restore --no-owner --dbname="<url of the empty database>" newsline.dump`;

/**
 * The embedded data directory and file a backup or restore works on, or why not: the usage line when there is not
 * exactly one file argument, the pg_dump/pg_restore advice when DATABASE_URL points at a server.
 */
export function embeddedBackupTarget(
  files: string[],
  usage: string,
  config: { databaseUrl?: string | null; dataDir: string },
): { dataDir: string; file: string } | { refusal: string } {
  if (files.length !== 1 || files[0]!.startsWith('-')) return { refusal: usage };
  if (config.databaseUrl) return { refusal: postgresBackupAdvice(config.databaseUrl) };
  return { dataDir: config.dataDir, file: files[0]! };
}
