import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations, type MigrationReport, type SqlConnection } from './migrate.js';
import { lockDataDirectory, type DataDirectoryLock } from './single-writer-lock.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** postgres:// URL of a server; without it the embedded PGlite database is used. */
  url?: string;
  /** Directory of the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Called with the text of every SQL statement Prisma sends. */
  onQuery?: (sql: string) => void;
  /** Apply pending migrations on open (the default). */
  migrate?: boolean;
  /** PostgreSQL only: statement_timeout of the pool's connections, so a request's statements stop at its deadline. */
  statementTimeoutMs?: number;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Where the data lives, for messages: a directory, "memory", or the server URL without its password. */
  location: string;
  migrations: MigrationReport;
  /** Runs a script on a connection of its own (migrations, maintenance). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Refreshes the planner's statistics and the tables' visibility after bulk writes. PGlite runs no autovacuum,
   * so a long ingest would otherwise plan with the statistics of an empty database; a server does this itself.
   */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

function createPrisma(adapter: SqlDriverAdapterFactory, onQuery?: (sql: string) => void): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => onQuery(event.query));
  return prisma as unknown as PrismaClient;
}

async function openEmbedded(options: DatabaseOptions): Promise<Database> {
  let client: PGlite;
  let location = 'memory';
  let lock: DataDirectoryLock | null = null;
  if (options.dataDir) {
    const dir = join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    // Before PGlite reads a page: a second process on the directory would lose one of the two's writes.
    lock = lockDataDirectory(dir);
    try {
      client = await PGlite.create(dir);
    } catch (error) {
      lock.release();
      throw error;
    }
    location = dir;
  } else {
    client = await PGlite.create();
  }
  const connection: SqlConnection = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
  };
  let migrations: MigrationReport = { applied: [], alreadyApplied: 0 };
  try {
    if (options.migrate !== false) migrations = await applyMigrations(connection);
  } catch (error) {
    await client.close();
    lock?.release();
    throw error;
  }
  const prisma = createPrisma(new PrismaPGlite(client), options.onQuery);
  return {
    kind: 'pglite',
    prisma,
    location,
    migrations,
    // PGlite has one connection; Prisma's work waits while a script runs on it.
    withConnection: (work) => work(connection),
    maintain: () => connection.exec('VACUUM ANALYZE'),
    close: async () => {
      try {
        await prisma.$disconnect();
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openServer(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle connection the server closes (restart, failover, a dropped database) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.warn(`database: an idle connection failed and was dropped: ${error.message}`);
  });
  const withConnection = async <T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // Migrations and maintenance may run longer than any request; the pool's timeout is back for the next user.
    if (options.statementTimeoutMs) await client.query('SET statement_timeout = 0');
    try {
      return await work({
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
      });
    } finally {
      if (options.statementTimeoutMs) await client.query('RESET statement_timeout').catch(() => {});
      client.release();
    }
  };
  let migrations: MigrationReport = { applied: [], alreadyApplied: 0 };
  try {
    if (options.migrate !== false) migrations = await withConnection((connection) => applyMigrations(connection));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = createPrisma(new PrismaPg(pool), options.onQuery);
  return {
    kind: 'postgres',
    prisma,
    location: redactUrl(url),
    migrations,
    withConnection,
    maintain: async () => {},
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Opens the database the options name, applying any pending migration first. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openServer(options.url, options) : openEmbedded(options);
}
