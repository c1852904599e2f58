import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { openHarness, type HttpHarness } from './http-client.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Values of the kinds the fuzzing of issue #12 found "Unexpected error." with, and their neighbours. */
const hostileStrings = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u0301', '\u0301\u0301', ' ', '', '\u200b', '\ufeff', 'x'.repeat(10_000), '%00', '\\', "'; DROP TABLE \"Event\"; --"];
const hostileIds = [
  encodeNodeId('Event', 2_147_483_648),
  encodeNodeId('Event', '999999999999999'),
  encodeNodeId('Person', 4_294_967_296),
  encodeNodeId('Place', 0),
  b64('Event:-1'),
  b64('Event:1.5'),
  b64('Nope:1'),
  b64('Event:'),
  '',
  '!!!',
  b64('\u0000'),
];
const forgedCursors = [
  'Zm9vOmJhcg==',
  b64('arrayconnection:99999999999'),
  b64('GPC:N:99999999999'),
  b64('GPC:S:\u0000'),
  b64('GPC:J:{"id":99999999999}'),
  b64('GPC:D:99999999999999999'),
  b64('9999-99-99/1'),
  b64('0001-01-01/1'),
  '!!!',
  '',
];
const hostileDays = ['0001-01-01', '9999-12-31', '2023-02-30', '2023-13-01', '0000-00-00', '+002023-01-01', '2023-1-1'];
const hostilePublishedAt = ['2023-01-01T00:00:00+99:00', '2023-01-01T25:00:00Z', '0001-01-01', '9999-12-31T23:59:59Z', '2023-02-30', 'yesterday', '\u0000'];

interface Case {
  query: string;
  variables?: Record<string, unknown>;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const id of hostileIds) {
    list.push({ query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id } });
    list.push({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [id, id] } });
    list.push({ query: 'query ($id: ID) { events(first: 2, filter: { place: $id, person: $id }) { totalCount } }', variables: { id } });
    list.push({ query: 'query ($id: ID!) { mergeHistory(entity: $id) { totalCount } }', variables: { id } });
    list.push({ query: 'mutation ($id: ID!) { linkEventPlace(event: $id, place: $id) { id } }', variables: { id } });
    list.push({ query: 'mutation ($id: ID!) { updatePerson(id: $id, input: { name: "x" }) { id } }', variables: { id } });
  }
  for (const cursor of forgedCursors) {
    for (const field of ['events', 'people', 'articles', 'places', 'sources', 'claims', 'organizations']) {
      list.push({ query: `query ($c: String) { ${field}(first: 2, after: $c) { totalCount edges { cursor } } }`, variables: { c: cursor } });
      list.push({ query: `query ($c: String) { ${field}(last: 2, before: $c) { edges { cursor } } }`, variables: { c: cursor } });
    }
    list.push({ query: 'query ($c: String) { timeline(first: 2, after: $c) { edges { cursor } } }', variables: { c: cursor } });
    list.push({ query: 'query ($c: String) { events(first: 1) { edges { node { mentions(first: 2, after: $c) { totalCount } } } } }', variables: { c: cursor } });
  }
  for (const text of hostileStrings) {
    list.push({ query: 'query ($s: String) { people(search: $s, first: 2) { totalCount } }', variables: { s: text } });
    list.push({ query: 'query ($s: String) { places(search: $s, first: 2) { totalCount } }', variables: { s: text } });
    list.push({ query: 'query ($s: String) { events(first: 2, filter: { search: $s }) { totalCount } }', variables: { s: text } });
    list.push({ query: 'query ($s: String) { articles(first: 2, filter: { search: $s }) { totalCount } }', variables: { s: text } });
    list.push({ query: 'query ($s: String!) { articleByUrl(url: $s) { id } }', variables: { s: text } });
    list.push({ query: 'mutation ($s: String!) { createPerson(input: { name: $s }) { id } }', variables: { s: text } });
    list.push({ query: 'mutation ($s: String!) { createOrganization(input: { name: $s, aliases: [$s] }) { id } }', variables: { s: text } });
    list.push({ query: 'mutation ($s: String!) { createSource(input: { name: $s }) { id } }', variables: { s: text } });
    list.push({ query: 'mutation ($s: String!) { createEvent(input: { title: $s }) { id } }', variables: { s: text } });
    list.push({ query: 'mutation ($s: String!) { ingestArticle(input: { content: $s, publishedAt: "2023-11-04" }) { status } }', variables: { s: text } });
  }
  for (const day of hostileDays) {
    list.push({ query: 'query ($d: Date) { events(first: 2, filter: { from: $d }) { totalCount } }', variables: { d: day } });
    list.push({ query: 'query ($d: Date) { timeline(first: 2, filter: { from: $d, to: $d }) { totalCount } }', variables: { d: day } });
    list.push({ query: 'mutation ($d: String!) { createEvent(input: { title: "x", date: { start: $d } }) { id } }', variables: { d: day } });
  }
  for (const publishedAt of hostilePublishedAt) {
    list.push({
      query: 'mutation ($p: String) { ingestArticle(input: { content: "Officials said 3 people were killed in Paris on Monday.", publishedAt: $p }) { status } }',
      variables: { p: publishedAt },
    });
  }
  for (const number of [-1, 101, 2 ** 31, 2 ** 53, 1.5]) {
    list.push({ query: 'query ($n: Int) { events(first: $n) { totalCount } }', variables: { n: number } });
    list.push({ query: 'query ($n: Int) { timeline(first: 2) { edges { node { topPeople(limit: $n) { count } } } } }', variables: { n: number } });
  }
  list.push({ query: '{ events(first: 1, last: 1) { totalCount } }' });
  list.push({ query: '{ events(first: 1, after: "x", before: "y") { totalCount } }' });
  list.push({ query: '{ nope }' });
  list.push({ query: '{ events(first: 1) { edges { node { id } }' });
  list.push({ query: 'query ($x: Int!) { events(first: $x) { totalCount } }', variables: {} });
  list.push({ query: 'query ($x: Int!) { events(first: $x) { totalCount } }', variables: { x: 'ten' } });
  list.push({ query: '{ people(search: "\\u0000") { totalCount } }' });
  list.push({ query: '{ people(search: "\\ud800") { totalCount } }' });
  list.push({ query: 'mutation { createEvent(input: { title: "x", date: { start: "0001-01-01", end: "2000-01-01" } }) { id } }' });
  list.push({ query: 'mutation { ingestArticle(input: { content: "Officials said so.", publishedAt: "2023-11-04", url: "javascript:alert(1)" }) { status } }' });
  return list;
}

