import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { createServer, type NewslineServer, type ServerOptions } from '../../src/server.js';
import { createTestApiKey } from '../support/api-keys.js';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
}

export interface HttpHarness {
  database: TestDatabase;
  server: NewslineServer;
  /** An admin key of this database, sent with every mutation that brings no Authorization header of its own. */
  adminKey: string;
  /** Every SQL statement since the last reset, to show that a refused request ran none. */
  statements: string[];
  post(query: string, variables?: Record<string, unknown>, init?: { headers?: Record<string, string>; address?: string }): Promise<GraphQLResponse>;
  /** A raw body, for requests no client library would send. */
  postBody(body: string, headers?: Record<string, string>): Promise<Response>;
  get(path: string, init?: { headers?: Record<string, string>; address?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** A real server over a fresh database (in-memory PGlite unless asked otherwise) holding the demo graph, driven through yoga.fetch. */
export async function openHarness(options: ServerOptions = {}, demo = true, kind: 'pglite' | 'postgres' = 'pglite'): Promise<HttpHarness> {
  const statements: string[] = [];
  const database = await createTestDatabase(kind, (sql) => statements.push(sql));
  if (demo) await loadDemoDataIfEmpty(database.prisma);
  const adminKey = await createTestApiKey(database.prisma);
  statements.length = 0;
  const server = createServer(database.prisma, options);
  // The server context the Node adapter gives: the socket tells the client's address.
  const context = (address = '192.0.2.1') => ({ req: { socket: { remoteAddress: address } } });
  // Writes need a key since the API has keys; these suites are about limits, not about who may write.
  const keyFor = (query: string, headers: Record<string, string> = {}) =>
    /^\s*mutation\b/.test(query) && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization') ? { authorization: `Bearer ${adminKey}` } : {};
  return {
    database,
    server,
    adminKey,
    statements,
    async post(query, variables, init = {}) {
      const headers = { 'content-type': 'application/json', accept: 'application/json', ...keyFor(query, init.headers), ...init.headers };
      const response = await server.fetch(
        'http://newsline/graphql',
        { method: 'POST', headers, body: JSON.stringify({ query, variables }) },
        context(init.address),
      );
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text) };
    },
    async postBody(body, headers = {}) {
      return server.fetch('http://newsline/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body }, context());
    },
    async get(path, init = {}) {
      return server.fetch(`http://newsline${path}`, { headers: init.headers }, context(init.address));
    },
    async close() {
      await server.dispose();
      await database.dispose();
    },
  };
}
