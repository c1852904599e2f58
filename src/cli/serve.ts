// npm start: opens (and migrates) the database, loads the demo graph into an empty embedded one, serves.
// SIGTERM or SIGINT stops it: no new connections, the requests in flight finish (up to NEWSLINE_SHUTDOWN_TIMEOUT_MS),
// then the database closes and the process exits.
import { createServer as createHttpServer } from 'node:http';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { DataDirectoryLockedError } from '../db/single-writer-lock.js';
import { loadDemoDataIfEmpty } from '../graph/demo-data.js';
import { activeKeyCount } from '../auth/api-keys.js';
import { createServer } from '../server.js';
import { startArticleExtraction } from '../http/article-extraction.js';
import { loadPersistedOperations, PersistedOperationsError } from '../http/exposure.js';

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
  if ((await activeKeyCount(database.prisma)) === 0) {
    const env = database.kind === 'pglite' && process.env.NEWSLINE_DATA_DIR ? `NEWSLINE_DATA_DIR=${process.env.NEWSLINE_DATA_DIR} ` : '';
    console.log(
      `api keys: none yet, so ${config.access.readsRequireKey ? 'nothing can be read or written' : 'reads are open and every write is refused'}. ` +
        `Make the first key (in another terminal; with the embedded database, stop this server first) with:\n` +
        `  ${env}npm run apikey -- create --scope admin --name "your name"`,
    );
  }
  const yoga = createServer(database.prisma, {
    access: config.access,
    limits: { requestTimeoutMs: config.limits.requestTimeoutMs, maxBodyBytes: config.limits.maxBodyBytes, nodeBudget: config.limits.nodeBudget },
    rateLimit: config.limits,
    exposure: {
      introspection: config.access.introspection,
      graphiql: config.access.graphiql,
      ...(config.access.persistedOperationsFile ? { persistedOperations: loadPersistedOperations(config.access.persistedOperationsFile) } : {}),
    },
  });
  startArticleExtraction();
  console.log(
    `limits: ${config.limits.nodeBudget} nodes a query, ${config.limits.requestTimeoutMs} ms a request; rate limits counted ${config.limits.redisUrl ? 'in Redis' : 'in memory'}, ` +
      (config.limits.trustedProxies.length ? `X-Forwarded-For believed from ${config.limits.trustedProxies.join(', ')}` : 'by the peer address (no trusted proxies)'),
  );
  let stopping = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const http = createHttpServer((request, response) => {
    inFlight += 1;
    void Promise.resolve(yoga(request, response)).finally(() => {
      inFlight -= 1;
      if (stopping) http.closeIdleConnections();
      if (inFlight === 0) drained?.();
    });
  });
  http.listen(config.port, config.host, () => {
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Newsline is serving GraphQL and GraphiQL at http://${config.host}:${port}/graphql (ready in ${Date.now() - started} ms)`);
  });

  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now, without waiting for the ${inFlight} requests in flight`);
      process.exit(1);
    }
    stopping = true;
    const stopStarted = Date.now();
    const waitedFor = inFlight;
    console.log(`${signal}: stopping: no new connections; ${inFlight} requests in flight get up to ${config.access.shutdownTimeoutMs} ms to finish`);
    http.close();
    http.closeIdleConnections();
    const finished = await new Promise<boolean>((resolve) => {
      if (inFlight === 0) return resolve(true);
      const deadline = setTimeout(() => resolve(false), config.access.shutdownTimeoutMs);
      drained = () => {
        clearTimeout(deadline);
        resolve(true);
      };
    });
    if (!finished) {
      console.log(`stopping: ${inFlight} requests still running after ${config.access.shutdownTimeoutMs} ms are cut off; their writes roll back`);
      http.closeAllConnections();
    }
    // Closing the database must not hang the exit for ever (a stuck query on a server).
    setTimeout(() => {
      console.error('stopping: the database did not close within 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    await database.close();
    console.log(
      `stopped in ${Date.now() - stopStarted} ms: ${finished ? `${waitedFor} requests in flight finished` : `${waitedFor - inFlight} of ${waitedFor} requests in flight finished`}, database closed`,
    );
    process.exit(finished ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError || error instanceof PersistedOperationsError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
