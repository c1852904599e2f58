import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness, type HttpHarness } from './http-client.js';
import { loadPersistedOperations, PersistedOperationsError, sha256Hex } from '../../src/http/exposure.js';
import { loadConfig } from '../../src/config.js';

const introspection = '{ __schema { queryType { name } } }';
const eventsQuery = 'query Events { events(first: 2) { totalCount edges { node { title } } } }';

describe('what the server shows of itself', () => {
  const harnesses: HttpHarness[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'newsline-exposure-'));
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    rmSync(directory, { recursive: true, force: true });
  });
  const open = async (...args: Parameters<typeof openHarness>) => {
    const harness = await openHarness(...args);
    harnesses.push(harness);
    return harness;
  };

  it('answers introspection and serves GraphiQL by default, as the settings say', async () => {
    expect(loadConfig({}).access).toMatchObject({ introspection: true, graphiql: true, persistedOperationsFile: undefined });
    const harness = await open();
    expect((await harness.post(introspection)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await harness.get('/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('refuses introspection with a code when it is switched off, and still answers queries', async () => {
    expect(loadConfig({ NEWSLINE_INTROSPECTION: 'false' }).access.introspection).toBe(false);
    const harness = await open({ exposure: { introspection: false } });
    const refused = await harness.post(introspection);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await harness.post(eventsQuery)).body.errors).toBeUndefined();
  });

  it('serves no GraphiQL page when GraphiQL is switched off', async () => {
    const harness = await open({ exposure: { graphiql: false } });
    const page = await harness.get('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(406);
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('runs only the persisted operations in that mode, found by the sha256 of their text', async () => {
    const file = join(directory, 'operations.json');
    writeFileSync(file, JSON.stringify([eventsQuery]));
    const operations = loadPersistedOperations(file);
    const harness = await open({ exposure: { persistedOperations: operations } });
    const byText = await harness.post(eventsQuery);
    expect(byText.body.data ?? null).toBeNull();
    expect(byText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_OPERATIONS_ONLY');
    const byHash = await harness.server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(eventsQuery) } } }),
    });
    const body = (await byHash.json()) as { data?: { events: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.events.totalCount).toBeGreaterThan(0);
    const unknown = await harness.server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ __typename }') } } }),
    });
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_OPERATION_NOT_FOUND');
  });

  it('names what is wrong with a persisted-operations file', () => {
    const write = (name: string, content: string) => {
      const path = join(directory, name);
      writeFileSync(path, content);
      return path;
    };
    expect(() => loadPersistedOperations(write('empty.json', '[]'))).toThrow(PersistedOperationsError);
    expect(() => loadPersistedOperations(write('broken.json', '["{ events("]'))).toThrow(/does not parse/);
    expect(() => loadPersistedOperations(write('hash.json', JSON.stringify({ abc: eventsQuery })))).toThrow(/"abc" is not the sha256 of its document/);
    expect([...loadPersistedOperations(write('keyed.json', JSON.stringify({ [sha256Hex(eventsQuery)]: eventsQuery }))).keys()]).toEqual([sha256Hex(eventsQuery)]);
  });
});
