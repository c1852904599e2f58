import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

/** The PostgreSQL server the suites use when one runs: the machines and CI have one on 127.0.0.1:5432. */
export const postgresAdminUrl = process.env.NEWSLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await postgresReachable();

if (!postgresAvailable) {
  const message = `PostgreSQL is not reachable at ${postgresAdminUrl.replace(/:[^:@/]*@/, ':***@')}: the PostgreSQL suites are SKIPPED (they run on PGlite only).`;
  if (process.env.CI) throw new Error(`${message} In CI PostgreSQL must run; start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start`);
  console.warn(`\n*** ${message} ***\n`);
}

export interface TestDatabase extends Database {
  /** Drops everything the test made (the throwaway PostgreSQL database, or the in-memory PGlite). */
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty database of the given kind, with every SQL statement reported to onQuery. */
export async function createTestDatabase(kind: 'pglite' | 'postgres', onQuery?: (sql: string) => void): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ onQuery });
    return { ...database, dispose: () => database.close() };
  }
  const throwaway = await createThrowawayPostgresDatabase('newsline_test');
  const database = await openDatabase({ url: throwaway.url, poolSize: 4, onQuery });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await throwaway.drop();
    },
  };
}

/** An empty PostgreSQL database of its own on the test server, named `<prefix>_<random>`, and how to drop it. */
export async function createThrowawayPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The database kinds a suite runs on: both where PostgreSQL is reachable, PGlite alone where not. */
export const databaseKinds: ('pglite' | 'postgres')[] = postgresAvailable ? ['pglite', 'postgres'] : ['pglite'];
