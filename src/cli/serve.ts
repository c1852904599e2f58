// npm start: opens (and migrates) the database, loads the demo graph into an empty embedded one, serves.
import { createServer as createHttpServer } from 'node:http';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemoDataIfEmpty } from '../graph/demo-data.js';
import { createServer } from '../server.js';
import { startArticleExtraction } from '../http/article-extraction.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.limits.requestTimeoutMs,
  });
  console.log(
    `database: ${database.kind} at ${database.location}; migrations applied now: ${database.migrations.applied.length}, before: ${database.migrations.alreadyApplied}`,
  );
  if (database.kind === 'pglite' && config.loadDemoData) {
    const demo = await loadDemoDataIfEmpty(database.prisma);
    if (demo) {
      const { created } = demo;
      console.log(
        `demo data: loaded the seed article (${created.events} events, ${created.people} people, ${created.organizations} organizations, ${created.places} places, ${created.sources} sources, ${created.claims} claims)`,
      );
    }
  }
  const yoga = createServer(database.prisma, {
    limits: { requestTimeoutMs: config.limits.requestTimeoutMs, maxBodyBytes: config.limits.maxBodyBytes, nodeBudget: config.limits.nodeBudget },
    rateLimit: config.limits,
  });
  startArticleExtraction();
  console.log(
    `limits: ${config.limits.nodeBudget} nodes a query, ${config.limits.requestTimeoutMs} ms a request; rate limits counted ${config.limits.redisUrl ? 'in Redis' : 'in memory'}`,
  );
  const http = createHttpServer(yoga);
  http.listen(config.port, config.host, () => {
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Newsline is serving GraphQL and GraphiQL at http://${config.host}:${port}/graphql (ready in ${Date.now() - started} ms)`);
  });
  const stop = (signal: string) => {
    console.log(`${signal}: closing connections…`);
    http.close(() => {
      void database.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