describe('errors', () => {
  let harness: HttpHarness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('answers hostile input with a coded error, never "Unexpected error." or an internal error', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(300);
    const problems: string[] = [];
    let errors = 0;
    for (const { query, variables } of all) {
      const { status, body } = await harness.post(query, variables);
      const label = `${query} ${JSON.stringify(variables ?? {}).slice(0, 80)}`;
      if (status >= 500) problems.push(`${label}: HTTP ${status}`);
      for (const error of body.errors ?? []) {
        errors += 1;
        const code = error.extensions?.code;
        if (!code) problems.push(`${label}: no code: ${error.message}`);
        if (code === 'INTERNAL_SERVER_ERROR' || /Unexpected error/.test(error.message)) problems.push(`${label}: ${error.message}`);
        if (/prisma|SELECT |invocation|node_modules|\/src\//i.test(error.message)) problems.push(`${label}: leaks internals: ${error.message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toBeGreaterThan(200);
  }, 120_000);

  it('says what is wrong with an ID above 2^31−1, a forged cursor and text with NUL', async () => {
    const big = await harness.post('query ($id: ID!) { node(id: $id) { id } }', { id: encodeNodeId('Event', 2_147_483_648) });
    expect(big.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(big.body.errors?.[0]?.message).toMatch(/above the largest ID/);
    const cursor = await harness.post('{ events(first: 2, after: "Zm9vOmJhcg==") { totalCount } }');
    expect(cursor.body.errors?.[0]?.message).toMatch(/not a cursor of this list/);
    const nul = await harness.post('query ($s: String) { people(search: $s) { totalCount } }', { s: 'Ha\u0000mas' });
    expect(nul.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: '$s' } });
    expect(nul.body.errors?.[0]?.message).toMatch(/NUL/);
  });

  it('puts a request ID on every response, keeping a sane one the client sent', async () => {
    const responses = [
      (await harness.post('{ __typename }')).headers,
      (await harness.post('{ nope }')).headers,
      (await harness.get('/export/events.geojson?limit=1')).headers,
      (await harness.get('/health')).headers,
      (await harness.get('/no-such-page')).headers,
    ];
    for (const headers of responses) expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await harness.post('{ __typename }', undefined, { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await harness.post('{ __typename }', undefined, { headers: { 'x-request-id': 'bad id\r\nx' } });
    expect(replaced.headers.get('x-request-id')).not.toContain('bad');
  });
});

describe('error masking', () => {
  it('shows the client no stack, SQL or path when the server fails, and logs it under the request ID', async () => {
    const harness = await openHarness();
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '));
    });
    try {
      await harness.database.dispose();
      const { body, headers } = await harness.post('{ events(first: 1) { totalCount edges { node { title } } } }');
      const id = headers.get('x-request-id')!;
      const text = JSON.stringify(body);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: id });
      expect(body.errors?.[0]?.message).toContain(id);
      expect(text).not.toMatch(/stack|prisma|PGlite|SELECT|node_modules|\/tmp\/|\.ts:/i);
      expect(logged.some((line) => line.includes(`[request ${id}]`))).toBe(true);
    } finally {
      spy.mockRestore();
      await harness.server.dispose();
    }
  });
});

describe('export failures', () => {
  it('answer 500 with the request ID and no detail, and log under that ID', async () => {
    const harness = await openHarness({}, false);
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    try {
      await harness.database.dispose();
      const response = await harness.get('/export/timelinejs.json');
      const id = response.headers.get('x-request-id')!;
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: id });
      expect(JSON.stringify(body)).not.toMatch(/prisma|PGlite|SELECT|node_modules/i);
      expect(logged.some((line) => line.includes(`[request ${id}]`))).toBe(true);
    } finally {
      spy.mockRestore();
      await harness.server.dispose();
    }
  });
});
