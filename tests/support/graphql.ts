import type { ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import { createServer, type NewslineServer } from '../../src/server.js';
import type { PrismaClient } from '../../src/db/generated/prisma/client.js';

export interface GraphQLClient {
  server: NewslineServer;
  request<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Data>>;
  /** The data of a request that must succeed; the test fails with the errors otherwise. */
  data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
}

/** Drives the real HTTP handling of the server through yoga.fetch: no socket, no port. */
export function graphqlClient(prisma: PrismaClient): GraphQLClient {
  const server = createServer(prisma);
  return {
    server,
    async request(query, variables) {
      const response = await server.fetch('http://newsline/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async data(query, variables) {
      const result = await this.request<Record<string, any>>(query, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!;
    },
  };
}
