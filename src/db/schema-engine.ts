import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

// Prisma's schema engine compiled to WebAssembly: it diffs schemas and writes migration SQL without
// the native binary the Prisma CLI would download. Its package entry imports the .wasm the way
// bundlers do, which Node cannot, so the module is instantiated here by hand.
let ready: Promise<void> | undefined;

// Node 20's type definitions do not declare the WebAssembly global; this is the one call used.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: unknown } }>;
};

function instantiate(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = readFileSync(join(packageDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineBindings });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (engineBindings as unknown as { __wbg_set_wasm: (wasm: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export type SchemaSide =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: SchemaFile[] }
  | { tag: 'schemaDatasource'; files: SchemaFile[]; configDir: string };

export interface SchemaDiff {
  /** The SQL that takes `from` to `to`; "-- This is an empty migration." when they agree. */
  sql: string;
  /** 0 when the two sides agree, 2 when they differ. */
  exitCode: number;
}

/** Diffs two schema states with Prisma's own engine, against the database behind `adapter`. */
export async function diffSchemas(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
  from: SchemaSide,
  to: SchemaSide,
): Promise<SchemaDiff> {
  await instantiate();
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  const result = await engine.diff({
    from,
    to,
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  } as Parameters<typeof engine.diff>[0]);
  return { sql: result.stdout ?? '', exitCode: result.exitCode };
}
