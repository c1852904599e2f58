import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../src/http/errors.js';
import { openDatabase } from '../../src/db/database.js';
import { createServer } from '../../src/server.js';
import { postgresAdminUrl, postgresAvailable } from '../support/databases.js';

describe.skipIf(!postgresAvailable)('statement_timeout on PostgreSQL', () => {
  it("cancels a request's statement at the deadline, but not a migration's or maintenance's", async () => {
    const database = await openDatabase({ url: postgresAdminUrl, poolSize: 1, migrate: false, statementTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(database.prisma.$queryRaw`SELECT pg_sleep(2)`).rejects.toThrow(/57014|statement timeout/);
      expect(Date.now() - started).toBeLessThan(1500);
      // Scripts on a connection of their own (migrations) run without it, and leave it in place for the next user.
      await database.withConnection((connection) => connection.query('SELECT pg_sleep(0.5)'));
      const cancelled: unknown = await database.prisma.$queryRaw`SELECT pg_sleep(2)`.catch((error: unknown) => error);
      expect(String(cancelled)).toMatch(/57014|statement timeout/);
      const [row] = await database.prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      expect(row?.statement_timeout).toBe('300ms');
      // A client is told of such a cancellation as REQUEST_TIMEOUT, not as an internal error.
      const masked = maskError(new GraphQLError('failed', { originalError: cancelled as Error }), 'Unexpected error.');
      expect((masked as GraphQLError).extensions.code).toBe('REQUEST_TIMEOUT');
      expect((masked as GraphQLError).message).not.toMatch(/pg_sleep|SELECT/);
      // The health check's SELECT 1 is well inside it.
      expect((await createServer(database.prisma).fetch('http://newsline/health')).status).toBe(200);
    } finally {
      await database.close();
    }
  });
});
