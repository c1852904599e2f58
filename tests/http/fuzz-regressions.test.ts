// Requests the fuzz suites (fuzz-graphql.test.ts, fuzz-exports.test.ts) found a 5xx, an uncoded error or a leak with,
// kept as they were found, each under its own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type HttpHarness } from './http-client.js';

let harness: HttpHarness;
beforeAll(async () => {
  harness = await openHarness();
});
afterAll(async () => harness.close());

describe('fuzz regressions', () => {
  it('refuses variables nested 10,000 levels deep with INPUT_TOO_DEEP, not a stack overflow (500)', async () => {
    const lists = await harness.postBody(`{"query":"query ($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`);
    const objects = await harness.postBody(`{"query":"{ __typename }","variables":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`);
    const extensions = await harness.postBody(`{"query":"{ __typename }","extensions":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    for (const response of [lists, objects, extensions]) {
      expect(response.status).toBeLessThan(500);
      const body = await response.json();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INPUT_TOO_DEEP', limit: 32 });
    }
    // Values as deep as the schema's inputs are still served.
    const served = await harness.post('query ($filter: EventFilter) { events(first: 1, filter: $filter) { totalCount } }', { filter: { types: ['ATTACK'] } });
    expect(served.body.errors).toBeUndefined();
  });
});

describe('fuzz regressions: GET parameters and media types', () => {
  const query = encodeURIComponent('{ __typename }');
  const get = (search: string) => harness.get(`/graphql?${search}`, { headers: { accept: 'application/json', 'content-type': 'application/json' } });

  it('refuses a GET whose variables or extensions are not JSON with BAD_USER_INPUT naming them, not 500', async () => {
    for (const [name, value] of [['variables', '%7B'], ['extensions', '%7D'], ['variables', '%7B%22a%22%3A']]) {
      const response = await get(`query=${query}&${name}=${value}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: name } });
      expect(body.errors?.[0]?.message).toMatch(new RegExp(`^${name}: the URL parameter is not JSON`));
    }
    const served = await get(`query=${query}&variables=%7B%7D`);
    expect(await served.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('says why it answers 406 (Accept) and 415 (Content-Type), with a code, where the body was empty', async () => {
    const notAcceptable = await harness.postBody('{"query":"{ __typename }"}', { accept: 'application/xml' });
    expect(notAcceptable.status).toBe(406);
    expect((await notAcceptable.json()).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_ACCEPTABLE' } });
    const unsupported = await harness.postBody('{"query":"{ __typename }"}', { 'content-type': 'application/graphql-response+json' });
    expect(unsupported.status).toBe(415);
    const body = (await unsupported.json()).errors?.[0];
    expect(body).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(body.message).toMatch(/application\/json/);
  });
});

describe('fuzz regressions: export URLs', () => {
  it('answers a POST (or PUT, DELETE) to an export with 405 and a code, as every other refusal has', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await harness.server.fetch('http://newsline/export/events.geojson?limit=1', { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, OPTIONS');
      expect(await response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', error: `${method} is not supported here; use GET` });
    }
  });
});

describe('fuzz regressions: forged cursors', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('refuses a Pothos cursor holding a string, date, bigint, JSON, null or tuple with BAD_USER_INPUT, where Prisma failed (500)', async () => {
    const forged = ['GPC:S:x', 'GPC:J:{"id":"1"}', 'GPC:D:0', 'GPC:I:5', 'GPC:Z:', 'GPC:O:{"id":1}', 'GPC:T:["N:1"]', 'GPC:M:1.5', 'GPC:B:AAAA'];
    for (const cursor of forged.map(b64)) {
      for (const list of ['events', 'people', 'places', 'organizations', 'sources', 'articles', 'claims']) {
        const { body } = await harness.post(`query ($c: String) { ${list}(after: $c, first: 0) { edges { cursor } } }`, { c: cursor });
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
        expect(body.errors?.[0]?.message).toMatch(/where a row ID belongs/);
      }
    }
    // A cursor the list returned still pages.
    const first = await harness.post('{ events(first: 1) { edges { cursor } } }');
    const next = await harness.post('query ($c: String) { events(first: 1, after: $c) { edges { cursor } } }', { c: first.body.data.events.edges[0].cursor });
    expect(next.body.errors).toBeUndefined();
  });
});

describe('fuzz regressions: ingestion', () => {
  const ingest = (input: Record<string, unknown>) =>
    harness.post('mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status warnings } }', { input });

  it('ingests an article whose publisher has no letter or digit (" ", "\\u200b", "!!!") as one without a publisher, where the store failed (500)', async () => {
    let n = 0;
    for (const publisher of [' ', '\u200b', '!!!', '\uffff\ufffe', '\u0301']) {
      const { body } = await ingest({ content: `Officials said 3 people were killed in Paris on Monday. (${n++})`, publishedAt: '2023-11-04', publisher });
      expect(body.errors).toBeUndefined();
      expect(body.data.ingestArticle.status).toBe('CREATED');
      expect(body.data.ingestArticle.warnings).toContainEqual(expect.stringMatching(/^no publisher/));
    }
    const json = await ingest({
      format: 'JSON',
      content: JSON.stringify({ url: 'https://example.com/fuzz/1', title: 'x', publishedAt: '2023-11-04', publisher: ' \u200b ', text: 'Police said 2 people died in Lyon on Tuesday.' }),
    });
    expect(json.body.errors).toBeUndefined();
    // A publisher with a name is still the article's publisher.
    const named = await ingest({ content: 'Officials said 3 people were killed in Paris on Monday. (named)', publishedAt: '2023-11-04', publisher: 'Fuzz Daily' });
    expect(named.body.data.ingestArticle.warnings).not.toContainEqual(expect.stringMatching(/^no publisher/));
  });
});
