// npm run db:migrate: applies pending migrations to the configured database and says what it did.
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';

try {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  const { applied, alreadyApplied } = database.migrations;
  for (const name of applied) console.log(`applied ${name}`);
  console.log(
    `${database.kind} at ${database.location}: ${applied.length} migration(s) applied, ${alreadyApplied} already applied (${Date.now() - started} ms)`,
  );
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
