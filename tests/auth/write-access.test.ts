import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { schema } from '../../src/schema/index.js';
import { loadDemoDataIfEmpty } from '../../src/graph/demo-data.js';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { hashApiKey, revokeApiKey, type ScopeName } from '../../src/auth/api-keys.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { createTestApiKey } from '../support/api-keys.js';
import { createServer, type NewslineServer } from '../../src/server.js';
import type { PrismaClient } from '../../src/db/generated/prisma/client.js';

/** The scope each mutation needs: the contract the README documents. A mutation missing here fails the first test. */
const expectedScopes: Record<string, ScopeName> = {
  ingestArticle: 'ingest',
  createEvent: 'curate',
  updateEvent: 'curate',
  linkEventPlace: 'curate',
  unlinkEventPlace: 'curate',
  linkEventParticipant: 'curate',
  unlinkEventParticipant: 'curate',
  linkEvents: 'curate',
  unlinkEvents: 'curate',
  createPerson: 'curate',
  updatePerson: 'curate',
  createOrganization: 'curate',
  updateOrganization: 'curate',
  createPlace: 'curate',
  updatePlace: 'curate',
  createSource: 'curate',
  updateSource: 'curate',
  correctPlaceName: 'curate',
  mergeEntities: 'admin',
  splitEvent: 'admin',
};

const mutationFields = Object.values(schema.getMutationType()!.getFields());

/** A literal for an argument of the given type, naming stored nodes where it takes an ID: it would change the graph. */
function literalFor(type: GraphQLInputType, argName: string): string {
  if (isNonNullType(type)) return literalFor(type.ofType, argName);
  if (isListType(type)) return `[${literalFor(type.ofType, argName)}]`;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || field.name === 'name');
    return `{ ${fields.map((field) => `${field.name}: ${literalFor(field.type, field.name)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  const named = getNamedType(type);
  if (isScalarType(named)) {
    if (named.name === 'ID') return JSON.stringify(encodeNodeId(argName === 'merged' ? 'Person' : 'Person', argName === 'merged' ? 2 : 1));
    if (named.name === 'Int' || named.name === 'Float') return '1';
    if (named.name === 'Boolean') return 'true';
    return JSON.stringify('Intruder');
  }
  return 'null';
}

function mutationDocument(name: string): string {
  const field = mutationFields.find((candidate) => candidate.name === name)!;
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const argumentList = args.length ? `(${args.map((arg) => `${arg.name}: ${literalFor(arg.type, arg.name)}`).join(', ')})` : '';
  return `mutation { ${name}${argumentList} { __typename } }`;
}

/** Everything a stray write could change, in a form two snapshots can be compared by. */
async function graphState(prisma: PrismaClient) {
  const [people, organizations, places, sources, events, links] = await Promise.all([
    prisma.person.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, description: true } }),
    prisma.organization.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } }),
    prisma.place.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, parentId: true } }),
    prisma.source.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } }),
    prisma.event.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true, type: true, startsOn: true } }),
    Promise.all([
      prisma.article.count(),
      prisma.eventPlace.count(),
      prisma.eventPerson.count(),
      prisma.eventOrganization.count(),
      prisma.eventRelation.count(),
      prisma.eventMention.count(),
      prisma.entityMerge.count(),
      prisma.placeCorrection.count(),
      prisma.writeLog.count(),
    ]),
  ]);
  return { people, organizations, places, sources, events, links };
}

