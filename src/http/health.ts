// GET /health answers only after the database does: 200 {"status":"ok"} or 503 {"status":"unavailable"}, with a
// JSON body either way. Yoga's own health check (200, empty body, no database) is moved to /health/live, which says
// only that the process answers: a liveness probe, where /health is the readiness probe.
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.js';

export const healthPath = '/health';
export const livenessPath = '/health/live';

/** How long the database may take to answer SELECT 1 before it counts as gone. */
const databaseCheckTimeoutMs = 2000;

export function healthPlugin(prisma: PrismaClient): Plugin {
  return useReadinessCheck({
    endpoint: healthPath,
    check: async ({ fetchAPI }) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          prisma.$queryRaw`SELECT 1`,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer in ${databaseCheckTimeoutMs} ms`)), databaseCheckTimeoutMs);
          }),
        ]);
        return fetchAPI.Response.json({ status: 'ok', database: 'ok', latencyMs: Date.now() - started }, { headers: { 'cache-control': 'no-store' } });
      } catch (error) {
        console.error(`health: the database check failed: ${(error as Error).message}`);
        // The cause stays in the server log: a client learns that the database is down, not its address or error text.
        return fetchAPI.Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
      } finally {
        clearTimeout(timer);
      }
    },
  }) as Plugin;
}
