import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { loadConfig } from '../../src/config.js';
import { createServer, type NewslineServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createTestApiKey } from '../support/api-keys.js';

const createPerson = 'mutation { createPerson(input: { name: "Forged Person" }) { id } }';

describe('requests a browser can be made to send', () => {
  let database: TestDatabase;
  let key: string;
  let server: NewslineServer;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemoDataIfEmpty(database.prisma);
    key = await createTestApiKey(database.prisma, ['curate'], 'curator');
    server = createServer(database.prisma);
  });
  afterAll(async () => database?.dispose());

  const forged = async () => database.prisma.person.count({ where: { name: 'Forged Person' } });

  it('refuses form posts (urlencoded, multipart, text/plain) to /graphql before running anything, even with a key', async () => {
    const multipart = new FormData();
    multipart.set('query', createPerson);
    const bodies: [string, RequestInit][] = [
      ['urlencoded', { body: new URLSearchParams({ query: createPerson }) }],
      ['multipart', { body: multipart }],
      ['text/plain', { body: JSON.stringify({ query: createPerson }), headers: { 'content-type': 'text/plain' } }],
    ];
    for (const [kind, init] of bodies) {
      const response = await server.fetch('http://newsline/graphql', { method: 'POST', ...init });
      expect(response.status, kind).toBe(403);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('CSRF_REFUSED');
      expect(body.errors[0]!.message).toMatch(/^refused as a possible cross-site request: send the operation as JSON/);
    }
    expect(await forged()).toBe(0);
  });

  it('still serves GraphQL to scripts and tools: JSON posts, and GET with the CSRF header', async () => {
    const json = await server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
    });
    expect(await json.json()).toEqual({ data: { events: { totalCount: 8 } } });
    const url = `http://newsline/graphql?query=${encodeURIComponent('{ events(first: 1) { totalCount } }')}`;
    expect((await server.fetch(url)).status).toBe(403);
    const get = await server.fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(await get.json()).toEqual({ data: { events: { totalCount: 8 } } });
  });

  it('sends no CORS permission to another origin by default, and never allows credentials', async () => {
    const response = await server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await server.fetch('http://newsline/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets configured origins call /graphql with a key, without credentials', async () => {
    const open = createServer(database.prisma, { access: { corsOrigins: ['https://desk.example.org'] } });
    const preflight = await open.fetch('http://newsline/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://desk.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://desk.example.org');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await open.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://attacker.example');
  });

  it('keeps the exports readable from any origin, without credentials', async () => {
    const response = await server.fetch('http://newsline/export/timelinejs.json', { headers: { origin: 'https://attacker.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves only allowed hosts, and links the next export page on the public URL, not on the Host asked for', async () => {
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '4000', NEWSLINE_PUBLIC_URL: 'https://news.example.org' });
    expect(config.access.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]', 'news.example.org']);
    const guarded = createServer(database.prisma, { access: config.access });
    const rebound = await guarded.fetch('http://attacker.example/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'attacker.example' },
      body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
    });
    expect(rebound.status).toBe(421);
    expect(((await rebound.json()) as { error: string }).error).toBe(
      'this server does not serve the host "attacker.example"; it serves localhost, 127.0.0.1, [::1], news.example.org (NEWSLINE_ALLOWED_HOSTS)',
    );
    const local = await guarded.fetch('http://localhost:4000/export/events.geojson?limit=1', { headers: { host: 'localhost:4000' } });
    expect(local.status).toBe(200);
    expect(local.headers.get('link')).toMatch(/^<https:\/\/news\.example\.org\/export\/events\.geojson\?limit=1&after=[A-Za-z0-9_-]+>; rel="next"$/);

    const anyHost = createServer(database.prisma, { access: { ...config.access, allowedHosts: '*' } });
    const spoofed = await anyHost.fetch('http://attacker.example/export/timelinejs.json?limit=1', { headers: { host: 'attacker.example' } });
    expect(spoofed.headers.get('link')).toMatch(/^<https:\/\/news\.example\.org\//);
    expect(JSON.stringify(await spoofed.json())).not.toContain('attacker.example');
  });

  it('opens GraphiQL with an Authorization header to paste a key into, kept across reloads', async () => {
    const response = await server.fetch('http://newsline/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toContain(JSON.stringify(JSON.stringify({ Authorization: 'Bearer ' }, null, 2)).slice(1, -1));
    expect(html).toMatch(/"shouldPersistHeaders":\s*true/);
    // What GraphiQL then sends: the pasted key writes; the empty "Bearer " it opens with reads as anyone.
    const empty = await server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' },
      body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }),
    });
    expect(empty.status).toBe(200);
    const pasted = await server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation { createPerson(input: { name: "Typed In GraphiQL" }) { name } }' }),
    });
    expect(await pasted.json()).toEqual({ data: { createPerson: { name: 'Typed In GraphiQL' } } });
  });
});
