import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, readMigrations, type SqlConnection } from '../../src/db/migrate.js';
import { diffMigrationsToSchema } from '../../src/db/migration-drift.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';

function connectionTo(client: PGlite): SqlConnection {
  return {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
  };
}

describe('migrations', () => {
  it('agree with prisma/schema.prisma (no drift), as diffed by Prisma’s own schema engine', async () => {
    const diff = await diffMigrationsToSchema();
    expect(diff.sql.trim(), 'schema.prisma changed without a migration: run npm run db:migration -- <name>').toBe(
      '-- This is an empty migration.',
    );
    expect(diff.exitCode).toBe(0);
  });

  it('are recorded in _prisma_migrations and not applied twice', async () => {
    const client = await PGlite.create();
    const connection = connectionTo(client);
    const first = await applyMigrations(connection);
    expect(first.applied).toEqual(readMigrations().map((migration) => migration.name));
    const second = await applyMigrations(connection);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await connection.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(first.applied);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    await client.close();
  });

  it('refuse a migration file edited after it was applied, naming it', async () => {
    const client = await PGlite.create();
    const connection = connectionTo(client);
    const migrations = readMigrations();
    await applyMigrations(connection, migrations);
    const edited = migrations.map((migration, index) =>
      index === 0 ? { ...migration, checksum: 'f'.repeat(64) } : migration,
    );
    await expect(applyMigrations(connection, edited)).rejects.toThrow(`migration ${migrations[0]!.name} was changed after it was applied`);
    await client.close();
  });

  it('roll back a failing migration and leave nothing of it', async () => {
    const client = await PGlite.create();
    const connection = connectionTo(client);
    const broken = [{ name: '99990101000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();', checksum: 'x' }];
    await expect(applyMigrations(connection, broken)).rejects.toThrow('migration 99990101000000_broken failed and was rolled back');
    const tables = await connection.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_tables WHERE tablename = 'Half'`);
    expect(tables[0]!.count).toBe(0);
    await client.close();
  });

  it('give the places of the first gazetteer\'s US states and UK countries their GeoNames division identity', async () => {
    const client = await PGlite.create();
    const connection = connectionTo(client);
    const all = readMigrations();
    const before = all.filter((migration) => migration.name < '20261202042527');
    await applyMigrations(connection, before);
    await connection.exec(`INSERT INTO "Place" (name, "nameKey", kind, "gazetteerId") VALUES
      ('Texas', 'texas', 'REGION', 'newsline:us-texas'), ('England', 'england', 'REGION', 'newsline:england'), ('Gaza Strip', 'gaza strip', 'TERRITORY', 'newsline:gaza-strip')`);
    await applyMigrations(connection, all);
    const places = await connection.query<{ name: string; kind: string; gazetteerId: string }>(`SELECT name, kind::text, "gazetteerId" FROM "Place" ORDER BY name`);
    expect(places).toEqual([
      { name: 'England', kind: 'DIVISION', gazetteerId: 'geonames-admin1:GB.ENG' },
      { name: 'Gaza Strip', kind: 'TERRITORY', gazetteerId: 'newsline:gaza-strip' },
      { name: 'Texas', kind: 'DIVISION', gazetteerId: 'geonames-admin1:US.TX' },
    ]);
    await client.close();
  });

  it('mark the events stored before Event.background as ingestion now would: history and vague ranges of years', async () => {
    const client = await PGlite.create();
    const connection = connectionTo(client);
    const all = readMigrations();
    await applyMigrations(connection, all.filter((migration) => migration.name < '20261203135012'));
    await connection.exec(`
      INSERT INTO "Article" (id, "contentHash", "publishedOn", text, format) VALUES (1, 'a', '1997-04-12', 'x', 'text'), (2, 'b', '1888-09-01', 'y', 'text');
      INSERT INTO "Event" (id, title, type, "startsOn", "endsOn", precision, "updatedAt") VALUES
        (1, 'Protest this week', 'PROTEST', '1997-04-10', '1997-04-10', 'DAY', now()),
        (2, 'Murder recalled', 'ATTACK', '1888-08-31', '1888-08-31', 'DAY', now()),
        (3, 'Murder reported then and recalled now', 'ATTACK', '1888-08-30', '1888-08-30', 'DAY', now()),
        (4, 'Riots of the 1990s', 'PROTEST', '1990-01-01', '1999-12-31', 'YEAR', now()),
        (5, 'Curated, reported nowhere', 'OTHER', '1066-10-14', '1066-10-14', 'DAY', now()),
        (6, 'A story of old reports', 'STORY', '1888-08-30', '1888-09-01', 'DAY', now());
      INSERT INTO "EventMention" ("eventId", "articleId", quote, start, "end") VALUES
        (1, 1, 'x', 0, 1), (2, 1, 'x', 0, 1), (3, 1, 'x', 0, 1), (3, 2, 'y', 0, 1), (4, 1, 'x', 0, 1), (6, 1, 'x', 0, 1);`);
    await applyMigrations(connection, all);
    const events = await connection.query<{ title: string; background: boolean }>(`SELECT title, background FROM "Event" ORDER BY id`);
    expect(events.filter((event) => event.background).map((event) => event.title)).toEqual(['Murder recalled', 'Riots of the 1990s']);
    await client.close();
  });

  for (const kind of databaseKinds) {
    it(`are applied when a ${kind} database is opened`, async () => {
      const database = await createTestDatabase(kind);
      try {
        expect(database.migrations.applied.length).toBe(readMigrations().length);
        expect(await database.prisma.event.count()).toBe(0);
      } finally {
        await database.dispose();
      }
    });
  }
});
