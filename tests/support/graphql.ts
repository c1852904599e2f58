import { parse, type ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import { createServer, type NewslineServer, type ServerOptions } from '../../src/server.js';
import type { PrismaClient } from '../../src/db/generated/prisma/client.js';
import { createTestApiKey } from './api-keys.js';

export interface GraphQLClient {
  server: NewslineServer;
  request<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Data>>;
  /** The data of a request that must succeed; the test fails with the errors otherwise. */
  data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
}

export interface GraphQLClientOptions extends ServerOptions {
  /**
   * The API key sent as "Authorization: Bearer <key>". By default the client acts as a curator's tool: reads go
   * without a key, as a stranger's would, and mutations carry an admin key made in the test database on first use.
   * A string is sent with every request; null sends none, ever.
   */
  apiKey?: string | null;
}

function isMutation(query: string): boolean {
  try {
    return parse(query).definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation');
  } catch {
    return false;
  }
}

/** Drives the real HTTP handling of the server through yoga.fetch: no socket, no port. */
export function graphqlClient(prisma: PrismaClient, options: GraphQLClientOptions = {}): GraphQLClient {
  const server = createServer(prisma, options);
  let adminKey: Promise<string> | undefined;
  const keyFor = async (query: string): Promise<string | null> => {
    if (options.apiKey !== undefined) return options.apiKey;
    if (!isMutation(query)) return null;
    adminKey ??= createTestApiKey(prisma, ['admin'], 'test support admin key');
    return adminKey;
  };
  return {
    server,
    async request(query, variables) {
      const key = await keyFor(query);
      const response = await server.fetch('http://newsline/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
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
