// npm run places:refine: puts the gazetteer's states and provinces between the stored towns and their countries, in a
// graph stored before the gazetteer had them. Progress on stderr; a summary line at the end.
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { refinePlaceHierarchy } from '../graph/place-hierarchy.js';

try {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  const { refined, createdDivisions } = await refinePlaceHierarchy(database.prisma, (done, total) => {
    process.stderr.write(`places:refine: ${done}/${total} places looked at\n`);
  });
  console.log(`places:refine: ${refined} places now inside their division, ${createdDivisions} divisions added, in ${Date.now() - started} ms (${database.kind} at ${database.location})`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