async function post(server: NewslineServer, query: string, key?: string, variables?: Record<string, unknown>) {
  const response = await server.fetch('http://newsline/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('who may write', () => {
  let database: TestDatabase;
  let server: NewslineServer;
  const keys = {} as Record<ScopeName, string>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemoDataIfEmpty(database.prisma);
    server = createServer(database.prisma);
    for (const scope of ['ingest', 'curate', 'admin'] as const) keys[scope] = await createTestApiKey(database.prisma, [scope]);
  });
  afterAll(async () => database?.dispose());

  it('gives every mutation of the schema a scope, as documented', () => {
    expect(Object.fromEntries(mutationFields.map((field) => [field.name, expectedScopes[field.name] ?? 'NO SCOPE DOCUMENTED']))).toEqual(expectedScopes);
  });

  it('refuses every mutation without a key: HTTP 401, UNAUTHENTICATED naming the scope, and the graph unchanged', async () => {
    const before = await graphState(database.prisma);
    for (const field of mutationFields) {
      const { status, body } = await post(server, mutationDocument(field.name));
      expect(status, field.name).toBe(401);
      expect(body.errors?.[0]?.extensions?.code, field.name).toBe('UNAUTHENTICATED');
      expect(body.errors?.[0]?.message, field.name).toContain(`mutation ${field.name} needs an API key with the ${expectedScopes[field.name]} scope`);
      expect(body.errors?.[0]?.message).toContain('Authorization: Bearer <key>');
    }
    expect(await graphState(database.prisma)).toEqual(before);
  });

  it('refuses a key without the scope: HTTP 403, FORBIDDEN, and the graph unchanged', async () => {
    const before = await graphState(database.prisma);
    for (const field of mutationFields) {
      const needed = expectedScopes[field.name]!;
      for (const scope of (['ingest', 'curate'] as const).filter((scope) => scope !== needed)) {
        const { status, body } = await post(server, mutationDocument(field.name), keys[scope]);
        expect(status, `${field.name} with a ${scope} key`).toBe(403);
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(body.errors?.[0]?.message).toContain(`needs an API key with the ${needed} scope; the key "test ${scope} key"`);
      }
    }
    expect(await graphState(database.prisma)).toEqual(before);
  });

  it('lets the right scope through (admin may do everything)', async () => {
    for (const field of mutationFields) {
      for (const key of [keys[expectedScopes[field.name]!], keys.admin]) {
        const { body } = await post(server, mutationDocument(field.name), key);
        // The made-up arguments may name nothing or be refused as input; what matters is that access was granted.
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        expect(codes, `${field.name}: ${JSON.stringify(body.errors)}`).not.toContain('UNAUTHENTICATED');
        expect(codes).not.toContain('FORBIDDEN');
      }
    }
  });

  it('refuses an unknown, a revoked or a malformed key with 401, even for reads', async () => {
    const read = '{ events(first: 1) { totalCount } }';
    expect((await post(server, read)).status).toBe(200);
    const unknown = await post(server, read, 'nl_not-a-key-of-ours');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.message).toMatch(/the API key nl_not-a-ke… is not known here or was revoked/);
    const key = await createTestApiKey(database.prisma, ['admin'], 'soon revoked');
    expect((await post(server, read, key)).status).toBe(200);
    const id = (await database.prisma.apiKey.findFirstOrThrow({ where: { name: 'soon revoked' } })).id;
    await revokeApiKey(database.prisma, id);
    const revoked = await post(server, 'mutation { createPerson(input: { name: "After Revocation" }) { id } }', key);
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await database.prisma.person.count({ where: { name: 'After Revocation' } })).toBe(0);
    const basic = await server.fetch('http://newsline/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: read }),
    });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('stores only the SHA-256 of a key, never the key', async () => {
    const key = await createTestApiKey(database.prisma, ['curate'], 'hash check');
    expect(key).toMatch(/^nl_[A-Za-z0-9_-]{43}$/);
    const stored = await database.prisma.apiKey.findFirstOrThrow({ where: { name: 'hash check' } });
    expect(stored.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key.slice(3));
    expect(stored.prefix).toBe(key.slice(0, 11));
  });
});

