import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, readMigrations, defaultMigrationsDir } from './migrate.js';
import { diffSchemas, type SchemaDiff } from './schema-engine.js';

export const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

/**
 * What SQL would take a database built from the migrations on disk to the model in schema.prisma.
 * Empty (exit code 0) when the two agree; otherwise the next migration to write.
 */
export async function diffMigrationsToSchema(migrationsDir = defaultMigrationsDir): Promise<SchemaDiff> {
  const client = await PGlite.create();
  try {
    const migrations = readMigrations(migrationsDir);
    await applyMigrations(
      {
        exec: async (sql) => {
          await client.exec(sql);
        },
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
      },
      migrations,
    );
    const schema = { path: 'schema.prisma', content: readFileSync(schemaPath, 'utf8') };
    return await diffSchemas(
      new PrismaPGlite(client),
      schema,
      { tag: 'schemaDatasource', files: [schema], configDir: '.' },
      { tag: 'schemaDatamodel', files: [schema] },
    );
  } finally {
    await client.close();
  }
}