for (const kind of databaseKinds) {
  describe(`the write log on ${kind}`, () => {
    let database: TestDatabase;
    let server: NewslineServer;
    let curator: string;
    let admin: string;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      await loadDemoDataIfEmpty(database.prisma);
      server = createServer(database.prisma);
      curator = await createTestApiKey(database.prisma, ['curate'], 'Night desk curator');
      admin = await createTestApiKey(database.prisma, ['admin'], 'Operator');
    });
    afterAll(async () => database?.dispose());

    it('records each write with its key, time, mutation, input and nodes, and shows admins the log, newest first', async () => {
      const before = Date.now();
      const created = await post(server, 'mutation ($input: PersonInput!) { createPerson(input: $input) { id } }', curator, {
        input: { name: 'Antony Blinken', aliases: ['Tony Blinken'] },
      });
      const personId = created.body.data.createPerson.id as string;
      const other = await post(server, 'mutation { createPerson(input: { name: "A. Blinken" }) { id } }', curator);
      const otherId = other.body.data.createPerson.id as string;
      const merged = await post(
        server,
        'mutation ($s: ID!, $m: ID!) { mergeEntities(survivor: $s, merged: $m, reason: "same man") { survivorId } }',
        admin,
        { s: personId, m: otherId },
      );
      expect(merged.body.errors).toBeUndefined();

      const log = await post(
        server,
        '{ writeLog(first: 10) { totalCount edges { node { operation input nodeIds at key { name prefix scopes } merge { mergedName } } } } }',
        admin,
      );
      expect(log.body.errors).toBeUndefined();
      const entries = log.body.data.writeLog.edges.map((edge: any) => edge.node);
      expect(log.body.data.writeLog.totalCount).toBe(3);
      expect(entries.map((entry: any) => [entry.operation, entry.key.name])).toEqual([
        ['mergeEntities', 'Operator'],
        ['createPerson', 'Night desk curator'],
        ['createPerson', 'Night desk curator'],
      ]);
      expect(entries[2].input).toEqual({ input: { name: 'Antony Blinken', aliases: ['Tony Blinken'] } });
      expect(entries[2].nodeIds).toEqual([personId]);
      expect(entries[0].input).toEqual({ survivor: personId, merged: otherId, reason: 'same man' });
      expect(entries[0].nodeIds).toEqual([personId, otherId]);
      expect(entries[0].merge).toEqual({ mergedName: 'A. Blinken' });
      expect(entries[2].key.scopes).toEqual(['CURATE']);
      expect(Date.parse(entries[0].at)).toBeGreaterThanOrEqual(before - 1000);

      const byNode = await post(server, '{ writeLog(first: 10, node: "' + otherId + '") { totalCount } }', admin);
      expect(byNode.body.data.writeLog.totalCount).toBe(2);

      // The merge history, public, says which key made the merge; the full record is for admins.
      const historyQuery = `{ mergeHistory(entity: "${personId}") { edges { node { mergedName mergedBy write { operation } } } } }`;
      const publicHistory = await post(server, historyQuery);
      expect(publicHistory.body.errors).toBeUndefined();
      expect(publicHistory.body.data.mergeHistory.edges[0].node).toEqual({ mergedName: 'A. Blinken', mergedBy: 'Operator', write: null });
      const adminHistory = await post(server, historyQuery, admin);
      expect(adminHistory.body.data.mergeHistory.edges[0].node.write).toEqual({ operation: 'mergeEntities' });
    });

    it('keeps the log from everyone but admins', async () => {
      const anonymous = await post(server, '{ writeLog(first: 1) { totalCount } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const curatorsView = await post(server, '{ writeLog(first: 1) { totalCount } }', curator);
      expect(curatorsView.status).toBe(403);
      expect(curatorsView.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('records nothing for a write that failed', async () => {
      const count = await database.prisma.writeLog.count();
      const failed = await post(server, 'mutation { updatePerson(id: "UGVyc29uOjk5OTk5", input: { name: "Nobody" }) { id } }', curator);
      expect(failed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await database.prisma.writeLog.count()).toBe(count);
    });

    it('keeps an ingested article\'s text as its start, length and digest', async () => {
      const ingester = await createTestApiKey(database.prisma, ['ingest'], 'Feed robot');
      const text = `date 2023-11-05\nGAZA (Example Wire) - ${'Officials in Gaza said talks would resume on Monday. '.repeat(60)}`;
      const ingested = await post(server, 'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id } } }', ingester, {
        input: { content: text, url: 'https://example.org/long-report' },
      });
      expect(ingested.body.errors).toBeUndefined();
      const entry = await database.prisma.writeLog.findFirstOrThrow({ where: { operation: 'ingestArticle' } });
      const content = (entry.input as any).input.content as string;
      expect(content).toMatch(new RegExp(`… \\(${text.length} characters in all, sha256 [0-9a-f]{64}\\)$`));
      expect(entry.nodeIds).toEqual([ingested.body.data.ingestArticle.article.id]);
    });
  });
}

describe('reads with NEWSLINE_READS_REQUIRE_KEY', () => {
  let database: TestDatabase;
  let server: NewslineServer;
  let key: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemoDataIfEmpty(database.prisma);
    server = createServer(database.prisma, { access: { readsRequireKey: true } });
    key = await createTestApiKey(database.prisma, ['ingest'], 'reader');
  });
  afterAll(async () => database?.dispose());

  it('refuses reads and exports without a key, and serves them to any key', async () => {
    const anonymous = await post(server, '{ events(first: 1) { totalCount } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.message).toMatch(/^reads on this server need an API key/);
    expect(anonymous.body.data?.events ?? null).toBeNull();
    const keyed = await post(server, '{ events(first: 1) { totalCount } }', key);
    expect(keyed.body).toEqual({ data: { events: { totalCount: 8 } } });

    const exportWithout = await server.fetch('http://newsline/export/events.geojson');
    expect(exportWithout.status).toBe(401);
    expect(((await exportWithout.json()) as { error: string }).error).toMatch(/need an API key/);
    const exportWith = await server.fetch('http://newsline/export/events.geojson', { headers: { authorization: `Bearer ${key}` } });
    expect(exportWith.status).toBe(200);
  });
});
